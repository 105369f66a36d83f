/**
 * Removes what is not the writer's own words before scoring: quoted text from the post being
 * replied to (`> …` lines, Discourse `[quote="…"]…[/quote]`), code (``` / ~~~ fences, lines
 * indented by 4 spaces or a tab, inline `code`) and stack traces / error dumps.
 *
 * Linear scans only (indexOf and per-line checks; no regex that can backtrack).
 */

const QUOTE_OPEN = '[quote';
const QUOTE_CLOSE = '[/quote]';

/** Removes Discourse/BBCode quote blocks, nested ones included. */
function stripBbQuotes(text: string): string {
  let lower = text.toLowerCase();
  let start = lower.indexOf(QUOTE_OPEN);
  if (start < 0) return text;
  let out = '';
  let pos = 0;
  while (start >= 0) {
    out += text.slice(pos, start);
    // find the matching close, counting nested opens
    let depth = 1;
    let cursor = start + QUOTE_OPEN.length;
    while (depth > 0) {
      const nextOpen = lower.indexOf(QUOTE_OPEN, cursor);
      const nextClose = lower.indexOf(QUOTE_CLOSE, cursor);
      if (nextClose < 0) {
        cursor = text.length;
        break;
      }
      if (nextOpen >= 0 && nextOpen < nextClose) {
        depth++;
        cursor = nextOpen + QUOTE_OPEN.length;
      } else {
        depth--;
        cursor = nextClose + QUOTE_CLOSE.length;
      }
    }
    pos = cursor;
    out += '\n';
    start = lower.indexOf(QUOTE_OPEN, pos);
  }
  out += text.slice(pos);
  lower = '';
  return out;
}

const isSpace = (c: number): boolean => c === 32 || c === 9;

/** First non-space index of a line, or -1 for a blank line. */
function firstNonSpace(line: string): number {
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return i;
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** "…:12" or "…:12:5" or "…:12)" at the end of a line: a source position. */
function endsWithSourcePosition(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 41 /* ) */ || line.charCodeAt(i) === 32)) i--;
  let groups = 0;
  while (groups < 2) {
    let digits = 0;
    while (i >= 0 && isDigit(line.charCodeAt(i))) {
      i--;
      digits++;
    }
    if (digits === 0 || i < 0 || line.charCodeAt(i) !== 58 /* : */) break;
    groups++;
    i--;
  }
  return groups > 0;
}

const ERROR_WORDS = ['Error', 'Exception', 'Warning', 'Errno', 'Fault'];

/**
 * True for a line that is part of a stack trace or a machine error dump: "at f (a.js:1:2)",
 * "Traceback (most recent call last):", 'File "x.py", line 3, in f', "TypeError: …",
 * "java.lang.NullPointerException", "Caused by: …", "npm ERR! …", "panic: …".
 */
export function isTraceLine(trimmed: string): boolean {
  // fixed openings, by first character
  switch (trimmed.charCodeAt(0)) {
    case 97 /* a */:
      if (trimmed.startsWith('at ') && (endsWithSourcePosition(trimmed) || trimmed.endsWith('(native)') || trimmed.includes('(<anonymous>)'))) return true;
      break;
    case 84 /* T */:
      if (trimmed.startsWith('Traceback (most recent call last)')) return true;
      break;
    case 70 /* F */:
      if (trimmed.startsWith('File "') && trimmed.includes('", line ')) return true;
      break;
    case 67 /* C */:
      if (trimmed.startsWith('Caused by:')) return true;
      break;
    case 110 /* n */:
      if (trimmed.startsWith('npm ERR!')) return true;
      break;
    case 112 /* p */:
      if (trimmed.startsWith('panic:')) return true;
      break;
    case 69 /* E */:
      if (trimmed.startsWith('Exception in thread ')) return true;
      break;
    case 85 /* U */:
      if (trimmed.startsWith('Uncaught ')) return true;
      break;
    case 103 /* g */:
      if (trimmed.startsWith('goroutine ')) return true;
      break;
    case 116 /* t */:
      if (trimmed.startsWith("thread 'main' panicked")) return true;
      break;
  }
  // "SomeError: message" / "pkg.sub.SomeException" / "error[E0382]: …" at the start of the line
  let i = 0;
  while (i < trimmed.length) {
    const c = trimmed.charCodeAt(i);
    const word = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c === 95 || c === 46 || c === 36;
    if (!word) break;
    i++;
  }
  if (i === 0) return false;
  const head = trimmed.slice(0, i);
  const next = trimmed.charCodeAt(i);
  const endsHead = i === trimmed.length || next === 58 /* : */ || next === 91 /* [ */;
  if (!endsHead) return false;
  if (head === 'error' || head === 'ERROR' || head === 'FATAL' || head === 'E') return next !== 58 || trimmed.charCodeAt(i + 1) === 32;
  for (const w of ERROR_WORDS) {
    const at = head.lastIndexOf(w);
    // CamelCase error class (TypeError, java.lang.NullPointerException), not a plain sentence word
    if (at > 0 && at + w.length === head.length) return true;
    if (at === 0 && head.length === w.length && next === 58 && head === 'Error') return true;
  }
  return false;
}

/** True for a line that looks like source code rather than prose. */
function isCodeLine(trimmed: string): boolean {
  const last = trimmed.charCodeAt(trimmed.length - 1);
  // statements and blocks: ends with ; { } or starts with a closing brace / comment marker
  if (last === 59 || last === 123 || last === 125) return true;
  const first = trimmed.charCodeAt(0);
  if (first === 125 /* } */ || trimmed.startsWith('//') || trimmed.startsWith('$ ')) return true;
  return false;
}

/** Removes inline `code` spans; an unmatched backtick is left alone. */
function stripInlineCode(line: string): string {
  let open = line.indexOf('`');
  if (open < 0) return line;
  let out = '';
  let pos = 0;
  while (open >= 0) {
    const close = line.indexOf('`', open + 1);
    if (close < 0) break;
    out += line.slice(pos, open) + ' ';
    pos = close + 1;
    open = line.indexOf('`', pos);
  }
  return out + line.slice(pos);
}

/** Returns the writer's own prose: quotes, code and traces removed. */
export function stripNonOwnText(text: string): string {
  if (text.length === 0) return text;
  let src = text;
  if (src.indexOf('[') >= 0) src = stripBbQuotes(src);
  const hasNewline = src.indexOf('\n') >= 0;
  if (!hasNewline) {
    const lead = firstNonSpace(src);
    if (lead < 0) return '';
    const t = lead === 0 ? src : src.slice(lead);
    if (lead >= 4 || t.startsWith('>') || t.startsWith('```') || isTraceLine(t)) return '';
    return src.indexOf('`') >= 0 ? stripInlineCode(src) : src;
  }
  const kept: string[] = [];
  let fence = '';
  // line by line: [start, end) without its '\r', up to the '\n' at `next` (or the end)
  const n = src.length;
  let start = 0;
  for (;;) {
    let next = src.indexOf('\n', start);
    if (next < 0) next = n;
    const end = next > start && src.charCodeAt(next - 1) === 13 ? next - 1 : next;
    let lead = start;
    while (lead < end && isSpace(src.charCodeAt(lead))) lead++;
    if (lead === end) {
      if (fence === '') kept.push('');
    } else {
      const trimmed = src.slice(lead, end).trimEnd();
      if (fence !== '') {
        if (trimmed.startsWith(fence)) fence = '';
      } else if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
        fence = trimmed.slice(0, 3);
      } else if (lead - start >= 4 || src.charCodeAt(start) === 9) {
        // indented code block
      } else if (trimmed.charCodeAt(0) === 62 /* > */) {
        // quoted text
      } else if (!isTraceLine(trimmed) && !isCodeLine(trimmed)) {
        kept.push(trimmed.indexOf('`') >= 0 ? stripInlineCode(trimmed) : trimmed);
      }
    }
    if (next === n) break;
    start = next + 1;
  }
  return kept.join('\n');
}
