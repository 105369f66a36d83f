import Papa from 'papaparse';

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
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5);
  // Spaces only count outside the quotes: `"a"," ,"` is a value that starts with a space, not padding.
  return lines.some((l) => line.test(l) && repairSpacedQuotes(l, d) !== l);
}

/**
 * Removes the spaces between closing quote, delimiter and opening quote (see hasSpacedQuotes).
 * Quote-aware: a space inside a quoted value is data and stays.
 */
export function repairSpacedQuotes(text: string, d: Delimiter): string {
  const out: string[] = [];
  const isEdge = (c: string | undefined) => c === undefined || c === d || c === '"' || c === '\n' || c === '\r';
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
    const before = out.length ? out[out.length - 1] : undefined;
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
 * Parses a whole CSV text synchronously, chunk by chunk (the command and zip entries use this).
 * `onProblem` hears of a quoted value that is never closed: PapaParse then reads the rest of the file
 * into that one value, so the caller should not trust the rows.
 */
export function parseCsvText(text: string, onRows: (rows: string[][]) => void, delimiter?: Delimiter, onProblem?: (p: CsvProblem) => void): void {
  const d = delimiter ?? sniffDelimiter(text.slice(0, 64 * 1024));
  if (hasSpacedQuotes(text.slice(0, 16 * 1024), d)) text = repairSpacedQuotes(text, d);
  const CHUNK = 5000;
  let buffer: string[][] = [];
  let row = 0;
  Papa.parse<string[]>(text, {
    delimiter: d,
    skipEmptyLines: 'greedy',
    step: (res) => {
      row++;
      if (onProblem && res.errors.some((e) => e.code === 'MissingQuotes')) onProblem({ row, code: 'unclosed-quote' });
      buffer.push(res.data);
      if (buffer.length >= CHUNK) {
        onRows(buffer);
        buffer = [];
      }
    },
  });
  if (buffer.length) onRows(buffer);
}

/** A quoted value never closed (see CsvProblem), met while streaming: `row` is the 1-based row it opens in. */
export class UnclosedQuoteError extends Error {
  constructor(readonly row: number) {
    super(`row ${row}: a quoted value opened in this row is never closed`);
    this.name = 'UnclosedQuoteError';
  }
}

/**
 * Streams a Blob/File through PapaParse's chunk mode (inside a worker; the file is never read whole).
 * `onRows` may return a promise: parsing pauses until it settles (so each chunk is written before the
 * next is read). Resolves when the file is done; rejects on a read error or when `onRows` rejects.
 */
export function streamCsvBlob(
  blob: Blob,
  opts: { encoding: string; delimiter: Delimiter; chunkSize?: number; onProgress?: (bytes: number) => void },
  onRows: CsvChunkHandler,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    let rowsBefore = 0;
    // PapaParse calls `complete` right after the last chunk's callback, even while paused: wait for it.
    let pending: Promise<void> = Promise.resolve();
    Papa.parse<string[]>(blob as File, {
      delimiter: opts.delimiter,
      encoding: opts.encoding,
      skipEmptyLines: 'greedy',
      // 1 MiB: progress (and a Cancel check) at least a few times a second even on a busy machine.
      chunkSize: opts.chunkSize ?? 1024 * 1024,
      chunk: (res, parser) => {
        if (failed) return;
        opts.onProgress?.(res.meta.cursor);
        const unclosed = res.errors.find((e) => e.code === 'MissingQuotes');
        if (unclosed) {
          // Same rule as parseCsvText's onProblem: the rest of the file was swallowed into one value.
          failed = true;
          parser.abort();
          reject(new UnclosedQuoteError(rowsBefore + (unclosed.row ?? 0) + 1));
          return;
        }
        rowsBefore += res.data.length;
        const p = onRows(res.data);
        if (p && typeof (p as Promise<void>).then === 'function') {
          parser.pause();
          pending = (p as Promise<void>).then(
            () => parser.resume(),
            (e: unknown) => {
              failed = true;
              parser.abort();
              reject(e);
            },
          );
        }
      },
      complete: () => {
        void pending.then(() => {
          if (!failed) resolve();
        });
      },
      error: (e) => {
        failed = true;
        reject(e);
      },
    });
  });
}
