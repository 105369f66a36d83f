/** Small helpers shared by the metric families. */

/** One value per axis month; `null` is "no rate" (zero denominator). */
export type Series = (number | null)[];

export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/** a ÷ b, or null when b is 0 (never NaN or Infinity). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Median of numbers (mean of the two middle values for an even count); null when empty. Sorts in place. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((x, y) => x - y);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/**
 * Median like `median`, without touching `values`: copied into a Float64Array and sorted natively
 * (numeric order, no comparator calls — ~5× faster than `Array#sort` with one on 100k values).
 */
export function medianOf(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const v = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}
