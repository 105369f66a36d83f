/**
 * CSV writing for every export Hearth makes (tables, scored files). Cells that a spreadsheet would
 * run as a formula — starting with = + - @ (or tab / carriage return) — are prefixed with a single
 * quote (OWASP's CSV-injection advice), except plain numbers like -3 or +4.5, which stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export function escapeFormula(value: string): string {
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `'${value}`;
  return value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

export function toCsv(rows: CsvCell[][]): string {
  return (
    rows
      .map((row) =>
        row
          .map((c) => {
            if (c === null || c === undefined) return '';
            if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
            return quote(escapeFormula(String(c)));
          })
          .join(','),
      )
      .join('\r\n') + '\r\n'
  );
}
