import { describe, expect, it } from 'vitest';
import { importFixture, importText, utc } from '../testing';
import { isReportExportName, reportName } from './report';

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

  describe("with column titles in the forum's language", () => {
    it("reads a German report in its Discourse zip (`Tag,Anzahl`) as the report's series", () => {
      const { batch, outcomes } = importFixture('discourse-report/signups-250301-101010-12.zip');
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({ format: 'discourse-report', rows: 2, imported: 2, skipped: 0 });
      expect(outcomes[0]!.issues).toEqual([]);
      expect(batch.dailyValues).toEqual([
        {
          key: 'discourse:report:signups:anzahl:2025-03-01',
          source: 'discourse',
          series: 'discourse: signups',
          day: utc('2025-03-01T00:00:00Z'),
          value: 5,
        },
        {
          key: 'discourse:report:signups:anzahl:2025-03-02',
          source: 'discourse',
          series: 'discourse: signups',
          day: utc('2025-03-02T00:00:00Z'),
          value: 7,
        },
      ]);
    });

    it('reads a French one (`Jour,Nombre`), and the day in any column (`Anzahl,Tag` for posts)', () => {
      const fr = importFixture('discourse-report/signups-250301-101010-13.csv');
      expect(fr.outcomes[0]).toMatchObject({ format: 'discourse-report', imported: 1 });
      expect(fr.batch.dailyValues.map((d) => [d.key, d.series, d.value])).toEqual([
        ['discourse:report:signups:nombre:2025-03-01', 'discourse: signups', 5],
      ]);
      const de = importText('posts-250301-101010.csv', 'Anzahl,Tag\n12,2025-02-28\n"1,204",2025-03-01\n');
      expect(
        de.batch.dailyValues.map((d) => [d.series, new Date(d.day).toISOString().slice(0, 10), d.value]),
      ).toEqual([
        ['discourse: posts', '2025-02-28', 12],
        ['discourse: posts', '2025-03-01', 1204],
      ]);
    });

    it('names the column of a row without a number as the file writes it (Anzahl, not anzahl)', () => {
      const { outcomes } = importText('signups-250301-101010.csv', 'Tag,Anzahl\n2025-03-01,5\n2025-03-02,\n');
      expect(outcomes[0]!.issues.map((i) => [i.row, i.column, i.message])).toEqual([
        [3, 'Anzahl', 'No number in this row; row skipped.'],
      ]);
    });

    it('names each series by its column when the report has several', () => {
      const { batch } = importText(
        'consolidated-page-views-250301-101010.csv',
        'Tag,Angemeldete Benutzer,Anonyme Benutzer\n2025-03-01,10,20\n',
      );
      expect(batch.dailyValues.map((d) => [d.key, d.series, d.value])).toEqual([
        [
          'discourse:report:consolidated page views:angemeldete benutzer:2025-03-01',
          'discourse: consolidated page views · angemeldete benutzer',
          10,
        ],
        [
          'discourse:report:consolidated page views:anonyme benutzer:2025-03-01',
          'discourse: consolidated page views · anonyme benutzer',
          20,
        ],
      ]);
    });

    it('says once that a report without days is not read', () => {
      const { batch, outcomes } = importText(
        'top-referred-topics-250301-101010.csv',
        'Thema,Klicks\nHallo,5\nWillkommen,3\n',
      );
      expect(batch.dailyValues).toEqual([]);
      expect(outcomes[0]).toMatchObject({ format: 'discourse-report', rows: 2, imported: 0, skipped: 2 });
      expect(outcomes[0]!.issues).toEqual([
        {
          file: 'top-referred-topics-250301-101010.csv',
          row: 2,
          severity: 'error',
          message:
            'This file is named like a Discourse report export ("top referred topics"), but none of its ' +
            'columns (Thema, Klicks) holds days such as 2025-03-01: Hearth reads the reports that give a ' +
            'value per day (signups, posts, DAU/MAU…). 2 rows skipped.',
        },
      ]);
    });

    it('needs a Discourse report export name', () => {
      const formatOf = (name: string) => importText(name, 'Tag,Anzahl\n2025-03-01,5\n').outcomes[0]!.format;
      expect(formatOf('signups.csv')).toBeNull();
      expect(formatOf('user-list-250301-101010.csv')).toBeNull();
      expect(formatOf('staff-action-250301-101010.csv')).toBeNull();
      expect(isReportExportName('dau-by-mau-250301-101010.csv')).toBe(true);
      expect(isReportExportName('x.zip › signups-250301-101010.csv')).toBe(true);
      expect(isReportExportName('signups-251301-101010.csv')).toBe(false);
      expect(isReportExportName('signups-250301.csv')).toBe(false);
    });
  });

  it('names reports from file names', () => {
    expect(reportName('signups-2025-01-01-to-2025-01-31.csv')).toBe('signups');
    expect(reportName('x.zip › dau_by_mau-250301-101010-4.csv')).toBe('dau by mau');
  });
});
