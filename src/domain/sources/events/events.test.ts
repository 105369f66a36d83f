import { describe, expect, it } from 'vitest';
import { importFixture, utc } from '../testing';
import { eventKey, eventNameFromFile, eventTitleFromFile } from './common';

describe('luma-guests', () => {
  const { batch, outcomes } = importFixture('luma/Hearth Spring Meetup - Guests - 2025-03-21.csv');
  it('check-ins are attends at checked_in_at in the event named by the file; registrants are audience', () => {
    expect(outcomes[0]).toMatchObject({ format: 'luma-guests', rows: 4, imported: 3, skipped: 1 });
    expect(batch.activities).toEqual([
      {
        key: 'luma:event:hearth spring meetup:attend:jane.doe@example.org',
        source: 'luma',
        personKey: 'luma:jane.doe@example.org',
        kind: 'attend',
        at: utc('2025-03-20T18:05:00Z'),
        channel: 'luma:event:hearth spring meetup',
        title: 'Hearth Spring Meetup',
      },
      {
        key: 'luma:event:hearth spring meetup:attend:leo@example.org',
        source: 'luma',
        personKey: 'luma:leo@example.org',
        kind: 'attend',
        at: utc('2025-03-20T18:20:00Z'),
        channel: 'luma:event:hearth spring meetup',
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
  it('without an event date: dated at the latest order date, with a warning', () => {
    const { batch, outcomes } = importFixture('eventbrite/Attendee Summary Report.csv');
    expect(outcomes[0]).toMatchObject({ format: 'eventbrite-attendees', rows: 3, imported: 3 });
    const latest = utc('2025-04-03T19:30:00Z'); // 2025-04-03 12:30:00-07:00
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

describe('meetup-attendees and meetup-members', () => {
  it('attendees: Attendance = Attended only, dated by ctx.eventDate or the latest RSVP', () => {
    const { batch, outcomes } = importFixture('meetup/Hearth Lisbon - March Social.csv');
    expect(outcomes[0]).toMatchObject({ format: 'meetup-attendees', rows: 4, imported: 4 });
    expect(batch.activities.map((a) => [a.key, a.personKey, a.at, a.channel])).toEqual([
      [
        'meetup:attend:hearth lisbon - march social:user 1234567',
        'meetup:user 1234567',
        utc('2025-03-03T11:00:00Z'),
        'meetup:event:hearth lisbon - march social',
      ],
      [
        'meetup:attend:hearth lisbon - march social:user 3456789',
        'meetup:user 3456789',
        utc('2025-03-03T11:00:00Z'),
        'meetup:event:hearth lisbon - march social',
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
});
