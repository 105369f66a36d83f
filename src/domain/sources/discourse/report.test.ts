import { describe, expect, it } from 'vitest';
import { importFixture, importText, utc } from '../testing';
import { reportName } from './report';

describe('discourse-report', () => {
  it('reads `Count,Day` (the posts report order) as a named daily series', () => {
    const { batch, outcomes } = importFixture('discourse-report/posts-250301-101010-3.csv');
    expect(outcomes[0]).toMatchObject({ format: 'discourse-report', rows: 3, imported: 3, skipped: 0 });
    expect(batch.dailyValues).toEqual([
      {
        key: 'discourse:report:posts:count:2025-02-27',
        source: 'discourse',
        series: 'discourse: posts',
        day: utc('2025-02-27T00:00:00Z'),
        value: 5,
      },
      {
        key: 'discourse:report:posts:count:2025-02-28',
        source: 'discourse',
        series: 'discourse: posts',
        day: utc('2025-02-28T00:00:00Z'),
        value: 1204,
      },
      {
        key: 'discourse:report:posts:count:2025-03-01',
        source: 'discourse',
        series: 'discourse: posts',
        day: utc('2025-03-01T00:00:00Z'),
        value: 0,
      },
    ]);
  });

  it('reads `Day,Percent` and reports a row without a number', () => {
    const { batch, outcomes } = importFixture('discourse-report/dau_by_mau-250301-101010-4.csv', {
      timeZone: 'America/New_York',
    });
    expect(batch.dailyValues).toEqual([
      {
        key: 'discourse:report:dau by mau:percent:2025-02-28',
        source: 'discourse',
        series: 'discourse: dau by mau',
        day: utc('2025-02-28T00:00:00Z'),
        value: 35.5,
      },
    ]);
    expect(outcomes[0]!.issues).toEqual([expect.objectContaining({ row: 3, severity: 'error' })]);
  });

  it('says a day outside the accepted years is out of range, not "not a day"', () => {
    const { outcomes } = importText('signups.csv', 'Day,Count\n1899-12-31,4\nsoon,5\n2025-03-01,6\n');
    expect(outcomes[0]!.issues.map((i) => i.message)).toEqual([
      '"1899-12-31" is outside the dates Hearth accepts (years 1970–2100); row skipped.',
      '"soon" is not a day (expected e.g. 2025-03-01); row skipped.',
    ]);
  });

  it('names reports from file names', () => {
    expect(reportName('signups-2025-01-01-to-2025-01-31.csv')).toBe('signups');
    expect(reportName('x.zip › dau_by_mau-250301-101010-4.csv')).toBe('dau by mau');
  });
});
