/** Normalised email (metrics.md §2): trimmed, lower-cased; undefined when the value is not an email. */
export function normaliseEmail(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const v = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(v) ? v : undefined;
}
