import { describe, expect, it } from 'vitest';
import { readDate } from '../sources/read';
import type { TableAdapter } from '../sources/types';
import { importText } from '../sources/testing';
import { namesReadAtStart, TableImport } from './table-import';

/** A minimal adapter: one activity per row at column `when`. */
const probe: TableAdapter = {
  kind: 'table',
  format: 'probe',
  label: 'Probe',
  detect: (header) => (header.includes('when') && header.includes('who') ? 0.9 : 0),
  start(ctx, header) {
    const w = header.indexOf('when');
    return {
      mapRow(row, rowNumber, out, issues) {
        const at = readDate(ctx, 'when', row[w] ?? '');
        if (at === null) {
          issues.push({
            file: ctx.fileName,
            row: rowNumber,
            column: 'when',
            severity: 'error',
            message: 'bad',
          });
          return false;
        }
        out.activities.push({ key: `k${rowNumber}`, source: 'p', personKey: 'p:x', kind: 'message', at });
        return true;
      },
    };
  },
};

function run(rows: string[][], chunk = 2, ctx: { dayFirst?: boolean } = {}) {
  const t = new TableImport([probe], { fileName: 'f.csv', timeZone: 'UTC', ...ctx });
  const ats: number[] = [];
  for (let i = 0; i < rows.length; i += chunk)
    ats.push(...t.push(rows.slice(i, i + chunk)).activities.map((a) => a.at));
  ats.push(...t.end().activities.map((a) => a.at));
  return { t, ats };
}

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('TableImport', () => {
  it('finds the header under title lines and drops Total rows', () => {
    const totals = [
      ['Total', ''],
      ['TOTALS', ''],
      ['  grand total ', ''],
      ['\u00a0Total', ''],
      ['\tGrand Total', ''],
    ];
    const { t, ats } = run([
      ['Report for Hearth'],
      ['', ''],
      ['When', 'Who'],
      ['2025-01-02', 'a'],
      ...totals,
      ['2025-01-03', 'b'],
    ]);
    expect(t.detection?.headerRow).toBe(2);
    expect(t.issues).toEqual([]);
    expect(ats).toEqual([d('2025-01-02'), d('2025-01-03')]);
    expect(t.rows).toBe(2);
  });

  it('settles day/month from a value seen late in the column, across chunks', () => {
    const rows = [
      ['when', 'who'],
      ...Array.from({ length: 30 }, () => ['03/04/2025', 'a']),
      ['25/04/2025', 'b'],
    ];
    const { t, ats } = run(rows, 7);
    expect(ats[0]).toBe(d('2025-04-03'));
    expect(ats.at(-1)).toBe(d('2025-04-25'));
    expect(t.issues).toEqual([]);
  });

  it('reads an unsettled column month first and warns naming the column', () => {
    const { t, ats } = run([
      ['when', 'who'],
      ['03/04/2025', 'a'],
      ['01/02/2025', 'b'],
    ]);
    expect(ats).toEqual([d('2025-03-04'), d('2025-01-02')]);
    expect(t.issues).toEqual([
      expect.objectContaining({
        column: 'when',
        severity: 'warning',
        message: expect.stringContaining('month/day'),
      }),
    ]);
  });

  it("uses the user's choice for an unsettled column, without a warning", () => {
    const { t, ats } = run(
      [
        ['when', 'who'],
        ['03/04/2025', 'a'],
      ],
      2,
      { dayFirst: true },
    );
    expect(ats).toEqual([d('2025-04-03')]);
    expect(t.issues).toEqual([]);
  });

  it('a damaged value deep in an ISO date column is refused alone: no day/month question', () => {
    const rows = [['when', 'who']];
    for (let i = 1; i <= 10_000; i++) rows.push([`2025-01-${String((i % 28) + 1).padStart(2, '0')}`, 'a']);
    rows[4999] = ['31/31/2025 25:61', 'a']; // file row 5,000
    const { t, ats } = run(rows, 5000); // parseCsvText's chunks: the first one is scanned for the order
    expect(ats).toHaveLength(9_999);
    expect(t.needs).toBeUndefined();
    expect(t.dateOrder).toEqual({});
    expect(t.issues).toEqual([
      { file: 'f.csv', row: 5000, column: 'when', severity: 'error', message: 'bad' },
    ]);
  });

  it("reads an unsettled column in the order the file's other date columns settle, and says so (QA W6)", () => {
    const rows = [
      ['when', 'who', 'changed'],
      ['05/03/2025', 'a', '01/04/2025'],
      ['07/04/2025', 'b', '17/04/2025'],
    ];
    const { t, ats } = run(rows);
    expect(ats).toEqual([d('2025-03-05'), d('2025-04-07')]);
    expect(t.dateOrder).toEqual({ when: true, changed: true });
    expect(t.issues).toEqual([
      {
        file: 'f.csv',
        column: 'when',
        severity: 'warning',
        message:
          'Dates in column "when" (e.g. 05/03/2025) could be day/month or month/day, and none of its values settles it: read as day/month, like column "changed" of the same file (e.g. 17/04/2025). If that is wrong, choose the order for this file before importing it.',
      },
    ]);
    // The user's choice still wins, without a warning.
    const chosen = run(rows, 2, { dayFirst: false });
    expect(chosen.ats).toEqual([d('2025-05-03'), d('2025-07-04')]);
    expect(chosen.t.issues).toEqual([]);
    // Settled columns that disagree give no order to follow: month first, as before.
    const mixed = run([
      ['when', 'who', 'changed', 'seen'],
      ['05/03/2025', 'a', '25/03/2025', '03/25/2025'],
    ]);
    expect(mixed.ats).toEqual([d('2025-05-03')]);
    expect(mixed.t.issues).toEqual([
      expect.objectContaining({
        column: 'when',
        message: expect.stringContaining('read as month/day (US order)'),
      }),
    ]);
  });

  it("follows the values over the format's fixed order when they settle the other one, and says so (QA W7)", () => {
    const fixedOrder: TableAdapter = {
      ...probe,
      label: 'Probe export',
      dateOrder: { when: false, seen: false },
    };
    const read = (rows: string[][]) => {
      const t = new TableImport([fixedOrder], { fileName: 'f.csv', timeZone: 'UTC' });
      const ats = [...t.push(rows).activities, ...t.end().activities].map((a) => a.at);
      return { t, ats };
    };
    const resaved = read([
      ['when', 'who', 'seen'],
      ['15/03/2024', 'a', '01/03/2025'],
      ['02/01/2024', 'b', '01/03/2025'],
    ]);
    expect(resaved.ats).toEqual([d('2024-03-15'), d('2024-01-02')]);
    // The file's other (ambiguous) date columns follow it too.
    expect(resaved.t.dateOrder).toEqual({ when: true, seen: true });
    expect(resaved.t.issues).toEqual([
      {
        file: 'f.csv',
        column: 'when',
        severity: 'warning',
        message:
          'Dates in column "when" are written day/month (e.g. 15/03/2024), not month/day as a Probe export writes them: the file was probably saved again by a spreadsheet. They were read as day/month.',
      },
    ]);
    // Values that settle nothing keep the format's order, without a warning.
    const ambiguous = read([
      ['when', 'who'],
      ['02/01/2024', 'b'],
    ]);
    expect(ambiguous.ats).toEqual([d('2024-02-01')]);
    expect(ambiguous.t.issues).toEqual([]);
  });

  it('says which columns it saw when no format matches', () => {
    const { t } = run([
      ['foo', 'bar'],
      ['1', '2'],
    ]);
    expect(t.status).toBe('unrecognised');
    expect(t.issues[0]).toMatchObject({
      severity: 'error',
      row: 1,
      message: expect.stringContaining('Unknown format: no supported export has these columns (foo, bar)'),
    });
  });

  it("passes the expected row count to the adapter's mapper, before or after the mapper starts", () => {
    const reserved: number[] = [];
    const withReserve: TableAdapter = {
      ...probe,
      start(ctx, header) {
        return { ...probe.start(ctx, header), reserve: (rows) => reserved.push(rows) };
      },
    };
    // Before: the header is still being looked for (fewer rows than the header search reads).
    const early = new TableImport([withReserve], { fileName: 'f.csv', timeZone: 'UTC' });
    early.push([
      ['when', 'who'],
      ['2025-01-02', 'a'],
    ]);
    early.reserve(1_000);
    expect(reserved).toEqual([]);
    expect(early.end().activities).toHaveLength(1);
    expect(reserved).toEqual([1_000]);
    // After: mapping has started, the mapper hears at once.
    const late = new TableImport([withReserve], { fileName: 'f.csv', timeZone: 'UTC' });
    late.push([['when', 'who'], ...Array.from({ length: 25 }, () => ['2025-01-02', 'a'])]);
    expect(late.status).toBe('mapping');
    late.reserve(2_000);
    expect(reserved).toEqual([1_000, 2_000]);
  });
});

describe('repeated column names', () => {
  const ctx = { fileName: 'f.csv', timeZone: 'UTC' };

  it('records the names an adapter looks up, and every name when it walks the header', () => {
    expect([...namesReadAtStart(probe, ctx, ['who', 'when', 'notes'])!]).toEqual(['when']);
    const walker: TableAdapter = {
      ...probe,
      start: (_c, header) => (header.map((h) => h.length), probe.start(_c, header)),
    };
    expect([...namesReadAtStart(walker, ctx, ['who', 'when', 'notes'])!].sort()).toEqual([
      'notes',
      'when',
      'who',
    ]);
    const failing: TableAdapter = {
      ...probe,
      start: () => {
        throw new Error('no');
      },
    };
    expect(namesReadAtStart(failing, ctx, ['who', 'when'])).toBeNull();
  });

  it('refuses a repeated column the adapter reads, and imports when it reads neither copy', () => {
    const read = run([
      ['who', 'when', 'when'],
      ['a', '2025-01-02', '2025-01-03'],
    ]);
    expect(read.ats).toEqual([]);
    expect(read.t.issues).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'when',
        severity: 'error',
        message: expect.stringMatching(/^The column "when" appears twice in the header \(columns 2 and 3\)/),
      }),
    ]);
    // Named as the file writes it, not as matched (a Mailchimp audience with two "Email Address").
    const written = run([
      ['Who', ' When ', 'WHEN'],
      ['a', '2025-01-02', '2025-01-03'],
    ]);
    expect(written.t.issues).toEqual([
      {
        file: 'f.csv',
        row: 1,
        column: 'When',
        severity: 'error',
        message:
          'The column "When" appears twice in the header (also as "WHEN") (columns 2 and 3), so Hearth cannot tell which one to read. Rename or remove one of them, then import the file again.',
      },
    ]);
    const unread = run([
      ['notes', 'who', 'when', 'notes'],
      ['x', 'a', '2025-01-02', 'y'],
    ]);
    expect(unread.t.issues).toEqual([]);
    expect(unread.ats).toEqual([d('2025-01-02')]);
  });

  it('names a repeated column as the file writes it, each spelling when they differ', () => {
    const read = run([
      ['Who', 'When', 'WHEN'],
      ['a', '2025-01-02', '2025-01-03'],
    ]);
    expect(read.t.issues).toEqual([
      expect.objectContaining({
        column: 'When',
        message: expect.stringMatching(
          /^The column "When" appears twice in the header \(also as "WHEN"\) \(columns 2 and 3\)/,
        ),
      }),
    ]);
  });
});

describe('rows with more values than the header has columns', () => {
  it('are kept as read, with a warning naming each row (a comma without quotes moved the values after it)', () => {
    const { batch, outcomes } = importText(
      'posts.csv',
      [
        'post_id,topic_id,post_number,username,created_at,topic_title,category,raw',
        '1,7,1,ana,2025-03-01T10:00:00Z,Hello,General,Hi all',
        // "Export to PDF, with yarn amounts" was not quoted: 9 values.
        '2,7,2,bo,2025-03-01T11:00:00Z,Hello,Export to PDF, with yarn amounts,Feature requests',
        // A trailing empty value is harmless: no warning.
        '3,7,3,cy,2025-03-01T12:00:00Z,Hello,General,Thanks,',
      ].join('\n'),
    );
    expect(batch.activities).toHaveLength(3);
    expect(outcomes[0]!.issues).toEqual([
      {
        file: 'posts.csv',
        row: 3,
        severity: 'warning',
        message:
          'This row has 9 values but the header has 8 columns: a value probably holds a comma without quotes around it, so the values after it are one column off (the row was kept as read). Check the row in the file, or export it again.',
      },
    ]);
  });
});

describe('trailing empty header cells (a spreadsheet saved a selection wider than the data)', () => {
  it('do not count toward the format: a Discourse report with eight empty columns (QA R3)', () => {
    const { batch, outcomes } = importText(
      'signups-250301-101010-3.csv',
      ['Day,Count,,,,,,,', '2025-03-01,5,,,,,,,', '2025-03-02,7,,,,,,,'].join('\r\n'),
    );
    expect(outcomes[0]).toMatchObject({ format: 'discourse-report', rows: 2, imported: 2, issues: [] });
    expect(batch.dailyValues.map((d) => [d.series, d.value])).toEqual([
      ['discourse: signups', 5],
      ['discourse: signups', 7],
    ]);
  });

  it('still head their columns: a value under one is no "more values than columns" row', () => {
    const { outcomes } = importText(
      'signups-250301-101010-3.csv',
      ['Day,Count,,,,,,,', '2025-03-01,5,,,,,,,note', '2025-03-02,7,,,,,,,,extra'].join('\n'),
    );
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        row: 3,
        message: expect.stringMatching(/^This row has 10 values but the header has 9 columns/),
      }),
    ]);
  });
});

describe('Total rows outside the first column (QA U5)', () => {
  it('are dropped when the other cells are numbers: the X overview with its Date column last', () => {
    const { batch, outcomes } = importText(
      'account_overview_analytics_2026.csv',
      [
        'Media views,Video views,Create Post,Profile visits,Reposts,Replies,Unfollows,New follows,Shares,Bookmarks,Engagements,Likes,Impressions,Date',
        '120,0,1,11,9,6,1,3,2,4,140,60,"2,500","Tue, Jul 14, 2026"',
        '30,0,1,3,2,1,0,1,0,0,25,10,800,"Wed, Jul 15, 2026"',
        '150,0,2,14,11,7,1,4,2,4,165,70,"3,300",Total',
      ].join('\n'),
    );
    expect(outcomes[0]).toMatchObject({
      format: 'x-account-overview',
      rows: 2,
      imported: 2,
      skipped: 0,
      issues: [],
    });
    expect(batch.dailyValues.filter((d) => d.series === 'x: Impressions').map((d) => d.value)).toEqual([
      2500, 800,
    ]);
  });

  it('stay rows (and errors) when another cell holds text', () => {
    const { t, ats } = run([
      ['when', 'who'],
      ['not a date', 'Total'],
      ['2025-01-02', 'a'],
    ]);
    expect(ats).toEqual([d('2025-01-02')]);
    expect(t.rows).toBe(2);
    expect(t.issues).toEqual([expect.objectContaining({ row: 2, column: 'when', message: 'bad' })]);
  });
});
