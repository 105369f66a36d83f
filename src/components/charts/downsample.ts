/**
 * Downsampling for long histories: Largest-Triangle-Three-Buckets (Steinarsson 2013) picks the
 * indices that keep a line's shape. Nulls (months with no rate) are never dropped: a gap stays a gap.
 */
export const MAX_POINTS = 1500;

/** Indices (ascending) of at most `max` points of `values` that keep the line's shape. */
export function lttbIndices(values: readonly (number | null)[], max: number): number[] {
  const n = values.length;
  if (max >= n || n <= 2) return Array.from({ length: n }, (_, i) => i);
  const keep = Math.max(2, max);
  const out: number[] = [0];
  const bucket = (n - 2) / (keep - 2);
  let a = 0;
  const y = (i: number) => values[i] ?? 0;
  for (let b = 0; b < keep - 2; b++) {
    const start = Math.floor(b * bucket) + 1;
    const end = Math.min(n - 1, Math.floor((b + 1) * bucket) + 1);
    // Average of the next bucket (the last point for the final bucket).
    const nStart = end;
    const nEnd = Math.min(n, Math.floor((b + 2) * bucket) + 1);
    let ax = 0;
    let ay = 0;
    const cnt = Math.max(1, nEnd - nStart);
    for (let i = nStart; i < nEnd; i++) {
      ax += i;
      ay += y(i);
    }
    if (nEnd <= nStart) {
      ax = n - 1;
      ay = y(n - 1);
    } else {
      ax /= cnt;
      ay /= cnt;
    }
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      if (values[i] === null) {
        best = i;
        break;
      }
      const area = Math.abs((a - ax) * (y(i) - y(a)) - (a - i) * (ay - y(a)));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(n - 1);
  return out;
}

/**
 * Rows to draw for several series sharing an x axis: the union of each series' LTTB picks with a
 * budget of `max / series` each, so no series has more than `max` points.
 */
export function downsampleRows(
  seriesValues: ReadonlyArray<readonly (number | null)[]>,
  max = MAX_POINTS,
): number[] {
  const n = seriesValues[0]?.length ?? 0;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const budget = Math.max(2, Math.floor(max / Math.max(1, seriesValues.length)));
  const picked = new Set<number>();
  for (const values of seriesValues) for (const i of lttbIndices(values, budget)) picked.add(i);
  return [...picked].sort((x, y) => x - y);
}
