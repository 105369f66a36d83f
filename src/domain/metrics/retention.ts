/**
 * Retention cohorts (metrics.md §4; Mixpanel/Amplitude style). Cohort c = members whose first_seen
 * falls in c (so `size` = new_members[c]); active[k] = cohort members with ≥ 1 community activity
 * in c + k; rate[k] = active[k] ÷ size. Members who joined a roster and never took part count in
 * `size` and never in `active`, so rate[0] can be below 1.
 */
import { monthKeyFromNumber } from '../time';
import type { MetricContext } from './context';
import { activityPass } from './pass';
import type { RetentionCohort } from './types';

/** counts[c * axisLen + k] = members of cohort c (axis index) active in month c + k (from the fused pass). */
export function retentionMatrix(ctx: MetricContext): Int32Array {
  return activityPass(ctx).retention;
}

/** Cohorts for every month of [from, to] (axis indices) with new members; offsets up to `to`. */
export function retentionCohorts(
  ctx: MetricContext,
  matrix: Int32Array,
  newMembers: readonly number[],
  from: number,
  to: number,
): RetentionCohort[] {
  const out: RetentionCohort[] = [];
  for (let c = from; c <= to; c++) {
    const size = newMembers[c] ?? 0;
    if (size <= 0) continue;
    const active: number[] = [];
    const rate: number[] = [];
    for (let k = 0; k <= to - c; k++) {
      const a = c + k < ctx.axisLen ? (matrix[c * ctx.axisLen + k] as number) : 0;
      active.push(a);
      rate.push(a / size);
    }
    out.push({ cohort: monthKeyFromNumber(ctx.axisStart + c), size, active, rate });
  }
  return out;
}
