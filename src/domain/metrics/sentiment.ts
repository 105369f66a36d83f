/**
 * Sentiment (metrics.md §3): over post/reply/message activities with non-empty text, the share
 * labelled positive (score ≥ 0.05) and negative (score ≤ −0.05); net = positive − negative share.
 * Labels were computed once in prepareDataset (scorer + the user's overrides).
 */
import { SENT_NEGATIVE, SENT_NONE, SENT_POSITIVE } from './dataset';
import type { MetricContext } from './context';
import { ratio, zeros, type Series } from './series';

export interface SentimentSeries {
  sentiment_positive_share: Series;
  sentiment_negative_share: Series;
  net_sentiment: Series;
}

export function sentimentSeries(ctx: MetricContext): SentimentSeries {
  const { ds, include, axisStart, axisLen } = ctx;
  const { actMonth } = ctx.zone;
  const texts = zeros(axisLen);
  const pos = zeros(axisLen);
  const neg = zeros(axisLen);
  for (let i = 0; i < ds.n; i++) {
    const s = ds.sentiment[i] as number;
    if (s === SENT_NONE || !include[ds.source[i] as number]) continue;
    const m = (actMonth[i] as number) - axisStart;
    texts[m]!++;
    if (s === SENT_POSITIVE) pos[m]!++;
    else if (s === SENT_NEGATIVE) neg[m]!++;
  }
  const positive = texts.map((t, m) => ratio(pos[m] as number, t));
  const negative = texts.map((t, m) => ratio(neg[m] as number, t));
  return {
    sentiment_positive_share: positive,
    sentiment_negative_share: negative,
    net_sentiment: positive.map((p, m) => (p === null ? null : p - (negative[m] as number))),
  };
}
