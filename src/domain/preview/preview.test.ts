import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REGISTRY, registryWithMapping } from '../sources/registry';
import { headerKey, previewBytes, previewVerdict, PREVIEW_BYTES } from './preview';

const enc = (s: string) => new TextEncoder().encode(s);
const POSTS = [
  'post_id,topic_id,post_number,username,created_at,topic_title,category,raw',
  '1,10,1,ada,2025-03-01T10:00:00Z,Hello,Help,First post',
  '2,10,2,ben,2025-03-02T11:00:00Z,Hello,Help,A reply',
  '3,10,3,system,2025-03-05T12:00:00Z,Hello,Help,Bot note',
  '4,11,1,ada,2025-04-10T09:30:00Z,Other,Help,Second topic',
].join('\n');

describe('previewBytes', () => {
  it('says what a table file is before anything is stored: format, rows, date range, people, first rows', () => {
    const [p, ...rest] = previewBytes('posts.csv', enc(POSTS), { timeZone: 'UTC' }, REGISTRY);
    expect(rest).toEqual([]);
    expect(p!.format).toBe('discourse-posts');
    expect(p!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(p!.rows).toBe(4);
    expect(p!.estimated).toBe(false);
    // 2025-03-01T10:00Z … 2025-04-10T09:30Z
    expect(p!.dateRange).toEqual([Date.UTC(2025, 2, 1, 10), Date.UTC(2025, 3, 10, 9, 30)]);
    // ada and ben; `system` is a bot.
    expect(p!.people).toBe(2);
    expect(p!.header[0]).toBe('post_id');
    expect(p!.sampleRows).toHaveLength(4);
    expect(p!.sampleRows[1]).toEqual([
      '2',
      '10',
      '2',
      'ben',
      '2025-03-02T11:00:00Z',
      'Hello',
      'Help',
      'A reply',
    ]);
  });

  it('names the Discourse report it recognised, also in a zip, where it is only 55% sure (translated titles)', () => {
    const fixture = (f: string) =>
      new Uint8Array(
        readFileSync(join(import.meta.dirname, '../../../tests/fixtures/formats/discourse-report', f)),
      );
    const [de] = previewBytes(
      'signups-250301-101010-12.zip',
      fixture('signups-250301-101010-12.zip'),
      { timeZone: 'UTC' },
      REGISTRY,
    );
    expect([de!.label, de!.confidence]).toEqual(['Discourse dashboard report “signups”', 0.55]);
    const [dau] = previewBytes(
      'dau_by_mau-250301-101010-4.csv',
      fixture('dau_by_mau-250301-101010-4.csv'),
      { timeZone: 'UTC' },
      REGISTRY,
    );
    expect(dau!.label).toBe('Discourse dashboard report “dau by mau”');
    const [old] = previewBytes(
      'report-171203-101500-17.csv',
      enc('date,value\n2017-12-01,5\n'),
      { timeZone: 'UTC' },
      REGISTRY,
    );
    expect(old!.label).toBe('Discourse dashboard report (export 17)');
  });

  it('previews each file inside a zip under the archive name', () => {
    const zip = zipSync({ 'export/posts.csv': strToU8(POSTS), 'export/notes.txt': strToU8('just notes') });
    const previews = previewBytes('export.zip', zip, { timeZone: 'UTC' }, REGISTRY);
    expect(previews.map((p) => p.file).sort()).toEqual([
      'export.zip › export/notes.txt',
      'export.zip › export/posts.csv',
    ]);
    expect(previews.find((p) => p.file.endsWith('posts.csv'))!.format).toBe('discourse-posts');
    expect(previews.find((p) => p.file.endsWith('notes.txt'))!.format).toBeNull();
  });

  it('extrapolates the row count of a large file from its first part', () => {
    const row = '5,12,2,ben,2025-05-01T10:00:00Z,Big,Help,' + 'x'.repeat(200);
    const lines = [POSTS.split('\n')[0]!];
    const n = Math.ceil((PREVIEW_BYTES * 2) / row.length);
    for (let i = 0; i < n; i++) lines.push(row.replace(/^5,/, `${i + 100},`));
    const [p] = previewBytes('big.csv', enc(lines.join('\n')), { timeZone: 'UTC' }, REGISTRY);
    expect(p!.estimated).toBe(true);
    expect(Math.abs(p!.rows - n) / n).toBeLessThan(0.01);
  });

  it('names an unknown format and shows its first row as the header, for mapping', () => {
    const [p] = previewBytes('mystery.csv', enc('Foo,Bar\n1,2\n'), { timeZone: 'UTC' }, REGISTRY);
    expect(p!.format).toBeNull();
    expect(p!.header).toEqual(['Foo', 'Bar']);
    expect(p!.issues[0]!.message).toMatch(/^Unknown format/);
  });

  it('reports an empty file', () => {
    expect(
      previewBytes('e.csv', new Uint8Array(), { timeZone: 'UTC' }, REGISTRY)[0]!.issues[0]!.message,
    ).toBe('The file is empty.');
  });
});

const BAD = join(import.meta.dirname, '../../../tests/fixtures/bad');
const previewBad = (file: string) =>
  previewBytes(file, new Uint8Array(readFileSync(join(BAD, file))), { timeZone: 'UTC' }, REGISTRY);

describe('previewBytes of files that cannot be imported', () => {
  it.each([
    ['empty.zip', 'The zip archive holds no files.'],
    ['folders-only.zip', 'The zip archive holds only folders, no files.'],
  ])('lists %s with why there is nothing in it', (file, message) => {
    const previews = previewBad(file);
    expect(previews.map((p) => [p.file, p.format, p.issues.map((i) => i.message)])).toEqual([
      [file, null, [message]],
    ]);
    expect(previewVerdict(previews[0]!)).toEqual({
      kind: 'nothing',
      reason: message,
      issue: previews[0]!.issues[0],
    });
  });

  it.each([
    [
      'web-page.csv',
      'This file is a web page (HTML), not a CSV export: download the export again (a sign-in or error page may have been saved instead).',
    ],
    [
      'json-in.csv',
      'This file holds JSON, not CSV, and is not one of the JSON exports Hearth reads. Check the list of supported exports.',
    ],
  ])('says what %s holds instead of offering its first line as columns to map', (file, message) => {
    const [p, ...rest] = previewBad(file);
    expect(rest).toEqual([]);
    expect(p!.issues.map((i) => i.message)).toEqual([message]);
    expect(p!.header).toEqual([]);
    expect(p!.mappable).toBe(false);
    expect(previewVerdict(p!)).toMatchObject({ kind: 'nothing', reason: message });
  });

  it('says a JSON file Hearth does not know is not an export it reads (not "not CSV")', () => {
    const [p] = previewBytes(
      'users.json',
      enc('[{"id": "U1", "name": "ana"}]'),
      { timeZone: 'UTC' },
      REGISTRY,
    );
    expect(p!.issues.map((i) => i.message)).toEqual([
      'This JSON file is not one of the JSON exports Hearth reads. Check the list of supported exports.',
    ]);
    expect(p!.mappable).toBe(false);
  });

  it.each([
    ['photo.png.csv', 'This file cannot be read: it is a PNG image, not a CSV export.'],
    ['photo.jpg.csv', 'This file cannot be read: it is a JPEG image, not a CSV export.'],
    ['animation.gif.csv', 'This file cannot be read: it is a GIF image, not a CSV export.'],
    ['report.pdf.csv', 'This file cannot be read: it is a PDF document, not a CSV export.'],
    [
      'workbook.xls.csv',
      'This file cannot be read: it is a binary Excel (.xls) workbook: open it in a spreadsheet and save it as CSV.',
    ],
    ['linkedin-metrics.xlsx', 'This Excel workbook has no sheet with any value in it.'],
    ['program.exe.csv', 'This file cannot be read: it contains binary data (NUL bytes), not text.'],
    ['binary.csv', 'This file cannot be read: it contains binary data (NUL bytes), not text.'],
    ['empty.csv', 'The file is empty.'],
    ['bom-only.csv', 'The file is empty.'],
    ['whitespace-only.csv', 'The file is empty.'],
    ['duplicate-headers.csv', expect.stringMatching(/^The column "username" appears twice in the header/)],
    ['unterminated-quote.csv', expect.stringMatching(/^A quoted value opened in this row is never closed/)],
  ])('%s: nothing to map, and the reason is the verdict', (file, reason) => {
    const [p] = previewBad(file);
    expect(p!.mappable).toBe(false);
    expect(previewVerdict(p!)).toEqual({ kind: 'nothing', reason, issue: p!.issues[0] });
  });

  it('offers the mapping for a table whose header no format matches, and only then', () => {
    const [p] = previewBad('unknown-columns.csv');
    expect(p!.mappable).toBe(true);
    expect(previewVerdict(p!)).toEqual({ kind: 'map' });
  });

  it.each([
    [
      'dates-1899.csv',
      'Its only row cannot be imported (see the problem below), so nothing will be imported from this file.',
    ],
    [
      'missing-usernames.csv',
      'None of its 2 rows can be imported (see the problems below), so nothing will be imported from this file.',
    ],
  ])('knows, having read all of %s, that no row can be imported', (file, reason) => {
    const [p] = previewBad(file);
    expect(p!.format).toBe('discourse-posts');
    expect(p!.estimated).toBe(false);
    expect(p!.imported).toBe(0);
    expect(previewVerdict(p!)).toEqual({ kind: 'nothing', reason, issue: null });
  });

  it('a recognised file without data rows has nothing to import, and says why', () => {
    const [p] = previewBad('header-only.csv');
    expect(previewVerdict(p!)).toEqual({
      kind: 'nothing',
      reason: 'The file has a header but no data rows.',
      issue: p!.issues[0],
    });
  });

  it('counts the rows that can be imported', () => {
    const [p] = previewBad('invalid-dates.csv');
    expect([p!.rows, p!.imported]).toEqual([3, 0]);
    const [q] = previewBytes(
      'posts.csv',
      enc(`${POSTS}\n5,12,2,ben,yesterday,Hello,Help,x`),
      { timeZone: 'UTC' },
      REGISTRY,
    );
    expect([q!.rows, q!.imported]).toEqual([5, 4]);
    expect(previewVerdict(q!)).toEqual({ kind: 'importable' });
  });

  it('does not conclude from the first part of a large file that nothing can be imported', () => {
    const bad = '5,12,2,ben,1899-01-01T10:00:00Z,Big,Help,' + 'x'.repeat(200);
    const lines = [POSTS.split('\n')[0]!];
    for (let i = 0; i < Math.ceil((PREVIEW_BYTES * 1.5) / bad.length); i++) lines.push(bad);
    const [p] = previewBytes('big.csv', enc(lines.join('\n')), { timeZone: 'UTC' }, REGISTRY);
    expect(p!.estimated).toBe(true);
    expect(p!.imported).toBe(0);
    expect(previewVerdict(p!)).toEqual({
      kind: 'uncertain',
      note: 'No row in the part of the file read for this preview can be imported (see the problems below); the import reads the whole file.',
    });
  });

  it('cuts the first part of a large file between rows, not inside a quoted value that spans lines', () => {
    const lines = [POSTS.split('\n')[0]!];
    for (let i = 0; lines.length * 3050 < PREVIEW_BYTES * 1.5; i++)
      lines.push(`${i + 1},1,2,ben,2025-03-01T10:00:00Z,T,C,"line one\n${'y'.repeat(3000)}\nline three"`);
    const [p] = previewBytes('big.csv', enc(lines.join('\n')), { timeZone: 'UTC' }, REGISTRY);
    expect(p!.issues).toEqual([]);
    expect([p!.format, p!.estimated]).toEqual(['discourse-posts', true]);
    expect(Math.abs(p!.rows - (lines.length - 1)) / lines.length).toBeLessThan(0.01);
    expect(previewVerdict(p!)).toEqual({ kind: 'importable' });
  });

  it('still shows a stray quote early in a large file', () => {
    const row = '5,12,2,ben,2025-05-01T10:00:00Z,Big,Help,' + 'x'.repeat(200);
    const lines = [POSTS.split('\n')[0]!, '1,10,1,ada,2025-03-01T10:00:00Z,"Hello,Help,oops'];
    for (let i = 0; i < Math.ceil((PREVIEW_BYTES * 1.5) / row.length); i++) lines.push(row);
    const [p] = previewBytes('big.csv', enc(lines.join('\n')), { timeZone: 'UTC' }, REGISTRY);
    expect(p!.issues.map((i) => [i.row, i.message.slice(0, 49)])).toEqual([
      [2, 'A quoted value opened in this row is never closed'],
    ]);
  });

  it('treats a document read only in part (a large JSON) as partial knowledge', () => {
    const json = readFileSync(
      join(
        import.meta.dirname,
        '../../../sample-data/Loomcraft - Text Channels - patterns [1100000000000000004].json',
      ),
    );
    const part = new Uint8Array(json.subarray(0, 3000));
    const [p] = previewBytes('chat.json', part, { timeZone: 'UTC' }, REGISTRY, json.length);
    expect(p!.format).toBe('discord-chat-exporter-json');
    expect(p!.estimated).toBe(true);
    // Not "Not valid JSON": the document is cut short here, not broken.
    expect(p!.issues).toEqual([]);
    expect(previewVerdict(p!)).toEqual({
      kind: 'uncertain',
      note: 'This file is large and was read only in part for this preview: its rows are counted when it is imported.',
    });
  });
});

describe('headerKey', () => {
  it('is the same for headers that differ only in case, spaces and BOM', () => {
    expect(headerKey(['\uFEFFWhen', ' Who '])).toBe(headerKey(['when', 'WHO']));
  });
});

describe('preview: the date order each column was read in', () => {
  const mapped = registryWithMapping({ when: 'Date', who: 'Member', defaultKind: 'message' });
  it('settled by a value such as 13/01 (day first), or by the user; open when every value is ambiguous', () => {
    const settled = previewBytes(
      'club.csv',
      enc('Date,Member\n13/01/2025 10:00,ada\n14/01/2025 11:00,ben\n'),
      { timeZone: 'UTC' },
      mapped,
    )[0]!;
    expect(Object.values(settled.dateOrder ?? {})).toEqual([true]);
    expect(settled.needs.dayFirst).toBeUndefined();
    const open = previewBytes(
      'club.csv',
      enc('Date,Member\n03/02/2025 10:00,ada\n'),
      { timeZone: 'UTC' },
      mapped,
    )[0]!;
    expect(open.needs.dayFirst).toEqual({ column: 'date', label: 'Date', readDayFirst: false, others: 0 });
    const answered = previewBytes(
      'club.csv',
      enc('Date,Member\n03/02/2025 10:00,ada\n'),
      { timeZone: 'UTC', dayFirst: true },
      mapped,
    )[0]!;
    expect(answered.dateRange?.[0]).toBe(Date.UTC(2025, 1, 3, 10));
  });
});

describe("preview: a date column that settles nothing follows the file's other date columns (QA W6)", () => {
  // A Mailchimp audience saved again by a UK Excel: only LAST_CHANGED shows the order (25/03).
  const audience = enc(
    [
      'Email Address,First Name,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME,LAST_CHANGED,LEID,EUID',
      'a@example.org,A,2,05/03/2025 10:00,05/03/2025 10:05,25/03/2025 10:05,1,e1',
      'b@example.org,B,2,07/04/2025 10:00,07/04/2025 10:05,17/04/2025 10:05,1,e2',
    ].join('\n'),
  );
  it('reads it day first, and the review can still ask for the order', () => {
    const p = previewBytes('subscribed_members_export_1a.csv', audience, { timeZone: 'UTC' }, REGISTRY)[0]!;
    expect(p.format).toBe('mailchimp-audience');
    expect(p.dateOrder).toEqual({ optin_time: true, confirm_time: true, last_changed: true });
    expect(p.dateRange).toEqual([Date.UTC(2025, 2, 5, 10, 5), Date.UTC(2025, 3, 7, 10, 5)]);
    // The question names the column as the file writes it and shows the order the import reads it in.
    expect(p.needs.dayFirst).toEqual({
      column: 'optin_time',
      label: 'OPTIN_TIME',
      readDayFirst: true,
      others: 1,
    });
    const answered = previewBytes(
      'subscribed_members_export_1a.csv',
      audience,
      { timeZone: 'UTC', dayFirst: false },
      REGISTRY,
    )[0]!;
    expect(answered.dateRange).toEqual([Date.UTC(2025, 4, 3, 10, 5), Date.UTC(2025, 6, 4, 10, 5)]);
    expect(answered.needs.dayFirst).toBeUndefined();
  });
});

describe('preview: the event date question for Luma guest lists', () => {
  const REAL_LUMA = join(process.cwd(), 'tests/fixtures/real/luma');
  const preview = (name: string, ctx: { eventDate?: number } = {}) =>
    previewBytes(
      name,
      new Uint8Array(readFileSync(join(REAL_LUMA, name))),
      { timeZone: 'UTC', ...ctx },
      REGISTRY,
    )[0]!;
  const ONLINE = 'Loomcraft Online Weave-along - Guests - 2026-02-03-20-14-28.csv';

  it('asks when guests joined online without a check-in, suggesting the date the import would use', () => {
    const p = preview(ONLINE);
    expect(p.format).toBe('luma-guests');
    // The latest created_at in the file (Eve, 2026-01-28T21:40Z), which dates the joined guests when
    // no date is entered — not Fay's check-in (2026-01-29T18:07:12Z), the file's first attend.
    expect(p.needs.eventDate).toEqual({ suggested: Date.UTC(2026, 0, 28, 21, 40) });
  });

  it('keeps asking once a date is entered (suggesting it), but not for files whose attendees all checked in', () => {
    expect(preview(ONLINE, { eventDate: Date.UTC(2026, 0, 29) }).needs.eventDate).toEqual({
      suggested: Date.UTC(2026, 0, 29),
    });
    // has_joined_event Yes, but checked_in_at dates every such guest.
    expect(
      preview('Loomcraft Online Weave-along - Guests - 2026-02-10-09-00-00.csv').needs.eventDate,
    ).toBeUndefined();
    // No has_joined_event column.
    expect(
      preview('Loomcraft_Spinning_Circle_-_Guests_-_2026-05-18-14-30-15.csv').needs.eventDate,
    ).toBeUndefined();
  });
});

describe('preview: an Eventbrite report of several events', () => {
  it('does not ask for one event date (each event is dated at its own orders, and the import says so)', () => {
    const dir = join(process.cwd(), 'tests/fixtures/real/eventbrite');
    const name = 'Politicare Live - Attendee Summary Report.csv';
    const p = previewBytes(
      name,
      new Uint8Array(readFileSync(join(dir, name))),
      { timeZone: 'UTC' },
      REGISTRY,
    )[0]!;
    expect(p.format).toBe('eventbrite-attendees');
    expect(p.needs.eventDate).toBeUndefined();
    expect(p.issues.some((i) => i.column === 'Event Name' && i.severity === 'warning')).toBe(true);
  });
});

describe('preview: the event date question for attendee lists without dates', () => {
  const real = (dir: string, name: string, ctx: { eventDate?: number } = {}) =>
    previewBytes(
      name,
      new Uint8Array(readFileSync(join(process.cwd(), 'tests/fixtures/real', dir, name))),
      { timeZone: 'UTC', ...ctx },
      REGISTRY,
    )[0]!;
  const EVENTBRITE = 'Loomcraft Winter Weave-in - Attendees.csv';
  const MEETUP = 'Loomcraft Leeds - March Weave Night.csv';

  it('asks, suggesting the date the import would use: the latest Order Date / RSVPed on', () => {
    expect(real('eventbrite', EVENTBRITE).needs.eventDate).toEqual({
      suggested: Date.UTC(2024, 11, 3, 17, 40),
    });
    expect(real('meetup', MEETUP).needs.eventDate).toEqual({ suggested: Date.UTC(2025, 2, 4, 9, 30) });
  });

  it('suggests the date entered once there is one', () => {
    const entered = Date.UTC(2025, 2, 6);
    expect(real('meetup', MEETUP, { eventDate: entered }).needs.eventDate).toEqual({ suggested: entered });
  });

  it('does not ask when nobody attended (nothing to date)', () => {
    const csv = [
      'Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes',
      'Bo Lind,No show,user 102,,No,Yes,1,2025-03-02 18:00:00,2025-02-03 17:45:00,https://www.meetup.com/members/102/,',
    ].join('\n');
    const p = previewBytes(MEETUP, new TextEncoder().encode(csv), { timeZone: 'UTC' }, REGISTRY)[0]!;
    expect(p.format).toBe('meetup-attendees');
    expect(p.needs.eventDate).toBeUndefined();
  });
});

describe('preview: a recognised file whose rows give no record', () => {
  it('is "nothing to import" (an attendee list where nobody attended), not importable', () => {
    const csv = [
      'Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes',
      'Bo Lind,No show,user 102,,No,Yes,1,2025-03-02 18:00:00,2025-02-03 17:45:00,,',
    ].join('\n');
    const p = previewBytes(
      'March Weave Night.csv',
      new TextEncoder().encode(csv),
      { timeZone: 'UTC' },
      REGISTRY,
    )[0]!;
    expect(p).toMatchObject({ format: 'meetup-attendees', imported: 1, records: 0 });
    expect(previewVerdict(p)).toEqual({
      kind: 'nothing',
      reason: expect.stringMatching(/^Its rows hold no activity, attendance, member or subscriber/),
      issue: null,
    });
  });
});
