import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytesForTest, importFixture, importText, utc } from '../testing';

describe('x-tweet-activity', () => {
  it('maps tweets to social posts; 1203.0 counts, - promoted cells, offsets, ids recovered from permalinks', () => {
    const { batch, outcomes } = importFixture(
      'x/tweet_activity_metrics_hearthfriends_20200201_20200301_en.csv',
    );
    expect(outcomes[0]).toMatchObject({ format: 'x-tweet-activity', rows: 2, imported: 2, issues: [] });
    expect(batch.socialPosts).toEqual([
      {
        key: 'x:1226922834564386816',
        source: 'x',
        publishedAt: utc('2020-02-10T18:00:00Z'),
        impressions: 1203,
        engagements: 45,
        text: 'Join us at the spring meetup, Lisbon!',
        url: 'https://twitter.com/hearthfriends/status/1226922834564386816',
      },
      {
        key: 'x:1226922834564386999',
        source: 'x',
        publishedAt: utc('2020-02-11T08:30:00Z'),
        impressions: 10,
        engagements: 1,
        text: 'Excel touched this one',
        url: 'https://twitter.com/hearthfriends/status/1226922834564386999',
      },
    ]);
  });
  it('reads 2015 files (favorites)', () => {
    const { batch, outcomes } = importFixture('x/tweet_activity_metrics_2015.csv');
    expect(outcomes[0]!.format).toBe('x-tweet-activity');
    expect(batch.socialPosts.map((p) => [p.key, p.publishedAt, p.impressions, p.engagements])).toEqual([
      ['x:600000000000000001', utc('2015-05-17T12:00:00Z'), 300, 12],
    ]);
  });
});

describe('x-account-content and x-account-overview', () => {
  it('content: posts dated "Tue, Jul 14, 2026", "2,410" and - counts', () => {
    const { batch, outcomes } = importFixture('x/account_analytics_content_2026-07-01_2026-07-31.csv');
    expect(outcomes[0]!.format).toBe('x-account-content');
    expect(batch.socialPosts.map((p) => [p.key, p.publishedAt, p.impressions, p.engagements])).toEqual([
      ['x:1944000000000000001', utc('2026-07-14T00:00:00Z'), 2410, 130],
      ['x:1944000000000000002', utc('2026-07-15T00:00:00Z'), 0, 0],
    ]);
  });
  it('overview: one daily series per column; the Total row is dropped', () => {
    const { batch, outcomes } = importFixture('x/account_overview_analytics_2026.csv');
    expect(outcomes[0]).toMatchObject({ format: 'x-account-overview', rows: 2, imported: 2 });
    const impressions = batch.dailyValues.filter((d) => d.series === 'x: Impressions');
    expect(impressions).toEqual([
      {
        key: 'x:daily:impressions:2026-07-14',
        source: 'x',
        series: 'x: Impressions',
        day: utc('2026-07-14T00:00:00Z'),
        value: 2500,
      },
      {
        key: 'x:daily:impressions:2026-07-15',
        source: 'x',
        series: 'x: Impressions',
        day: utc('2026-07-15T00:00:00Z'),
        value: 800,
      },
    ]);
    expect(batch.dailyValues).toHaveLength(26);
  });
});

describe('linkedin-page', () => {
  it('finds the header under the notice line; MM/DD/YYYY settled; - skipped', () => {
    const { batch, outcomes } = importFixture('linkedin/hearth-friends_followers_1712345678.csv');
    expect(outcomes[0]).toMatchObject({ format: 'linkedin-page', rows: 3, imported: 3, issues: [] });
    expect(
      batch.dailyValues.filter((d) => d.series === 'linkedin: Total followers').map((d) => [d.day, d.value]),
    ).toEqual([
      [utc('2025-01-30T00:00:00Z'), 3],
      [utc('2025-01-31T00:00:00Z'), 6],
      [utc('2025-02-01T00:00:00Z'), 2],
    ]);
    expect(batch.dailyValues.filter((d) => d.series === 'linkedin: Sponsored followers')).toHaveLength(2);
  });
  it('a sheet saved by a European Excel (`;`, decimal commas, dot thousands) keeps its numbers', () => {
    const { batch, outcomes } = importText(
      'hearth-friends_content_1712345678.csv',
      [
        'Aggregated metrics for organic and sponsored content.;;;',
        'Date;Impressions (total);Clicks (organic);Engagement rate (total)',
        '01/15/2025;1.234;12;0,0345',
        '01/16/2025;987;5;0,021',
      ].join('\r\n'),
    );
    expect(outcomes[0]).toMatchObject({ format: 'linkedin-page', rows: 2, imported: 2, issues: [] });
    expect(batch.dailyValues.map((d) => [d.series, d.value])).toEqual([
      ['linkedin: Impressions (total)', 1234],
      ['linkedin: Clicks (organic)', 12],
      ['linkedin: Engagement rate (total)', 0.0345],
      ['linkedin: Impressions (total)', 987],
      ['linkedin: Clicks (organic)', 5],
      ['linkedin: Engagement rate (total)', 0.021],
    ]);
    const posts = importText(
      'posts.csv',
      [
        'Post title;Post link;Created date;Impressions;Clicks;Likes;Comments;Reposts;Follows',
        'Hi;https://www.linkedin.com/feed/update/urn:li:activity:1;03/15/2025;1.200;1.010;8;0;0;0',
      ].join('\n'),
    );
    expect(posts.batch.socialPosts.map((p) => [p.impressions, p.engagements])).toEqual([[1200, 1018]]);
  });
  it('posts sheet: social posts, engagements = clicks + likes + comments + reposts + follows', () => {
    const { batch, outcomes } = importFixture('linkedin/hearth-friends_content_1712345678.csv');
    expect(outcomes[0]!.format).toBe('linkedin-posts');
    expect(batch.socialPosts).toEqual([
      {
        key: 'linkedin:https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001',
        source: 'linkedin',
        publishedAt: utc('2025-03-15T00:00:00Z'),
        impressions: 1200,
        engagements: 78,
        text: 'Spring meetup, save the date',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001',
      },
    ]);
  });
});

describe('LinkedIn page analytics as LinkedIn sends them: Excel workbooks, read sheet by sheet', () => {
  it('the content export (.xls holding .xlsx): Metrics and All posts give what their CSV saves give', () => {
    const { batch, outcomes } = importFixture('linkedin/hearth-friends_content_1712345678.xls');
    expect(outcomes.map((o) => [o.file, o.format, o.rows, o.imported, o.issues])).toEqual([
      ['hearth-friends_content_1712345678.xls › Metrics', 'linkedin-page', 2, 2, []],
      ['hearth-friends_content_1712345678.xls › All posts', 'linkedin-posts', 2, 2, []],
    ]);
    expect(
      batch.dailyValues.filter((d) => d.day === utc('2025-01-16T00:00:00Z')).map((d) => [d.key, d.value]),
    ).toEqual([
      ['linkedin:daily:impressions (organic):2025-01-16', 987],
      ['linkedin:daily:impressions (sponsored):2025-01-16', 10],
      ['linkedin:daily:impressions (total):2025-01-16', 997],
      ['linkedin:daily:clicks (organic):2025-01-16', 5],
      ['linkedin:daily:clicks (total):2025-01-16', 6],
      ['linkedin:daily:engagement rate (organic):2025-01-16', 0.021],
      ['linkedin:daily:engagement rate (total):2025-01-16', 0.0215],
    ]);
    // The first post is the one of the CSV save (same key: importing both adds nothing twice).
    const csv = importFixture('linkedin/hearth-friends_content_1712345678.csv').batch.socialPosts;
    expect(batch.socialPosts[0]).toEqual(csv[0]);
    expect(batch.socialPosts[1]).toMatchObject({
      publishedAt: utc('2025-03-20T00:00:00Z'),
      impressions: 2345,
      engagements: 12 + 88 + 9 + 4 + 1,
      text: 'Thank you, weavers! "Best turnout yet" 🧶',
    });
  });

  it('the followers export (.xlsx with date cells): New followers as the CSV; demographic sheets skipped in one line each', () => {
    const { batch, outcomes } = importFixture('linkedin/hearth-friends_followers_1712345678.xlsx');
    const csv = importFixture('linkedin/hearth-friends_followers_1712345678.csv').batch;
    expect(batch.dailyValues).toEqual(csv.dailyValues);
    expect(
      outcomes.map((o) => [o.file, o.format, o.imported, o.issues.map((i) => `${i.severity}: ${i.message}`)]),
    ).toEqual([
      ['hearth-friends_followers_1712345678.xlsx › New followers', 'linkedin-page', 3, []],
      [
        'hearth-friends_followers_1712345678.xlsx › Location',
        null,
        0,
        ['warning: Skipped: this sheet is not one of the supported exports.'],
      ],
    ]);
    expect(outcomes[1]!.mappable).toBeUndefined();
  });

  it('a sheet is read as the comma-separated table it was written as, even when its cells hold more semicolons than it has columns', () => {
    const bytes = readFileSync(
      join(process.cwd(), 'tests/fixtures/formats/linkedin/hearth-friends_followers_1712345678.xlsx'),
    );
    const unzipped = unzipSync(new Uint8Array(bytes));
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
    unzipped['xl/worksheets/sheet1.xml'] = strToU8(
      `<worksheet><sheetData>${[
        row(
          1,
          cell(
            'A1',
            '&lt;b&gt;Notice&lt;/b&gt;; organic; sponsored; auto-invited; daily; page time zone; updated daily;',
          ),
        ),
        row(
          2,
          [
            'Date',
            'Sponsored followers',
            'Organic followers',
            'Total followers',
            'Notes; tags; owner; status; links; more',
          ]
            .map((h, i) => cell(`${'ABCDE'[i]}2`, h))
            .join(''),
        ),
        row(
          3,
          `${cell('A3', '01/30/2025')}<c r="B3"><v>0</v></c><c r="C3"><v>1.5</v></c><c r="D3"><v>1234</v></c>${cell('E3', 'launch; event; ana; done; none; x')}`,
        ),
        row(
          4,
          `${cell('A4', '01/31/2025')}<c r="B4"><v>2</v></c><c r="C4"><v>0.25</v></c><c r="D4"><v>1300</v></c>${cell('E4', 'recap; post; jo; open; one; y')}`,
        ),
      ].join('')}</sheetData></worksheet>`,
    );
    const { batch, outcomes } = importBytesForTest('followers.xlsx', zipSync(unzipped));
    expect(outcomes[0]).toMatchObject({
      file: 'followers.xlsx › New followers',
      format: 'linkedin-page',
      imported: 2,
    });
    expect(batch.dailyValues.map((d) => [d.series, d.value])).toEqual([
      ['linkedin: Sponsored followers', 0],
      ['linkedin: Organic followers', 1.5],
      ['linkedin: Total followers', 1234],
      ['linkedin: Sponsored followers', 2],
      ['linkedin: Organic followers', 0.25],
      ['linkedin: Total followers', 1300],
    ]);
  });

  it('a sheet refused for a reason of its own keeps that reason beside the sheets that import', () => {
    const bytes = readFileSync(
      join(process.cwd(), 'tests/fixtures/formats/linkedin/hearth-friends_followers_1712345678.xlsx'),
    );
    const unzipped = unzipSync(new Uint8Array(bytes));
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    // The Location sheet replaced by a posts sheet that repeats its Post link column.
    unzipped['xl/worksheets/sheet2.xml'] = strToU8(
      `<worksheet><sheetData><row r="1">${['Post title', 'Post link', 'Post link', 'Created date', 'Impressions'].map((h, i) => cell(`${'ABCDE'[i]}1`, h)).join('')}</row><row r="2">${cell('A2', 'Hi')}${cell('B2', 'https://www.linkedin.com/feed/update/urn:li:activity:1')}${cell('C2', 'https://www.linkedin.com/feed/update/urn:li:activity:1')}${cell('D2', '03/15/2025')}<c r="E2"><v>10</v></c></row></sheetData></worksheet>`,
    );
    const { outcomes } = importBytesForTest('followers.xlsx', zipSync(unzipped));
    expect(
      outcomes.map((o) => [o.file, o.format, o.issues.map((i) => [i.severity, i.row, i.message])]),
    ).toEqual([
      ['followers.xlsx › New followers', 'linkedin-page', []],
      [
        'followers.xlsx › Location',
        null,
        [
          [
            'warning',
            1,
            'Skipped: The column "Post link" appears twice in the header (columns 2 and 3), so Hearth cannot tell which one to read. Rename or remove one of them, then import the file again.',
          ],
        ],
      ],
    ]);
  });

  it('a workbook none of whose sheets is an export says so and names its sheets (one sheet: its columns)', () => {
    const bytes = readFileSync(
      join(process.cwd(), 'tests/fixtures/formats/linkedin/hearth-friends_followers_1712345678.xlsx'),
    );
    const unzipped = unzipSync(new Uint8Array(bytes));
    const issues = (xlsx: Uint8Array) =>
      importBytesForTest('followers.xlsx', xlsx).outcomes.flatMap((o) =>
        o.issues.map((i) => `${i.file}: ${i.message}`),
      );
    // Its New followers sheet replaced by another demographic table.
    unzipped['xl/worksheets/sheet1.xml'] = strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Job function</t></is></c><c r="B1" t="inlineStr"><is><t>Total followers</t></is></c></row></sheetData></worksheet>',
    );
    expect(issues(zipSync(unzipped))).toEqual([
      'followers.xlsx: No sheet of this Excel workbook is a supported export (its sheets: New followers, Location). Check the list of supported exports, or save the sheet as CSV and map its columns.',
    ]);
    // One sheet with values: its columns, and how to map them.
    unzipped['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData/></worksheet>');
    expect(issues(zipSync(unzipped))).toEqual([
      'followers.xlsx › Location: Unknown format: no supported export has these columns (Location, Total followers). Check the list of supported exports, or map the columns yourself. (To map the columns of a sheet, save it as CSV and import the CSV.)',
    ]);
  });
});

describe('linkedin-posts: older page exports ("Update engagement" sheet of <page>_updates_<n>.xls, saved as CSV)', () => {
  // Column names as consumers of these files read them (Update title, Update link, Update type, …,
  // Likes, Comments, Shares, Follows, Engagement rate, Created date); notice on row 1, header on row 2.
  const file = 'loomcraft_updates_1617235200.csv';
  const imported = () =>
    importBytesForTest(
      file,
      new Uint8Array(readFileSync(join(process.cwd(), 'tests/fixtures/real/linkedin', file))),
    );

  it('reads Update title/link as the post, Shares as reposts in the engagements', () => {
    const { batch, outcomes } = imported();
    expect(outcomes[0]).toMatchObject({
      format: 'linkedin-posts',
      rows: 2,
      imported: 2,
      skipped: 0,
      issues: [],
    });
    expect(batch.socialPosts).toEqual([
      {
        key: 'linkedin:https://www.linkedin.com/feed/update/urn:li:activity:6800000000000000001',
        source: 'linkedin',
        publishedAt: utc('2021-03-15T00:00:00Z'),
        impressions: 1200,
        // clicks 30 + likes 40 + comments 5 + shares 2 + follows (empty) 0 = 77
        engagements: 77,
        text: 'Spring meetup, save the date',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:6800000000000000001',
      },
      {
        key: 'linkedin:https://www.linkedin.com/feed/update/urn:li:activity:6800000000000000002',
        source: 'linkedin',
        publishedAt: utc('2021-03-20T00:00:00Z'),
        impressions: 2345, // "2,345"
        // clicks 12 + likes 88 + comments 9 + shares 4 + follows 1 = 114 (video views are not engagements)
        engagements: 114,
        text: 'Thank you, weavers! "Best turnout yet"',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:6800000000000000002',
      },
    ]);
  });

  it('a row without an Update link is an error naming that column', () => {
    const { outcomes } = importText(
      file,
      'Update title,Update link,Created date,Impressions,Clicks,Likes,Comments,Shares,Follows\nHi,,03/15/2021,10,1,1,0,0,0\n',
    );
    expect(outcomes[0]).toMatchObject({ format: 'linkedin-posts', rows: 1, imported: 0, skipped: 1 });
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Update link',
        severity: 'error',
        message: 'Missing Update link; row skipped.',
      }),
    ]);
  });
});
