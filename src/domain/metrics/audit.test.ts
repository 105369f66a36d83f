/**
 * Audit of the metric engine against shared/spec/metrics.md, sentence by sentence. Each `it` cites
 * the sentence it checks and works its expected numbers out by hand in comments. The last block
 * compares the whole report with a naive, independent recomputation (audit-reference.ts) over the
 * sample-data folder in zones with DST and :30/:45 offsets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../import/import-file';
import { RecordAccumulator } from '../import/accumulate';
import { REGISTRY } from '../sources/registry';
import { labelFor, scoreText } from '../sentiment';
import { naiveReport } from './audit-reference';
import { computeReport } from './report';
import { act, batch, person, report } from './testing';
import { SERIES_NAMES } from './types';

const SAMPLE = join(__dirname, '../../../sample-data');
/** The sample-data folder read the way the command reads it (same domain code, import order by name). */
function readSample(timeZone: string) {
  const acc = new RecordAccumulator();
  for (const f of readdirSync(SAMPLE).filter((x) => x !== 'README.md').sort())
    importBytes(f, new Uint8Array(readFileSync(join(SAMPLE, f))), { timeZone }, REGISTRY, (b) => acc.add(b));
  return acc.result();
}

const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe'];

describe('the engine equals a naive recomputation of the spec over sample-data', () => {
  for (const tz of ZONES) {
    it(`in ${tz}`, () => {
      const records = readSample(tz);
      const n = naiveReport(records, { timeZone: tz, scorer: scoreText });
      const r = computeReport(records, { timeZone: tz });
      void labelFor;
      expect(r.period).toEqual(n.period);
      expect(r.months).toEqual(n.months);
      for (const name of SERIES_NAMES) expect([name, r.series[name]]).toEqual([name, n.series[name]]);
      expect(r.retention).toEqual(n.retention);
      expect(r.topContributors).toEqual(n.topContributors);
      expect(r.kpis).toEqual(n.kpis);
      expect(r.totals).toEqual(n.totals);
    }, 120_000);
  }
});

describe('§1 default period: "from the earliest to the latest month that holds any dated record"', () => {
  it('counts a bot\'s dated records (its roster join, its posts): they are records, though not activities', () => {
    // system joined 2024-10-30 and posted 2024-10-31; discobot posted 2025-03-02; ann posted in Nov–Jan.
    // Dated records run 2024-10 … 2025-03, so the period does too; the bot months show 0 activity.
    const r = report(
      batch({
        persons: [
          person('d:system', { bot: true, roster: true, joinedAt: Date.parse('2024-10-30T08:00:00Z') }),
          person('d:discobot', { bot: true }),
        ],
        activities: [
          act('d:system', 'post', '2024-10-31T08:00:00Z', { threadKey: 'd:t:0' }),
          act('d:ann', 'post', '2024-11-02T10:00:00Z', { threadKey: 'd:t:1' }),
          act('d:ann', 'message', '2025-01-10T10:00:00Z'),
          act('d:discobot', 'reply', '2025-03-02T10:00:00Z', { threadKey: 'd:t:1' }),
        ],
      }),
    );
    expect(r.period).toEqual({ from: '2024-10', to: '2025-03' });
    expect(r.series.active_members).toEqual([0, 1, 0, 1, 0, 0]);
    expect(r.series.threads).toEqual([0, 1, 0, 0, 0, 0]);
    expect(r.series.unanswered_share).toEqual([null, 1, null, null, null, null]);
  });

  it('counts dashboard daily values (a named day: its month whatever the zone)', () => {
    // A Discourse report names days 2025-01-01 … 2025-02-01; ann posted on 2025-01-15 (UTC).
    // Dated records: 2025-01 … 2025-02 in UTC; in Los Angeles as well (the days are calendar days).
    const b = batch({
      activities: [act('d:ann', 'post', '2025-01-15T10:00:00Z', { threadKey: 'd:t:1' })],
      dailyValues: [
        { key: 'r1', source: 'discourse', series: 'discourse: posts', day: Date.parse('2025-01-01T00:00:00Z'), value: 3 },
        { key: 'r2', source: 'discourse', series: 'discourse: posts', day: Date.parse('2025-02-01T00:00:00Z'), value: 0 },
      ],
    });
    expect(report(b).period).toEqual({ from: '2025-01', to: '2025-02' });
    expect(report(b, { timeZone: 'America/Los_Angeles' }).period).toEqual({ from: '2025-01', to: '2025-02' });
    expect(report(b).series.contributions).toEqual([1, 0]);
  });
});
