import { instantOfWall } from '../time/zone';

/**
 * Timestamp reading for every date shape in shared/spec/formats.md. Returns UTC epoch ms, or null
 * for a value that is not a date. Never throws for a value (an unknown `timeZone` is a RangeError).
 * A value with an explicit zone/offset uses it; a zone-less value is read in `timeZone` (metrics.md
 * §1); date-only values are midnight there. At a DST change, a zone-less time that occurs twice is
 * the earlier instant and one that does not exist is moved forward by the gap (zonedToUtc).
 */

export interface DateReadOptions {
  /** IANA zone for zone-less values. */
  timeZone: string;
  /** For `a/b/yyyy` values: true = day first (15/03/2025), false = month first (03/15/2025, default). */
  dayFirst?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Offset in minutes east of UTC when the value names one; undefined = zone-less. */
  offset?: number;
}

// Also `2025/03/01 9:05` (year first with slashes: DiscordChatExporter's ja-JP/zh-CN dates, Excel).
const ISO =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// "Mar 01, 2025 09:30 pm", "Feb 16, 2026", "Tue, Jul 14, 2026", "May 1, 2024 10:00"
const MONTH_FIRST =
  /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// "01-Jan-20 01:33 AM", "16 Feb 2026", "Tue, 14 Jul 2026 10:00:00 +0000"
const DAY_FIRST_NAME =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * The "g" pattern (short date + " " + short time) that .NET writes for other cultures: what
 * DiscordChatExporter puts in its CSV `Date` with `--locale` (ExportContext.FormatDate →
 * `ToString("g", culture)`). .NET takes the patterns from ICU/CLDR, widens 2-digit years to 4 and
 * keeps only `H h m s : .`, spaces, quoted text and the AM/PM designator of the time pattern.
 * Read only after every pattern above has failed, so the common shapes cost nothing more.
 * Shapes checked against CLDR data (short date, short time):
 *   ko-KR `2020. 1. 1. 오전 1:33` (`y. M. d.` + `a h:mm`; newer ICU writes `AM`/`PM`);
 *   ko-KR with Windows' own culture data `2020-01-01 오전 1:33`; hu-HU `2020. 01. 01. 13:05`;
 *   en-CA `2020-01-01 1:05 p.m.`; zh-HK `31/12/2020 下午1:05` and older zh/zh-TW `2020/12/31 下午1:05`
 *   (designator glued to the hour); es `31/12/2020 1:05 p. m.`; fi-FI/da-DK `31.12.2020 13.05`,
 *   id-ID `31/12/2020 13.05` (dot between hour and minute); fr-CA `2020-12-31 13 h 05`.
 */
const LOCAL_DATE =
  /^(?:(\d{4})(?:([-/])(\d{1,2})\2(\d{1,2})|\. ?(\d{1,2})\. ?(\d{1,2})\.?)|(\d{1,2})([/.-])(\d{1,2})\8(\d{4}))/;
const LOCAL_TIME =
  /^(?: (?:(오전|上午|AM|오후|下午|PM) ?)?(\d{1,2})(?::|\.| h )(\d{2})(?:[:.](\d{2}))?(?: ?([ap])\.? ?m\.?)?)?$/i;
const AM_MARKERS = new Set(['오전', '上午', 'am']);

/** A value in one of the culture patterns above (`v` trimmed, spaces collapsed), or null. */
function readLocalised(v: string, dayFirst: boolean): Parts | null {
  const c = v.charCodeAt(0);
  if (c < 48 || c > 57) return null;
  const d = LOCAL_DATE.exec(v);
  if (!d) return null;
  const t = LOCAL_TIME.exec(v.slice(d[0].length));
  if (!t) return null;
  let y: number;
  let mo: number;
  let day: number;
  if (d[1] !== undefined) {
    y = Number(d[1]);
    mo = Number(d[3] ?? d[5]);
    day = Number(d[4] ?? d[6]);
  } else {
    const a = Number(d[7]);
    const b = Number(d[9]);
    // As for NUMERIC: a dot separator is day first; otherwise the column's decision.
    const df = d[8] === '.' ? true : dayFirst;
    y = Number(d[10]);
    mo = df ? b : a;
    day = df ? a : b;
  }
  let h = num(t[2]);
  const before = t[1];
  const after = t[5];
  if (before !== undefined || after !== undefined) {
    // A 12-hour clock: one designator, before (ko, zh) or after (en-CA, es) the time, hour 0–12.
    if ((before !== undefined && after !== undefined) || h > 12) return null;
    const am = before !== undefined ? AM_MARKERS.has(before.toLowerCase()) : after!.toLowerCase() === 'a';
    h = hour12(h, am ? 'am' : 'pm');
  }
  return { y, mo, d: day, h, mi: num(t[3]), s: num(t[4]), ms: 0 };
}

function offsetMinutes(z: string | undefined): number | undefined {
  if (!z) return undefined;
  const u = z.toUpperCase();
  if (u === 'Z' || u === 'UTC' || u === 'GMT') return 0;
  // `+0100`, `+01:00`, or hours alone (`+01`, `+00`: ISO 8601; PostgreSQL writes timestamptz so).
  const m = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -mins : mins;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase().startsWith('p');
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function num(v: string | undefined): number {
  return v === undefined || v === '' ? 0 : Number(v);
}

function fraction(v: string | undefined): number {
  if (!v) return 0;
  return Math.round(Number(`0.${v}`) * 1000);
}

/** Splits a value into calendar parts, or null. `dayFirst` only matters for numeric a/b/yyyy. */
export function readDateParts(raw: string, dayFirst = false): Parts | null {
  const v = raw.trim().replace(/\s+/g, ' ');
  if (v === '') return null;
  let m = ISO.exec(v);
  if (m) {
    return {
      y: Number(m[1]),
      mo: Number(m[3]),
      d: Number(m[4]),
      h: num(m[5]),
      mi: num(m[6]),
      s: num(m[7]),
      ms: fraction(m[8]),
      offset: offsetMinutes(m[9]),
    };
  }
  m = NUMERIC.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // A dot separator is the German/European order; otherwise use the column's decision.
    const df = m[2] === '.' ? true : dayFirst;
    return {
      y: fullYear(m[4]!),
      mo: df ? b : a,
      d: df ? a : b,
      h: hour12(num(m[5]), m[8]),
      mi: num(m[6]),
      s: num(m[7]),
      ms: 0,
      offset: offsetMinutes(m[9]),
    };
  }
  m = MONTH_FIRST.exec(v);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    if (mo === undefined) return null;
    return {
      y: Number(m[3]),
      mo,
      d: Number(m[2]),
      h: hour12(num(m[4]), m[7]),
      mi: num(m[5]),
      s: num(m[6]),
      ms: 0,
      offset: offsetMinutes(m[8]),
    };
  }
  m = DAY_FIRST_NAME.exec(v);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (mo === undefined) return null;
    return {
      y: fullYear(m[3]!),
      mo,
      d: Number(m[1]),
      h: hour12(num(m[4]), m[7]),
      mi: num(m[5]),
      s: num(m[6]),
      ms: 0,
      offset: offsetMinutes(m[8]),
    };
  }
  return readLocalised(v, dayFirst);
}

/**
 * The years Hearth accepts. A date outside them is refused: community exports hold none, and the
 * ones that turn up are placeholders and damage (Excel's 1899-12-31 and 1900-01-00 "zero" dates,
 * `3000-01-01` for "never", a typo in the year).
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2100;

/** A real calendar day and time of day, whatever the year. */
function validCalendar(p: Parts): boolean {
  if (p.mo < 1 || p.mo > 12 || p.d < 1 || p.h > 23 || p.mi > 59 || p.s > 60) return false;
  return p.d <= new Date(Date.UTC(p.y, p.mo, 0)).getUTCDate();
}

function valid(p: Parts): boolean {
  return validCalendar(p) && p.y >= FIRST_YEAR && p.y <= LAST_YEAR;
}

/** How messages name the accepted range. */
export const ACCEPTED_DATES = `the dates Hearth accepts (years ${FIRST_YEAR}–${LAST_YEAR})`;

/** True when a value is a real date (in either day/month order) whose year is outside FIRST_YEAR–LAST_YEAR. */
export function outsideAcceptedYears(raw: string): boolean {
  if (raw.length > 100) return false;
  const outside = (p: Parts | null) =>
    p !== null && validCalendar(p) && (p.y < FIRST_YEAR || p.y > LAST_YEAR);
  return outside(readDateParts(raw, false)) || outside(readDateParts(raw, true));
}

/**
 * What is wrong with a date value that `parseTimestamp` refused, for the message naming its row
 * and column: a real date whose year is outside FIRST_YEAR–LAST_YEAR says so (it is not "not a
 * date"); anything else is not a date (or `noun`: "day"), with what the column expects when
 * `expected` is given. `shown` is the value as the message quotes it (by default cut to 40 characters).
 */
export function dateProblem(
  raw: string,
  expected?: string,
  {
    shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw,
    noun = 'date',
  }: { shown?: string; noun?: string } = {},
): string {
  if (outsideAcceptedYears(raw)) return `"${shown}" is outside ${ACCEPTED_DATES}`;
  return `"${shown}" is not a ${noun}${expected ? ` (expected ${expected})` : ''}`;
}

/**
 * Converts a wall-clock time in `timeZone` to UTC ms (years 1970–2100: `Date.UTC` reads 0–99 as
 * 19xx). A time that occurs twice at a DST change is the earlier instant; one that does not exist
 * is moved forward by the gap (instantOfWall, Temporal's 'compatible').
 */
export function zonedToUtc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  timeZone: string,
): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return wall;
  return instantOfWall(wall, timeZone);
}

/** Digit value of `s[i]`, or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two digits at `s[i]`, or -1. */
function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `2021-01-01T00:00:07.815+00:00`, `…Z`, with or without milliseconds: the shape machine exports
 * (DiscordChatExporter, Discourse, Slack tools) write millions of times. Read with char codes instead
 * of the regexes — the same number `parseTimestamp`'s general path gives (dates.test.ts compares
 * them). Undefined when the value is not exactly this shape: the general path decides.
 */
function isoWithOffset(v: string): number | null | undefined {
  const n = v.length;
  if (n < 20 || n > 29) return undefined;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58)
    return undefined;
  const sep = v.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return undefined; // T or space
  const y = two(v, 0) * 100 + two(v, 2);
  const mo = two(v, 5);
  const d = two(v, 8);
  const h = two(v, 11);
  const mi = two(v, 14);
  const s = two(v, 17);
  if (two(v, 0) < 0 || two(v, 2) < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return undefined;
  let i = 19;
  let ms = 0;
  if (v.charCodeAt(i) === 46) {
    const a = digit(v, 20);
    const b = digit(v, 21);
    const c = digit(v, 22);
    if (a < 0 || b < 0 || c < 0 || digit(v, 23) >= 0) return undefined;
    ms = a * 100 + b * 10 + c;
    i = 23;
  }
  let offset: number;
  const z = v.charCodeAt(i);
  if ((z === 90 || z === 122) && n === i + 1)
    offset = 0; // Z
  else if ((z === 43 || z === 45) && n === i + 6 && v.charCodeAt(i + 3) === 58) {
    const oh = two(v, i + 1);
    const om = two(v, i + 4);
    if (oh < 0 || om < 0) return undefined;
    offset = (oh * 60 + om) * (z === 45 ? -1 : 1);
  } else return undefined;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60 || y < FIRST_YEAR || y > LAST_YEAR)
    return null;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > DAYS_IN_MONTH[mo - 1]! + (leap ? 1 : 0)) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000;
}

/** Reads a timestamp; null when the value is empty or not a valid date. */
export function parseTimestamp(raw: string, opts: DateReadOptions): number | null {
  const fast = isoWithOffset(raw);
  return fast !== undefined ? fast : parseTimestampGeneral(raw, opts);
}

/** parseTimestamp without the fast path for ISO-with-offset values (exported for the test that compares them). */
export function parseTimestampGeneral(raw: string, opts: DateReadOptions): number | null {
  const p = readDateParts(raw, opts.dayFirst);
  if (!p) {
    // Epoch seconds / milliseconds (Slack `ts`, some JSON exports).
    const t = raw.trim();
    const epoch = /^(\d{9,10})(?:\.(\d+))?$/.exec(t);
    if (epoch) return Number(epoch[1]) * 1000 + Number((epoch[2] ?? '').padEnd(3, '0').slice(0, 3));
    if (/^\d{12,13}$/.test(t)) return Number(t);
    return null;
  }
  if (!valid(p)) return null;
  if (p.offset !== undefined) return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, p.ms) - p.offset * 60_000;
  return zonedToUtc(p.y, p.mo, p.d, p.h, p.mi, p.s, p.ms, opts.timeZone);
}

const AMBIGUOUS_NUMERIC = /^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})(?:$|[\sT,])/;

/**
 * Settles day/month order for a whole column of `a/b/yyyy` (or `a-b-yyyy`) values (formats.md): a
 * first part > 12 means day first; a second part > 12 means month first. Returns undefined when no
 * value settles it (the UI then asks the user), and also for columns that are not such dates at all.
 */
export function settleDayFirst(values: Iterable<string>): boolean | undefined {
  const scan = new DayOrderScan();
  for (const raw of values) scan.add(raw);
  return scan.dayFirst;
}

/**
 * Incremental version of settleDayFirst for one column while a file streams: feed values with
 * `add`; `dayFirst` is the decision so far; `settled` is true once more values cannot change it.
 */
export class DayOrderScan {
  /** The column holds at least one numeric `a/b/yyyy` date. */
  numericDates = 0;
  /** An example value, for messages. */
  example = '';
  private dayFirstSeen = false;
  private monthFirstSeen = false;

  add(raw: string): void {
    const v = raw.trim();
    if (v.length < 6 || v.length > 40) return;
    const m = AMBIGUOUS_NUMERIC.exec(v);
    if (!m) return;
    const dayFirst = readDateParts(v, true);
    const monthFirst = readDateParts(v, false);
    if (dayFirst === null || monthFirst === null) return;
    // Only a real date tells the order: `31/31/2025` or `12/25/2025 25:61` in an ISO column is a
    // damaged value (its row is refused with its own message), not a sign of both orders.
    const asDayFirst = validCalendar(dayFirst);
    const asMonthFirst = validCalendar(monthFirst);
    if (!asDayFirst && !asMonthFirst) return;
    this.numericDates++;
    if (!this.example) this.example = v;
    if (Number(m[1]) > 12 && asDayFirst) this.dayFirstSeen = true;
    if (Number(m[3]) > 12 && asMonthFirst) this.monthFirstSeen = true;
  }

  get dayFirst(): boolean | undefined {
    if (this.dayFirstSeen && !this.monthFirstSeen) return true;
    if (this.monthFirstSeen && !this.dayFirstSeen) return false;
    return undefined;
  }

  /** True when the column has numeric dates whose order is not (yet) known. */
  get ambiguous(): boolean {
    return this.numericDates > 0 && this.dayFirst === undefined;
  }

  /** True when both orders were seen: no further value can settle the column. */
  get contradictory(): boolean {
    return this.dayFirstSeen && this.monthFirstSeen;
  }
}
