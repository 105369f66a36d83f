import { describe, expect, it } from 'vitest';
import {
  fittedTimeTicks,
  isDailyKeys,
  keyTime,
  pointLabel,
  tickLabel,
  tickLabels,
  timeTicks,
} from './time-axis';

const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('keyTime', () => {
  it('reads month and day keys as UTC', () => {
    expect(keyTime('2019-03')).toBe(utc(2019, 3));
    expect(keyTime('2019-03-05')).toBe(utc(2019, 3, 5));
    expect(keyTime('')).toBeNaN();
  });

  it('tells day keys from month keys', () => {
    expect(isDailyKeys(['2019-03-05'])).toBe(true);
    expect(isDailyKeys(['2019-03'])).toBe(false);
    expect(isDailyKeys([])).toBe(false);
  });
});

describe('timeTicks', () => {
  it('puts ten years of days on January 1st, one a year', () => {
    const { ticks, step } = timeTicks(utc(2015), utc(2024, 12, 31));
    expect(step).toEqual({ unit: 'year', n: 1 });
    expect(ticks.map(iso)).toEqual(Array.from({ length: 10 }, (_, i) => `${2015 + i}-01-01`));
  });

  it('goes to 5-year steps on round years for 55 years', () => {
    const { ticks, step } = timeTicks(utc(2015), utc(2069, 10, 1));
    expect(step).toEqual({ unit: 'year', n: 10 });
    expect(ticks.map(iso)).toEqual(['2020-01-01', '2030-01-01', '2040-01-01', '2050-01-01', '2060-01-01']);
  });

  it('uses quarters starting in January, April, July, October for 3 years of months', () => {
    const { ticks, step } = timeTicks(utc(2021, 2), utc(2023, 11));
    expect(step).toEqual({ unit: 'month', n: 6 });
    expect(ticks.map(iso)).toEqual(['2021-07-01', '2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01']);
    const q = timeTicks(utc(2021, 2), utc(2023, 11), 12);
    expect(q.step).toEqual({ unit: 'month', n: 3 });
    expect(q.ticks.map(iso)[0]).toBe('2021-04-01');
    expect(q.ticks.length).toBeLessThanOrEqual(12);
  });

  it('uses monthly ticks for a year of months and days for a few weeks', () => {
    expect(timeTicks(utc(2020), utc(2020, 9)).ticks.map(iso)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2020-0${i + 1}-01`),
    );
    const days = timeTicks(utc(2020, 1, 3), utc(2020, 1, 20));
    expect(days.step.unit).toBe('day');
    expect(days.ticks.length).toBeLessThanOrEqual(10);
    expect(days.ticks[0]).toBe(utc(2020, 1, 3));
  });

  it('never gives more ticks than asked, always within the data, ascending', () => {
    for (const [a, b] of [
      [utc(1990), utc(2030)],
      [utc(2000, 5, 17), utc(2000, 6, 2)],
      [utc(2010, 3), utc(2016, 8)],
      [utc(1900), utc(2100)],
    ] as const) {
      for (const max of [6, 8, 10, 12]) {
        const { ticks } = timeTicks(a, b, max);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThanOrEqual(max);
        for (const t of ticks) expect(t >= a && t <= b).toBe(true);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
      }
    }
  });

  it('has one tick for a single point and none for nonsense', () => {
    expect(timeTicks(utc(2020, 5), utc(2020, 5)).ticks).toEqual([utc(2020, 5)]);
    expect(timeTicks(Number.NaN, utc(2020)).ticks).toEqual([]);
    expect(timeTicks(utc(2021), utc(2020)).ticks).toEqual([]);
  });
});

describe('labels', () => {
  it('formats by step in the given locale, in UTC', () => {
    expect(tickLabel(utc(2019), { unit: 'year', n: 1 }, 'en-US')).toBe('2019');
    expect(tickLabel(utc(2019, 3), { unit: 'month', n: 3 }, 'en-US')).toBe('Mar 2019');
    expect(tickLabel(utc(2019, 3, 5), { unit: 'day', n: 7 }, 'en-US')).toBe('Mar 5');
    expect(tickLabel(utc(2019, 3), { unit: 'month', n: 1 }, 'de-DE')).toBe('März 2019');
  });

  it('adds the year to day ticks where it changes, only when the axis crosses a year', () => {
    const week = { unit: 'day', n: 7 } as const;
    expect(
      tickLabels([utc(2025, 12, 15), utc(2025, 12, 22), utc(2025, 12, 29), utc(2026, 1, 5)], week, 'en-US'),
    ).toEqual(['Dec 15, 2025', 'Dec 22', 'Dec 29', 'Jan 5, 2026']);
    expect(tickLabels([utc(2025, 3, 1), utc(2025, 3, 8)], week, 'en-US')).toEqual(['Mar 1', 'Mar 8']);
    expect(tickLabels([utc(2025, 11), utc(2026, 1)], { unit: 'month', n: 2 }, 'en-US')).toEqual([
      'Nov 2025',
      'Jan 2026',
    ]);
  });

  it('labels a point with its month, or its date for daily data', () => {
    expect(pointLabel(utc(2019, 3), false, 'en-US')).toBe('March 2019');
    expect(pointLabel(utc(2019, 3, 5), true, 'en-US')).toBe('Mar 5, 2019');
  });
});

describe('fittedTimeTicks', () => {
  it('takes fewer ticks while neighbours stand closer than a label', () => {
    // July–December on a 170 px axis with 60 px labels (+8 px gap): 3 labels "fit" the length, but
    // Jul 1, Sep 1, Nov 1 stand 57 px apart; Jul 1 and Oct 1 stand 85 px apart.
    const r = fittedTimeTicks(utc(2025, 7, 1), utc(2025, 12, 31), 170, 60, 8);
    expect(r.ticks.map(iso)).toEqual(['2025-07-01', '2025-10-01']);
    // With room, every second month.
    expect(fittedTimeTicks(utc(2025, 7, 1), utc(2025, 12, 31), 600, 60, 8).ticks.map(iso)).toEqual([
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-01',
      '2025-11-01',
      '2025-12-01',
    ]);
  });
});
