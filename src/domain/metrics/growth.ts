/**
 * Growth accounting (metrics.md §3; PostHog's lifecycle): new_active, retained, resurrected,
 * churned and quick_ratio. Activities are in time order, so the month a member was last active
 * before m is known when we meet their first activity of m:
 *   none → new_active; m − 1 → retained; earlier → resurrected.
 * churned[m] = active[m − 1] − retained[m].
 */
import { NO_MONTH, type MetricContext } from './context';
import { ratio, zeros, type Series } from './series';

export interface GrowthSeries {
  new_active: number[];
  retained: number[];
  resurrected: number[];
  churned: number[];
  quick_ratio: Series;
}

export function growthSeries(ctx: MetricContext): GrowthSeries {
  const { ds, include, axisStart, axisLen } = ctx;
  const { actMonth } = ctx.zone;
  const newActive = zeros(axisLen);
  const retained = zeros(axisLen);
  const resurrected = zeros(axisLen);
  const active = zeros(axisLen);
  const lastMonth = new Int32Array(ds.persons.length).fill(NO_MONTH);
  for (let i = 0; i < ds.n; i++) {
    if (!include[ds.source[i] as number]) continue;
    const m = (actMonth[i] as number) - axisStart;
    const p = ds.person[i] as number;
    const prev = lastMonth[p] as number;
    if (prev === m) continue;
    lastMonth[p] = m;
    active[m]!++;
    if (prev === NO_MONTH) newActive[m]!++;
    else if (prev === m - 1) retained[m]!++;
    else resurrected[m]!++;
  }
  const churned = active.map((_, m) => (m === 0 ? 0 : (active[m - 1] as number) - (retained[m] as number)));
  const quick = churned.map((c, m) => ratio((newActive[m] as number) + (resurrected[m] as number), c));
  return { new_active: newActive, retained, resurrected, churned, quick_ratio: quick };
}
