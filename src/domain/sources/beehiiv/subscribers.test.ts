import { describe, expect, it } from 'vitest';
import { importFixture, importText, utc } from '../testing';

describe('beehiiv-subscribers', () => {
  const { batch, outcomes } = importFixture('beehiiv/subscribers_export_2025-03-31.csv');
  it('subscribe at created_at, unsubscribe at unsubscribed_at; audience only', () => {
    expect(outcomes[0]).toMatchObject({ format: 'beehiiv-subscribers', rows: 3, imported: 2, skipped: 1 });
    expect(batch.subscriptions.map((s) => [s.key, s.type, s.at])).toEqual([
      [
        `beehiiv:subscribe:ana@example.org:${utc('2025-01-10T10:23:10Z')}`,
        'subscribe',
        utc('2025-01-10T10:23:10Z'),
      ],
      [
        `beehiiv:subscribe:bo@example.org:${utc('2025-01-11T11:00:00Z')}`,
        'subscribe',
        utc('2025-01-11T11:00:00Z'),
      ],
      [
        `beehiiv:unsubscribe:bo@example.org:${utc('2025-02-11T11:00:00Z')}`,
        'unsubscribe',
        utc('2025-02-11T11:00:00Z'),
      ],
    ]);
    expect(batch.persons).toEqual([]);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 4, column: 'created_at', severity: 'error' }),
    ]);
  });
});

describe('beehiiv-subscribers with title-case header names (`Created At`, `Unsubscribed At`)', () => {
  it('is recognised and gives the same events as the snake_case export', () => {
    const { batch, outcomes } = importFixture('beehiiv/subscribers_export_title_case.csv');
    expect(outcomes[0]).toMatchObject({ format: 'beehiiv-subscribers', rows: 3, imported: 2, skipped: 1 });
    expect(batch.subscriptions.map((s) => [s.email, s.type, s.at])).toEqual([
      ['ana@example.org', 'subscribe', utc('2025-01-10T10:23:10Z')],
      ['bo@example.org', 'subscribe', utc('2025-01-11T11:00:00Z')],
      ['bo@example.org', 'unsubscribe', utc('2025-02-11T11:00:00Z')],
    ]);
    // The issue names the column as the file writes it.
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 4, column: 'Created At', severity: 'error' }),
    ]);
  });

  it('settles day/month order for `Created At` from its own values', () => {
    const csv =
      'Email,Status,Tier,Created At,Unsubscribed At\na@example.org,active,free,13/01/2025 10:00,\nb@example.org,active,free,01/02/2025 10:00,\n';
    const { batch, outcomes } = importText('subscribers.csv', csv);
    expect(outcomes[0]!.format).toBe('beehiiv-subscribers');
    expect(batch.subscriptions.map((s) => s.at)).toEqual([
      utc('2025-01-13T10:00:00Z'),
      utc('2025-02-01T10:00:00Z'),
    ]);
    expect(outcomes[0]!.issues).toEqual([]);
  });

  it('still needs two beehiiv fields besides email and created at', () => {
    const { outcomes } = importText(
      'people.csv',
      'Email,Name,Created At,Status\na@example.org,A,2025-01-10 10:23:10 UTC,active\n',
    );
    expect(outcomes[0]!.format).not.toBe('beehiiv-subscribers');
  });
});
