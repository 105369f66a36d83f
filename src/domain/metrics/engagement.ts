/**
 * Engagement (metrics.md §3): active_members, new_members, contributions, stickiness.
 */
import { daysInMonth } from '../time';
import type { MetricContext } from './context';
import { activityPass } from './pass';
import { ratio, zeros, type Series } from './series';

export interface EngagementSeries {
  active_members: number[];
  new_members: number[];
  contributions: number[];
  stickiness: Series;
}

export function engagementSeries(ctx: MetricContext): EngagementSeries {
  const { axisStart, axisLen } = ctx;
  const pass = activityPass(ctx);
  const active = Array.from(pass.active);
  const newMembers = zeros(axisLen);
  for (let p = 0; p < ctx.firstSeen.length; p++) {
    const m = ctx.firstSeen[p] as number;
    if (m >= 0 && m < axisLen) newMembers[m]!++;
  }
  const stickiness: Series = active.map((a, m) => {
    if (a === 0) return null;
    // mean over every calendar day of m of DAU(d), days without activity included
    const meanDau = (pass.memberDays[m] as number) / daysInMonth(axisStart + m);
    return ratio(meanDau, a);
  });
  return { active_members: active, new_members: newMembers, contributions: Array.from(pass.contributions), stickiness };
}
