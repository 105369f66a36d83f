/**
 * Number reading for export cells (formats.md): `"1,751"`, `1203.0`, `27.78%`, `9 (0.5%)`, `-`,
 * `n/a`, empty. Returns null when the cell holds no number. Percentages come back as fractions.
 * `decimalComma` reads `1.234,5` / `0,5` (European spreadsheets), and still `0.0527` as a decimal.
 */
export function parseNumber(raw: string, decimalComma = false): number | null {
  let v = raw.trim();
  if (v === '' || v === '-' || v === '–' || /^n\/?a$/i.test(v) || v === '--') return null;
  // "9 (0.5%)": the leading count.
  const paren = /^([^()]+)\s*\(.*\)$/.exec(v);
  if (paren) v = paren[1]!.trim();
  let percent = false;
  if (v.endsWith('%')) {
    percent = true;
    v = v.slice(0, -1).trim();
  }
  v = v.replace(/[\s\u00a0']/g, '');
  if (decimalComma) {
    // `1.234,5` / `1.234` (dot thousands) and `0,5`; a dot that cannot be a thousands separator
    // (`0.0527`, `12.5`: a `;` file from Swiss Excel or a tool writing dot decimals) is the decimal point.
    // (A group never starts with 0: `0.045` is a decimal.)
    if (v.includes(',') || /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(v))
      v = v.replace(/\./g, '').replace(',', '.');
  } else v = v.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(v)) return null;
  const n = Number(v);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/** Integer count from a cell; 0 for an empty/`-`/`n/a` cell (absent counts add nothing). */
export function parseCount(raw: string, decimalComma = false): number {
  const n = parseNumber(raw, decimalComma);
  return n === null ? 0 : Math.round(n);
}

/**
 * What one cell says about the file's decimal separator: 1 for a decimal comma (`12,5`, `0,0527`,
 * `34,16%`, `1.234,5`, `1.234.567`, `1 234,56`), -1 for a decimal point (`12.5`, `0.0527`,
 * `1,234.5`, `1,234,567`), 0 when it says nothing. `1,751` and `1.751` say nothing: three digits
 * after a single separator may be a thousands group or decimals. `9 (0,5%)` is read by its part in
 * brackets too. Reads the characters in place, allocating nothing (it runs on the cells of the first
 * rows of every table file).
 */
export function decimalSeparatorEvidence(raw: string): -1 | 0 | 1 {
  let from = 0;
  let to = raw.length;
  while (from < to && isSpace(raw.charCodeAt(from))) from++;
  while (to > from && isSpace(raw.charCodeAt(to - 1))) to--;
  if (to - from < 3 || to - from > 30) return 0;
  const c = raw.charCodeAt(from);
  // A number starts with a digit or a sign (dates, names and ids written with letters are skipped at once).
  if (!(isDigit(c) || c === 43 || c === 45)) return 0;
  if (raw.charCodeAt(to - 1) === 41) {
    // `9 (0,5%)`: the count, else the share in brackets.
    const open = raw.indexOf('(', from);
    if (open < 0) return 0;
    return separatorOf(raw, from, open) || separatorOf(raw, open + 1, to - 1);
  }
  return separatorOf(raw, from, to);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Spaces and apostrophes, which group thousands (`1 234`, `1'234`) or surround a value. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 39;
}

/** decimalSeparatorEvidence for `raw[from, to)`: digits with `.`/`,` separators, a sign, a `%`. */
function separatorOf(raw: string, from: number, to: number): -1 | 0 | 1 {
  while (to > from && isSpace(raw.charCodeAt(to - 1))) to--;
  if (to > from && raw.charCodeAt(to - 1) === 37) to--; // %
  while (from < to && isSpace(raw.charCodeAt(from))) from++;
  const sign = raw.charCodeAt(from);
  if (sign === 43 || sign === 45) from++;
  let separators = 0;
  let first = 0; // the first separator, and the one before the current group
  let previous = 0;
  let whole = 0; // digits before the first separator
  let run = 0; // digits in the current group
  let leadingZero = false;
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) {
      if (separators === 0 && run === 0 && c === 48) leadingZero = true;
      run++;
    } else if (c === 44 || c === 46) {
      if (run === 0) return 0;
      if (separators === 0) {
        whole = run;
        first = c;
      } else if (previous !== first || run !== 3) {
        // Only the last separator may differ from the first, and only 3-digit groups stand between.
        return 0;
      }
      previous = c;
      separators++;
      run = 0;
    } else if (!isSpace(c)) return 0;
  }
  if (separators === 0 || run === 0) return 0;
  const comma = previous === 44 ? 1 : -1;
  if (separators === 1) {
    // Three digits after a separator that could group thousands: either reading holds.
    if (run === 3 && whole <= 3 && !leadingZero) return 0;
    return comma;
  }
  // Two or more: `1.234.567` / `1.234,5` (dots group thousands, so a comma is the decimal separator).
  if (whole > 3) return 0;
  // `192.168.100.200` is an IP address (Mailchimp's OPTIN_IP, Discourse's ip_address), not a count.
  if (separators === 3 && previous === first && first === 46) return 0;
  if (previous === first) return run === 3 ? (first === 46 ? 1 : -1) : 0;
  return comma;
}

/** How many rows of a table NumberFormatScan reads (while the header and date orders are settled). */
export const NUMBER_SCAN_ROWS = 2_000;

/**
 * Decides a table's decimal separator from its cells, as DayOrderScan decides the day/month order
 * of a date column: feed the cells of its first rows with `add`; `decimalComma` is what most of the
 * telling values say (undefined when none tells, or as many say one as the other).
 */
export class NumberFormatScan {
  /** Values that can only be read with a decimal comma, and with a decimal point. */
  commaDecimals = 0;
  pointDecimals = 0;

  add(raw: string): void {
    const e = decimalSeparatorEvidence(raw);
    if (e > 0) this.commaDecimals++;
    else if (e < 0) this.pointDecimals++;
  }

  get decimalComma(): boolean | undefined {
    if (this.commaDecimals > this.pointDecimals) return true;
    if (this.pointDecimals > this.commaDecimals) return false;
    return undefined;
  }
}
