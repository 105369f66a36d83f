/** One printed figure of `npm run bench`. */
export interface Figure {
  /** What was measured. */
  name: string;
  value: number | null;
  unit: string;
  /** The peer's (or baseline's) figure for the same work, when there is one. */
  peer?: { label: string; value: number | null };
  /** value / peer.value (or another ratio the target is stated in). */
  ratio?: number | null;
  target: string;
  /** null = reported only (no target). */
  ok: boolean | null;
  note?: string;
}

export function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
