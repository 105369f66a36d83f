/**
 * Small helpers every adapter shares: issues with file/row/column, dates read with the column's
 * settled day/month order, Excel-damaged ids, deterministic row keys, event names from file names.
 */
import { fmtCountOf } from '../highlights/format';
import { KeyHashCounter } from '../model/key-set';
import { hash53PairOfParts, hash53PairText, hashWordsOfParts } from '../model/keys';
import type { ImportIssue } from '../model/records';
import { parseTimestamp } from '../parse/dates';
import type { AdapterContext } from './types';

/** Appends an error for a row and returns false (so `return fail(…)` skips the row). */
export function rowError(
  ctx: AdapterContext,
  issues: ImportIssue[],
  row: number,
  column: string,
  message: string,
): false {
  issues.push({ file: ctx.fileName, row, column, severity: 'error', message: `${message}; row skipped.` });
  return false;
}

export function rowWarning(
  ctx: AdapterContext,
  issues: ImportIssue[],
  row: number | undefined,
  column: string | undefined,
  message: string,
): void {
  issues.push({
    file: ctx.fileName,
    ...(row !== undefined ? { row } : {}),
    ...(column ? { column } : {}),
    severity: 'warning',
    message,
  });
}

/**
 * Reads a timestamp from a column: zone-less values in the import time zone, numeric a/b/yyyy in
 * the order TableImport settled for this column (else the user's choice, else month first).
 */
export function readDate(
  ctx: AdapterContext,
  column: string,
  raw: string,
  timeZone = ctx.timeZone,
): number | null {
  const dayFirst = ctx.columnDayFirst?.[column] ?? ctx.dayFirst ?? false;
  return parseTimestamp(raw, { timeZone, dayFirst });
}

/**
 * Like readDate, but a zone-less value is UTC: for exports whose times are UTC by construction
 * (Discourse's database stores UTC, and the Data Explorer writes its timestamps without a zone).
 */
export function readUtcDate(ctx: AdapterContext, column: string, raw: string): number | null {
  return readDate(ctx, column, raw, 'UTC');
}

/** UTC midnight of the calendar day a value names (daily report rows), or null. */
export function readDay(ctx: AdapterContext, column: string, raw: string): number | null {
  const dayFirst = ctx.columnDayFirst?.[column] ?? ctx.dayFirst ?? false;
  const t = parseTimestamp(raw, { timeZone: 'UTC', dayFirst });
  if (t === null) return null;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

export function isoDay(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

/** `1.78E+17`: an id Excel turned into a rounded number. */
export function isExcelDamagedId(value: string): boolean {
  return /^\d(?:[.,]\d+)?e\+?\d+$/i.test(value.trim());
}

/**
 * Counts Excel-damaged ids per column and reports them once, at the end of the file (one warning
 * per column, not one per row). Ids are always kept as the strings the file holds.
 */
export class IdDamage {
  private readonly counts = new Map<string, { n: number; example: string; firstRow: number }>();

  /** Returns true when the id is damaged (the caller may then key the record by the row instead). */
  check(column: string, value: string, row: number): boolean {
    if (!isExcelDamagedId(value)) return false;
    const c = this.counts.get(column);
    if (c) c.n++;
    else this.counts.set(column, { n: 1, example: value, firstRow: row });
    return true;
  }

  report(ctx: AdapterContext, issues: ImportIssue[]): void {
    for (const [column, c] of this.counts) {
      issues.push({
        file: ctx.fileName,
        row: c.firstRow,
        column,
        severity: 'warning',
        message:
          c.n === 1
            ? `1 value in "${column}" is an id in Excel's scientific notation (${c.example}): Excel rounded it, so it is kept as written but may no longer tell its record from others. Re-export the file without opening it in Excel.`
            : `${fmtCountOf(c.n, 'value')} in "${column}" are ids in Excel's scientific notation (e.g. ${c.example}): Excel rounded them, so they are kept as written but may no longer tell records apart. Re-export the file without opening it in Excel.`,
      });
    }
  }
}

/** Between the parts of a row key's hash: the unit separator, which export cells almost never hold. */
const KEY_SEPARATOR = '\u001f';

/** A deterministic key for a row that has no natural id: a hash of its cells (two seeds, ~106 bits). */
export function hashKey(parts: readonly string[]): string {
  return hash53PairOfParts(parts, KEY_SEPARATOR);
}

/**
 * Keys rows without natural ids. Identical rows in one file get `#2`, `#3`… so that two real
 * messages with the same author, minute and text are both kept, while re-importing the file (or a
 * later export holding the same rows in the same order) yields the same keys.
 */
export class RowKeyer {
  /**
   * Occurrences of each row hash so far (`KeyHashCounter`, ~12–16 bytes a row instead of ~100 for a
   * Map of strings: a 2.6M-row file held ~250 MB here), counted by 64 of the row hash's ~106 bits —
   * the first word of each seed's half, already computed for the key, so the key text is not hashed
   * again. Two different rows are numbered as if identical only if those 64 bits match: ≈ n²/2^65
   * for the whole file (10M rows ≈ 3e-6); see docs/decisions/0004.
   */
  private readonly seen = new KeyHashCounter();
  private readonly words = new Int32Array(4);

  key(prefix: string, parts: readonly string[]): string {
    const w = this.words;
    hashWordsOfParts(parts, KEY_SEPARATOR, w);
    const n = this.seen.incrementHash(w[0]!, w[2]!);
    const h = hash53PairText(w);
    return n > 1 ? `${prefix}${h}#${n}` : prefix + h;
  }

  /**
   * Makes room for about `rows` rows at once (an estimate from the file's size): the counter's
   * table takes its final size instead of doubling on the way (~0.2 s of rehashing per 1M rows).
   */
  reserve(rows: number): void {
    this.seen.reserve(rows);
  }
}

/** (Moved to model/interner.ts, which keeps owned copies of new names too; re-exported for the adapters.) */
export { ownedString } from '../model/interner';

/**
 * The file's own name without folders and extension. A file inside a zip (`export.zip › a.csv`) is
 * named by itself; a sheet of an Excel workbook (`Spring Meetup - Attendees.xlsx › Sheet1`) by its
 * workbook: the file the user downloaded and named.
 */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  const parts = base.split(' › ');
  const workbook = parts.length > 1 && /\.xls[xm]?$/i.test(parts[parts.length - 2]!);
  const inner = (workbook ? parts[parts.length - 2] : parts[parts.length - 1]) ?? base;
  return inner
    .trim()
    .replace(/\.(gz|gzip)$/i, '')
    .replace(/\.(csv|tsv|txt|xls|xlsx|xlsm|json)$/i, '')
    .trim();
}

/** A readable slug for keys: lower case, spaces collapsed. Keeps non-ASCII letters. */
export function slug(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function truncate(value: string, n = 40): string {
  return value.length > n ? `${value.slice(0, n)}…` : value;
}

/** Yes/No/true/false/1/0 cells. */
export function isTruthy(value: string): boolean {
  return /^(true|yes|y|1|t)$/i.test(value.trim());
}
