/**
 * Plain-text number formatting for generated sentences and the HTML report. Fixed to en-US so the
 * browser and the command write the same words (the UI formats its own widgets in the user's locale).
 */
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-03` → "March 2025" (long) or "Mar 2025" (short). Anything else is returned as given. */
export function monthLabel(key: string, style: 'long' | 'short' = 'long'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return key;
  const names = style === 'long' ? MONTHS_LONG : MONTHS_SHORT;
  const name = names[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : key;
}

function num(v: number, digits: number): string {
  // -0 and tiny negatives would print as "-0".
  const rounded = Math.round(v * 10 ** digits) / 10 ** digits;
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function fmtCount(v: number | null, digits = 0): string {
  return v === null ? '—' : num(v, digits);
}

/**
 * A count with its noun, singular or plural: "1 row", "12,345 rows". `many` is the plural when it is
 * not `one` + "s", or when a verb agrees with the count: `fmtCountOf(n, 'row has', 'rows have')`.
 */
export function fmtCountOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A fraction as a percent: 0.125 → "12.5%". `signed` adds "+" to positive values. */
export function fmtPercent(v: number | null, digits = 1, signed = false): string {
  if (v === null) return '—';
  const text = `${num(v * 100, digits)}%`;
  return signed && Math.round(v * 100 * 10 ** digits) > 0 ? `+${text}` : text;
}

/** Hours in the unit a reader expects: "25 min", "4 h", "6.5 h", "3 days". */
export function fmtHours(v: number | null): string {
  if (v === null) return '—';
  if (v < 1) return `${Math.round(v * 60)} min`;
  if (v < 48) return `${num(v, v < 10 ? 1 : 0)} h`;
  return `${num(v / 24, 1)} days`;
}

/** A KPI change: "+12%" (relative) or "+3.2 pts" (percentage points); "—" without comparison. */
export function fmtChange(change: number | null, kind: 'relative' | 'points'): string {
  if (change === null) return '—';
  const abs = num(Math.abs(change) * 100, 1);
  const sign = abs === '0' ? '±' : change > 0 ? '+' : '−';
  return kind === 'relative' ? `${sign}${abs}%` : `${sign}${abs} pts`;
}
