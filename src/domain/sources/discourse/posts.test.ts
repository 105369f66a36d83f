import { describe, expect, it } from 'vitest';
import { importFixture, utc } from '../testing';

describe('discourse-posts', () => {
  const { batch, outcomes } = importFixture('discourse-posts/posts-2025.csv');

  it('maps post 1 to a post and later posts to replies in the topic', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discourse-posts', rows: 5, imported: 4, skipped: 1 });
    expect(batch.activities.map((a) => [a.key, a.kind, a.personKey, a.threadKey, a.at])).toEqual([
      ['discourse:p:11:1', 'post', 'discourse:jane_doe', 'discourse:t:11', utc('2025-03-01T10:00:00Z')],
      ['discourse:p:11:2', 'reply', 'discourse:ana', 'discourse:t:11', utc('2025-03-01T12:30:00Z')],
      ['discourse:p:11:3', 'reply', 'discourse:system', 'discourse:t:11', utc('2025-03-02T00:00:00Z')],
      ['discourse:p:12:1', 'post', 'discourse:ana', 'discourse:t:12', utc('2025-03-05T09:15:00Z')],
    ]);
  });

  it('keeps multi-line text with quotes, titles on posts only, category as channel', () => {
    expect(batch.activities[0]).toMatchObject({
      text: 'Hello, everyone!\nSay hi below.',
      title: 'Welcome thread',
      channel: 'General',
    });
    expect(batch.activities[1]!.text).toBe('Hi Jane, "great" to be here');
    expect(batch.activities[1]!.title).toBeUndefined();
  });

  it('marks system as a bot and keys usernames case-insensitively', () => {
    expect(batch.persons.map((p) => [p.key, p.bot])).toEqual([
      ['discourse:jane_doe', false],
      ['discourse:ana', false],
      ['discourse:system', true],
    ]);
  });

  it('reports the bad post number with row and column', () => {
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 6, column: 'post_number', severity: 'error' }),
    ]);
  });
});
