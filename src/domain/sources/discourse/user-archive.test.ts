import { describe, expect, it } from 'vitest';
import { importFixture, utc } from '../testing';
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

  it('parses owners and topic URLs', () => {
    expect(archiveOwner('user_archive-jane-doe-250301-101010-7.zip')).toBe('jane-doe');
    expect(archiveOwner(undefined, 'x.zip › user_archive-bob.csv')).toBe('bob');
    expect(topicFromUrl('https://f.example/t/slug/42')).toEqual({ topicId: '42', postNumber: 1 });
    expect(topicFromUrl('/t/slug/42/7?u=x')).toEqual({ topicId: '42', postNumber: 7 });
    expect(topicFromUrl('https://f.example/u/jane')).toBeNull();
  });
});
