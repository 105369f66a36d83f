/**
 * Retention cohorts (metrics.md §4; Mixpanel/Amplitude style). Cohort c = members whose first_seen
 * falls in c (so `size` = new_members[c]); active[k] = cohort members with ≥ 1 community activity
 * in c + k; rate[k] = active[k] ÷ size. Members who joined a roster and never took part count in
 * `size` and never in `active`, so rate[0] can be below 1.
 */
import { monthKeyFromNumber } from '../time';
import { NO_MONTH, type MetricContext } from './context';
import type { RetentionCohort } from './types';

/** counts[c * axisLen + k] = members of cohort c (axis index) active in month c + k. */
export function retentionMatrix(ctx: MetricContext): Int32Array {
  const { ds, include, axisStart, axisLen, firstSeen } = ctx;
  const { actMonth } = ctx.zone;
  const counts = new Int32Array(axisLen * axisLen);
  const lastMonth = new Int32Array(ds.persons.length).fill(NO_MONTH);
  for (let i = 0; i < ds.n; i++) {
    if (!include[ds.source[i] as number]) continue;
    const p = ds.person[i] as number;
    const m = (actMonth[i] as number) - axisStart;
    if (lastMonth[p] === m) continue;
    lastMonth[p] = m;
    const c = firstSeen[p] as number;
    if (c < 0 || m < c) continue;
    counts[c * axisLen + (m - c)]!++;
  }
  return counts;
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
