import { describe, expect, it } from 'vitest';
import {
  addMonths,
  bucketOf,
  dayKeyOf,
  daysInMonth,
  dayTable,
  fillMonths,
  monthKeyOf,
  monthNumber,
  monthRange,
  monthStart,
  zonedMidnight,
  previousMonth,
  zoneOffsetMs,
} from './index';

const utc = (iso: string) => Date.parse(iso);

describe('month keys', () => {
  it('reads the calendar month in the report zone', () => {
    expect(monthKeyOf(utc('2025-02-01T05:00:00Z'), 'UTC')).toBe('2025-02');
    expect(monthKeyOf(utc('2025-02-01T05:00:00Z'), 'America/Los_Angeles')).toBe('2025-01');
    expect(monthKeyOf(utc('2025-01-31T18:30:00Z'), 'Asia/Kolkata')).toBe('2025-02');
    expect(monthKeyOf(utc('2025-03-31T11:00:00Z'), 'Pacific/Chatham')).toBe('2025-04');
  });

  it('does month arithmetic across years: m − 1, ranges with gaps, lengths', () => {
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2025-02', '2025-01')).toEqual([]);
    expect(daysInMonth(monthNumber('2024-02'))).toBe(29);
    expect(daysInMonth(monthNumber('2025-02'))).toBe(28);
    expect(daysInMonth(monthNumber('1900-02'))).toBe(28);
    expect(daysInMonth(monthNumber('2000-02'))).toBe(29);
    expect(() => monthNumber('2025-13')).toThrow(RangeError);
  });

  it('fills gaps explicitly', () => {
    expect(fillMonths(monthRange('2025-01', '2025-03'), new Map([['2025-02', 4]]), 0)).toEqual([0, 4, 0]);
  });
});

describe('month starts', () => {
  it('are local midnight of the 1st in the zone, DST included', () => {
    expect(monthStart(monthNumber('2025-03'), 'UTC')).toBe(utc('2025-03-01T00:00:00Z'));
    expect(monthStart(monthNumber('2025-02'), 'Asia/Kolkata')).toBe(utc('2025-01-31T18:30:00Z'));
    // Los Angeles: PST (−8) on 1 March, PDT (−7) on 1 April.
    expect(monthStart(monthNumber('2025-03'), 'America/Los_Angeles')).toBe(utc('2025-03-01T08:00:00Z'));
    expect(monthStart(monthNumber('2025-04'), 'America/Los_Angeles')).toBe(utc('2025-04-01T07:00:00Z'));
    // Chatham: +12:45 in July (winter), +13:45 in January (summer).
    expect(monthStart(monthNumber('2025-07'), 'Pacific/Chatham')).toBe(utc('2025-06-30T11:15:00Z'));
    expect(monthStart(monthNumber('2025-01'), 'Pacific/Chatham')).toBe(utc('2024-12-31T10:15:00Z'));
  });

  it('bucket instants by sorted starts', () => {
    const starts = new Float64Array([0, 10, 20]);
    expect([
      bucketOf(starts, -1),
      bucketOf(starts, 0),
      bucketOf(starts, 9),
      bucketOf(starts, 10),
      bucketOf(starts, 25),
    ]).toEqual([-1, 0, 0, 1, 2]);
  });
});

describe('days', () => {
  it('cuts local days of 23 and 25 hours at DST changes', () => {
    // Los Angeles: 9 March 2025 has 23 hours, 2 November 2025 has 25.
    const spring = dayTable(utc('2025-03-08T12:00:00Z'), utc('2025-03-10T12:00:00Z'), 'America/Los_Angeles');
    expect([...spring.starts].map((t) => new Date(t).toISOString())).toEqual([
      '2025-03-08T08:00:00.000Z',
      '2025-03-09T08:00:00.000Z',
      '2025-03-10T07:00:00.000Z',
      '2025-03-11T07:00:00.000Z',
    ]);
    const fall = dayTable(utc('2025-11-02T12:00:00Z'), utc('2025-11-02T12:00:00Z'), 'America/Los_Angeles');
    expect((fall.starts[1] as number) - (fall.starts[0] as number)).toBe(25 * 3_600_000);
    expect(fall.month[0]).toBe(monthNumber('2025-11'));
  });

  it('starts a day at the first instant when local midnight does not exist', () => {
    // America/Santiago jumped from 00:00 to 01:00 on 8 September 2024: the day starts at 01:00 −03 = 04:00Z.
    const t = dayTable(utc('2024-09-07T12:00:00Z'), utc('2024-09-08T12:00:00Z'), 'America/Santiago');
    expect(new Date(t.starts[1] as number).toISOString()).toBe('2024-09-08T04:00:00.000Z');
    expect(new Date(t.starts[0] as number).toISOString()).toBe('2024-09-07T04:00:00.000Z');
  });

  it('gives day keys and offsets in the zone', () => {
    expect(dayKeyOf(utc('2025-03-09T07:30:00Z'), 'America/Los_Angeles')).toBe('2025-03-08');
    expect(zoneOffsetMs(utc('2025-01-15T00:00:00Z'), 'Pacific/Chatham')).toBe((13 * 60 + 45) * 60_000);
    expect(zoneOffsetMs(utc('2025-01-15T00:00:00Z'), 'Asia/Kolkata')).toBe(330 * 60_000);
  });
});

describe('zonedMidnight', () => {
  it('is the first instant of the day in the zone (an event date typed on import)', () => {
    // 1 April 2025 in New York (EDT, UTC−4) starts at 04:00 UTC — still April, not 31 March 20:00.
    expect(zonedMidnight('2025-04-01', 'America/New_York')).toBe(Date.UTC(2025, 3, 1, 4));
    // Tokyo (UTC+9): 31 March 15:00 UTC.
    expect(zonedMidnight('2025-04-01', 'Asia/Tokyo')).toBe(Date.UTC(2025, 2, 31, 15));
    expect(zonedMidnight('2025-04-01', 'UTC')).toBe(Date.UTC(2025, 3, 1));
    // Santiago skipped midnight on 2025-09-07 (clocks went 00:00 → 01:00): the day starts at 01:00 local, 04:00 UTC.
    expect(zonedMidnight('2025-09-07', 'America/Santiago')).toBe(Date.UTC(2025, 8, 7, 4));
  });
});
