import { describe, expect, it } from 'vitest';
import { importFixture, importText, utc } from '../testing';

describe('discourse-likes', () => {
  const { batch, outcomes } = importFixture('discourse-likes/likes.csv');

  it('is recognised (BOM, no post_number) and reports rows read and skipped', () => {
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ format: 'discourse-likes', rows: 4, imported: 2, skipped: 2 });
  });

  it('maps each like to a reaction by the member who gave it', () => {
    expect(batch.activities).toEqual([
      {
        key: 'discourse:like:101:ana',
        source: 'discourse',
        personKey: 'discourse:ana',
        kind: 'reaction',
        at: utc('2025-03-01T12:31:00Z'),
      },
      {
        key: 'discourse:like:102:jane_doe',
        source: 'discourse',
        personKey: 'discourse:jane_doe',
        kind: 'reaction',
        at: utc('2025-03-01T13:00:00Z'),
      },
    ]);
    expect(batch.persons.map((p) => [p.key, p.roster, p.bot])).toEqual([
      ['discourse:ana', false, false],
      ['discourse:jane_doe', false, false],
    ]);
  });

  it('names the row and column of each bad row', () => {
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'created_at',
        severity: 'error',
        message: expect.stringContaining('"not a date" is not a date'),
      }),
      expect.objectContaining({
        row: 5,
        column: 'post_id',
        severity: 'error',
        message: expect.stringContaining('Missing post_id'),
      }),
    ]);
  });

  describe('a likes query with extra columns', () => {
    const like = {
      key: 'discourse:like:5:ana',
      source: 'discourse',
      personKey: 'discourse:ana',
      kind: 'reaction',
      at: utc('2025-03-01T10:00:00Z'),
    };

    it('with topic_id or post_number (not both) is still likes', () => {
      for (const file of [
        'discourse-likes/likes-with-topic.csv',
        'discourse-likes/likes-with-postnumber.csv',
      ]) {
        const { batch, outcomes } = importFixture(file);
        expect(outcomes[0]).toMatchObject({ format: 'discourse-likes', rows: 1, imported: 1, skipped: 0 });
        expect(batch.activities).toEqual([like]);
      }
      const { batch } = importText(
        'query-result.csv',
        'post_id,topic_id,username,created_at\n5,7,ana,2025-03-01T10:00:00Z\n',
      );
      expect(batch.activities).toEqual([like]);
    });

    it('with topic_id and post_number both is likes only when its name says so and it holds no post text', () => {
      const header = 'post_id,topic_id,post_number,username,created_at';
      const formatOf = (name: string, head = header, row = '5,7,2,ana,2025-03-01T10:00:00Z') =>
        importText(name, `${head}\n${row}\n`).outcomes[0]!.format;
      expect(formatOf('likes.csv')).toBe('discourse-likes');
      expect(formatOf('post-likes@forum-example-org-2025-04-02.dcqresult.csv')).toBe('discourse-likes');
      expect(importText('likes.csv', `${header}\n5,7,2,ana,2025-03-01T10:00:00Z\n`).batch.activities).toEqual(
        [like],
      );
      expect(formatOf('posts.csv')).toBe('discourse-posts');
      expect(formatOf('most-liked-posts.csv')).toBe('discourse-posts');
      expect(formatOf('likes.csv', `${header},raw`, '5,7,2,ana,2025-03-01T10:00:00Z,Hi')).toBe(
        'discourse-posts',
      );
    });
  });
});

describe('discourse-likes: a likes query joining the topic, and posts that name likes', () => {
  it('likes.csv with the topic title is likes; a posts query with like counts is never likes', () => {
    const formatOf = (name: string, head: string, row: string) =>
      importText(name, `${head}\n${row}\n`).outcomes[0]!.format;
    expect(
      formatOf('likes.csv', 'post_id,username,created_at,topic_title', '5,ana,2025-03-01T10:00:00Z,Hello'),
    ).toBe('discourse-likes');
    expect(
      formatOf(
        'top-posts-by-likes.csv',
        'post_id,topic_id,post_number,username,created_at,like_count',
        '5,7,2,ana,2025-03-01T10:00:00Z,12',
      ),
    ).not.toBe('discourse-likes');
  });
});

describe('discourse-likes: a posts file with a column missing is not likes', () => {
  it('post text (raw) keeps it posts: the posts reader names the missing column', () => {
    const { outcomes } = importText(
      'posts.csv',
      'post_id,topic_id,username,created_at,raw\n1,7,ana,2025-03-01T10:00:00Z,Hi',
    );
    expect(outcomes[0]!.format).not.toBe('discourse-likes');
  });
});
