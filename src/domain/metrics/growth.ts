/**
 * Growth accounting (metrics.md §3; PostHog's lifecycle): new_active, retained, resurrected,
 * churned and quick_ratio. Activities are in time order, so the month a member was last active
 * before m is known when we meet their first activity of m:
 *   none → new_active; m − 1 → retained; earlier → resurrected.
 * churned[m] = active[m − 1] − retained[m].
 */
import type { MetricContext } from './context';
import { activityPass } from './pass';
import { ratio, type Series } from './series';

export interface GrowthSeries {
  new_active: number[];
  retained: number[];
  resurrected: number[];
  churned: number[];
  quick_ratio: Series;
}

export function growthSeries(ctx: MetricContext): GrowthSeries {
  const pass = activityPass(ctx);
  const active = pass.active;
  const newActive = Array.from(pass.newActive);
  const retained = Array.from(pass.retained);
  const resurrected = Array.from(pass.resurrected);
  const churned = retained.map((r, m) => (m === 0 ? 0 : (active[m - 1] as number) - r));
  const quick = churned.map((c, m) => ratio((newActive[m] as number) + (resurrected[m] as number), c));
  return { new_active: newActive, retained, resurrected, churned, quick_ratio: quick };
}
