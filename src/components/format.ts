/** Display formatting in the user's locale. Months are `YYYY-MM` keys of the report zone. */

export function monthDate(key: string): Date {
  const [y, m] = key.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, 1));
}

export function formatMonth(key: string, style: 'short' | 'long' = 'short'): string {
  return monthDate(key).toLocaleDateString(undefined, { month: style, year: 'numeric', timeZone: 'UTC' });
}

/**
 * A moment in the user's locale: in `timeZone` (the report time zone, for anything from the data;
 * default the browser's, for the user's own actions such as an import). Exactly midnight there shows
 * as the date alone: that is what a date-only value of an export is (spec/metrics.md §1), and a
 * made-up "00:00" would read as a time the export never gave.
 */
/** A period of months: `January 2025 – December 2025`, or `December 2025` for one month. */
export function formatPeriod(p: { from: string; to: string }): string {
  return p.from === p.to
    ? formatMonth(p.from, 'long')
    : `${formatMonth(p.from, 'long')} – ${formatMonth(p.to, 'long')}`;
}

export function formatDateTime(ms: number, timeZone?: string): string {
  const d = new Date(ms);
  const midnight =
    timeZone !== undefined &&
    d.getUTCSeconds() === 0 &&
    d.getUTCMilliseconds() === 0 &&
    timeOfDay(d, timeZone) === '00:00';
  return midnight
    ? d.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone })
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

function timeOfDay(d: Date, timeZone: string): string {
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
}

export function formatNumber(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined) return '—';
  return v.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A fraction as a percent in the user's locale; `signed` adds "+" to a value that does not round to 0 (net sentiment). */
export function formatPercent(v: number | null | undefined, digits = 1, signed = false): string {
  return percent(v, digits, signed, 0);
}

/**
 * A percent with exactly `digits` decimals ("60.0%", not "60%"): for a table column, whose cells
 * then all show the same number of decimals ("60.0%" beside "43.3%", not "60%").
 */
export function formatPercentFixed(v: number | null | undefined, digits = 1, signed = false): string {
  return percent(v, digits, signed, digits);
}

function percent(v: number | null | undefined, digits: number, signed: boolean, minDigits: number): string {
  if (v === null || v === undefined) return '—';
  const text =
    (v * 100).toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: minDigits }) +
    '%';
  return signed && Math.round(v * 100 * 10 ** digits) > 0 ? `+${text}` : text;
}

export function formatHours(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (v < 1) return `${Math.round(v * 60)} min`;
  if (v < 48) return `${v.toLocaleString(undefined, { maximumFractionDigits: 1 })} h`;
  return `${(v / 24).toLocaleString(undefined, { maximumFractionDigits: 1 })} days`;
}

/** A change as shown on a KPI card: `+12%` (relative) or `+3.2 pts` (percentage points). */
export function formatChange(change: number | null, kind: 'relative' | 'points'): string {
  if (change === null) return 'no comparison';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const abs = Math.abs(change) * 100;
  return kind === 'relative'
    ? `${sign}${abs.toLocaleString(undefined, { maximumFractionDigits: 1 })}%`
    : `${sign}${abs.toLocaleString(undefined, { maximumFractionDigits: 1 })} pts`;
}
