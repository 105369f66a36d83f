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
    if (v.includes(',') || /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(v)) v = v.replace(/\./g, '').replace(',', '.');
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
