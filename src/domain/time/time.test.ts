import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  bucketOf,
  dayKeyOf,
  daysInMonth,
  dayTable,
  fillMonths,
  firstInstantAtOrAfter,
  instantOfWall,
  monthKeyOf,
  monthNumber,
  monthRange,
  monthStart,
  zonedMidnight,
  previousMonth,
  wallOf,
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

  it('is the first of two midnights when clocks go back over midnight, as a date-only value is read', () => {
    // Havana went back from 01:00 CDT (−4) to 00:00 CST (−5) on 3 November 2024: midnight was 04:00Z and 05:00Z.
    expect(zonedMidnight('2024-11-03', 'America/Havana')).toBe(Date.UTC(2024, 10, 3, 4));
    expect(monthStart(monthNumber('2024-11'), 'America/Havana')).toBe(Date.UTC(2024, 10, 1, 4));
    const days = dayTable(utc('2024-11-02T12:00:00Z'), utc('2024-11-03T12:00:00Z'), 'America/Havana');
    expect([...days.starts].map((t) => new Date(t).toISOString())).toEqual([
      '2024-11-02T04:00:00.000Z',
      '2024-11-03T04:00:00.000Z',
      '2024-11-04T05:00:00.000Z',
    ]);
  });
});

describe('instantOfWall: one rule for wall times at DST changes (Temporal "compatible")', () => {
  const wall = (iso: string) => Date.parse(`${iso}Z`);

  it('reads a wall time that occurs twice as the earlier instant, in every zone', () => {
    expect(instantOfWall(wall('2024-11-03T01:30'), 'America/New_York')).toBe(utc('2024-11-03T05:30:00Z'));
    expect(instantOfWall(wall('2024-10-27T02:30'), 'Europe/Berlin')).toBe(utc('2024-10-27T00:30:00Z'));
    expect(instantOfWall(wall('2024-10-27T01:30'), 'Europe/London')).toBe(utc('2024-10-27T00:30:00Z'));
    expect(instantOfWall(wall('2024-04-07T02:30'), 'Australia/Sydney')).toBe(utc('2024-04-06T15:30:00Z'));
  });

  it('moves a wall time that does not exist forward by the gap', () => {
    expect(instantOfWall(wall('2024-03-10T02:30'), 'America/New_York')).toBe(utc('2024-03-10T07:30:00Z'));
    expect(instantOfWall(wall('2024-03-31T02:30'), 'Europe/Berlin')).toBe(utc('2024-03-31T01:30:00Z'));
    expect(instantOfWall(wall('2024-03-31T01:30'), 'Europe/London')).toBe(utc('2024-03-31T01:30:00Z'));
    expect(instantOfWall(wall('2024-10-06T02:30'), 'Australia/Sydney')).toBe(utc('2024-10-05T16:30:00Z'));
    // Samoa skipped 30 December 2011 (−10 → +14): noon that day is noon of the 31st.
    expect(instantOfWall(wall('2011-12-30T12:00'), 'Pacific/Apia')).toBe(utc('2011-12-30T22:00:00Z'));
  });

  it('is the wall time itself in UTC', () => {
    for (const z of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'])
      expect(instantOfWall(wall('2024-10-27T02:30'), z)).toBe(wall('2024-10-27T02:30'));
  });

  it('refuses an unknown zone', () => {
    expect(() => instantOfWall(wall('2024-10-27T02:30'), 'Mars/Olympus')).toThrow(
      /Unknown time zone "Mars\/Olympus"/,
    );
  });

  it('starts a day where the gap ends when the wall time does not exist (firstInstantAtOrAfter)', () => {
    expect(firstInstantAtOrAfter(wall('2024-03-10T02:30'), 'America/New_York')).toBe(
      utc('2024-03-10T07:00:00Z'),
    );
    expect(firstInstantAtOrAfter(wall('2024-11-03T01:30'), 'America/New_York')).toBe(
      utc('2024-11-03T05:30:00Z'),
    );
    expect(firstInstantAtOrAfter(wall('2011-12-30T00:00'), 'Pacific/Apia')).toBe(utc('2011-12-30T10:00:00Z'));
  });

  // Zones with DST of one hour, half an hour (Lord Howe) and two (Troll), changes at midnight
  // (Santiago, Havana), odd offsets (Chatham, St John's, Tehran, Monrovia's −0:44:30 until 1972),
  // offsets changed for good (Moscow, Apia) and DST suspended for Ramadan (Casablanca).
  const ZONES = [
    'America/New_York',
    'Europe/Berlin',
    'Europe/London',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'Antarctica/Troll',
    'America/Santiago',
    'America/Havana',
    'Pacific/Chatham',
    'America/St_Johns',
    'Asia/Tehran',
    'Africa/Monrovia',
    'Europe/Moscow',
    'Pacific/Apia',
    'Africa/Casablanca',
  ];
  const HOUR = 3_600_000;
  const WEEK = 7 * 86_400_000;

  /** The changes of offset 1970–2040 (found by the week, then to the second), as [instant, before, after]. */
  function changes(timeZone: string): [number, number, number][] {
    const out: [number, number, number][] = [];
    let prev = zoneOffsetMs(0, timeZone);
    for (let t = WEEK; t < Date.UTC(2040, 0, 1); t += WEEK) {
      const o = zoneOffsetMs(t, timeZone);
      if (o === prev) continue;
      let lo = t - WEEK;
      let hi = t;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (zoneOffsetMs(mid, timeZone) === prev) lo = mid;
        else hi = mid;
      }
      out.push([hi, prev, o]);
      prev = o;
    }
    return out;
  }

  /** The rule, computed slowly and independently: every instant whose wall clock reads `w`, or the gap over it. */
  function reference(w: number, timeZone: string): { instant: number; dayStart: number } {
    const offsets = new Set<number>();
    for (let k = -40; k <= 40; k++) offsets.add(zoneOffsetMs(w + (k * HOUR) / 2, timeZone));
    const hits = [...offsets].map((o) => w - o).filter((t) => wallOf(t, timeZone) === w);
    if (hits.length > 0) return { instant: Math.min(...hits), dayStart: Math.min(...hits) };
    // No instant reads w: the clock jumps over it at the first instant whose wall clock is past w.
    let lo = w - 15 * HOUR;
    let hi = w + 15 * HOUR;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (wallOf(mid, timeZone) > w) hi = mid;
      else lo = mid;
    }
    const before = zoneOffsetMs(hi - 1, timeZone);
    const after = zoneOffsetMs(hi, timeZone);
    // Moved forward by the gap: w + (after − before), read with the offset after the jump.
    return { instant: w + (after - before) - after, dayStart: hi };
  }

  it('agrees with a slow reference near every change of offset and at ordinary times, whatever the order', () => {
    const near = fc
      .record({
        zone: fc.constantFrom(...ZONES),
        i: fc.nat(),
        dt: fc.integer({ min: -3 * 3600, max: 3 * 3600 }),
      })
      .map(({ zone, i, dt }) => {
        const all = changesOf(zone);
        const [at, before] = all[i % all.length]!;
        return { zone, w: at + before + dt * 1000 };
      });
    const anywhere = fc
      .record({
        zone: fc.constantFrom(...ZONES),
        t: fc.integer({ min: 0, max: Date.UTC(2040, 0, 1) / 1000 }),
      })
      .map(({ zone, t }) => ({ zone, w: t * 1000 }));
    fc.assert(
      fc.property(fc.oneof(near, anywhere), ({ zone, w }) => {
        const r = reference(w, zone);
        expect(instantOfWall(w, zone)).toBe(r.instant);
        expect(firstInstantAtOrAfter(w, zone)).toBe(r.dayStart);
      }),
      { numRuns: 1500 },
    );
  });

  const found = new Map<string, [number, number, number][]>();
  function changesOf(zone: string): [number, number, number][] {
    let c = found.get(zone);
    if (!c) found.set(zone, (c = changes(zone)));
    return c;
  }
});
