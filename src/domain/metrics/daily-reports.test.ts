import { describe, expect, it } from 'vitest';
import type { DailyValueRecord } from '../model/records';
import { aggregationOf, dailyReports, headlineSeries } from './daily-reports';
import { prepareDataset } from './dataset';
import { act, batch } from './testing';

const day = (
  source: string,
  series: string,
  iso: string,
  value: number,
  column = 'count',
): DailyValueRecord => ({
  key: `${source}:daily:${column}:${iso}`,
  source,
  series,
  day: Date.parse(`${iso}T00:00:00Z`),
  value,
});

/*
 * Daily values (2025):
 *   x: Impressions     Jan 30 = 100, Jan 31 = 50, Feb 1 = 30, Feb 2 = 90
 *                      → Jan sum 150, Feb sum 120; change Feb over Jan (120 − 150) / 150 = −0.2; period 270
 *   discourse: dau by mau (column Percent)  Jan 31 = 20, Feb 1 = 30, Feb 2 = 40
 *                      → Jan mean 20, Feb mean 35; change +15 (a difference); period (20+30+40)/3 = 30
 *   x: Likes           Jan 29 = 3 (listed after Impressions: by label, not by first day)
 *   linkedin: Total followers   Mar 1 = 7 (outside a Jan–Feb period)
 * Imported in an order that is not the days' order (Feb before Jan).
 */
const records = () =>
  batch({
    activities: [act('discourse:ann', 'post', '2025-01-15T10:00:00Z')],
    dailyValues: [
      day('x', 'x: Likes', '2025-01-29', 3),
      day('x', 'x: Impressions', '2025-02-01', 30),
      day('x', 'x: Impressions', '2025-02-02', 90),
      day('x', 'x: Impressions', '2025-01-30', 100),
      day('x', 'x: Impressions', '2025-01-31', 50),
      day('discourse', 'discourse: dau by mau', '2025-01-31', 20, 'percent'),
      day('discourse', 'discourse: dau by mau', '2025-02-01', 30, 'percent'),
      day('discourse', 'discourse: dau by mau', '2025-02-02', 40, 'percent'),
      day('linkedin', 'linkedin: Total followers', '2025-03-01', 7),
    ],
  });

describe('dailyReports', () => {
  const ds = prepareDataset({ records: records() });
  const janFeb = { timeZone: 'UTC', from: '2025-01', to: '2025-02' };

  it('sums counts and averages percentages by month, with the last month’s change', () => {
    const r = dailyReports(ds, janFeb);
    expect(r.months).toEqual(['2025-01', '2025-02']);
    expect(r.series.map((s) => s.name)).toEqual(['discourse: dau by mau', 'x: Impressions', 'x: Likes']);
    const [dau, imp] = r.series;
    expect(imp).toMatchObject({
      source: 'x',
      label: 'Impressions',
      aggregation: 'sum',
      days: ['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'],
      values: [100, 50, 30, 90],
      monthly: [150, 120],
      overall: 270,
    });
    expect(imp!.change).toBeCloseTo(-0.2, 12);
    expect(dau).toMatchObject({
      label: 'dau by mau',
      aggregation: 'mean',
      monthly: [20, 35],
      overall: 30,
      change: 15,
    });
  });

  it('keeps calendar days in their own month whatever the report zone', () => {
    // In Los Angeles, UTC midnight of 1 Feb is still 31 Jan; the day stays in February.
    const r = dailyReports(ds, { ...janFeb, timeZone: 'America/Los_Angeles' });
    expect(r.series.find((s) => s.name === 'x: Impressions')!.monthly).toEqual([150, 120]);
  });

  it('follows the period and the source filter', () => {
    const feb = dailyReports(ds, { timeZone: 'UTC', from: '2025-02', to: '2025-02' });
    expect(feb.series.map((s) => s.name)).toEqual(['discourse: dau by mau', 'x: Impressions']);
    expect(feb.series.find((s) => s.source === 'x')).toMatchObject({
      values: [30, 90],
      monthly: [120],
      change: null,
    });
    expect(dailyReports(ds, { ...janFeb, sources: ['x'] }).series.map((s) => s.name)).toEqual([
      'x: Impressions',
      'x: Likes',
    ]);
    expect(dailyReports(ds, { ...janFeb, sources: ['discourse'] }).series.map((s) => s.source)).toEqual([
      'discourse',
    ]);
    // The default period runs to March, the last month with a dated record (the LinkedIn day).
    const all = dailyReports(ds, { timeZone: 'UTC' });
    expect(all.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(all.series.find((s) => s.source === 'linkedin')).toMatchObject({
      monthly: [null, null, 7],
      change: null,
    });
  });

  it('has no change when the month before summed to 0, and nothing without data', () => {
    const ds2 = prepareDataset({
      records: batch({
        dailyValues: [
          day('x', 'x: New follows', '2025-01-05', 0),
          day('x', 'x: New follows', '2025-02-05', 4),
        ],
      }),
    });
    expect(dailyReports(ds2, { timeZone: 'UTC' }).series[0]).toMatchObject({ monthly: [0, 4], change: null });
    expect(dailyReports(prepareDataset({ records: batch({}) }), { timeZone: 'UTC' })).toEqual({
      months: [],
      series: [],
    });
  });
});

describe('aggregationOf', () => {
  it('averages shares, rates and averages; sums counts', () => {
    expect(aggregationOf('linkedin: Engagement rate (total)')).toBe('mean');
    expect(aggregationOf('discourse: dau_by_mau')).toBe('mean');
    expect(aggregationOf('discourse: time to first response')).toBe('mean');
    expect(aggregationOf('discourse: signups', 'discourse:report:signups:percent:2025-01-01')).toBe('mean');
    expect(aggregationOf('x: Impressions', 'x:daily:impressions:2025-01-01')).toBe('sum');
    expect(aggregationOf('linkedin: Total followers')).toBe('sum');
    expect(aggregationOf('discourse: consolidated page views · crawler')).toBe('sum');
  });
});

describe('headlineSeries', () => {
  it('picks the series with the largest numbers, the first of equals', () => {
    const likes = { name: 'likes', values: [3, 4, 0] };
    const impressions = { name: 'impressions', values: [238, 184, 0] };
    const views = { name: 'views', values: [422, 0, 0] };
    expect(headlineSeries([likes, impressions, views])?.name).toBe('impressions');
    expect(headlineSeries([likes, views, impressions])?.name).toBe('views');
    expect(headlineSeries([{ name: 'zeros', values: [0, 0] }])?.name).toBe('zeros');
    expect(headlineSeries([])).toBeUndefined();
  });
});
