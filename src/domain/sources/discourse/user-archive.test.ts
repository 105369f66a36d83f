import { describe, expect, it } from 'vitest';
import { importFixture, importText, utc } from '../testing';
import { archiveOwner, topicFromUrl } from './user-archive';

describe('discourse-user-archive', () => {
  it('takes the owner from the zip name and skips private messages', () => {
    const { batch, outcomes } = importFixture(
      'discourse-user-archive/user_archive-jane_doe-250301-101010-7.zip',
    );
    expect(outcomes[0]).toMatchObject({ format: 'discourse-user-archive', rows: 3, imported: 2, skipped: 1 });
    expect(batch.persons).toEqual([
      { key: 'discourse:jane_doe', source: 'discourse', handle: 'jane_doe', roster: false, bot: false },
    ]);
    expect(batch.activities).toEqual([
      {
        key: 'discourse:p:11:1',
        source: 'discourse',
        personKey: 'discourse:jane_doe',
        kind: 'post',
        at: utc('2025-03-01T10:00:00Z'),
        threadKey: 'discourse:t:11',
        text: 'Hello, everyone!',
        title: 'Welcome thread',
        channel: 'General',
        url: 'https://forum.example.org/t/welcome-thread/11',
      },
      {
        key: 'discourse:p:12:3',
        source: 'discourse',
        personKey: 'discourse:jane_doe',
        kind: 'reply',
        at: utc('2025-03-06T08:00:00Z'),
        threadKey: 'discourse:t:12',
        text: 'Thanks for the notes',
        channel: 'Events',
        url: 'https://forum.example.org/t/meetup-notes/12/3',
      },
    ]);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        column: 'is_pm',
        message: expect.stringContaining('1 private message'),
      }),
    ]);
  });

  it('reads the older columns (post, category) with the owner in the CSV name', () => {
    const { batch, outcomes } = importFixture(
      'discourse-user-archive/user_archive-old_timer-200101-120000.csv',
    );
    expect(outcomes[0]!.format).toBe('discourse-user-archive');
    expect(batch.activities.map((a) => [a.key, a.kind, a.personKey, a.text])).toEqual([
      ['discourse:p:5:2', 'reply', 'discourse:old_timer', 'Remember when'],
    ]);
  });

  it('reports every row when the owner cannot be known', () => {
    const { batch, outcomes } = importFixture('discourse-user-archive/user_archive.csv');
    expect(batch.activities).toEqual([]);
    expect(outcomes[0]!.issues.filter((i) => i.severity === 'error')).toHaveLength(2);
  });

  it('skips the private messages of a German or French forum (is_pm Ja/Oui, category "-")', () => {
    const { batch, outcomes } = importFixture('discourse-user-archive/user_archive-hans-250301-101010-9.csv');
    expect(outcomes[0]).toMatchObject({ format: 'discourse-user-archive', rows: 3, imported: 1, skipped: 2 });
    expect(batch.activities).toEqual([
      {
        key: 'discourse:p:12:1',
        source: 'discourse',
        personKey: 'discourse:hans',
        kind: 'post',
        at: utc('2025-03-01T10:00:00Z'),
        threadKey: 'discourse:t:12',
        text: 'Hallo zusammen',
        title: 'Hallo',
        channel: 'Allgemein',
        url: 'https://forum.example.de/t/hallo/12/1',
      },
    ]);
    expect(outcomes[0]!.issues).toEqual([
      {
        file: 'user_archive-hans-250301-101010-9.csv',
        column: 'is_pm',
        severity: 'warning',
        message: '2 private messages skipped: Hearth reads public posts only.',
      },
    ]);
  });

  it('never imports a row in category "-" or with an is_pm it does not know, and says why', () => {
    const { batch, outcomes } = importText(
      'user_archive-ana-250301-101010-3.csv',
      'topic_title,categories,is_pm,post_raw,post_cooked,like_count,reply_count,url,created_at\n' +
        'Hola,General,No,hola,<p>hola</p>,0,0,https://f.example/t/hola/1/1,2025-03-01 10:00:00 UTC\n' +
        'Privado,-,Nej,secreto,<p>x</p>,0,0,https://f.example/t/privado/2/1,2025-03-02 10:00:00 UTC\n' +
        'Equipo,Staff,Hayi,interno,<p>x</p>,0,0,https://f.example/t/equipo/3/2,2025-03-03 10:00:00 UTC\n' +
        'Chat,-,Hayi,charla,<p>x</p>,0,0,https://f.example/t/chat/4/1,2025-03-04 10:00:00 UTC\n' +
        'Otro,General,Hayi,otro,<p>x</p>,0,0,https://f.example/t/otro/5/1,2025-03-05 10:00:00 UTC\n' +
        'Sí,-,Sí,privado,<p>x</p>,0,0,https://f.example/t/si/6/1,2025-03-06 10:00:00 UTC\n' +
        'Nem,General,Nem,publico,<p>x</p>,0,0,https://f.example/t/nem/7/3,2025-03-07 10:00:00 UTC\n',
    );
    expect(outcomes[0]).toMatchObject({ rows: 7, imported: 2, skipped: 5 });
    expect(batch.activities.map((a) => [a.key, a.kind, a.text])).toEqual([
      ['discourse:p:1:1', 'post', 'hola'],
      ['discourse:p:7:3', 'reply', 'publico'],
    ]);
    expect(outcomes[0]!.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [undefined, 'is_pm', '2 private messages skipped: Hearth reads public posts only.'],
      [
        undefined,
        'categories',
        '1 post skipped: its category is "-", which Discourse writes for a private category the ' +
          "archive's owner cannot see. Hearth reads public posts only.",
      ],
      [
        4,
        'is_pm',
        '2 rows skipped: is_pm holds "Hayi", which Hearth does not know as a yes or a no, so these could ' +
          'be private messages. If "Hayi" means "no" in your forum\'s language, replace it with No in the ' +
          'is_pm column and import the file again.',
      ],
    ]);
  });

  it('parses owners and topic URLs', () => {
    expect(archiveOwner('user_archive-jane-doe-250301-101010-7.zip')).toBe('jane-doe');
    expect(archiveOwner(undefined, 'x.zip › user_archive-bob.csv')).toBe('bob');
    expect(topicFromUrl('https://f.example/t/slug/42')).toEqual({ topicId: '42', postNumber: 1 });
    expect(topicFromUrl('/t/slug/42/7?u=x')).toEqual({ topicId: '42', postNumber: 7 });
    expect(topicFromUrl('https://f.example/u/jane')).toBeNull();
  });
});
