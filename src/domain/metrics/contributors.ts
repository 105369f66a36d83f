/**
 * Top contributors (metrics.md §5): the 10 members with the most community activities inside the
 * report period, most first; ties by display name ascending (plain code-unit order, so the result
 * does not depend on the browser's locale), then by person id for full determinism.
 */
import type { MetricContext } from './context';
import type { TopContributor } from './types';

/** First activity index with time ≥ t (activities are sorted by time). */
export function lowerBound(at: Float64Array, t: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((at[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Activity index range [start, end) of axis months from … to. */
export function activityRange(ctx: MetricContext, from: number, to: number): [number, number] {
  const a = ctx.monthStartsMs[Math.max(0, from)] as number;
  const b = ctx.monthStartsMs[Math.min(ctx.axisLen, to + 1)] as number;
  return [lowerBound(ctx.ds.at, a), lowerBound(ctx.ds.at, b)];
}

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Activities per member in axis months from … to, as [personId, count] pairs, most first. */
export function contributorCounts(ctx: MetricContext, from: number, to: number): Array<[number, number]> {
  const { ds, include } = ctx;
  const [start, end] = activityRange(ctx, from, to);
  const counts = new Int32Array(ds.persons.length);
  const touched: number[] = [];
  for (let i = start; i < end; i++) {
    if (!include[ds.source[i] as number]) continue;
    const p = ds.person[i] as number;
    if (counts[p] === 0) touched.push(p);
    counts[p]!++;
  }
  const pairs = touched.map((p): [number, number] => [p, counts[p] as number]);
  pairs.sort(
    (x, y) => y[1] - x[1] || compareNames(ds.persons[x[0]]!.name, ds.persons[y[0]]!.name) || x[0] - y[0],
  );
  return pairs;
}

export function topContributors(ctx: MetricContext, from: number, to: number, limit = 10): TopContributor[] {
  const { ds, include } = ctx;
  const [start, end] = activityRange(ctx, from, to);
  const counts = new Int32Array(ds.persons.length);
  const personCol = ds.person;
  const sourceCol = ds.source;
  for (let i = start; i < end; i++) if (ctx.all || include[sourceCol[i]!]) counts[personCol[i]!]!++;
  // Select the top `limit` in one scan (no full sort): `best` stays ordered by the report's rule.
  const better = (a: number, b: number) =>
    counts[b]! - counts[a]! || compareNames(ds.persons[a]!.name, ds.persons[b]!.name) || a - b;
  const best: number[] = [];
  for (let p = 0; p < counts.length; p++) {
    if (counts[p] === 0) continue;
    if (best.length === limit && better(p, best[limit - 1]!) >= 0) continue;
    let j = best.length < limit ? best.length : limit - 1;
    best[j] = p;
    while (j > 0 && better(best[j]!, best[j - 1]!) < 0) {
      [best[j], best[j - 1]] = [best[j - 1]!, best[j]!];
      j--;
    }
  }
  return best.map((p) => ({ name: ds.persons[p]!.name, activities: counts[p]! }));
}
