/**
 * Engagement (metrics.md §3): active_members, new_members, contributions, stickiness.
 */
import { daysInMonth } from '../time';
import { NO_MONTH, type MetricContext } from './context';
import { ratio, zeros, type Series } from './series';

export interface EngagementSeries {
  active_members: number[];
  new_members: number[];
  contributions: number[];
  stickiness: Series;
}

export function engagementSeries(ctx: MetricContext): EngagementSeries {
  const { ds, include, axisStart, axisLen } = ctx;
  const { actMonth, actDay } = ctx.zone;
  const active = zeros(axisLen);
  const contributions = zeros(axisLen);
  // Σ over the days of m of DAU(d) = number of distinct (member, day) pairs in m.
  const memberDays = zeros(axisLen);
  const lastMonth = new Int32Array(ds.persons.length).fill(NO_MONTH);
  const lastDay = new Int32Array(ds.persons.length).fill(-1);
  for (let i = 0; i < ds.n; i++) {
    if (!include[ds.source[i] as number]) continue;
    const m = (actMonth[i] as number) - axisStart;
    const p = ds.person[i] as number;
    contributions[m]!++;
    if (lastMonth[p] !== m) {
      lastMonth[p] = m;
      active[m]!++;
    }
    const d = actDay[i] as number;
    if (lastDay[p] !== d) {
      lastDay[p] = d;
      memberDays[m]!++;
    }
  }
  const newMembers = zeros(axisLen);
  for (let p = 0; p < ctx.firstSeen.length; p++) {
    const m = ctx.firstSeen[p] as number;
    if (m >= 0 && m < axisLen) newMembers[m]!++;
  }
  const stickiness: Series = active.map((a, m) => {
    if (a === 0) return null;
    const meanDau = (memberDays[m] as number) / daysInMonth(axisStart + m);
    return ratio(meanDau, a);
  });
  return { active_members: active, new_members: newMembers, contributions, stickiness };
}
