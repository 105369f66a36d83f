import { describe, expect, it } from 'vitest';
import { importFixture, utc } from '../testing';

describe('beehiiv-subscribers', () => {
  const { batch, outcomes } = importFixture('beehiiv/subscribers_export_2025-03-31.csv');
  it('subscribe at created_at, unsubscribe at unsubscribed_at; audience only', () => {
    expect(outcomes[0]).toMatchObject({ format: 'beehiiv-subscribers', rows: 3, imported: 2, skipped: 1 });
    expect(batch.subscriptions.map((s) => [s.key, s.type, s.at])).toEqual([
      [`beehiiv:subscribe:ana@example.org:${utc('2025-01-10T10:23:10Z')}`, 'subscribe', utc('2025-01-10T10:23:10Z')],
      [`beehiiv:subscribe:bo@example.org:${utc('2025-01-11T11:00:00Z')}`, 'subscribe', utc('2025-01-11T11:00:00Z')],
      [`beehiiv:unsubscribe:bo@example.org:${utc('2025-02-11T11:00:00Z')}`, 'unsubscribe', utc('2025-02-11T11:00:00Z')],
    ]);
    expect(batch.persons).toEqual([]);
    expect(outcomes[0]!.issues).toEqual([expect.objectContaining({ row: 4, column: 'created_at', severity: 'error' })]);
  });
});
