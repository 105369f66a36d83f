/**
 * The Sentiment page's data: per month of the period, how many texts were scored positive,
 * negative and neutral (metrics.md §3: post/reply/message activities with non-empty text; labels
 * include the user's corrections), and the same per source over the period. Shares are computed
 * exactly as the report's `sentiment_*_share` series (count ÷ texts), so the page and the
 * downloaded JSON agree; neutral = 1 − positive − negative where there is text.
 */
import { getContext } from '../metrics/context';
import { SENT_NEGATIVE, SENT_NONE, SENT_POSITIVE, type Dataset } from '../metrics/dataset';
import { resolvePeriod } from '../metrics/report';
import type { MonthKey, ReportOptions } from '../metrics/types';
import { monthKeyFromNumber } from '../time';

export interface SentimentCounts {
  texts: number;
  positive: number;
  negative: number;
  neutral: number;
  /** null when there is no text. */
  positiveShare: number | null;
  negativeShare: number | null;
  neutralShare: number | null;
  /** positive share − negative share; null when there is no text. */
  net: number | null;
}

export interface SentimentBreakdown {
  months: MonthKey[];
  /** One entry per month of `months`. */
  monthly: SentimentCounts[];
  /** Per source namespace over the whole period (sources without text left out), most texts first. */
  bySource: Array<SentimentCounts & { source: string }>;
  /** Over the whole period. */
  total: SentimentCounts;
}

function counts(texts: number, positive: number, negative: number): SentimentCounts {
  const neutral = texts - positive - negative;
  if (texts === 0) return { texts, positive, negative, neutral, positiveShare: null, negativeShare: null, neutralShare: null, net: null };
  const p = positive / texts;
  const n = negative / texts;
  return { texts, positive, negative, neutral, positiveShare: p, negativeShare: n, neutralShare: 1 - p - n, net: p - n };
}

export function sentimentBreakdown(ds: Dataset, options: ReportOptions = {}): SentimentBreakdown {
  const ctx = getContext(ds, options);
  const period = resolvePeriod(ctx, options);
  if (!period) return { months: [], monthly: [], bySource: [], total: counts(0, 0, 0) };
  const len = period.to - period.from + 1;
  const S = ds.sources.length;
  const mT = new Array<number>(len).fill(0);
  const mP = new Array<number>(len).fill(0);
  const mN = new Array<number>(len).fill(0);
  const sT = new Array<number>(S).fill(0);
  const sP = new Array<number>(S).fill(0);
  const sN = new Array<number>(S).fill(0);
  const { actMonth } = ctx.zone;
  for (let i = 0; i < ds.n; i++) {
    const s = ds.sentiment[i] as number;
    const src = ds.source[i] as number;
    if (s === SENT_NONE || !ctx.include[src]) continue;
    const m = (actMonth[i] as number) - period.from;
    if (m < 0 || m >= len) continue;
    mT[m]!++;
    sT[src]!++;
    if (s === SENT_POSITIVE) {
      mP[m]!++;
      sP[src]!++;
    } else if (s === SENT_NEGATIVE) {
      mN[m]!++;
      sN[src]!++;
    }
  }
  const months: MonthKey[] = [];
  for (let m = period.from; m <= period.to; m++) months.push(monthKeyFromNumber(m));
  const bySource = ds.sources
    .map((source, i) => ({ source, ...counts(sT[i] as number, sP[i] as number, sN[i] as number) }))
    .filter((s) => s.texts > 0)
    .sort((a, b) => b.texts - a.texts || (a.source < b.source ? -1 : 1));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    months,
    monthly: months.map((_, m) => counts(mT[m] as number, mP[m] as number, mN[m] as number)),
    bySource,
    total: counts(sum(mT), sum(mP), sum(mN)),
  };
}
