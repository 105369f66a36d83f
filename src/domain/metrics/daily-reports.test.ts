import { describe, expect, it } from 'vitest';
import type { DailyValueRecord } from '../model/records';
import {
  chartPoints,
  coverageNotes,
  dailyReports,
  headlineSeries,
  monthFigure,
  platformFigures,
  seriesLabel,
  unitOf,
} from './daily-reports';
import { prepareDataset } from './dataset';
import { act, batch } from './testing';

const day = (
  source: string,
  series: string,
  iso: string,
  value: number,
  column = series.slice(series.indexOf(': ') + 2).toLowerCase(),
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
 *   x: Likes           Jan 29 = 3, Feb 28 = 5 (listed after Impressions: by label, not by first day;
 *                      its Feb 28 makes X's data reach the end of February: February is complete)
 *   linkedin: Total followers   Mar 1 = 7 (outside a Jan–Feb period)
 * Imported in an order that is not the days' order (Feb before Jan).
 */
const records = () =>
  batch({
    activities: [act('discourse:ann', 'post', '2025-01-15T10:00:00Z')],
    dailyValues: [
      day('x', 'x: Likes', '2025-01-29', 3),
      day('x', 'x: Likes', '2025-02-28', 5),
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

  it('sums counts and averages percentages by month', () => {
    const r = dailyReports(ds, janFeb);
    expect(r.months).toEqual(['2025-01', '2025-02']);
    expect(r.series.map((s) => s.name)).toEqual(['discourse: dau by mau', 'x: Impressions', 'x: Likes']);
    const [dau, imp] = r.series;
    expect(imp).toMatchObject({
      source: 'x',
      label: 'Impressions',
      unit: 'count',
      aggregation: 'sum',
      days: ['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'],
      values: [100, 50, 30, 90],
      monthly: [150, 120],
      overall: 270,
      // X's overview lists every day: two days of January and two of February are no −20 %.
      partial: [2, 2],
      change: null,
    });
    expect(imp!.relativeChange).toBeCloseTo(-0.2, 12);
    // Discourse's data covers 31 Jan – 2 Feb: both months in part, which an average may still compare.
    expect(dau).toMatchObject({
      label: 'DAU/MAU',
      unit: 'percent',
      aggregation: 'mean',
      monthly: [20, 35],
      overall: 30,
      change: 15,
      relativeChange: 0.75,
    });
    expect(r.available).toEqual({ from: '2025-01', to: '2025-03' });
  });

  it('knows which months each export covers: a late start, a mid-month end, a report that skips days', () => {
    const every = (
      source: string,
      series: string,
      key: (d: string) => string,
      from: string,
      to: string,
      v = 10,
    ) => {
      const out: DailyValueRecord[] = [];
      for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
        const d = new Date(t).toISOString().slice(0, 10);
        out.push({ key: key(d), source, series, day: t, value: v });
      }
      return out;
    };
    const signup = (d: string, value: number): DailyValueRecord => ({
      key: `discourse:report:signups:count:${d}`,
      source: 'discourse',
      series: 'discourse: signups',
      day: Date.parse(`${d}T00:00:00Z`),
      value,
    });
    const all = prepareDataset({
      records: batch({
        dailyValues: [
          // X's "last 35 days": 27 Nov – 31 Dec. November holds 4 days: no +675 % for December.
          ...every('x', 'x: Impressions', (d) => `x:daily:impressions:${d}`, '2025-11-27', '2025-12-31'),
          // A Discourse report exported on 15 December, another to the 31st: only the first is cut.
          ...every(
            'discourse',
            'discourse: posts',
            (d) => `discourse:report:posts:count:${d}`,
            '2025-11-01',
            '2025-12-15',
          ),
          ...every(
            'discourse',
            'discourse: topics',
            (d) => `discourse:report:topics:count:${d}`,
            '2025-11-01',
            '2025-12-31',
          ),
          // Signups lists only days with signups: its last one (20 December) is no end of anything.
          signup('2025-11-03', 2),
          signup('2025-12-20', 3),
        ],
      }),
    });
    const r = dailyReports(all, { timeZone: 'UTC', from: '2025-11', to: '2025-12' });
    const of = (name: string) => r.series.find((x) => x.name === name)!;
    expect(of('x: Impressions')).toMatchObject({ monthly: [40, 310], partial: [4, null], change: null });
    expect(of('discourse: posts')).toMatchObject({ monthly: [300, 150], partial: [null, 15], change: null });
    expect(of('discourse: topics')).toMatchObject({ monthly: [300, 310], partial: [null, null] });
    expect(of('discourse: topics').change).toBeCloseTo(10 / 300, 12);
    expect(of('discourse: signups')).toMatchObject({ monthly: [2, 3], partial: [null, null], change: 0.5 });
    // What the page says: one note per coverage of November and December.
    expect(coverageNotes(r.series, r.months)).toEqual([
      { months: [{ month: '2025-12', days: 15, of: 31 }], labels: ['Posts'] },
      { months: [{ month: '2025-11', days: 4, of: 30 }], labels: ['Impressions'] },
    ]);

    // A one-month period compares with the month before it; X's four November days are no base.
    const dec = dailyReports(all, { timeZone: 'UTC', from: '2025-12', to: '2025-12' });
    expect(dec.previous).toBe('2025-11');
    const decOf = (name: string) => dec.series.find((x) => x.name === name)!;
    expect(decOf('discourse: topics')).toMatchObject({
      monthly: [310],
      before: { value: 300, partial: null },
    });
    expect(decOf('discourse: topics').change).toBeCloseTo(10 / 300, 12);
    expect(decOf('x: Impressions')).toMatchObject({
      monthly: [310],
      before: { value: 40, partial: 4 },
      change: null,
    });
    expect(coverageNotes(dec.series, dec.months).map((n) => n.labels)).toEqual([['Posts'], ['Impressions']]);
  });

  it('keeps calendar days in their own month whatever the report zone', () => {
    // In Los Angeles, UTC midnight of 1 Feb is still 31 Jan; the day stays in February.
    const r = dailyReports(ds, { ...janFeb, timeZone: 'America/Los_Angeles' });
    expect(r.series.find((s) => s.name === 'x: Impressions')!.monthly).toEqual([150, 120]);
  });

  it('follows the period and the source filter, and says where the data is', () => {
    const feb = dailyReports(ds, { timeZone: 'UTC', from: '2025-02', to: '2025-02' });
    expect(feb.series.map((s) => s.name)).toEqual(['discourse: dau by mau', 'x: Impressions', 'x: Likes']);
    expect(feb.series.find((s) => s.name === 'x: Impressions')).toMatchObject({
      values: [30, 90],
      monthly: [120],
      change: null,
    });
    const onlyX = dailyReports(ds, { ...janFeb, sources: ['x'] });
    expect(onlyX.series.map((s) => s.name)).toEqual(['x: Impressions', 'x: Likes']);
    expect(onlyX.available).toEqual({ from: '2025-01', to: '2025-02' });
    expect(onlyX.filteredOut).toBe(false);
    // Only Slack chosen: there are daily reports, all filtered out (the page says so).
    expect(dailyReports(ds, { ...janFeb, sources: ['slack'] })).toMatchObject({
      series: [],
      available: null,
      filteredOut: true,
    });
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
    // A period before any daily value: no series, and where they are.
    const before = dailyReports(ds, { timeZone: 'UTC', from: '2024-06', to: '2024-12' });
    expect(before.series).toEqual([]);
    expect(before.available).toEqual({ from: '2025-01', to: '2025-03' });
  });

  it('has no change when the month before summed to 0, and nothing without data', () => {
    const ds2 = prepareDataset({
      records: batch({
        dailyValues: [
          day('x', 'x: New follows', '2025-01-05', 0),
          day('x', 'x: New follows', '2025-02-28', 4),
        ],
      }),
    });
    expect(dailyReports(ds2, { timeZone: 'UTC' }).series[0]).toMatchObject({
      monthly: [0, 4],
      change: null,
      relativeChange: null,
    });
    expect(dailyReports(prepareDataset({ records: batch({}) }), { timeZone: 'UTC' })).toEqual({
      months: [],
      previous: null,
      series: [],
      available: null,
      filteredOut: false,
    });
  });
});

describe('one series, however its name is spelled', () => {
  it('groups by the stored key: an all-capitals re-save or an older label joins the same line, named by the latest', () => {
    const ds = prepareDataset({
      records: batch({
        dailyValues: [
          day('x', 'x: Create Post', '2025-01-30', 1, 'create post'),
          day('x', 'x: CREATE POST', '2025-01-31', 2, 'create post'),
          day('x', 'x: Create post', '2025-02-01', 4, 'create post'),
        ],
      }),
    });
    const r = dailyReports(ds, { timeZone: 'UTC', from: '2025-01', to: '2025-02' });
    expect(r.series.map((s) => [s.name, s.monthly])).toEqual([['x: Create post', [3, 4]]]);
  });
});

describe('averages that are not shares', () => {
  it('average over the days given, and change relatively (unique counts do not add up over days)', () => {
    const ds = prepareDataset({
      records: batch({
        dailyValues: [
          day('linkedin', 'linkedin: Unique impressions (organic)', '2025-01-05', 100),
          day('linkedin', 'linkedin: Unique impressions (organic)', '2025-01-06', 120),
          day('linkedin', 'linkedin: Unique impressions (organic)', '2025-02-10', 99),
        ],
      }),
    });
    const s = dailyReports(ds, { timeZone: 'UTC' }).series[0]!;
    // Jan mean 110, Feb mean 99 (the export ends on 10 Feb: an average still compares): −10 %.
    expect(s).toMatchObject({
      unit: 'value',
      aggregation: 'mean',
      monthly: [110, 99],
      overall: 319 / 3,
      partial: [2, 1],
    });
    expect(s.change).toBeCloseTo(-0.1, 12);
  });
});

describe('unitOf', () => {
  it('from the name and column alone: counts, percentages, rates as fractions, averages and unique counts', () => {
    expect(unitOf('x: Impressions', 'x:daily:impressions:2025-01-01')).toBe('count');
    expect(unitOf('linkedin: Total followers', '')).toBe('count');
    expect(unitOf('discourse: consolidated page views · crawlers', '')).toBe('count');
    expect(unitOf('linkedin: Engagement rate (total)', '')).toBe('fraction');
    expect(unitOf('discourse: dau by mau', 'discourse:report:dau by mau:percent:2025-01-01')).toBe('percent');
    // The column name in the key says Percent even when the series name does not.
    expect(unitOf('discourse: signups', 'discourse:report:signups:percent:2025-01-01')).toBe('percent');
    expect(unitOf('discourse: time to first response', '')).toBe('value');
    expect(unitOf('linkedin: Unique impressions (organic)', '')).toBe('value');
    expect(unitOf('x: Video view duration', '')).toBe('count');
    expect(unitOf('discourse: registrations', '')).toBe('count');
  });
});

describe('seriesLabel', () => {
  it('names Discourse reports as its dashboard does; other platforms keep their column names', () => {
    expect(seriesLabel('discourse', 'discourse: dau by mau')).toBe('DAU/MAU');
    expect(seriesLabel('discourse', 'discourse: consolidated page views · logged in users')).toBe(
      'Page views · Logged in users',
    );
    expect(seriesLabel('discourse', 'discourse: signups')).toBe('Signups');
    expect(seriesLabel('x', 'x: New follows')).toBe('New follows');
    expect(seriesLabel('linkedin', 'linkedin: Impressions (organic)')).toBe('Impressions (organic)');
    expect(seriesLabel('linkedin', 'linkedin: Total followers')).toBe('New followers (total)');
    expect(seriesLabel('linkedin', 'linkedin: Auto-invited followers')).toBe('New followers (auto-invited)');
  });
});

describe('chartPoints', () => {
  it('fills a count’s missing days with 0 across a month end; an average keeps only its days', () => {
    expect(chartPoints({ aggregation: 'sum', days: ['2025-01-30', '2025-02-02'], values: [5, 3] })).toEqual({
      days: ['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'],
      values: [5, 0, 0, 3],
    });
    const avg = { aggregation: 'mean' as const, days: ['2025-01-30', '2025-02-02'], values: [20, 30] };
    expect(chartPoints(avg)).toEqual({ days: avg.days, values: avg.values });
  });
});

describe('headlineSeries', () => {
  it('picks the series with the largest numbers, the first of equals', () => {
    const likes = { label: 'likes', values: [3, 4, 0] };
    const impressions = { label: 'impressions', values: [238, 184, 0] };
    const views = { label: 'views', values: [422, 0, 0] };
    expect(headlineSeries([likes, impressions, views])?.label).toBe('impressions');
    expect(headlineSeries([likes, views, impressions])?.label).toBe('views');
    expect(headlineSeries([{ label: 'zeros', values: [0, 0] }])?.label).toBe('zeros');
    expect(headlineSeries([])).toBeUndefined();
  });

  it('leaves out crawlers unless there is nothing else, and prefers a total among equals', () => {
    const crawlers = { label: 'Page views · Crawlers', values: [9000] };
    const people = { label: 'Page views · Logged in users', values: [400] };
    expect(headlineSeries([crawlers, people])?.label).toBe('Page views · Logged in users');
    expect(headlineSeries([crawlers])?.label).toBe('Page views · Crawlers');
    const organic = { label: 'New followers (organic)', values: [99] };
    const total = { label: 'New followers (total)', values: [99] };
    expect(headlineSeries([organic, total])?.label).toBe('New followers (total)');
  });
});

describe('monthFigure', () => {
  const months = ['2025-01', '2025-02', '2025-03'];
  const none = { partial: [null, null, null], before: { value: null, partial: null } };
  it('any month of the period against the one before (for the first, the month before the period), by unit', () => {
    const count = { unit: 'count' as const, monthly: [100, 150, 120], ...none };
    expect(monthFigure(count, months, '2025-02')).toEqual({ value: 150, change: 0.5, partial: null });
    expect(monthFigure(count, months, '2025-01')).toEqual({ value: 100, change: null, partial: null });
    expect(monthFigure({ ...count, before: { value: 80, partial: null } }, months, '2025-01')).toEqual({
      value: 100,
      change: 0.25,
      partial: null,
    });
    expect(monthFigure(count, months, '2024-12')).toEqual({ value: null, change: null, partial: null });
    const share = { unit: 'percent' as const, monthly: [20, null, 25], ...none };
    expect(monthFigure(share, months, '2025-03')).toEqual({ value: 25, change: null, partial: null });
    expect(monthFigure({ ...share, monthly: [20, 22, 25] }, months, '2025-03')).toEqual({
      value: 25,
      change: 3,
      partial: null,
    });
  });
  it('does not compare a count across a month covered in part; a share still compares', () => {
    const cut = {
      unit: 'count' as const,
      monthly: [100, 150, 40],
      partial: [null, null, 9],
      before: { value: null, partial: null },
    };
    expect(monthFigure(cut, months, '2025-03')).toEqual({ value: 40, change: null, partial: 9 });
    expect(monthFigure(cut, months, '2025-02')).toEqual({ value: 150, change: 0.5, partial: null });
    expect(monthFigure({ ...cut, unit: 'percent' }, months, '2025-03')).toEqual({
      value: 40,
      change: -110,
      partial: 9,
    });
  });
});

describe('platformFigures', () => {
  it('per platform, the series with the largest value that month (not the period), with its change and coverage', () => {
    const ds = prepareDataset({ records: records() });
    // February: X Impressions 120 beats Likes 5, and holds 2 of February's 28 days (no change);
    // Discourse's DAU/MAU 35 (+15 pts; a share compares even so), 2 days of February too.
    expect(
      platformFigures(dailyReports(ds, { timeZone: 'UTC', from: '2025-01', to: '2025-02' }), '2025-02'),
    ).toEqual([
      {
        source: 'discourse',
        title: 'Discourse dashboard reports',
        label: 'DAU/MAU',
        unit: 'percent',
        value: 35,
        change: 15,
        partial: 2,
        days: 28,
      },
      {
        source: 'x',
        title: 'X account analytics',
        label: 'Impressions',
        unit: 'count',
        value: 120,
        change: null,
        partial: 2,
        days: 28,
      },
    ]);
    // January: only Likes and Impressions have January days (Likes 3 < Impressions 150); DAU/MAU 20, no month before.
    const jan = platformFigures(
      dailyReports(ds, { timeZone: 'UTC', from: '2025-01', to: '2025-02' }),
      '2025-01',
    );
    expect(jan.map((f) => [f.label, f.value, f.change, f.partial])).toEqual([
      ['DAU/MAU', 20, null, 1],
      ['Impressions', 150, null, 2],
    ]);
  });
});
