import { describe, expect, it } from 'vitest';
import type { CampaignRecord, SubscriptionEventRecord } from '../model/records';
import { batch, byMonth, report } from './testing';

const campaign = (key: string, iso: string, delivered: number, uniqueOpens: number, uniqueClicks: number): CampaignRecord => ({
  key,
  source: 'mailchimp',
  title: key,
  sentAt: Date.parse(iso),
  delivered,
  uniqueOpens,
  uniqueClicks,
});
const sub = (email: string, type: 'subscribe' | 'unsubscribe', iso: string): SubscriptionEventRecord => ({
  key: `${email}:${type}`,
  source: 'mailchimp',
  email,
  type,
  at: Date.parse(iso),
});

/*
 * Campaigns (UTC, 2025):
 *   Jan: c1 delivered 100, opens 40, clicks 10; c2 delivered 300, opens 60, clicks 20
 *        → sent 2, delivered 400, open 100/400 = 0.25, click 30/400 = 0.075, click-to-open 30/100 = 0.3
 *   Feb: none → 0, 0, null, null, null
 *   Mar: c3 everything bounced: delivered 0, opens 0 → sent 1, delivered 0, rates null
 * Subscription events:
 *   2024-12-15 x subscribes; Jan y, z subscribe; Feb w subscribes, y unsubscribes; Mar z is cleaned
 *   (an unsubscribe event). Period Jan–Mar:
 *   net:   Jan +2, Feb +1 −1 = 0, Mar −1
 *   total: Jan 1 + 2 = 3 (x counts: it subscribed before the period), Feb 3, Mar 2
 */
const fixture = () =>
  batch({
    campaigns: [
      campaign('c1', '2025-01-10T09:00:00Z', 100, 40, 10),
      campaign('c2', '2025-01-24T09:00:00Z', 300, 60, 20),
      campaign('c3', '2025-03-10T09:00:00Z', 0, 0, 0),
    ],
    subscriptions: [
      sub('x@x.org', 'subscribe', '2024-12-15T00:00:00Z'),
      sub('y@x.org', 'subscribe', '2025-01-02T00:00:00Z'),
      sub('z@x.org', 'subscribe', '2025-01-03T00:00:00Z'),
      sub('w@x.org', 'subscribe', '2025-02-02T00:00:00Z'),
      sub('y@x.org', 'unsubscribe', '2025-02-20T00:00:00Z'),
      sub('z@x.org', 'unsubscribe', '2025-03-20T00:00:00Z'),
    ],
  });
const period = { from: '2025-01', to: '2025-03' };

describe('campaigns_sent', () => {
  it('counts campaigns by send month; 0 in a month without', () => {
    expect(byMonth(report(fixture(), period), 'campaigns_sent')).toEqual({ '2025-01': 2, '2025-02': 0, '2025-03': 1 });
  });
});

describe('emails_delivered', () => {
  it('sums delivered over the month’s campaigns', () => {
    expect(byMonth(report(fixture(), period), 'emails_delivered')).toEqual({ '2025-01': 400, '2025-02': 0, '2025-03': 0 });
  });
});

describe('open_rate', () => {
  it('is Σ unique opens ÷ Σ delivered (not the mean of per-campaign rates); null when nothing was delivered', () => {
    // Mean of per-campaign rates would be (0.4 + 0.2) / 2 = 0.3; the contract wants 0.25.
    expect(byMonth(report(fixture(), period), 'open_rate')).toEqual({ '2025-01': 0.25, '2025-02': null, '2025-03': null });
  });
});

describe('click_rate', () => {
  it('is Σ unique clicks ÷ Σ delivered', () => {
    expect(byMonth(report(fixture(), period), 'click_rate')).toEqual({ '2025-01': 0.075, '2025-02': null, '2025-03': null });
  });
});

describe('click_to_open', () => {
  it('is Σ unique clicks ÷ Σ unique opens; null with no opens', () => {
    expect(byMonth(report(fixture(), period), 'click_to_open')).toEqual({ '2025-01': 0.3, '2025-02': null, '2025-03': null });
  });
});

describe('subscribers_total', () => {
  it('is subscribe events minus unsubscribe/cleaned events up to the end of m, counting events before the period', () => {
    const r = report(fixture(), period);
    expect(byMonth(r, 'subscribers_total')).toEqual({ '2025-01': 3, '2025-02': 3, '2025-03': 2 });
    expect(r.totals.subscribers).toBe(2);
  });

  it('keeps its level in months after the last event', () => {
    expect(report(fixture(), { from: '2025-04', to: '2025-05' }).series.subscribers_total).toEqual([2, 2]);
  });
});

describe('subscribers_net', () => {
  it('is subscribe events − unsubscribe/cleaned events in m', () => {
    expect(byMonth(report(fixture(), period), 'subscribers_net')).toEqual({ '2025-01': 2, '2025-02': 0, '2025-03': -1 });
  });
});
