/**
 * Time-zone arithmetic on top of Intl (metrics.md §1). Pure TypeScript: works in the page, in
 * workers and in Node. Correct across DST changes and for zones with odd offsets
 * (Asia/Kolkata +5:30, Pacific/Chatham +12:45/+13:45) because every offset is read from the IANA
 * database through Intl, never assumed.
 */

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
 * The instant of a local wall-clock time (written as UTC ms: `Date.UTC(2024, 9, 27, 2, 30)` for
 * 02:30 on 27 October 2024), by the one rule Hearth uses for every zone-less time — Temporal's
 * `disambiguation: 'compatible'`, as in most date libraries:
 * - a wall time that occurs twice (clocks go back) is the earlier instant, the one before the change
 *   (02:30 in Berlin on 27 October 2024 is 02:30 CEST, 00:30Z, not 02:30 CET);
 * - a wall time that does not exist (clocks go forward) is moved forward by the length of the gap
 *   (02:30 in New York on 10 March 2024 is 03:30 EDT, 07:30Z).
 * On the import's hot path: offsets come from a per-zone cache (see ZoneOffsets), so a row costs a
 * Map lookup or less, not an Intl call.
 */
export function instantOfWall(wall: number, timeZone: string): number {
  if (isUtc(timeZone)) return wall;
  return zoneOffsets(timeZone).instantOf(wall);
}

/**
 * The first instant whose local wall clock is at or after `wall` (a local date-time written as UTC
 * ms, e.g. `Date.UTC(2025, 2, 1)` for local midnight of 1 March): where a local day or month
 * starts. It is instantOfWall's instant (the earlier one when the wall time occurs twice) unless the
 * wall time does not exist: then it is the end of the gap, the first instant of the day after the
 * jump (Santiago's 00:00 of 8 September 2024, skipped to 01:00, starts that day at 01:00).
 */
export function firstInstantAtOrAfter(wall: number, timeZone: string): number {
  if (isUtc(timeZone)) return wall;
  const zone = zoneOffsets(timeZone);
  const t = zone.instantOf(wall);
  if (t + zone.offset(t) === wall) return t;
  // In a gap: t is `wall` moved forward by the gap; the gap ends at the change of offset before t.
  return zone.changeBefore(t);
}

const DAY = 86_400_000;
/** The offset is `before` until the instant `at` and `after` from it on (at = Infinity: no change). */
interface Span {
  at: number;
  before: number;
  after: number;
}
/** Entries a zone's caches hold before they start again (each is a day: ~270 years). */
const CACHE_LIMIT = 100_000;

/**
 * The offsets of one zone, read from Intl once per UTC day and kept. A day whose offsets at its
 * start and its end agree has that offset throughout; one whose offsets differ holds a change of
 * offset, found to the second by bisection. This assumes a zone changes its offset at most once in
 * a UTC day: true of all 418 zones Node 20's Intl knows, 1970–2100 (checked day by day, and every
 * quarter hour of each day with a change).
 */
class ZoneOffsets {
  /** UTC day number → the offsets in that day. */
  private readonly days = new Map<number, Span>();
  /** Wall day number → the offset of every wall time of that day, or NaN near a change of offset. */
  private readonly walls = new Map<number, number>();
  private lastWallDay = NaN;
  private lastWallOffset = 0;

  constructor(private readonly timeZone: string) {}

  /** zoneOffsetMs(t), cached. */
  offset(t: number): number {
    const s = this.span(Math.floor(t / DAY));
    return t < s.at ? s.before : s.after;
  }

  /** instantOfWall: the wall day's offset when no change is near, else the rule in full. */
  instantOf(wall: number): number {
    const k = Math.floor(wall / DAY);
    if (k === this.lastWallDay) return wall - this.lastWallOffset;
    let o = this.walls.get(k);
    if (o === undefined) {
      if (this.walls.size >= CACHE_LIMIT) this.walls.clear();
      o = this.wallDayOffset(k);
      this.walls.set(k, o);
    }
    if (Number.isNaN(o)) return this.resolve(wall);
    this.lastWallDay = k;
    this.lastWallOffset = o;
    return wall - o;
  }

  /** The last change of offset at or before `t` (only asked within a day of one). */
  changeBefore(t: number): number {
    const k = Math.floor(t / DAY);
    for (let d = k; d >= k - 2; d--) {
      const s = this.span(d);
      if (s.at <= t) return s.at;
    }
    return t;
  }

  /**
   * The rule in full (Temporal's GetPossibleEpochNanoseconds and 'compatible'): the offsets a day
   * before and a day after bracket any change; a wall time valid with the earlier offset is the
   * earlier instant; else one valid with the later offset; else it is in a gap, and `wall − before`
   * is the wall time moved forward by the gap (its wall clock reads wall + after − before).
   */
  private resolve(wall: number): number {
    const before = this.offset(wall - DAY);
    const early = wall - before;
    if (this.offset(early) === before) return early;
    const after = this.offset(wall + DAY);
    const late = wall - after;
    if (this.offset(late) === after) return late;
    return early;
  }

  /**
   * One offset for all of wall day k when the offset does not change from a day before it to a day
   * after it (every instant the rule looks at for that day), else NaN.
   */
  private wallDayOffset(k: number): number {
    const a = this.span(k - 1);
    const b = this.span(k);
    const c = this.span(k + 1);
    const o = a.before;
    const constant = a.at === Infinity && b.at === Infinity && c.at === Infinity;
    return constant && b.before === o && c.before === o ? o : NaN;
  }

  private span(k: number): Span {
    let s = this.days.get(k);
    if (s !== undefined) return s;
    const start = k * DAY;
    const before = zoneOffsetMs(start, this.timeZone);
    const after = zoneOffsetMs(start + DAY, this.timeZone);
    if (before === after) s = { at: Infinity, before, after };
    else {
      // The first second with the new offset (IANA changes fall on whole seconds).
      let lo = start / 1000;
      let hi = lo + DAY / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zoneOffsetMs(mid * 1000, this.timeZone) === before) lo = mid;
        else hi = mid;
      }
      s = { at: hi * 1000, before, after };
    }
    if (this.days.size >= CACHE_LIMIT) this.days.clear();
    this.days.set(k, s);
    return s;
  }
}

const zones = new Map<string, ZoneOffsets>();
let lastZoneName = '';
let lastZone: ZoneOffsets | undefined;

/** The cached offsets of a zone (a RangeError naming it when it is not a valid IANA zone). */
function zoneOffsets(timeZone: string): ZoneOffsets {
  if (timeZone === lastZoneName && lastZone) return lastZone;
  let z = zones.get(timeZone);
  if (!z) {
    assertTimeZone(timeZone);
    z = new ZoneOffsets(timeZone);
    zones.set(timeZone, z);
  }
  lastZoneName = timeZone;
  lastZone = z;
  return z;
}
