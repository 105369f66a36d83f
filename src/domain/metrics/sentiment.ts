/**
 * Sentiment (metrics.md §3): over post/reply/message activities with non-empty text, the share
 * labelled positive (score ≥ 0.05) and negative (score ≤ −0.05); net = positive − negative share.
 * Labels were computed once in prepareDataset (scorer + the user's overrides).
 */
import type { MetricContext } from './context';
import { activityPass } from './pass';
import { ratio, type Series } from './series';

export interface SentimentSeries {
  sentiment_positive_share: Series;
  sentiment_negative_share: Series;
  net_sentiment: Series;
}

export function sentimentSeries(ctx: MetricContext): SentimentSeries {
  const pass = activityPass(ctx);
  const texts = Array.from(pass.texts);
  const positive = texts.map((t, m) => ratio(pass.positive[m] as number, t));
  const negative = texts.map((t, m) => ratio(pass.negative[m] as number, t));
  return {
    sentiment_positive_share: positive,
    sentiment_negative_share: negative,
    net_sentiment: positive.map((p, m) => (p === null ? null : p - (negative[m] as number))),
  };
}
