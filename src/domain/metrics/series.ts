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
