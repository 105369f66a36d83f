/**
 * Newsletter (metrics.md §3): campaigns_sent, emails_delivered, open_rate, click_rate,
 * click_to_open (campaigns by send time) and subscribers_total / subscribers_net (subscription
 * events: +1 per subscribe event, −1 per unsubscribe/cleaned event; the adapters emit both events
 * for an unsubscribed or cleaned subscriber).
 */
import { axisIndexOf, type MetricContext } from './context';
import { ratio, zeros, type Series } from './series';

export interface NewsletterSeries {
  campaigns_sent: number[];
  emails_delivered: number[];
  open_rate: Series;
  click_rate: Series;
  click_to_open: Series;
  subscribers_total: number[];
  subscribers_net: number[];
}

export function newsletterSeries(ctx: MetricContext): NewsletterSeries {
  const { ds, include, axisLen } = ctx;
  const sent = zeros(axisLen);
  const delivered = zeros(axisLen);
  const opens = zeros(axisLen);
  const clicks = zeros(axisLen);
  const c = ds.campaigns;
  for (let i = 0; i < c.records.length; i++) {
    if (!include[c.source[i] as number]) continue;
    const m = axisIndexOf(ctx, c.at[i] as number);
    if (m < 0 || m >= axisLen) continue;
    const r = c.records[i]!;
    sent[m]!++;
    delivered[m]! += r.delivered;
    opens[m]! += r.uniqueOpens;
    clicks[m]! += r.uniqueClicks;
  }
  const net = zeros(axisLen);
  const s = ds.subscriptions;
  for (let i = 0; i < s.records.length; i++) {
    if (!include[s.source[i] as number]) continue;
    const m = axisIndexOf(ctx, s.at[i] as number);
    if (m < 0 || m >= axisLen) continue;
    net[m]! += s.delta[i] as number;
  }
  const total = zeros(axisLen);
  let running = 0;
  for (let m = 0; m < axisLen; m++) {
    running += net[m] as number;
    total[m] = running;
  }
  return {
    campaigns_sent: sent,
    emails_delivered: delivered,
    open_rate: delivered.map((d, m) => ratio(opens[m] as number, d)),
    click_rate: delivered.map((d, m) => ratio(clicks[m] as number, d)),
    click_to_open: opens.map((o, m) => ratio(clicks[m] as number, o)),
    subscribers_total: total,
    subscribers_net: net,
  };
}
