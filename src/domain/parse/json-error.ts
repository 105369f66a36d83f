/**
 * Where a JSON text that `JSON.parse` refused goes wrong, worked out here rather than read from the
 * engine's message: Node and Chromium word (and place) their errors differently, and some have no
 * position at all, while the browser and the command must tell the user the same thing.
 */
export type JsonProblem =
  /** The text ends inside a value (a string, an object or array not closed): the file was cut. */
  | { kind: 'cut' }
  /** A syntax error at `at` (0-based character), on 1-based `line` and `column`; `found` is the character there. */
  | { kind: 'syntax'; at: number; line: number; column: number; found: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first problem of `text` as JSON, or null when it is valid JSON. Runs only after JSON.parse failed. */
export function findJsonProblem(text: string): JsonProblem | null {
  const n = text.length;
  let i = 0;
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  const str = (): boolean => {
    for (i++; i < n;) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (i + 6 > n) return ((i = n), false);
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return ((i += 2), false);
          i += 6;
        } else if (e === undefined) return ((i = n), false);
        else if (!ESCAPES.has(e)) return ((i += 1), false);
        else i += 2;
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    for (const lit of ['true', 'false', 'null']) {
      if (text[i] !== lit[0]) continue;
      if (text.startsWith(lit, i)) return ((i += lit.length), true);
      // A literal cut by the end of the text.
      if (lit.startsWith(text.slice(i))) i = n;
      return false;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0].length === 0) return false;
    i += m[0].length;
    return true;
  };
  const key = (): boolean => {
    ws();
    if (text[i] !== '"' || !str()) return false;
    ws();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  const fail = (): JsonProblem => {
    if (i >= n) return { kind: 'cut' };
    let line = 1;
    let lineStart = 0;
    for (let k = text.indexOf('\n'); k !== -1 && k < i; k = text.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    return {
      kind: 'syntax',
      at: i,
      line,
      column: i - lineStart + 1,
      found: String.fromCodePoint(text.codePointAt(i)!),
    };
  };
  const stack: string[] = [];
  for (;;) {
    // A value.
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        if (c === '{' && !key()) return fail();
        continue;
      }
    } else if (c === '"') {
      if (!str()) return fail();
    } else if (i >= n || !scalar()) return fail();
    // After a value: a comma, or the end of containers.
    for (;;) {
      ws();
      if (stack.length === 0) return i >= n ? null : fail();
      if (i >= n) return fail();
      const top = stack[stack.length - 1];
      if (text[i] === ',') {
        i++;
        if (top === '{' && !key()) return fail();
        break;
      }
      if (text[i] !== (top === '{' ? '}' : ']')) return fail();
      i++;
      stack.pop();
    }
  }
}
