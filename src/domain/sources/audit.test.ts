/**
 * Audit of the adapters' mapping against shared/spec/metrics.md §1–§3 where it changes numbers.
 * Each `it` cites the sentence it checks.
 */
import { describe, expect, it } from 'vitest';
import { importText, utc } from './testing';

describe('§1 "A value without one (`2024-05-01 10:00`, `May 1, 2024`) is read in the import time zone … Date-only values are midnight of that day in that zone"', () => {
  it('slack-members: `Account created (UTC)` values are date-only without a zone, so midnight in the import zone', () => {
    // "Feb 1, 2025" with import zone America/New_York → 2025-02-01 00:00 −05:00 = 05:00Z, which is
    // February in New York (read as UTC midnight it would be Jan 31, 19:00 there: the wrong month).
    const csv = 'Name,User ID,Username,Email,Account type,Account created (UTC),Days active,Messages posted\nJane Doe,U01,jane,jane@example.org,Member,"Feb 1, 2025",3,4\n';
    const { batch } = importText('Members.csv', csv, { timeZone: 'America/New_York' });
    expect(batch.persons[0]!.joinedAt).toBe(utc('2025-02-01T05:00:00Z'));
    expect(importText('Members.csv', csv).batch.persons[0]!.joinedAt).toBe(utc('2025-02-01T00:00:00Z'));
  });
});
