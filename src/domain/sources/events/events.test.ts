import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordAccumulator } from '../../import/accumulate';
import { importBytesForTest, importFixture, importText, utc } from '../testing';
import { eventKey, eventNameFromFile, eventTitleFromFile } from './common';

describe('luma-guests', () => {
  const { batch, outcomes } = importFixture('luma/Hearth Spring Meetup - Guests - 2025-03-21.csv');
  it('check-ins are attends at checked_in_at in the event named by the file, in its session (the earliest check-in day); registrants are audience', () => {
    expect(outcomes[0]).toMatchObject({ format: 'luma-guests', rows: 4, imported: 3, skipped: 1 });
    expect(batch.activities).toEqual([
      {
        key: 'luma:event:hearth spring meetup:attend:jane.doe@example.org#2025-03-20',
        source: 'luma',
        personKey: 'luma:jane.doe@example.org',
        kind: 'attend',
        at: utc('2025-03-20T18:05:00Z'),
        channel: 'luma:event:hearth spring meetup#2025-03-20',
        title: 'Hearth Spring Meetup',
      },
      {
        key: 'luma:event:hearth spring meetup:attend:leo@example.org#2025-03-20',
        source: 'luma',
        personKey: 'luma:leo@example.org',
        kind: 'attend',
        at: utc('2025-03-20T18:20:00Z'),
        channel: 'luma:event:hearth spring meetup#2025-03-20',
        title: 'Hearth Spring Meetup',
      },
    ]);
    expect(batch.persons).toEqual([
      {
        key: 'luma:jane.doe@example.org',
        source: 'luma',
        name: 'Jane Doe',
        email: 'jane.doe@example.org',
        roster: false,
        bot: false,
      },
      {
        key: 'luma:leo@example.org',
        source: 'luma',
        name: 'Leo',
        email: 'leo@example.org',
        roster: false,
        bot: false,
      },
    ]);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 5, column: 'checked_in_at', severity: 'error' }),
    ]);
  });
  it('names events from file names', () => {
    expect(eventNameFromFile('x.zip › Spring - Lisbon - Guests - 2025-03-21.csv')).toBe('Spring - Lisbon');
    expect(eventNameFromFile('attendees.csv')).toBe('attendees');
    // Gzipped, the same event as the plain file.
    expect(eventNameFromFile('Loomcraft Summer - Attendees.csv.gz')).toBe(
      eventNameFromFile('Loomcraft Summer - Attendees.csv'),
    );
  });
  it('reads a download whose spaces were turned into underscores as the same event; keeps underscores that belong to the name', () => {
    expect(eventNameFromFile('AI_Meetup_-_Guests_-_2026-05-18-14-30-15.csv')).toBe('AI Meetup');
    expect(eventNameFromFile('AI Night_- Guests -_2026-05-18-22-00-10 (1).csv')).toBe('AI Night');
    expect(eventTitleFromFile('AI_Meetup_-_Guests_-_2026-05-18-14-30-15.csv')).toBe('AI Meetup');
    expect(eventNameFromFile('dev_ops night - Guests - 2026-05-18-22-00-10.csv')).toBe('dev_ops night');
    expect(eventNameFromFile('Loomcraft_Leeds_March.csv')).toBe('Loomcraft_Leeds_March');
  });
});

describe('event names shown (titles) and event identity (keys)', () => {
  it('shows the name as the file spells it, without the export suffix', () => {
    expect(eventTitleFromFile('Loomcraft Summer Weave-along - Attendees.csv')).toBe(
      'Loomcraft Summer Weave-along',
    );
    expect(eventTitleFromFile('Loomcraft Autumn Workshop - Guests - 2025-10-18.csv')).toBe(
      'Loomcraft Autumn Workshop',
    );
    expect(eventTitleFromFile('x.zip › Spring - Lisbon - Guests - 2025-03-21.csv')).toBe('Spring - Lisbon');
    expect(eventTitleFromFile('exports/Hearth Lisbon - March Social.csv')).toBe(
      'Hearth Lisbon - March Social',
    );
    expect(eventTitleFromFile('Summer Social – RSVPs – 2025-06-01.csv')).toBe('Summer Social');
    expect(eventTitleFromFile('  Open Studio - attendee list.xlsx ')).toBe('Open Studio');
  });

  it('keeps a name that is nothing but an export name, and never gives an empty one', () => {
    expect(eventTitleFromFile('Attendee Summary Report.csv')).toBe('Attendee Summary Report');
    expect(eventTitleFromFile('attendees.csv')).toBe('attendees');
    expect(eventTitleFromFile('.csv')).toBe('event');
  });

  it('leaves the event identity as it was: keys stay lowercased, suffix included', () => {
    // Stored keys and channels derive from eventNameFromFile: changing them would split or merge
    // events already imported. The shown name is carried beside them (the attend's title).
    expect(eventKey('eventbrite', eventNameFromFile('Loomcraft Summer Weave-along - Attendees.csv'))).toBe(
      'eventbrite:event:loomcraft summer weave-along - attendees',
    );
    expect(eventKey('luma', eventNameFromFile('Loomcraft Autumn Workshop - Guests - 2025-10-18.csv'))).toBe(
      'luma:event:loomcraft autumn workshop',
    );
  });

  it('gives every attend the event name as its title, in the original case', () => {
    const eventbrite = importFixture('eventbrite/Attendee Summary Report.csv').batch.activities;
    expect(eventbrite.map((a) => [a.channel, a.title])).toEqual([
      ['eventbrite:event:attendee summary report', 'Attendee Summary Report'],
      ['eventbrite:event:attendee summary report', 'Attendee Summary Report'],
    ]);
    const meetup = importFixture('meetup/Hearth Lisbon - March Social.csv').batch.activities;
    expect(new Set(meetup.map((a) => a.title))).toEqual(new Set(['Hearth Lisbon - March Social']));
  });
});

describe('eventbrite-attendees (Windows-1252, CRLF)', () => {
  it('without an event date: dated at the day of the latest order date, with a warning', () => {
    const { batch, outcomes } = importFixture('eventbrite/Attendee Summary Report.csv');
    expect(outcomes[0]).toMatchObject({ format: 'eventbrite-attendees', rows: 3, imported: 3 });
    // The latest order is 2025-04-03 12:30:00-07:00 (19:30Z): its day in the import zone (UTC), not its time.
    const latest = utc('2025-04-03T00:00:00Z');
    expect(batch.activities).toEqual([
      {
        key: 'eventbrite:attend:2222222221',
        source: 'eventbrite',
        personKey: 'eventbrite:zoe@example.org',
        kind: 'attend',
        at: latest,
        channel: 'eventbrite:event:attendee summary report',
        title: 'Attendee Summary Report',
      },
      {
        key: 'eventbrite:attend:2222222223',
        source: 'eventbrite',
        personKey: 'eventbrite:ana@example.org',
        kind: 'attend',
        at: latest,
        channel: 'eventbrite:event:attendee summary report',
        title: 'Attendee Summary Report',
      },
    ]);
    expect(batch.persons.map((p) => [p.key, p.name, p.email, p.roster])).toEqual([
      ['eventbrite:zoe@example.org', 'Zoë Müller', 'zoe@example.org', false],
      ['eventbrite:ana@example.org', 'Ana Lima', 'ana@example.org', false],
    ]);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        column: 'Order Date',
        message: expect.stringContaining('2025-04-03'),
      }),
    ]);
  });
  it('uses ctx.eventDate when given, without a warning', () => {
    const eventDate = utc('2025-04-10T18:00:00Z');
    const { batch, outcomes } = importFixture('eventbrite/Attendee Summary Report.csv', { eventDate });
    expect(batch.activities.map((a) => a.at)).toEqual([eventDate, eventDate]);
    expect(outcomes[0]!.issues).toEqual([]);
  });
});

describe('eventbrite-attendees exported to Excel', () => {
  it('reads as the same rows saved as CSV: the event named by the workbook file, not by its sheet', () => {
    const eventDate = utc('2025-04-12T18:00:00Z');
    const xlsx = importFixture('eventbrite/Spring Weave-along - Attendees.xlsx', { eventDate });
    const csv = importText(
      'Spring Weave-along - Attendees.csv',
      [
        'Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Attendee Status',
        '1111111111,2025-04-01 10:00:00,Zoë,Müller,zoe@example.org,1,General Admission,2222222221,Checked In',
        '1111111112,2025-04-03 12:30:00,José,García,Jose@Example.org,1,General Admission,2222222222,Attending',
        '1111111113,2025-04-05 18:45:30,Ana,Lima,ana@example.org,1,General Admission,2222222223,Checked In',
      ].join('\r\n'),
      { eventDate },
    );
    expect(xlsx.outcomes.map((o) => [o.file, o.format, o.imported, o.issues])).toEqual([
      ['Spring Weave-along - Attendees.xlsx › Attendee Summary', 'eventbrite-attendees', 3, []],
    ]);
    expect(xlsx.batch.activities).toEqual(csv.batch.activities);
    expect(xlsx.batch.activities.map((a) => [a.key, a.title, a.at])).toEqual([
      ['eventbrite:attend:2222222221', 'Spring Weave-along', eventDate],
      ['eventbrite:attend:2222222223', 'Spring Weave-along', eventDate],
    ]);
    // Without an entered date the review suggests the latest Order Date (a date-time cell).
    const undated = importFixture('eventbrite/Spring Weave-along - Attendees.xlsx');
    expect(undated.outcomes[0]!.needs?.eventDate?.suggested).toBe(utc('2025-04-05T18:45:30Z'));
  });

  it('a macro-enabled workbook (.xlsm) with a hidden sheet, a very hidden one and a chart sheet: the hidden sheet is read (here: skipped, not an export), the very hidden one and the chart are not', () => {
    const eventDate = utc('2025-09-05T18:00:00Z');
    const { outcomes, batch } = importFixture('eventbrite/Autumn Social - Attendees.xlsm', { eventDate });
    expect(outcomes.map((o) => [o.file, o.format, o.imported, o.issues.map((i) => i.message)])).toEqual([
      ['Autumn Social - Attendees.xlsm › Attendee Summary', 'eventbrite-attendees', 2, []],
      [
        'Autumn Social - Attendees.xlsm › Lists',
        null,
        0,
        ['Skipped: this sheet is not one of the supported exports.'],
      ],
    ]);
    expect(batch.activities.map((a) => [a.key, a.title, a.at])).toEqual([
      ['eventbrite:attend:2222222231', 'Autumn Social', eventDate],
    ]);
  });
});

describe('meetup-attendees and meetup-members', () => {
  it('attendees: Attendance = Attended only, dated by ctx.eventDate or the day of the latest RSVP', () => {
    const { batch, outcomes } = importFixture('meetup/Hearth Lisbon - March Social.csv');
    expect(outcomes[0]).toMatchObject({ format: 'meetup-attendees', rows: 4, imported: 4 });
    expect(batch.activities.map((a) => [a.key, a.personKey, a.at, a.channel])).toEqual([
      [
        'meetup:attend:hearth lisbon - march social:user 1234567#2025-03-03',
        'meetup:user 1234567',
        utc('2025-03-03T00:00:00Z'), // the latest RSVPed on is 2025-03-03 11:00: its day, not a made-up time
        'meetup:event:hearth lisbon - march social#2025-03-03',
      ],
      [
        'meetup:attend:hearth lisbon - march social:user 3456789#2025-03-03',
        'meetup:user 3456789',
        utc('2025-03-03T00:00:00Z'),
        'meetup:event:hearth lisbon - march social#2025-03-03',
      ],
    ]);
    expect(batch.persons.every((p) => !p.roster)).toBe(true);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ severity: 'warning', column: 'RSVPed on' }),
    ]);
  });
  it('member list (UTF-16 LE, tab-separated .xls): a roster joined at MM/DD/YYYY', () => {
    const { batch, outcomes } = importFixture('meetup/Hearth_Lisbon_Members.xls');
    expect(outcomes[0]).toMatchObject({ format: 'meetup-members', rows: 3, imported: 3, issues: [] });
    expect(batch.persons).toEqual([
      {
        key: 'meetup:user 1234567',
        source: 'meetup',
        name: 'Ana Lima',
        joinedAt: utc('2025-01-15T00:00:00Z'),
        roster: true,
        bot: false,
      },
      {
        key: 'meetup:user 3456789',
        source: 'meetup',
        name: 'Jane Doe',
        joinedAt: utc('2024-09-01T00:00:00Z'),
        roster: true,
        bot: false,
      },
      {
        key: 'meetup:user 5678901',
        source: 'meetup',
        name: 'Zoë Müller',
        joinedAt: utc('2025-02-03T00:00:00Z'),
        roster: true,
        bot: false,
      },
    ]);
  });

  it('member list saved again by a day-first spreadsheet: its dates are read day first, with a warning (QA W7)', () => {
    const header =
      'Name\tUser ID\tTitle\tMember ID\tLocation\tJoined Group on\tLast visited group on\tLast Attended\tURL of Member Profile';
    const { batch, outcomes } = importText(
      'Leeds_Member_List.xls',
      [
        header,
        'Ana\tuser 1\t\t1\tLeeds\t15/03/2024\t01/03/2025\t\thttps://www.meetup.com/members/1',
        'Bo\tuser 2\t\t2\tLeeds\t02/01/2024\t01/03/2025\t\thttps://www.meetup.com/members/2',
      ].join('\r\n'),
    );
    expect(batch.persons.map((p) => [p.name, p.joinedAt])).toEqual([
      ['Ana', utc('2024-03-15T00:00:00Z')],
      ['Bo', utc('2024-01-02T00:00:00Z')],
    ]);
    expect(outcomes[0]!.issues).toEqual([
      {
        file: 'Leeds_Member_List.xls',
        column: 'Joined Group on',
        severity: 'warning',
        message:
          'Dates in column "Joined Group on" are written day/month (e.g. 15/03/2024), not month/day as a Meetup member list writes them: the file was probably saved again by a spreadsheet. They were read as day/month.',
      },
    ]);
    // Dates that could be either keep Meetup's MM/DD/YYYY.
    const usual = importText(
      'Leeds_Member_List.xls',
      [header, 'Bo\tuser 2\t\t2\tLeeds\t02/01/2024\t01/03/2025\t\thttps://www.meetup.com/members/2'].join(
        '\r\n',
      ),
    );
    expect(usual.batch.persons[0]!.joinedAt).toBe(utc('2024-02-01T00:00:00Z'));
    expect(usual.outcomes[0]!.issues).toEqual([]);
  });

  it('issues name a column as the file writes it ("RSVPed on", not "rsvped on")', () => {
    const { outcomes } = importText(
      'Weekly Weave.csv',
      [
        'Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes',
        'Ana,Attended,user 1,,No,Yes,0,03/01/2025 10:00,01/02/2025,https://www.meetup.com/members/1/,',
        'Bo,Attended,user 2,,No,Yes,0,03/02/2025 10:00,01/02/2025,https://www.meetup.com/members/2/,',
      ].join('\n'),
    );
    const dayOrder = outcomes[0]!.issues.filter((i) => i.message.startsWith('Dates in column'));
    // The issue's column and the column its message names: both as written in the header.
    expect(dayOrder.map((i) => [i.column, /^Dates in column "([^"]*)"/.exec(i.message)?.[1]])).toEqual([
      ['RSVPed on', 'RSVPed on'],
      ['Joined Group on', 'Joined Group on'],
    ]);
  });

  it('a member’s free-text answer that looks like a day-first date does not flip the list’s MM/DD/YYYY', () => {
    const header =
      'Name\tUser ID\tTitle\tMember ID\tLocation\tJoined Group on\tLast visited group on\tLast Attended\tWhen did you start weaving?\tURL of Member Profile';
    const { batch, outcomes } = importText(
      'Leeds_Member_List.xls',
      [
        header,
        'Bo\tuser 2\t\t2\tLeeds\t03/04/2024\t01/03/2025\t\t25/09/2019\thttps://www.meetup.com/members/2',
      ].join('\r\n'),
    );
    expect(batch.persons[0]!.joinedAt).toBe(utc('2024-03-04T00:00:00Z'));
    expect(outcomes[0]!.issues).toEqual([]);
  });
});

const REAL = join(process.cwd(), 'tests/fixtures/real');
/** Imports `tests/fixtures/real/<path>`, as the app does. */
function importReal(path: string, ctx: Parameters<typeof importBytesForTest>[2] = {}) {
  return importBytesForTest(path.split('/').pop()!, new Uint8Array(readFileSync(join(REAL, path))), ctx);
}

describe('luma-guests of an online event: has_joined_event (header as real guest CSVs carry it)', () => {
  // Rows 2–7: Ada Yes · Bo No · Cal "true" · guest 4 (no email) "1" · Eve No · Fay Yes and checked in.
  const FILE = 'luma/Loomcraft Online Weave-along - Guests - 2026-02-03-20-14-28.csv';
  const LATER = 'luma/Loomcraft Online Weave-along - Guests - 2026-02-10-09-00-00.csv';
  // The session: Fay's check-in day (the earliest check-in), for the joined guests too.
  const event = 'luma:event:loomcraft online weave-along';
  const channel = `${event}#2026-01-29`;
  const key = (who: string) => `${event}:attend:${who}#2026-01-29`;
  const attend = (who: string, personKey: string, at: number) => ({
    key: key(who),
    source: 'luma',
    personKey,
    kind: 'attend',
    at,
    channel,
    title: 'Loomcraft Online Weave-along',
  });

  it('without an event date: joined guests attend on the day of the latest created_at, with a warning; checked-in at checked_in_at', () => {
    const { batch, outcomes } = importReal(FILE);
    // 6 rows; Bo and Eve (No) are audience but not errors: every row is read.
    expect(outcomes[0]).toMatchObject({ format: 'luma-guests', rows: 6, imported: 6, skipped: 0 });
    // created_at: 01-20 10:00, 01-21 10:00, 01-25 16:30, 01-27 08:15, 01-28 21:40 (Eve, who did not
    // join: registrations count, as Eventbrite's order dates do), 01-22 12:00 → latest 2026-01-28T21:40Z,
    // so that day (no join time is in the file).
    const latest = utc('2026-01-28T00:00:00Z');
    expect(batch.activities).toEqual([
      // Fay has both: once, at checked_in_at (held rows come after the dated ones).
      attend('fay@example.org', 'luma:fay@example.org', utc('2026-01-29T18:07:12Z')),
      attend('ada@example.org', 'luma:ada@example.org', latest), // Yes
      attend('cal@example.org', 'luma:cal@example.org', latest), // true; email lower-cased
      attend('gst-OnL1aaaaaaaaaaa4', 'luma:gst-OnL1aaaaaaaaaaa4', latest), // 1; no email: by api_id
    ]);
    expect(batch.persons.map((p) => [p.key, p.name ?? null, p.email ?? null])).toEqual([
      ['luma:fay@example.org', 'Fay Roe', 'fay@example.org'],
      ['luma:ada@example.org', 'Ada Weaver', 'ada@example.org'],
      ['luma:cal@example.org', 'Cal Moss', 'cal@example.org'],
      ['luma:gst-OnL1aaaaaaaaaaa4', null, null],
    ]);
    expect(outcomes[0]!.issues).toEqual([
      {
        file: 'Loomcraft Online Weave-along - Guests - 2026-02-03-20-14-28.csv',
        column: 'has_joined_event',
        severity: 'warning',
        message:
          '3 guests joined online (has_joined_event) without a check-in time, and the file carries no join time: they are dated 2026-01-28, the latest created_at (registration) in the file. Enter the event date if that is wrong.',
      },
    ]);
  });

  it('with the event date entered: joined guests attend then, check-ins keep their time, no warning', () => {
    const eventDate = utc('2026-01-29T00:00:00Z');
    const { batch, outcomes } = importReal(FILE, { eventDate });
    expect(batch.activities.map((a) => [a.personKey, a.at])).toEqual([
      ['luma:fay@example.org', utc('2026-01-29T18:07:12Z')],
      ['luma:ada@example.org', eventDate],
      ['luma:cal@example.org', eventDate],
      ['luma:gst-OnL1aaaaaaaaaaa4', eventDate],
    ]);
    expect(outcomes[0]!.issues).toEqual([]);
  });

  it('keys stay stable: the same file again adds nothing, and a later export with both columns counts Ada once', () => {
    const acc = new RecordAccumulator();
    for (const f of [FILE, FILE, LATER]) acc.add(importReal(f).batch);
    // First file: Fay, Ada, Cal, guest 4 = 4 attends. Again: the same 4 keys. Later export: Ada (now
    // checked in too) and Fay again (same keys), Eve No → 4 attends in all, Ada's the first one read.
    const attends = acc.result().activities;
    expect(attends.map((a) => a.key)).toEqual([
      key('fay@example.org'),
      key('ada@example.org'),
      key('cal@example.org'),
      key('gst-OnL1aaaaaaaaaaa4'),
    ]);
    // The later export alone dates Ada at her check-in.
    expect(importReal(LATER).batch.activities.map((a) => [a.personKey, a.at])).toEqual([
      ['luma:ada@example.org', utc('2026-01-29T18:02:00Z')],
      ['luma:fay@example.org', utc('2026-01-29T18:07:12Z')],
    ]);
  });

  it('No, empty or other values are registrations; a joined guest without email or id is an error; no created_at at all is an error', () => {
    const header = 'api_id,name,email,created_at,approval_status,checked_in_at,has_joined_event';
    const { batch, outcomes } = importText(
      'Online Night - Guests - 2026-03-01.csv',
      [
        header,
        'g1,A,a@example.org,,approved,,YES', // case-insensitive → joined; no created_at anywhere
        'g2,B,b@example.org,,approved,,no',
        'g3,C,c@example.org,,approved,,',
        'g4,D,d@example.org,,approved,,maybe',
        ',E,,,approved,,Yes', // row 6: neither email nor api_id
      ].join('\n'),
    );
    expect(outcomes[0]).toMatchObject({ rows: 5, imported: 4, skipped: 1 });
    expect(batch.activities).toEqual([]);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 6, column: 'email', severity: 'error' }),
      expect.objectContaining({
        column: 'has_joined_event',
        severity: 'error',
        // Shown in the import review too, where the date can be entered: not "were not imported … import again".
        message:
          '1 guest joined online (has_joined_event) without a check-in time, and the file carries neither a join time nor a created_at to guess the event date from: they are not imported. Enter the event date to import them.',
      }),
    ]);
    // With the date entered, A attends then.
    const eventDate = utc('2026-03-01T00:00:00Z');
    const dated = importText(
      'Online Night - Guests - 2026-03-01.csv',
      `${header}\ng1,A,a@example.org,,approved,,YES\n`,
      {
        eventDate,
      },
    );
    expect(dated.batch.activities.map((a) => [a.key, a.at])).toEqual([
      // No check-in: the session is the entered date's day.
      ['luma:event:online night:attend:a@example.org#2026-03-01', eventDate],
    ]);
  });
});

describe('eventbrite-attendees: a report covering several events (Event Name column)', () => {
  // Rows: 111 Roma Checked In 03-10 18:00 · 112 Roma Attending 03-08 09:30 · 113 Napoli Checked In
  // 06-01 18:00 · 114 "Politicare Live  Napoli" (two spaces: the same event) Checked In 05-20 12:15 ·
  // 115 Torino Attending 06-03 08:00. No Attendee # column: keys are Order #:email, as before.
  const FILE = 'eventbrite/Politicare Live - Attendee Summary Report.csv';
  const roma = 'eventbrite:event:politicare live roma';
  const napoli = 'eventbrite:event:politicare live napoli';
  // Roma: max(03-10 18:00, 03-08 09:30) = 2025-03-10T18:00Z; Napoli: max(06-01 18:00, 05-20 12:15) = 2025-06-01T18:00Z:
  // those days (the file has no event time).
  const romaAt = utc('2025-03-10T00:00:00Z');
  const napoliAt = utc('2025-06-01T00:00:00Z');
  const expected = [
    [
      'eventbrite:attend:111:paolo@esempio.it',
      'eventbrite:paolo@esempio.it',
      romaAt,
      roma,
      'Politicare Live Roma',
    ],
    [
      'eventbrite:attend:113:paolo@esempio.it',
      'eventbrite:paolo@esempio.it',
      napoliAt,
      napoli,
      'Politicare Live Napoli',
    ],
    [
      'eventbrite:attend:114:marta@esempio.it',
      'eventbrite:marta@esempio.it',
      napoliAt,
      napoli,
      'Politicare Live Napoli',
    ],
  ];
  const rows = (b: {
    activities: { key: string; personKey: string; at: number; channel?: string; title?: string }[];
  }) => b.activities.map((a) => [a.key, a.personKey, a.at, a.channel, a.title]);

  it('each Event Name is its own event, dated at the latest Order Date among its own rows, with one warning naming them', () => {
    const { batch, outcomes } = importReal(FILE);
    expect(outcomes[0]).toMatchObject({ format: 'eventbrite-attendees', rows: 5, imported: 5, skipped: 0 });
    expect(rows(batch)).toEqual(expected);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        column: 'Event Name',
        severity: 'warning',
        message:
          'The file carries no event dates and holds 3 events ("Politicare Live Roma", "Politicare Live Napoli", "Politicare Live Torino"). Attendances are dated at each event\'s latest Order Date: "Politicare Live Roma" 2025-03-10, "Politicare Live Napoli" 2025-06-01. To date them exactly, export each event\'s attendee report on its own and enter its date.',
      }),
    ]);
  });

  it('an entered event date is not applied to several events: the same dates, and the warning says it was not used', () => {
    const { batch, outcomes } = importReal(FILE, { eventDate: utc('2025-06-01T00:00:00Z') });
    expect(rows(batch)).toEqual(expected);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(
          /^This file holds 3 events \(.*\), and one event date cannot be right for all of them: the date entered \(2025-06-01\) was not used\. Attendances are dated at each event's latest Order Date: "Politicare Live Roma" 2025-03-10, "Politicare Live Napoli" 2025-06-01\./,
        ),
      }),
    ]);
  });

  it('a report of one event with an Event Name column is one event as before: the entered date applies', () => {
    const eventDate = utc('2025-03-12T00:00:00Z');
    const text = readFileSync(join(REAL, FILE), 'utf8').split('\n').slice(0, 3).join('\n'); // header, 111, 112
    const { batch, outcomes } = importText('Politicare Live - Attendee Summary Report.csv', text, {
      eventDate,
    });
    expect(rows(batch)).toEqual([
      [expected[0]![0], expected[0]![1], eventDate, roma, 'Politicare Live Roma'],
    ]);
    expect(outcomes[0]!.issues).toEqual([]);
  });

  it('rows without an Event Name: part of the only named event; in a report of several, not imported (error)', () => {
    const header = 'Order #,Order Date,First Name,Last Name,Email,Event Name,Ticket Type,Attendee Status';
    const one = importText(
      'r.csv',
      [
        header,
        '1,2025-03-01 10:00,A,A,a@x.org,Roma,T,Checked In',
        '2,2025-03-04 10:00,B,B,b@x.org,,T,Checked In',
      ].join('\n'),
    );
    // Both Roma, dated at the day of max(03-01 10:00, 03-04 10:00) = 2025-03-04.
    expect(one.batch.activities.map((a) => [a.personKey, a.channel, a.at])).toEqual([
      ['eventbrite:a@x.org', 'eventbrite:event:roma', utc('2025-03-04T00:00:00Z')],
      ['eventbrite:b@x.org', 'eventbrite:event:roma', utc('2025-03-04T00:00:00Z')],
    ]);
    const several = importText(
      'r.csv',
      [
        header,
        '1,2025-03-01 10:00,A,A,a@x.org,Roma,T,Checked In',
        '2,2025-03-04 10:00,B,B,b@x.org,,T,Checked In',
        '3,2025-06-01 10:00,C,C,c@x.org,Napoli,T,Checked In',
      ].join('\n'),
    );
    expect(several.batch.activities.map((a) => [a.personKey, a.channel, a.at])).toEqual([
      ['eventbrite:a@x.org', 'eventbrite:event:roma', utc('2025-03-01T00:00:00Z')],
      ['eventbrite:c@x.org', 'eventbrite:event:napoli', utc('2025-06-01T00:00:00Z')],
    ]);
    expect(several.outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        column: 'Event Name',
        message: expect.stringContaining('(row 3)'),
      }),
      expect.objectContaining({ severity: 'warning', column: 'Event Name' }),
    ]);
  });
});

describe('undated attendances in the import time zone', () => {
  it('without an event date or an Order Date to guess one from: an error the review can show (present tense)', () => {
    const { batch, outcomes } = importText(
      'Spring Meetup - Attendees.csv',
      'Order #,Order Date,First Name,Last Name,Email,Attendee #,Attendee Status\n1,,Ada,W,ada@example.org,1,Checked In\n2,,Bo,L,bo@example.org,2,Checked In\n',
    );
    expect(batch.activities).toEqual([]);
    expect(outcomes[0]!.issues.map((i) => [i.severity, i.message])).toEqual([
      [
        'error',
        'The file carries no event date and has no Order Date to guess one from: 2 attendances not imported. Enter the event date to import them.',
      ],
    ]);
  });

  it('dated at, and the warning names, the day in the import zone (an order at 08:00 on 1 April in Tokyo is 31 March 23:00 UTC)', () => {
    const { batch, outcomes } = importText(
      'Spring Meetup - Attendees.csv',
      'Order #,Order Date,First Name,Last Name,Email,Attendee #,Attendee Status\n1,2025-04-01 08:00,Ada,W,ada@example.org,1,Checked In\n',
      { timeZone: 'Asia/Tokyo' },
    );
    // Midnight of 1 April in Tokyo (31 March 15:00 UTC): the day, which the app shows as the date alone
    // (formatDateTime), not the order's 08:00 as if someone attended then.
    expect(batch.activities.map((a) => a.at)).toEqual([Date.UTC(2025, 2, 31, 15)]);
    expect(outcomes[0]!.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('attendances are dated 2025-04-01, the latest Order Date'),
    ]);
  });
});

describe('recurring events that share a name: each session is an event of its own', () => {
  const LUMA_HEADER = 'api_id,name,email,created_at,approval_status,checked_in_at';
  const luma = (name: string, rows: string[]) => importText(name, [LUMA_HEADER, ...rows].join('\n')).batch;
  const MEETUP_HEADER =
    'Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes';
  const meetup = (rows: string[], eventDate?: number) =>
    importText('Weekly Weave.csv', [MEETUP_HEADER, ...rows].join('\n'), eventDate ? { eventDate } : {}).batch;

  it('Luma: a member at two sessions of "Weekly Jam" attends twice; a re-export of a session adds nothing', () => {
    const feb = luma('Weekly Jam - Guests - 2025-02-02-09-00-00.csv', [
      'g1,Ana,a@example.org,2025-01-20T10:00:00Z,approved,2025-02-01T18:00:00Z',
    ]);
    const mar = [
      'g1,Ana,a@example.org,2025-02-20T10:00:00Z,approved,2025-03-08T18:00:00Z',
      'g2,Bo,b@example.org,2025-02-21T10:00:00Z,approved,2025-03-08T18:01:00Z',
    ];
    const acc = new RecordAccumulator();
    acc.add(feb);
    acc.add(luma('Weekly Jam - Guests - 2025-03-09-09-00-00.csv', mar));
    // The March session exported again later (another export time in the name): the same keys.
    acc.add(luma('Weekly Jam - Guests - 2025-03-20-12-00-00.csv', mar));
    const attends = acc.result().activities;
    expect(attends.map((a) => [a.personKey, a.at, a.channel])).toEqual([
      ['luma:a@example.org', utc('2025-02-01T18:00:00Z'), 'luma:event:weekly jam#2025-02-01'],
      ['luma:a@example.org', utc('2025-03-08T18:00:00Z'), 'luma:event:weekly jam#2025-03-08'],
      ['luma:b@example.org', utc('2025-03-08T18:01:00Z'), 'luma:event:weekly jam#2025-03-08'],
    ]);
  });

  it('Luma: two sessions in one month are two events (distinct channels)', () => {
    const one = luma('Weekly Jam - Guests - a.csv', ['g1,Ana,a@example.org,,approved,2025-03-01T18:00:00Z']);
    const two = luma('Weekly Jam - Guests - b.csv', ['g1,Ana,a@example.org,,approved,2025-03-08T18:00:00Z']);
    const acc = new RecordAccumulator();
    acc.add(one);
    acc.add(two);
    expect(new Set(acc.result().activities.map((a) => a.channel)).size).toBe(2);
  });

  it('Meetup: two sessions’ files (other RSVPs) are two sessions; one file re-dated and imported again adds nothing', () => {
    const feb = ['Tara,Attended,user 1,,No,Yes,0,2025-02-01 10:00:00,2024-01-10 09:00:00,,'];
    const mar = ['Tara,Attended,user 1,,No,Yes,0,2025-03-01 10:00:00,2024-01-10 09:00:00,,'];
    const acc = new RecordAccumulator();
    acc.add(meetup(feb, utc('2025-02-05T00:00:00Z')));
    acc.add(meetup(mar, utc('2025-03-05T00:00:00Z')));
    // March's file again with a corrected date (the import said "enter the event date if that is
    // wrong"): the same keys, so nothing is counted twice.
    expect(acc.add(meetup(mar, utc('2025-03-06T00:00:00Z')))).toBe(0);
    expect(acc.result().activities.map((a) => [a.key, a.channel, a.at])).toEqual([
      [
        'meetup:attend:weekly weave:user 1#2025-02-01',
        'meetup:event:weekly weave#2025-02-01',
        utc('2025-02-05T00:00:00Z'),
      ],
      [
        'meetup:attend:weekly weave:user 1#2025-03-01',
        'meetup:event:weekly weave#2025-03-01',
        utc('2025-03-05T00:00:00Z'),
      ],
    ]);
  });

  it('Meetup: the session does not depend on the import time zone (a re-import in another zone keys the same)', () => {
    const rows = ['Tara,Attended,user 1,,No,Yes,0,2025-03-01 23:30:00,2024-01-10 09:00:00,,'];
    const key = (timeZone: string) =>
      importText('Weekly Weave.csv', [MEETUP_HEADER, ...rows].join('\n'), { timeZone }).batch.activities[0]!
        .key;
    expect(key('Europe/Berlin')).toBe('meetup:attend:weekly weave:user 1#2025-03-01');
    expect(key('America/Los_Angeles')).toBe(key('Europe/Berlin'));
  });
});

describe('eventbrite-attendees: Attendee Status spellings', () => {
  it('"Checked In", "Checked-In" and "checked in" are attendances; "Attending" is not', () => {
    const header =
      'Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Attendee Status';
    const { batch } = importText(
      'Spring Party - Attendees.csv',
      [
        header,
        '1,2025-03-01 10:00,A,,a@example.org,1,GA,11,Checked In',
        '2,2025-03-01 10:00,B,,b@example.org,1,GA,12,Checked-In',
        '3,2025-03-01 10:00,C,,c@example.org,1,GA,13,checked in',
        '4,2025-03-01 10:00,D,,d@example.org,1,GA,14,Attending',
      ].join('\n'),
      { eventDate: utc('2025-03-05T00:00:00Z') },
    );
    expect(batch.activities.map((a) => a.personKey)).toEqual([
      'eventbrite:a@example.org',
      'eventbrite:b@example.org',
      'eventbrite:c@example.org',
    ]);
  });
});
