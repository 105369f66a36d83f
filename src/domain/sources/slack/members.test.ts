import { describe, expect, it } from 'vitest';
import { importFixture, utc } from '../testing';

describe('slack-members', () => {
  const { batch, outcomes } = importFixture('slack-members/Hearth Friends Members - Mar 1, 2025.csv');

  it('is recognised with a BOM and columns in another order', () => {
    expect(outcomes[0]).toMatchObject({ format: 'slack-members', rows: 5, imported: 4, skipped: 1 });
  });

  it('builds a roster keyed by Slack user id, joined at `Account created (UTC)`', () => {
    expect(batch.persons).toEqual([
      {
        key: 'slack:U01JANE',
        source: 'slack',
        name: 'Jane Doe',
        handle: 'jane.doe',
        email: 'jane.doe@example.org',
        joinedAt: utc('2025-02-16T00:00:00Z'),
        roster: true,
        bot: false,
      },
      {
        key: 'slack:U02ANA',
        source: 'slack',
        name: 'Ana Lima',
        handle: 'ana',
        email: 'ana@example.org',
        joinedAt: utc('2025-03-02T00:00:00Z'),
        roster: true,
        bot: false,
      },
      {
        key: 'slack:B03BOT',
        source: 'slack',
        name: 'Standup Bot',
        handle: 'standup',
        joinedAt: utc('2025-01-10T00:00:00Z'),
        roster: true,
        bot: true,
      },
      {
        key: 'slack:U04GONE',
        source: 'slack',
        name: 'Former Member',
        handle: 'former',
        email: 'former@example.org',
        joinedAt: utc('2024-09-01T00:00:00Z'),
        roster: true,
        bot: false,
      },
    ]);
    expect(batch.activities).toEqual([]);
  });

  it('reads the date-only values in the import zone', () => {
    // Changed by the metrics audit: metrics.md §1 "A value without one (`2024-05-01 10:00`,
    // `May 1, 2024`) is read in the import time zone … Date-only values are midnight of that day in
    // that zone." `Feb 16, 2025` carries no zone (the header's "(UTC)" is not in the value), so in
    // Asia/Tokyo (+09:00) it is 2025-02-16 00:00 +09:00 = 2025-02-15T15:00Z.
    const other = importFixture('slack-members/Hearth Friends Members - Mar 1, 2025.csv', {
      timeZone: 'Asia/Tokyo',
    });
    expect(other.batch.persons[0]!.joinedAt).toBe(utc('2025-02-15T15:00:00Z'));
  });

  it('reports the row with no identity', () => {
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 6, column: 'User ID', severity: 'error' }),
    ]);
  });
});
