import { describe, expect, it } from 'vitest';
import { importFixture, utc } from '../testing';

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
});
