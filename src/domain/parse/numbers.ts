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

/** `1234,5` / `1.234` / `1.234.567,89`: digits with `.`/`,` separators (spaces and `'` already removed). */
const ONE_SEPARATOR = /^[+-]?(\d+)([.,])(\d+)$/;
const GROUPED = /^[+-]?\d{1,3}([.,])\d{3}(?:\1\d{3})*(?:([.,])\d+)?$/;

/**
 * What one cell says about the file's decimal separator: 1 for a decimal comma (`12,5`, `0,0527`,
 * `34,16%`, `1.234,5`, `1.234.567`), -1 for a decimal point (`12.5`, `0.0527`, `1,234.5`,
 * `1,234,567`), 0 when it says nothing. `1,751` and `1.751` say nothing: three digits after a single
 * separator may be a thousands group or decimals. `9 (0,5%)` is read by its part in brackets too.
 */
export function decimalSeparatorEvidence(raw: string): -1 | 0 | 1 {
  const v = raw.trim();
  if (v.length < 3 || v.length > 30) return 0;
  const c = v.charCodeAt(0);
  // A number starts with a digit or a sign (dates, names and ids written with letters are skipped at once).
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45)) return 0;
  const paren = /^([^()]+)\(([^()]+)\)$/.exec(v);
  if (paren) return separatorOf(paren[1]!) || separatorOf(paren[2]!);
  return separatorOf(v);
}

function separatorOf(cell: string): -1 | 0 | 1 {
  let v = cell.trim();
  if (v.endsWith('%')) v = v.slice(0, -1);
  v = v.replace(/[\s\u00a0']/g, '');
  const one = ONE_SEPARATOR.exec(v);
  if (one) {
    const [, whole, sep, fraction] = one;
    // Three digits after a separator that could group thousands: either reading holds.
    if (fraction!.length === 3 && whole!.length <= 3 && whole![0] !== '0') return 0;
    return sep === ',' ? 1 : -1;
  }
  const grouped = GROUPED.exec(v);
  if (grouped) {
    const [, group, decimal] = grouped;
    if (decimal === group) return 0;
    // `1.234,5` or `1.234.567`: dots group thousands, so the comma is the decimal separator.
    return group === '.' ? 1 : -1;
  }
  return 0;
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
