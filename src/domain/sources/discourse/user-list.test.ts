import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, importBytesForTest, importFixture, utc } from '../testing';

describe('discourse-user-list', () => {
  const zipped = importFixture('discourse-user-list/user-list-250301-101010.zip');

  it('opens the zip and reads the CSV inside it', () => {
    expect(zipped.outcomes).toHaveLength(1);
    expect(zipped.outcomes[0]).toMatchObject({
      file: 'user-list-250301-101010.zip › user-list-250301-101010.csv',
      format: 'discourse-user-list',
      rows: 6,
      imported: 5,
      skipped: 1,
    });
  });

  it('builds the roster: join dates, emails, bots, staged users, stripped extra quotes', () => {
    expect(zipped.batch.persons).toEqual([
      {
        key: 'discourse:system',
        source: 'discourse',
        handle: 'system',
        name: 'system',
        joinedAt: utc('2024-01-01T00:00:00Z'),
        roster: true,
        bot: true,
      },
      {
        key: 'discourse:discobot',
        source: 'discourse',
        handle: 'discobot',
        name: 'discobot',
        joinedAt: utc('2024-01-01T00:00:00Z'),
        roster: true,
        bot: true,
      },
      {
        key: 'discourse:jane_doe',
        source: 'discourse',
        handle: 'jane_doe',
        name: 'Doe, Jane',
        email: 'jane.doe@example.org',
        joinedAt: utc('2024-05-01T18:22:10Z'),
        roster: true,
        bot: false,
      },
      {
        key: 'discourse:ana',
        source: 'discourse',
        handle: 'ana',
        name: 'Ana Lima',
        email: 'ana@example.org',
        joinedAt: utc('2025-01-15T08:00:00Z'),
        roster: true,
        bot: false,
      },
      {
        key: 'discourse:ghost_guest',
        source: 'discourse',
        handle: 'ghost_guest',
        email: 'guest@example.org',
        roster: false,
        bot: false,
      },
    ]);
    expect(zipped.outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 7, column: 'created_at', severity: 'error' }),
    ]);
  });

  it('reads the plain CSV the same way as the zip', () => {
    const plain = importBytesForTest(
      'user-list-250301-101010.csv',
      new Uint8Array(readFileSync(join(FIXTURES, 'discourse-user-list/user-list-250301-101010.csv'))),
    );
    expect(plain.batch.persons).toEqual(zipped.batch.persons);
  });

  it('reads older exports with `blocked` and without `staged`', () => {
    const old = importFixture('discourse-user-list/user_list_old.csv');
    expect(old.outcomes[0]!.format).toBe('discourse-user-list');
    expect(old.batch.persons).toEqual([
      {
        key: 'discourse:old_timer',
        source: 'discourse',
        handle: 'old_timer',
        name: 'Old Timer',
        email: 'old@example.org',
        joinedAt: utc('2019-06-30T23:59:59Z'),
        roster: true,
        bot: false,
      },
    ]);
  });
});
