import { describe, expect, it } from 'vitest';
import { importText } from './domain/sources/testing';
import { parseNumber } from './domain/parse/numbers';
import { unitOf, dailyReports } from './domain/metrics/daily-reports';
import { prepareDataset } from './domain/metrics/dataset';
import { batch } from './domain/metrics/testing';
import { eventNameFromFile } from './domain/sources/events/common';
import { gzipSync } from 'fflate';
import { importBytesForTest } from './domain/sources/testing';

describe('scratch', () => {
  it('decimal comma with dot decimals (Swiss Excel: ; separator, . decimal)', () => {
    expect(parseNumber('0.0527', true)).toBe(527);
    const text = 'LinkedIn notice line\nDate;Impressions (organic);Engagement rate (organic)\n01/02/2025;120;0.0527\n01/03/2025;80;0.041\n';
    const r = importText('linkedin_metrics.csv', text);
    console.log(r.outcomes[0]?.format, r.batch.dailyValues.map((d) => [d.series, d.value]));
  });
  it('unit from values', () => {
    console.log(unitOf('discourse: dau by mau', 'discourse:report:dau by mau:percent:2025-01-01', [0.5, 0.8]));
    console.log(unitOf('linkedin: Engagement rate (organic)', 'linkedin:daily:engagement rate (organic):2025-01-01', [0.05, 1.33]));
    console.log(unitOf('x: Video view duration', 'x:daily:video view duration:2025', [500, 300]));
    console.log(unitOf('discourse: registrations', 'discourse:report:registrations:count:2025', [5, 3]));
  });
  it('japanese x overview series names', () => {
    const en = 'Date,Impressions,Engagements,Likes,New follows,Unfollows,Replies,Reposts\n"Tue, Jul 14, 2026",100,5,3,1,0,1,1\n';
    const ja = '日付,インプレッション数,エンゲージメント,いいね,新しいフォロー,返信,リポスト\n"Tue, Jul 14, 2026",100,5,3,1,1,1\n"Wed, Jul 15, 2026",50,5,3,1,1,1\n';
    const a = importText('account_overview_en.csv', en);
    const b = importText('account_overview_ja.csv', ja);
    console.log(a.outcomes[0]?.format, a.batch.dailyValues.map((d) => [d.key, d.series]).slice(0, 2));
    console.log(b.outcomes[0]?.format, b.batch.dailyValues.map((d) => [d.key, d.series]).slice(0, 3));
  });
  it('event names of gz files', () => {
    console.log(eventNameFromFile('Loomcraft Summer - Attendees.csv.gz'), '|', eventNameFromFile('Loomcraft Summer - Attendees.csv'));
  });
  it('sparse count report flagged partial', () => {
    const rec = (iso: string, v: number) => ({ key: `discourse:report:signups:count:${iso}`, source: 'discourse', series: 'discourse: signups', day: Date.parse(`${iso}T00:00:00Z`), value: v });
    const ds = prepareDataset({ records: batch({ dailyValues: [rec('2025-11-03', 2), rec('2025-11-25', 1), rec('2025-12-05', 3), rec('2025-12-20', 1)] }) });
    const r = dailyReports(ds, { timeZone: 'UTC', from: '2025-11', to: '2025-12' });
    console.log(JSON.stringify(r.series[0]));
  });
  it('start-partial month compared', () => {
    const rec = (iso: string, v: number) => ({ key: `x:daily:impressions:${iso}`, source: 'x', series: 'x: Impressions', day: Date.parse(`${iso}T00:00:00Z`), value: v });
    const days: ReturnType<typeof rec>[] = [];
    for (let d = Date.UTC(2025, 10, 27); d <= Date.UTC(2025, 11, 31); d += 86400000) days.push(rec(new Date(d).toISOString().slice(0, 10), 100));
    const ds = prepareDataset({ records: batch({ dailyValues: days }) });
    const r = dailyReports(ds, { timeZone: 'UTC', from: '2025-11', to: '2025-12' });
    console.log(r.series[0]!.monthly, r.series[0]!.change, r.series[0]!.partialThrough);
  });
  it('gzip with bogus small ISIZE', () => {
    const csv = new TextEncoder().encode('id,username,created_at\n');
    const gz = gzipSync(csv);
    console.log(gz.length);
  });
});
