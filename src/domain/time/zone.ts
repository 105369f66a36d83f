/**
 * Time-zone arithmetic on top of Intl (metrics.md §1). Pure TypeScript: works in the page, in
 * workers and in Node. Correct across DST changes and for zones with odd offsets
 * (Asia/Kolkata +5:30, Pacific/Chatham +12:45/+13:45) because every offset is read from the IANA
 * database through Intl, never assumed.
 */

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** True for the zone names that need no Intl lookup. */
function isUtc(timeZone: string): boolean {
  return timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'Etc/GMT' || timeZone === 'GMT';
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError naming the zone when it is not a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  if (isUtc(timeZone)) return;
  try {
    formatter(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}" (expected an IANA name such as Europe/Berlin).`);
  }
}

/** Local calendar fields of an instant in a zone. `month` is 1–12. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  if (isUtc(timeZone)) {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const p of formatter(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'year':
        out.year = Number(p.value);
        break;
      case 'month':
        out.month = Number(p.value);
        break;
      case 'day':
        out.day = Number(p.value);
        break;
      case 'hour':
        out.hour = Number(p.value);
        break;
      case 'minute':
        out.minute = Number(p.value);
        break;
      case 'second':
        out.second = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
    }
  }
  if (bc) out.year = 1 - out.year;
  return out;
}

/** Offset of the zone from UTC at an instant, in ms (local wall clock − UTC). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0;
  const p = localParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Date.UTC maps years 0–99 to 1900–1999; correct for that.
  const fixed = p.year >= 0 && p.year < 100 ? new Date(wall).setUTCFullYear(p.year) : wall;
  return fixed - Math.floor(ms / 1000) * 1000;
}

/** Wall-clock ms (the local time read as if it were UTC) for an instant. */
export function wallOf(ms: number, timeZone: string): number {
  return ms + zoneOffsetMs(ms, timeZone);
}

/**
 * The first instant whose local wall clock is at or after `wall` (a local date-time written as UTC
 * ms, e.g. `Date.UTC(2025, 2, 1)` for local midnight of 1 March). When local midnight does not
 * exist (a DST jump at midnight) this is the first instant of the day after the jump.
 */
export function firstInstantAtOrAfter(wall: number, timeZone: string): number {
  if (isUtc(timeZone)) return wall;
  const o1 = zoneOffsetMs(wall, timeZone);
  const t = wall - o1;
  const o2 = zoneOffsetMs(t, timeZone);
  if (o2 === o1) {
    // t is local `wall` exactly; it is the first such instant unless the clock went back over it.
    const before = t - 1;
    if (before + zoneOffsetMs(before, timeZone) < wall) return t;
  }
  // Rare path (a transition near the boundary): binary search on "local wall ≥ target", which is
  // monotonic around a single transition. Offsets lie within −12 h … +14 h.
  let lo = wall - 15 * HOUR;
  let hi = wall + 13 * HOUR;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}
