import { describe, expect, it } from 'vitest';
import type { SocialPostRecord } from '../model/records';
import { act, batch, byMonth, person, report } from './testing';

const post = (key: string, iso: string, impressions: number, engagements: number): SocialPostRecord => ({
  key,
  source: 'x',
  publishedAt: Date.parse(iso),
  impressions,
  engagements,
});

/*
 * Social posts (UTC, 2025):
 *   Jan: p1 1000 impressions / 50 engagements, p2 0 / 0 → 2 posts, 1000, 50, rate 50/1000 = 0.05
 *   Feb: none → 0, 0, 0, null
 *   Mar: p3 0 impressions / 3 engagements → rate null (zero denominator, never Infinity)
 */
const social = () =>
  batch({
    socialPosts: [
      post('p1', '2025-01-05T00:00:00Z', 1000, 50),
      post('p2', '2025-01-06T00:00:00Z', 0, 0),
      post('p3', '2025-03-01T00:00:00Z', 0, 3),
    ],
  });

describe('social_posts', () => {
  it('counts posts published in m', () => {
    expect(byMonth(report(social()), 'social_posts')).toEqual({ '2025-01': 2, '2025-02': 0, '2025-03': 1 });
  });
});

describe('impressions', () => {
  it('sums impressions', () => {
    expect(byMonth(report(social()), 'impressions')).toEqual({ '2025-01': 1000, '2025-02': 0, '2025-03': 0 });
  });
});

describe('engagements', () => {
  it('sums engagements', () => {
    expect(byMonth(report(social()), 'engagements')).toEqual({ '2025-01': 50, '2025-02': 0, '2025-03': 3 });
  });
});

describe('engagement_rate', () => {
  it('is Σ engagements ÷ Σ impressions; null with no impressions', () => {
    expect(byMonth(report(social()), 'engagement_rate')).toEqual({ '2025-01': 0.05, '2025-02': null, '2025-03': null });
  });
});

/*
 * Attendances (UTC, 2025):
 *   Jan: ann and bob attend event A, ann attends event B, the bot attends event C (not counted)
 *        → events 2 (A, B), attendees 3
 *   Feb: carol attends A again (a second session of the same event) → events 1, attendees 1
 *   Mar: none → 0, 0
 */
const events = () =>
  batch({
    persons: [person('luma:bot', { bot: true })],
    activities: [
      act('luma:ann', 'attend', '2025-01-10T18:00:00Z', { channel: 'luma:event:A' }),
      act('luma:bob', 'attend', '2025-01-10T18:05:00Z', { channel: 'luma:event:A' }),
      act('luma:ann', 'attend', '2025-01-20T18:00:00Z', { channel: 'luma:event:B' }),
      act('luma:bot', 'attend', '2025-01-21T18:00:00Z', { channel: 'luma:event:C' }),
      act('luma:carol', 'attend', '2025-02-10T18:00:00Z', { channel: 'luma:event:A' }),
    ],
  });

describe('events', () => {
  it('counts distinct events with at least one attend in m', () => {
    expect(byMonth(report(events(), { to: '2025-03' }), 'events')).toEqual({ '2025-01': 2, '2025-02': 1, '2025-03': 0 });
  });
});

describe('attendees', () => {
  it('counts attend activities in m', () => {
    expect(byMonth(report(events(), { to: '2025-03' }), 'attendees')).toEqual({ '2025-01': 3, '2025-02': 1, '2025-03': 0 });
  });
});
