import { describe, expect, it } from 'vitest';
import { importFixture, importText, utc } from '../testing';

const FILE = 'discord/Hearth Friends - Text Channels - general [1062012345678901234].csv';

describe('discord-chat-exporter (CSV)', () => {
  const { batch, outcomes } = importFixture(FILE);

  it('maps rows to messages in the channel named by the file', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discord-chat-exporter', rows: 7, imported: 5, skipped: 2 });
    expect(batch.activities.map((a) => [a.personKey, a.kind, a.at, a.channel, a.text])).toEqual([
      [
        'discord:417711223344556677',
        'message',
        utc('2025-01-13T21:05:00Z'),
        'Hearth Friends - Text Channels - general',
        'Hello from Discord, everyone!',
      ],
      [
        'discord:1.78E+17',
        'message',
        utc('2025-01-13T21:07:00Z'),
        'Hearth Friends - Text Channels - general',
        'My id was mangled by Excel',
      ],
      [
        'discord:528822334455667788',
        'message',
        utc('2025-01-14T08:00:00Z'),
        'Hearth Friends - Text Channels - general',
        'Multi-line\nmessage with "quotes"',
      ],
      [
        'discord:528822334455667788',
        'message',
        utc('2025-02-01T10:00:00Z'),
        'Hearth Friends - Text Channels - general',
        'ok',
      ],
      [
        'discord:528822334455667788',
        'message',
        utc('2025-02-01T10:00:00Z'),
        'Hearth Friends - Text Channels - general',
        'ok',
      ],
    ]);
  });

  it('keeps two identical messages apart with stable keys, and makes no reactions from counts', () => {
    const keys = batch.activities.map((a) => a.key);
    expect(new Set(keys).size).toBe(5);
    expect(keys[4]).toBe(`${keys[3]}#2`);
    expect(importFixture(FILE).batch.activities.map((a) => a.key)).toEqual(keys);
    expect(batch.activities.some((a) => a.kind === 'reaction')).toBe(false);
  });

  it('keeps Excel-damaged ids as strings and warns once; reports bad dates', () => {
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 6, column: 'Date', severity: 'error' }),
      expect.objectContaining({
        row: 3,
        column: 'AuthorID',
        severity: 'warning',
        message: expect.stringContaining('1.78E+17'),
      }),
    ]);
    expect(batch.persons.map((p) => p.key)).toEqual([
      'discord:417711223344556677',
      'discord:1.78E+17',
      'discord:528822334455667788',
    ]);
  });

  it.each([
    ['01-Jan-20 01:33 AM', '2020-01-01T01:33:00Z'],
    ['01.02.2020 01:33', '2020-02-01T01:33:00Z'],
    ['2020-01-01T01:33:00.000+01:00', '2020-01-01T00:33:00Z'],
  ])('reads the date variant %s', (date, iso) => {
    const { batch: b } = importText(
      'c.csv',
      `"AuthorID","Author","Date","Content","Attachments","Reactions"\n"1","a","${date}","hi","",""\n`,
    );
    expect(b.activities[0]!.at).toBe(utc(iso));
  });

  it('settles day-first slash dates from the column (13/01/2020)', () => {
    const { batch: b, outcomes: o } = importText(
      'c.csv',
      `"AuthorID","Author","Date","Content","Attachments","Reactions"\n"1","a","01/02/2020 01:33","hi","",""\n"1","a","13/02/2020 01:33","hi","",""\n`,
    );
    expect(b.activities.map((a) => a.at)).toEqual([utc('2020-02-01T01:33:00Z'), utc('2020-02-13T01:33:00Z')]);
    expect(o[0]!.issues).toEqual([]);
  });
});
