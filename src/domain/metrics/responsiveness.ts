/**
 * Responsiveness (metrics.md §3; CHAOSS Time to First Response): threads, median_ttfr_hours,
 * unanswered_share. Each `post` starts a thread; its first response (computed once in
 * prepareDataset) is the earliest `reply` in the thread by a different merged person — bots were
 * removed, so bot replies never count, and a member's replies to their own thread never count.
 */
import { KIND_POST } from './dataset';
import type { MetricContext } from './context';
import { median, ratio, zeros, type Series } from './series';

export interface ResponsivenessSeries {
  threads: number[];
  median_ttfr_hours: Series;
  unanswered_share: Series;
}

const HOUR = 3_600_000;

export function responsivenessSeries(ctx: MetricContext): ResponsivenessSeries {
  const { ds, include, axisStart, axisLen } = ctx;
  const { actMonth } = ctx.zone;
  const threads = zeros(axisLen);
  const unanswered = zeros(axisLen);
  const hours: number[][] = Array.from({ length: axisLen }, () => []);
  for (let i = 0; i < ds.n; i++) {
    if (ds.kind[i] !== KIND_POST || !include[ds.source[i] as number]) continue;
    const m = (actMonth[i] as number) - axisStart;
    threads[m]!++;
    const t = ds.ttfr[i] as number;
    if (Number.isNaN(t)) unanswered[m]!++;
    else hours[m]!.push(t / HOUR);
  }
  return {
    threads,
    median_ttfr_hours: hours.map((h) => median(h)),
    unanswered_share: threads.map((t, m) => ratio(unanswered[m] as number, t)),
  };
}
