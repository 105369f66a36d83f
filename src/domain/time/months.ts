/**
 * Month and day keys in a report time zone (metrics.md §1), month arithmetic and explicit gap
 * filling. A month is identified internally by its *month number* `year * 12 + (month − 1)`, which
 * makes `m − 1` plain subtraction; `MonthKey` (`YYYY-MM`) is the form shown and serialised.
 */
import { firstInstantAtOrAfter, localParts, zoneOffsetMs } from './zone';

export type MonthKey = string;
/** `YYYY-MM-DD` in the report zone. */
export type DayKey = string;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2025-03` → 24290 (2025 × 12 + 2). Throws on anything that is not `YYYY-MM`. */
export function monthNumber(key: MonthKey): number {
  const m = MONTH_KEY.exec(key);
  if (!m) throw new RangeError(`"${key}" is not a month (expected YYYY-MM, e.g. 2025-03).`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function isMonthKey(key: string): boolean {
  return MONTH_KEY.test(key);
}

/** 24290 → `2025-03`. */
export function monthKeyFromNumber(n: number): MonthKey {
  const y = Math.floor(n / 12);
  return `${String(y).padStart(4, '0')}-${pad2(n - y * 12 + 1)}`;
}

/** The calendar month before `key` (`m − 1`). */
export function previousMonth(key: MonthKey): MonthKey {
  return monthKeyFromNumber(monthNumber(key) - 1);
}

export function addMonths(key: MonthKey, k: number): MonthKey {
  return monthKeyFromNumber(monthNumber(key) + k);
}

/** Whole months from `a` to `b` (b − a). */
export function monthsBetween(a: MonthKey, b: MonthKey): number {
  return monthNumber(b) - monthNumber(a);
}

/** Every month from `from` to `to` inclusive, gaps included; empty when `to` is before `from`. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const a = monthNumber(from);
  const b = monthNumber(to);
  const out: MonthKey[] = [];
  for (let n = a; n <= b; n++) out.push(monthKeyFromNumber(n));
  return out;
}

/** Number of calendar days of a month number. */
export function daysInMonth(n: number): number {
  const y = Math.floor(n / 12);
  const m = n - y * 12;
  return m === 1 ? (isLeap(y) ? 29 : 28) : (DAYS[m] as number);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Month number of an instant in a zone. */
export function monthNumberOf(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return p.year * 12 + p.month - 1;
}

/** `YYYY-MM` of an instant in a zone. */
export function monthKeyOf(ms: number, timeZone: string): MonthKey {
  return monthKeyFromNumber(monthNumberOf(ms, timeZone));
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function dayKeyOf(ms: number, timeZone: string): DayKey {
  const p = localParts(ms, timeZone);
  return `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}`;
}

/**
 * The first instant of a `YYYY-MM-DD` day in a zone (a date-only value is midnight of that day in
 * the import zone: metrics.md §1) — e.g. an event date typed on import.
 */
export function zonedMidnight(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return firstInstantAtOrAfter(wallMidnight(y, m - 1, d), timeZone);
}

/** Wall-clock ms of local midnight of (year, month 0–11, day), written as UTC. */
function wallMidnight(year: number, month0: number, day: number): number {
  const d = new Date(Date.UTC(2000, month0, day));
  d.setUTCFullYear(year, month0, day);
  return d.getTime();
}

/** First instant (UTC ms) of a month number in a zone. */
export function monthStart(n: number, timeZone: string): number {
  const y = Math.floor(n / 12);
  return firstInstantAtOrAfter(wallMidnight(y, n - y * 12, 1), timeZone);
}

/** First instants of months `first … first + count` (count + 1 values: the last closes the range). */
export function monthStarts(first: number, count: number, timeZone: string): Float64Array {
  const out = new Float64Array(count + 1);
  for (let i = 0; i <= count; i++) out[i] = monthStart(first + i, timeZone);
  return out;
}

/**
 * Local days covering [fromMs, toMs] in a zone: `starts[i]` is the first instant of day i
 * (`starts.length = days + 1`, the last closes the range) and `month[i]` its month number.
 */
export interface DayTable {
  starts: Float64Array;
  month: Int32Array;
  /** Day of month (1–31) of each day. */
  dayOfMonth: Uint8Array;
}

export function dayTable(fromMs: number, toMs: number, timeZone: string): DayTable {
  const p = localParts(fromMs, timeZone);
  const last = localParts(toMs, timeZone);
  const firstWall = wallMidnight(p.year, p.month - 1, p.day);
  const lastWall = wallMidnight(last.year, last.month - 1, last.day);
  const days = Math.round((lastWall - firstWall) / 86_400_000) + 1;
  const starts = new Float64Array(days + 1);
  const month = new Int32Array(days + 1);
  const dayOfMonth = new Uint8Array(days + 1);
  let prevOffset = 0;
  for (let i = 0; i <= days; i++) {
    const wall = firstWall + i * 86_400_000;
    let t = wall - prevOffset;
    // Fast path: the offset at the candidate equals the offset at the previous day's start, so no
    // transition lies between them and the candidate is local midnight (one Intl call per day).
    if (i === 0 || zoneOffsetMs(t, timeZone) !== prevOffset) {
      t = firstInstantAtOrAfter(wall, timeZone);
      prevOffset = zoneOffsetMs(t, timeZone);
    }
    starts[i] = t;
    const d = new Date(wall);
    month[i] = d.getUTCFullYear() * 12 + d.getUTCMonth();
    dayOfMonth[i] = d.getUTCDate();
  }
  return { starts, month, dayOfMonth };
}

/**
 * Explicit gap filling: one value per month of `months`, taken from `values` or `empty` when the
 * month has no entry (a month with no data is present, with count 0 or rate null).
 */
export function fillMonths<T>(months: readonly MonthKey[], values: ReadonlyMap<MonthKey, T>, empty: T): T[] {
  return months.map((m) => (values.has(m) ? (values.get(m) as T) : empty));
}

/** Index of the interval of sorted `starts` holding `t`: i with starts[i] ≤ t < starts[i+1]; −1 before, length−1 after. */
export function bucketOf(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  // first index with starts[idx] > t
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
