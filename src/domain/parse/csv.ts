import Papa from 'papaparse';
import { decodeBytes, dropNuls, endOfUtf8, stripBom } from './encoding';

/**
 * CSV reading on top of PapaParse. Delimiters are sniffed here (`,` `;` tab `|`) rather than by
 * PapaParse's guess, because title lines above the header (LinkedIn, Hootsuite) mislead it.
 */
export type Delimiter = ',' | ';' | '\t' | '|';
const CANDIDATES: Delimiter[] = [',', ';', '\t', '|'];

/** Counts a delimiter per line outside double quotes, for the first lines of `head`. */
function countsPerLine(head: string, d: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let n = 0;
  for (let i = 0; i < head.length && counts.length < maxLines; i++) {
    const c = head[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === d) n++;
    else if (!inQuotes && c === '\n') {
      counts.push(n);
      n = 0;
    }
  }
  if (counts.length < maxLines && n > 0) counts.push(n);
  return counts;
}

/** Picks the delimiter that splits the most lines into the same (largest) number of columns. */
export function sniffDelimiter(head: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = countsPerLine(head, d, 30).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeN = 0;
    for (const [c, k] of freq) if (k > modeN || (k === modeN && c > mode)) [mode, modeN] = [c, k];
    const score = modeN * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

export interface CsvChunkHandler {
  /** Called with consecutive rows; return a promise to pause parsing until it settles. */
  (rows: string[][]): void | Promise<void>;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when the first lines quote every field with a space around the delimiter (older Mailchimp
 * files: `"Email Address", "First Name"` or `"a@b.org" ,"Jane"`). PapaParse treats a quote that does
 * not open a field as a literal, so such files need `repairSpacedQuotes` first.
 */
export function hasSpacedQuotes(head: string, d: Delimiter): boolean {
  const D = escapeRe(d);
  const field = '"(?:[^"]|"")*"';
  const line = new RegExp(`^[ ]*${field}(?:[ ]*${D}[ ]*${field})+[ ]*$`);
  // Spaces only count outside the quotes: `"a"," ,"` is a value that starts with a space, not padding.
  return firstRecords(head, 5).some((l) => line.test(l) && repairSpacedQuotes(l, d) !== l);
}

/**
 * The first `max` non-blank records of a CSV text, each whole: a line break inside quotes does not
 * end one (split on line breaks, the piece of a quoted multi-line value after its break can look
 * like a row of quoted fields). A last record without a line break counts unless a quote is open.
 */
function firstRecords(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuotes = false;
  const take = (end: number) => {
    const rec = text.slice(start, end).replace(/\r$/, '');
    if (rec.trim() !== '') out.push(rec);
  };
  for (let i = 0; i < text.length && out.length < max; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) {
      take(i);
      start = i + 1;
    }
  }
  if (out.length < max && !inQuotes && start < text.length) take(text.length);
  return out;
}

/**
 * Removes the spaces between closing quote, delimiter and opening quote (see hasSpacedQuotes).
 * Quote-aware: a space inside a quoted value is data and stays. `text` starts at a row start. With
 * `final` false more text follows (a streamed slice): a run of spaces at the very end that only the
 * next character could show to be padding is kept — it lies in the last, unfinished row, which the
 * caller repairs again with the next slice (repairing twice changes nothing more).
 */
export function repairSpacedQuotes(text: string, d: Delimiter, final = true): string {
  const out: string[] = [];
  const isEdge = (c: string | undefined) =>
    c === undefined ? final : c === d || c === '"' || c === '\n' || c === '\r';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    if (inQuotes || c !== ' ') {
      out.push(c);
      continue;
    }
    // A run of spaces outside quotes: padding when it touches a quote, a delimiter or a line end.
    let j = i;
    while (text[j] === ' ') j++;
    const before = out.length ? out[out.length - 1] : '\n';
    if (!(isEdge(before) || isEdge(text[j]))) out.push(text.slice(i, j));
    i = j - 1;
  }
  return out.join('');
}

/** A structural problem of the CSV text itself (not of a value): which row (1-based) and what. */
export interface CsvProblem {
  row: number;
  code: 'unclosed-quote';
}

/**
 * A problem of one row that does not stop reading (the row is kept): `invalid-quote` — a quoted
 * value holds a quote that is not doubled (`"I love the "Weave" tool`), so PapaParse may have read
 * the rows after it into that value; `long-field` — a value longer than LONG_FIELD_CHARS, which no
 * supported export has (almost always a quoting error). `index` is the row's 0-based position in the
 * chunk of rows it came in, `column` the 0-based field.
 */
export interface CsvRowProblem {
  index: number;
  /** `unended`: the text ends inside this row, with no line break after it; `column` is its last value. */
  code: 'invalid-quote' | 'long-field' | 'unended';
  column: number;
  /** long-field: the value's length in characters. */
  length?: number;
}

/** A value longer than this (characters) is reported as `long-field`. */
export const LONG_FIELD_CHARS = 1024 * 1024;

/**
 * The row problems of a chunk handed to `onRows` by parseCsvText or streamCsvBlob (TableImport
 * turns them into issues, so the command and the browser's stream report them alike).
 */
const chunkProblems = new WeakMap<readonly string[][], CsvRowProblem[]>();

export function csvChunkProblems(rows: readonly string[][]): readonly CsvRowProblem[] | undefined {
  return chunkProblems.get(rows);
}

function addChunkProblem(rows: readonly string[][], p: CsvRowProblem): void {
  const list = chunkProblems.get(rows);
  if (list) list.push(p);
  else chunkProblems.set(rows, [p]);
}

/** The first value of `row` longer than `limit`, as [column, length], or null. */
function longField(row: readonly string[], limit: number): [number, number] | null {
  for (let i = 0; i < row.length; i++) if (row[i]!.length > limit) return [i, row[i]!.length];
  return null;
}

/**
 * The 0-based field index of each of `openers` (ascending positions of the opening quote of a
 * field), reading `text` from `from` (a record start) the way PapaParse does: a quote closes a
 * quoted value only before (spaces and) a delimiter, a line break or the end; `""` is a quote.
 * Runs only for rows with a malformed quote.
 */
export function fieldIndexesAt(text: string, from: number, openers: readonly number[], d: string): number[] {
  const out: number[] = [];
  let field = 0;
  let p = 0;
  let i = from;
  while (p < openers.length && i <= text.length) {
    while (p < openers.length && openers[p]! <= i) {
      out.push(field);
      p++;
    }
    if (p >= openers.length || i >= text.length) break;
    if (text[i] === '"') {
      // A quoted value: find the quote that closes it.
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          i = text.length;
          break;
        }
        if (text[q + 1] === '"') {
          j = q + 2;
          continue;
        }
        let k = q + 1;
        while (text[k] === ' ') k++;
        if (k >= text.length || text[k] === '\n' || text[k] === '\r' || text.startsWith(d, k)) {
          i = k;
          break;
        }
        j = q + 1;
      }
      continue;
    }
    // Unquoted: up to the next delimiter or line break.
    for (; i < text.length; i++) {
      const c = text[i];
      if (text.startsWith(d, i)) {
        field++;
        i += d.length;
        break;
      }
      if (c === '\n' || c === '\r') {
        field = 0;
        i++;
        break;
      }
    }
  }
  while (out.length < openers.length) out.push(field);
  return out;
}

/** The opening quote of the first malformed quoted value of a parse result's rows, by row (PapaParse's error `index` is just after it). */
function invalidQuoteOpeners(errors: readonly Papa.ParseError[], rowCount: number): Map<number, number> {
  const byRow = new Map<number, number>();
  for (const e of errors) {
    if (e.code !== 'InvalidQuotes' || e.row === undefined || e.row >= rowCount || e.index === undefined)
      continue;
    if (!byRow.has(e.row)) byRow.set(e.row, e.index - 1);
  }
  return byRow;
}

/** How much of the start of a file decides whether it needs `repairSpacedQuotes`. */
const SPACED_HEAD = 16 * 1024;

/**
 * A row whose every cell is empty or whitespace (PapaParse's `skipEmptyLines: 'greedy'`). Runs for
 * every row of large files: a cell that starts with a visible ASCII character settles it without trim.
 */
export function isBlankRow(row: readonly string[]): boolean {
  for (const c of row) {
    const first = c.charCodeAt(0);
    if ((first > 32 && first < 127) || c.trim() !== '') return false;
  }
  return true;
}

/**
 * `text` without the `\r`s that end it. Split on `\n` (see lineEnding), a file that ends in `"…"\r`
 * would leave that quote unclosed for PapaParse (a `\r` it skips only before a `\n`).
 */
function withoutFinalCr(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Parses a whole CSV text synchronously, chunk by chunk (the command and zip entries use this).
 * `onProblem` hears of a quoted value that is never closed: PapaParse then reads the rest of the file
 * into that one value, so the caller should not trust the rows. Blank rows are left out, unless
 * `keepBlankRows` (a sheet of an Excel workbook, whose rows are counted as the sheet numbers them).
 */
export function parseCsvText(
  text: string,
  onRows: (rows: string[][]) => void,
  delimiter?: Delimiter,
  onProblem?: (p: CsvProblem) => void,
  keepBlankRows = false,
): void {
  const d = delimiter ?? sniffDelimiter(text.slice(0, 64 * 1024));
  if (hasSpacedQuotes(text.slice(0, SPACED_HEAD), d)) text = repairSpacedQuotes(text, d);
  const newline = lineEnding(text, true)!;
  // Before a final CR is dropped: it ended the last row.
  const ended = endsLine(text);
  if (newline === '\n') text = withoutFinalCr(text);
  const CHUNK = 5000;
  let buffer: string[][] = [];
  let row = 0;
  // Where the row being read starts (PapaParse's cursor after the previous row).
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter: d,
    newline,
    skipEmptyLines: keepBlankRows ? false : 'greedy',
    step: (res) => {
      row++;
      // A full chunk is handed on when the next row comes, so the last row is in the last chunk.
      if (buffer.length >= CHUNK) {
        onRows(buffer);
        buffer = [];
      }
      if (onProblem && res.errors.some((e) => e.code === 'MissingQuotes'))
        onProblem({ row, code: 'unclosed-quote' });
      const invalid = res.errors.find((e) => e.code === 'InvalidQuotes' && e.index !== undefined);
      if (invalid) {
        const column = fieldIndexesAt(text, rowStart, [invalid.index! - 1], d)[0]!;
        addChunkProblem(buffer, { index: buffer.length, code: 'invalid-quote', column });
      } else if (res.meta.cursor - rowStart > LONG_FIELD_CHARS) {
        const long = longField(res.data, LONG_FIELD_CHARS);
        if (long)
          addChunkProblem(buffer, {
            index: buffer.length,
            code: 'long-field',
            column: long[0],
            length: long[1],
          });
      }
      rowStart = res.meta.cursor;
      buffer.push(res.data);
    },
  });
  if (!ended) markUnended(buffer);
  if (buffer.length) onRows(buffer);
}

/**
 * Whether `text` ends with a line break (and perhaps blanks after it). Looks at the end only: a
 * pattern anchored at `$` is tried from every line break, which is quadratic in a run of blank lines.
 */
export function endsLine(text: string): boolean {
  let i = text.length - 1;
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    // White space as `\s` has it: ASCII blanks, NBSP, BOM, line/paragraph separators, Unicode spaces.
    if (!(
      c === 32 ||
      c === 9 ||
      c === 11 ||
      c === 12 ||
      c === 0xa0 ||
      c === 0xfeff ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000
    ))
      return false;
  }
  return false;
}

/**
 * Marks the last of `rows` `unended`: the file's text ends in it, with no line break after it. With
 * fewer values than the header and the row before it, the file was cut short there (TableImport).
 */
function markUnended(rows: string[][]): void {
  const last = rows[rows.length - 1];
  if (last) addChunkProblem(rows, { index: rows.length - 1, code: 'unended', column: last.length - 1 });
}

/**
 * Records the row problems (CsvRowProblem) of one parse of a streamed slice on `rows` (`res.data`
 * without its blank rows): positions count only the rows kept, like parseCsvText's chunks.
 */
function rowProblems(text: string, d: Delimiter, res: Papa.ParseResult<string[]>, rows: string[][]): void {
  // A row still being read (the slice ends inside it) is parsed again with the next slice.
  const openers = invalidQuoteOpeners(res.errors, res.data.length);
  // Only a slice longer than the limit can hold a too-long value, and then every other row fits in
  // what is left (each takes at least its line break): a 1 MiB slice of ordinary rows is not scanned.
  const mayBeLong = text.length > LONG_FIELD_CHARS && res.data.length - 1 < text.length - LONG_FIELD_CHARS;
  if (openers.size === 0 && !mayBeLong) return;
  const byRow = [...openers].sort((a, b) => a[1] - b[1]);
  const columns = new Map<number, number>();
  if (byRow.length > 0) {
    const found = fieldIndexesAt(
      text,
      0,
      byRow.map((e) => e[1]),
      d,
    );
    byRow.forEach(([r], k) => columns.set(r, found[k]!));
  }
  let index = 0;
  for (let r = 0; r < res.data.length; r++) {
    const row = res.data[r]!;
    if (index >= rows.length || rows[index] !== row) continue; // a blank row, not kept
    const column = columns.get(r);
    if (column !== undefined) addChunkProblem(rows, { index, code: 'invalid-quote', column });
    else if (mayBeLong) {
      const long = longField(row, LONG_FIELD_CHARS);
      if (long) addChunkProblem(rows, { index, code: 'long-field', column: long[0], length: long[1] });
    }
    index++;
  }
}

/** A quoted value never closed (see CsvProblem), met while streaming: `row` is the 1-based row it opens in. */
export class UnclosedQuoteError extends Error {
  constructor(readonly row: number) {
    super(`row ${row}: a quoted value opened in this row is never closed`);
    this.name = 'UnclosedQuoteError';
  }
}

/**
 * Decodes a file slice by slice; a character cut between two slices is decoded whole. A file sniffed
 * as UTF-8 (from its first 256 KB) whose later bytes are not UTF-8 — a Windows-1252 re-save whose
 * first accented letter comes later (QA C1) — is read, from the first slice that is not UTF-8 on, the
 * way decodeText reads such a file whole: UTF-8 sequences as UTF-8, other bytes as Windows-1252;
 * `mixed` then says so (a character cut at the very end does not count, see endOfUtf8). A fatal
 * decoder finds that slice for what the plain one costs.
 */
class SliceDecoder {
  private utf: TextDecoder | null;
  private readonly utf8: boolean;
  private carry = new Uint8Array(0);
  /** True once a slice of a file sniffed as UTF-8 turned out not to be UTF-8. */
  mixed = false;
  constructor(encoding: string) {
    this.utf8 = encoding === 'utf-8';
    this.utf = encoding === 'windows-1252' ? null : new TextDecoder(encoding, { fatal: this.utf8 });
  }
  decode(bytes: Uint8Array, last: boolean): string {
    if (this.utf && !this.utf8) return dropNuls(this.utf.decode(bytes, { stream: !last }));
    // UTF-8 and Windows-1252 (with UTF-8 sequences read as UTF-8, see decodeBytes): hold back a UTF-8
    // sequence cut at the end, so each slice is decoded up to a whole character.
    let all = bytes;
    if (this.carry.length) {
      all = new Uint8Array(this.carry.length + bytes.length);
      all.set(this.carry);
      all.set(bytes, this.carry.length);
    }
    const keep = last ? 0 : incompleteUtf8Tail(all);
    this.carry = all.slice(all.length - keep);
    const whole = all.subarray(0, all.length - keep);
    if (this.utf) {
      try {
        // Each slice ends on a whole character, but the last may end on a cut one: see endOfUtf8.
        const text = this.utf.decode(whole, { stream: true });
        return dropNuls(last ? text + endOfUtf8(this.utf) : text);
      } catch {
        this.utf = null;
        this.mixed = true;
      }
    }
    return decodeBytes(whole, 'windows-1252');
  }
}

/** How many trailing bytes start a UTF-8 sequence that the next slice completes (0–3). */
function incompleteUtf8Tail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/** How much of the start of a CSV text decides its line ending (lineEnding): the head the import sniffs. */
const NEWLINE_HEAD = 256 * 1024;

type Newline = '\n' | '\r' | '\r\n';

/**
 * The line ending PapaParse is to split rows on (its parser needs it named), from the start of a CSV
 * text (`last`: all of it), or null while that start does not settle it yet. The first one met
 * outside quotes — but `\n` when a bare `\n` (not after `\r`) follows a first `\r\n` within
 * NEWLINE_HEAD characters: in a file whose header one tool wrote with `\r\n` and whose rows another
 * wrote with `\n`, splitting on `\r\n` read each `\n` row into the last value of the row before
 * (QA W5). Splitting `\r\n` rows on `\n` leaves a `\r` at the end of an unquoted last value, which
 * every reader trims (as it trims spaces); after a closing quote PapaParse skips it like a space.
 * Only the first NEWLINE_HEAD characters count, so the whole-text reader and the stream (which
 * waits for that many) decide alike. A `\n` file with `\r\n` rows later needs nothing: `\n` splits
 * both.
 */
export function lineEnding(text: string, last: boolean): Newline | null {
  let inQuotes = false;
  let crlf = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (crlf && i >= NEWLINE_HEAD) return '\r\n';
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 10) return '\n';
    else if (c === 13) {
      if (i + 1 === n && !last) return crlf && n >= NEWLINE_HEAD ? '\r\n' : null;
      if (text.charCodeAt(i + 1) === 10) {
        crlf = true;
        i++;
      } else if (!crlf) return '\r';
    }
  }
  if (crlf) return last || n >= NEWLINE_HEAD ? '\r\n' : null;
  return last ? '\n' : null;
}

/**
 * Streams a Blob/File chunk by chunk (inside a worker; the file is never read whole): each slice is
 * decoded with a streaming decoder — PapaParse's own file reader decodes every slice on its own, so a
 * character cut at a slice boundary turned into two U+FFFD — then parsed with PapaParse's parser,
 * holding back the last, possibly incomplete, row for the next slice (what PapaParse's streamer does).
 * `onRows` may return a promise: reading waits until it settles. Resolves when the file is done
 * (`mixedEncoding`: a file read as UTF-8 turned out to hold other bytes, see SliceDecoder); rejects
 * on a read error, an unclosed quote (UnclosedQuoteError) or when `onRows` rejects.
 */
export async function streamCsvBlob(
  blob: Blob,
  opts: { encoding: string; delimiter: Delimiter; chunkSize?: number; onProgress?: (bytes: number) => void },
  onRows: CsvChunkHandler,
): Promise<{ mixedEncoding: boolean }> {
  // 1 MiB: progress (and a Cancel check) at least a few times a second even on a busy machine.
  const size = opts.chunkSize ?? 1024 * 1024;
  const decoder = new SliceDecoder(opts.encoding);
  let partial = '';
  let newline: Newline | null = null;
  // Decided, like parseCsvText, from the first 16 KiB: do fields carry spaces around the delimiter?
  let spaced: boolean | null = null;
  let rowsBefore = 0;
  for (let start = 0; ; start += size) {
    const end = Math.min(blob.size, start + size);
    const last = end >= blob.size;
    const text = decoder.decode(new Uint8Array(await blob.slice(start, end).arrayBuffer()), last);
    let aggregate = partial + (start === 0 ? stripBom(text) : text);
    if (spaced === null && (aggregate.length >= SPACED_HEAD || last))
      spaced = hasSpacedQuotes(aggregate.slice(0, SPACED_HEAD), opts.delimiter);
    if (spaced) aggregate = repairSpacedQuotes(aggregate, opts.delimiter, last);
    newline ??= lineEnding(aggregate, last);
    const ended = !last || endsLine(aggregate);
    if (last && newline === '\n') aggregate = withoutFinalCr(aggregate);
    let rows: string[][] = [];
    if (spaced === null) partial = aggregate;
    else if (newline) {
      const res = new Papa.Parser({ delimiter: opts.delimiter, newline }).parse(
        aggregate,
        0,
        !last,
      ) as Papa.ParseResult<string[]>;
      const unclosed = res.errors.find((e) => e.code === 'MissingQuotes');
      // Same rule as parseCsvText's onProblem: the rest of the file was swallowed into one value.
      if (unclosed) throw new UnclosedQuoteError(rowsBefore + (unclosed.row ?? 0) + 1);
      partial = last ? '' : aggregate.slice(res.meta.cursor);
      rowsBefore += res.data.length;
      rows = res.data.filter((r) => !isBlankRow(r)); // skipEmptyLines: 'greedy'
      rowProblems(aggregate, opts.delimiter, res, rows);
      if (last && !ended) markUnended(rows);
    } else partial = aggregate;
    opts.onProgress?.(end);
    if (rows.length) await onRows(rows);
    if (last) return { mixedEncoding: decoder.mixed };
  }
}
