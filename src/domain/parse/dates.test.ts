import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateProblem,
  DayOrderScan,
  FIRST_YEAR,
  LAST_YEAR,
  parseTimestamp,
  parseTimestampGeneral,
  settleDayFirst,
} from './dates';

const utc = (iso: string) => Date.parse(iso);
const read = (v: string, timeZone = 'UTC', dayFirst?: boolean) =>
  parseTimestamp(v, { timeZone, ...(dayFirst !== undefined ? { dayFirst } : {}) });

describe('parseTimestamp: every shape in formats.md', () => {
  it.each([
    ['2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z'],
    ['2025-03-01 10:00:00 UTC', '2025-03-01T10:00:00Z'],
    ['2025-03-01 18:00 +0000', '2025-03-01T18:00:00Z'],
    ['2025-03-01 18:00 +0200', '2025-03-01T16:00:00Z'],
    ['2019-03-13 11:31:41-07:00', '2019-03-13T18:31:41Z'],
    ['2025-03-01 10:00:00', '2025-03-01T10:00:00Z'],
    ['Mar 01, 2025 09:30 pm', '2025-03-01T21:30:00Z'],
    ['Jun 09, 2018 12:05 am', '2018-06-09T00:05:00Z'],
    ['Feb 16, 2026', '2026-02-16T00:00:00Z'],
    ['Tue, Jul 14, 2026', '2026-07-14T00:00:00Z'],
    ['03/15/2025', '2025-03-15T00:00:00Z'],
    ['15.03.2025', '2025-03-15T00:00:00Z'],
    ['01.01.2020 01:33', '2020-01-01T01:33:00Z'],
    ['1/1/2020 1:33 AM', '2020-01-01T01:33:00Z'],
    ['1/1/2020 1:33 PM', '2020-01-01T13:33:00Z'],
    ['01-Jan-20 01:33 AM', '2020-01-01T01:33:00Z'],
    ['1740823200', '2025-03-01T10:00:00Z'],
    ['1740823200.000200', '2025-03-01T10:00:00Z'],
  ])('%s', (raw, iso) => {
    expect(read(raw)).toBe(utc(iso));
  });

  it('reads zone-less values in the import time zone and keeps explicit zones', () => {
    expect(read('2025-03-01 10:00:00', 'Europe/Berlin')).toBe(utc('2025-03-01T09:00:00Z'));
    expect(read('Feb 16, 2026', 'America/New_York')).toBe(utc('2026-02-16T05:00:00Z'));
    expect(read('2025-03-01 10:00:00 UTC', 'Europe/Berlin')).toBe(utc('2025-03-01T10:00:00Z'));
  });

  it('uses the day/month order it is given for slash dates', () => {
    expect(read('03/04/2025', 'UTC', true)).toBe(utc('2025-04-03T00:00:00Z'));
    expect(read('03/04/2025', 'UTC', false)).toBe(utc('2025-03-04T00:00:00Z'));
  });

  it('returns null for non-dates and impossible dates', () => {
    for (const v of ['', 'yesterday', '2025-02-30', '13/13/2025', 'n/a', '12']) expect(read(v)).toBeNull();
  });
});

describe('zone-less times at DST changes: one rule (Temporal "compatible")', () => {
  // A wall time that occurs twice (clocks go back) is the earlier instant, in daylight time; one that
  // does not exist (clocks go forward) is moved forward by the length of the gap. Ordinary times on
  // either side of each change are read with the offset they have then.
  it.each([
    // New York: EDT (−4) → EST (−5) at 02:00 EDT on 3 Nov 2024; EST → EDT at 02:00 EST on 10 Mar 2024.
    ['America/New_York', '2024-11-03 00:59', '2024-11-03T04:59:00Z'],
    ['America/New_York', '2024-11-03 01:00', '2024-11-03T05:00:00Z'], // twice: the EDT one
    ['America/New_York', '2024-11-03 01:30', '2024-11-03T05:30:00Z'], // twice: the EDT one
    ['America/New_York', '2024-11-03 01:59:59', '2024-11-03T05:59:59Z'], // twice: the EDT one
    ['America/New_York', '2024-11-03 02:00', '2024-11-03T07:00:00Z'],
    ['America/New_York', '2024-03-10 01:59', '2024-03-10T06:59:00Z'],
    ['America/New_York', '2024-03-10 02:00', '2024-03-10T07:00:00Z'], // gap: 03:00 EDT
    ['America/New_York', '2024-03-10 02:30', '2024-03-10T07:30:00Z'], // gap: 03:30 EDT
    ['America/New_York', '2024-03-10 03:00', '2024-03-10T07:00:00Z'],
    // Berlin: CEST (+2) → CET (+1) at 03:00 CEST on 27 Oct 2024; CET → CEST at 02:00 CET on 31 Mar 2024.
    ['Europe/Berlin', '2024-10-27 01:59', '2024-10-26T23:59:00Z'],
    ['Europe/Berlin', '2024-10-27 02:00', '2024-10-27T00:00:00Z'], // twice: the CEST one
    ['Europe/Berlin', '2024-10-27 02:30', '2024-10-27T00:30:00Z'], // twice: the CEST one
    ['Europe/Berlin', '2024-10-27 03:00', '2024-10-27T02:00:00Z'],
    ['Europe/Berlin', '2024-03-31 01:59', '2024-03-31T00:59:00Z'],
    ['Europe/Berlin', '2024-03-31 02:30', '2024-03-31T01:30:00Z'], // gap: 03:30 CEST
    ['Europe/Berlin', '2024-03-31 03:00', '2024-03-31T01:00:00Z'],
    // London: BST (+1) → GMT at 02:00 BST on 27 Oct 2024; GMT → BST at 01:00 GMT on 31 Mar 2024.
    ['Europe/London', '2024-10-27 00:59', '2024-10-26T23:59:00Z'],
    ['Europe/London', '2024-10-27 01:30', '2024-10-27T00:30:00Z'], // twice: the BST one
    ['Europe/London', '2024-10-27 02:00', '2024-10-27T02:00:00Z'],
    ['Europe/London', '2024-03-31 00:59', '2024-03-31T00:59:00Z'],
    ['Europe/London', '2024-03-31 01:30', '2024-03-31T01:30:00Z'], // gap: 02:30 BST
    ['Europe/London', '2024-03-31 02:00', '2024-03-31T01:00:00Z'],
    // Sydney: AEDT (+11) → AEST (+10) at 03:00 AEDT on 7 Apr 2024; AEST → AEDT at 02:00 AEST on 6 Oct 2024.
    ['Australia/Sydney', '2024-04-07 01:59', '2024-04-06T14:59:00Z'],
    ['Australia/Sydney', '2024-04-07 02:30', '2024-04-06T15:30:00Z'], // twice: the AEDT one
    ['Australia/Sydney', '2024-04-07 03:00', '2024-04-06T17:00:00Z'],
    ['Australia/Sydney', '2024-10-06 01:59', '2024-10-05T15:59:00Z'],
    ['Australia/Sydney', '2024-10-06 02:30', '2024-10-05T16:30:00Z'], // gap: 03:30 AEDT
    ['Australia/Sydney', '2024-10-06 03:00', '2024-10-05T16:00:00Z'],
    // Lord Howe moves by 30 minutes: +11 → +10:30 at 02:00 on 7 Apr 2024; back at 02:00 on 6 Oct 2024.
    ['Australia/Lord_Howe', '2024-04-07 01:45', '2024-04-06T14:45:00Z'], // twice: the +11 one
    ['Australia/Lord_Howe', '2024-10-06 02:15', '2024-10-05T15:45:00Z'], // gap: 02:45 +11
    // Santiago changes at midnight: −3 → −4 at 24:00 on 6 Apr 2024; −4 → −3 at 24:00 on 7 Sep 2024.
    ['America/Santiago', '2024-04-06 23:30', '2024-04-07T02:30:00Z'], // twice: the −3 one
    ['America/Santiago', '2024-09-08 00:30', '2024-09-08T04:30:00Z'], // gap: 01:30 −3
    ['America/Santiago', '2024-09-08', '2024-09-08T04:00:00Z'], // midnight is in the gap: 01:00 −3
    // Havana goes back from 01:00 to 00:00: midnight of 3 Nov 2024 happens twice.
    ['America/Havana', '2024-11-03', '2024-11-03T04:00:00Z'],
    // UTC has no changes.
    ['UTC', '2024-11-03 01:30', '2024-11-03T01:30:00Z'],
    ['UTC', '2024-10-27 02:30', '2024-10-27T02:30:00Z'],
    ['UTC', '2024-03-10 02:30', '2024-03-10T02:30:00Z'],
  ])('%s %s', (timeZone, raw, iso) => {
    expect(read(raw, timeZone)).toBe(utc(iso));
    expect(parseTimestampGeneral(raw, { timeZone })).toBe(utc(iso));
  });

  it('is the same rule for every shape of zone-less value, seconds and milliseconds kept', () => {
    expect(read('11/03/2024 1:30 AM', 'America/New_York')).toBe(utc('2024-11-03T05:30:00Z'));
    expect(read('Nov 3, 2024 01:30 am', 'America/New_York')).toBe(utc('2024-11-03T05:30:00Z'));
    expect(read('27.10.2024 02:30', 'Europe/Berlin')).toBe(utc('2024-10-27T00:30:00Z'));
    expect(read('27-Oct-24 02:30 AM', 'Europe/Berlin')).toBe(utc('2024-10-27T00:30:00Z'));
    expect(read('2024. 4. 7. 오전 2:30', 'Australia/Sydney')).toBe(utc('2024-04-06T15:30:00Z'));
    expect(read('2024-10-27T02:30:15.250', 'Europe/Berlin')).toBe(utc('2024-10-27T00:30:15.250Z'));
    expect(read('2024-03-31 02:30:15.250', 'Europe/Berlin')).toBe(utc('2024-03-31T01:30:15.250Z'));
    // An explicit offset is never re-read: the second 02:30 in Berlin stays the second.
    expect(read('2024-10-27 02:30 +0100', 'Europe/Berlin')).toBe(utc('2024-10-27T01:30:00Z'));
  });
});

describe('offsets written in hours alone (ISO 8601 allows them; PostgreSQL writes timestamptz so)', () => {
  it.each([
    ['2025-03-01 10:00:00+00', '2025-03-01T10:00:00Z'],
    ['2025-03-01T12:00:00+01', '2025-03-01T11:00:00Z'],
    ['2025-03-01 10:00:00.123456-05', '2025-03-01T15:00:00.123Z'],
    ['03/01/2025 10:00 +02', '2025-03-01T08:00:00Z'],
  ])('%s', (raw, iso) => {
    expect(parseTimestamp(raw, { timeZone: 'America/New_York' })).toBe(Date.parse(iso));
    expect(parseTimestampGeneral(raw, { timeZone: 'America/New_York' })).toBe(Date.parse(iso));
  });
});

describe('settling day/month order from a column', () => {
  it('settles from a value > 12', () => {
    expect(settleDayFirst(['01/02/2025', '15/02/2025'])).toBe(true);
    expect(settleDayFirst(['01/02/2025', '02/15/2025 10:00'])).toBe(false);
    expect(settleDayFirst(['1-2-2025', '1-31-2025'])).toBe(false);
  });
  it('stays undecided when nothing or both orders settle it', () => {
    expect(settleDayFirst(['01/02/2025', '03/04/2025'])).toBeUndefined();
    expect(settleDayFirst(['13/01/2025', '01/13/2025'])).toBeUndefined();
    expect(settleDayFirst(['hello', '2025-03-01'])).toBeUndefined();
  });
  it('takes no order from a value that is no date in either order (a damaged value in the column)', () => {
    // One garbage value in an ISO column made it "mix both orders" and asked the day/month question.
    const scan = new DayOrderScan();
    for (const v of ['2025-03-01T10:00:00Z', '31/31/2025 25:61', '2025-03-02T10:00:00Z']) scan.add(v);
    expect([scan.numericDates, scan.ambiguous, scan.contradictory]).toEqual([0, false, false]);
    // Feb 31 read day first, month 31 read month first: neither order makes it a date.
    expect(settleDayFirst(['01/02/2025', '31/02/2025'])).toBeUndefined();
    expect(settleDayFirst(['01/02/2025', '12/25/2025 25:61', '15/02/2025'])).toBe(true);
  });
  it('ignores text that merely starts like a date', () => {
    const scan = new DayOrderScan();
    scan.add('1/2/2020 was a great day');
    expect(scan.numericDates).toBe(0);
  });
});

describe('year-first slash dates (DiscordChatExporter ja-JP/zh-CN "g" pattern, Excel)', () => {
  it('reads yyyy/MM/dd H:mm in the import zone, never as ambiguous', () => {
    expect(parseTimestamp('2025/03/01 9:05', { timeZone: 'UTC' })).toBe(Date.UTC(2025, 2, 1, 9, 5));
    expect(parseTimestamp('2025/3/13', { timeZone: 'UTC' })).toBe(Date.UTC(2025, 2, 13));
    expect(parseTimestamp('2025/03/01 9:05', { timeZone: 'Asia/Tokyo' })).toBe(Date.UTC(2025, 2, 1, 0, 5));
    expect(parseTimestamp('2025/02/30 9:05', { timeZone: 'UTC' })).toBeNull();
    expect(parseTimestamp('2025/03-01', { timeZone: 'UTC' })).toBeNull();
    expect(settleDayFirst(['2025/03/01 9:05', '2025/03/02 9:05'])).toBeUndefined();
  });
});

describe('the fast path for ISO dates with an offset', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  it("gives the general reader's number for every ISO-with-offset value, valid or not", () => {
    const iso = fc
      .record({
        y: fc.integer({ min: 1960, max: 2110 }),
        mo: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        h: fc.integer({ min: 0, max: 24 }),
        mi: fc.integer({ min: 0, max: 60 }),
        s: fc.integer({ min: 0, max: 61 }),
        ms: fc.option(fc.integer({ min: 0, max: 999 })),
        sep: fc.constantFrom('T', ' ', 't'),
        zone: fc.constantFrom('Z', 'z', '+00:00', '-05:30', '+14:00', '-0800', '', ' Z', 'UTC'),
      })
      .map(
        (p) =>
          `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}${p.sep}${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${p.ms === null ? '' : `.${pad(p.ms, 3)}`}${p.zone}`,
      );
    fc.assert(
      fc.property(iso, fc.constantFrom('UTC', 'Europe/Berlin'), (v, timeZone) => {
        expect(parseTimestamp(v, { timeZone })).toBe(parseTimestampGeneral(v, { timeZone }));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads DiscordChatExporter dates, leap days and offsets', () => {
    const utc = { timeZone: 'UTC' };
    expect(parseTimestamp('2021-01-01T00:00:07.815+00:00', utc)).toBe(Date.UTC(2021, 0, 1, 0, 0, 7, 815));
    expect(parseTimestamp('2024-02-29T23:30:00-05:00', utc)).toBe(Date.UTC(2024, 2, 1, 4, 30));
    expect(parseTimestamp('2023-02-29T10:00:00Z', utc)).toBeNull();
    expect(parseTimestamp('1900-02-28T10:00:00Z', utc)).toBeNull();
  });
});

describe('.NET "g" dates of other cultures (DiscordChatExporter --locale; CLDR short date + short time)', () => {
  it.each([
    // ko-KR: yyyy. M. d. tt h:mm — 오전/오후 (older ICU) or AM/PM (newer ICU) before the time.
    ['2020. 1. 1. 오전 1:33', '2020-01-01T01:33:00Z'],
    ['2020. 12. 31. 오후 1:05', '2020-12-31T13:05:00Z'],
    ['2020. 12. 31. 오후 12:05', '2020-12-31T12:05:00Z'],
    ['2020. 12. 31. 오전 12:05', '2020-12-31T00:05:00Z'],
    ['2020. 12. 31. PM 1:05', '2020-12-31T13:05:00Z'],
    // ko-KR with Windows' own culture data: yyyy-MM-dd tt h:mm.
    ['2020-12-31 오후 1:05', '2020-12-31T13:05:00Z'],
    // hu-HU: yyyy. MM. dd. H:mm
    ['2020. 12. 31. 13:05', '2020-12-31T13:05:00Z'],
    ['2020. 12. 31.', '2020-12-31T00:00:00Z'],
    // en-CA: yyyy-MM-dd h:mm tt with a.m./p.m.
    ['2020-12-31 1:05 p.m.', '2020-12-31T13:05:00Z'],
    ['2020-12-31 1:05 a.m.', '2020-12-31T01:05:00Z'],
    // older zh-CN / zh-TW: yyyy/M/d tth:mm (designator glued to the hour)
    ['2020/12/31 下午1:05', '2020-12-31T13:05:00Z'],
    ['2020/1/1 上午1:33', '2020-01-01T01:33:00Z'],
    // fi-FI / da-DK: dot between hour and minute; dotted dates are day first.
    ['31.12.2020 13.05', '2020-12-31T13:05:00Z'],
    ['1.1.2020 1.33', '2020-01-01T01:33:00Z'],
    // fr-CA: yyyy-MM-dd HH 'h' mm
    ['2020-12-31 13 h 05', '2020-12-31T13:05:00Z'],
    // en-US with ICU 72+: a narrow no-break space before AM/PM.
    ['12/31/2020 1:05\u202FPM', '2020-12-31T13:05:00Z'],
  ])('%s', (raw, iso) => {
    expect(read(raw)).toBe(utc(iso));
  });

  it('reads zh-HK, es and id-ID day/month dates in the order decided for the column', () => {
    expect(read('31/12/2020 下午1:05', 'UTC', true)).toBe(utc('2020-12-31T13:05:00Z'));
    expect(read('1/2/2020 上午1:33', 'UTC', true)).toBe(utc('2020-02-01T01:33:00Z'));
    expect(read('1/2/2020 上午1:33', 'UTC', false)).toBe(utc('2020-01-02T01:33:00Z'));
    expect(read('31/12/2020 1:05 p. m.', 'UTC', true)).toBe(utc('2020-12-31T13:05:00Z'));
    expect(read('31/12/2020 13.05', 'UTC', true)).toBe(utc('2020-12-31T13:05:00Z'));
    // Without the column's decision a day > 12 cannot be a month.
    expect(read('31/12/2020 下午1:05', 'UTC', false)).toBeNull();
    expect(settleDayFirst(['1/2/2020 上午1:33', '31/12/2020 下午1:05'])).toBe(true);
    expect(settleDayFirst(['01/02/2020 01.33', '12/31/2020 13.05'])).toBe(false);
  });

  it('reads them in the import time zone', () => {
    expect(read('2020. 1. 1. 오후 6:33', 'Asia/Seoul')).toBe(utc('2020-01-01T09:33:00Z'));
  });

  it('refuses impossible 12-hour times and doubled designators', () => {
    for (const v of [
      '2020-12-31 오후 13:05',
      '2020. 12. 31. 오후 1:05 PM',
      '2020-12-31 13:05 p.m.',
      '2020. 13. 31. 오전 1:05',
      '2020. 2. 30.',
      '2020.5',
      '1.78E+17',
    ]) {
      expect(read(v)).toBeNull();
    }
  });
});

describe('dateProblem: why a value parseTimestamp refused is no date Hearth can use', () => {
  it('accepts the years 1970–2100 and says so for a real date outside them, in every shape', () => {
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([1970, 2100]);
    expect(read('1970-01-01T00:00:00Z')).toBe(0);
    expect(read('2100-12-31T23:59:59Z')).toBe(utc('2100-12-31T23:59:59Z'));
    for (const v of [
      '1899-12-31T10:00:00Z',
      '3000-01-01T00:00:00Z',
      '1969-12-31T23:59:59.000+00:00',
      '2101-01-01 10:00:00 UTC',
      'Mar 01, 1899 09:30 pm',
      '31.12.1899',
      '12/31/1900',
      '31/12/1900',
      '2200/01/02',
    ]) {
      expect(read(v)).toBeNull();
      expect(dateProblem(v, 'ISO 8601')).toBe(`"${v}" is outside the dates Hearth accepts (years 1970–2100)`);
    }
  });

  it('says "not a date" (with what was expected) for anything else, impossible calendar days included', () => {
    expect(dateProblem('yesterday', 'ISO 8601, e.g. 2025-03-01T10:00:00Z')).toBe(
      '"yesterday" is not a date (expected ISO 8601, e.g. 2025-03-01T10:00:00Z)',
    );
    expect(dateProblem('2025-13-45')).toBe('"2025-13-45" is not a date');
    expect(dateProblem('1899-02-30T10:00:00Z')).toBe('"1899-02-30T10:00:00Z" is not a date');
    expect(dateProblem('')).toBe('"" is not a date');
  });

  it('shows a long value cut short, as given', () => {
    const long = 'x'.repeat(100);
    expect(dateProblem(long)).toBe(`"${'x'.repeat(40)}…" is not a date`);
    expect(dateProblem(long, undefined, { shown: 'x'.repeat(40) })).toBe(`"${'x'.repeat(40)}" is not a date`);
  });
});
