/** Social (metrics.md §3): social_posts, impressions, engagements (Σ over posts published in m), engagement_rate. */
import { axisIndexOf, type MetricContext } from './context';
import { ratio, zeros, type Series } from './series';

export interface SocialSeries {
  social_posts: number[];
  impressions: number[];
  engagements: number[];
  engagement_rate: Series;
}

export function socialSeries(ctx: MetricContext): SocialSeries {
  const { ds, include, axisLen } = ctx;
  const posts = zeros(axisLen);
  const impressions = zeros(axisLen);
  const engagements = zeros(axisLen);
  const s = ds.social;
  for (let i = 0; i < s.records.length; i++) {
    if (!include[s.source[i] as number]) continue;
    const m = axisIndexOf(ctx, s.at[i] as number);
    if (m < 0 || m >= axisLen) continue;
    const r = s.records[i]!;
    posts[m]!++;
    impressions[m]! += r.impressions;
    engagements[m]! += r.engagements;
  }
  return {
    social_posts: posts,
    impressions,
    engagements,
    engagement_rate: impressions.map((imp, m) => ratio(engagements[m] as number, imp)),
  };
}
