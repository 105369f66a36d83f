import type { SentimentLabel } from '../domain/sentiment';
import type { CorrectionRow, HearthDb } from './db';

/**
 * The user's sentiment corrections (activity key → label). The compute engine applies them over
 * the scorer in every metric; backups carry the `corrections` table.
 */
const LABELS: readonly SentimentLabel[] = ['positive', 'negative', 'neutral'];

export function isSentimentLabel(x: unknown): x is SentimentLabel {
  return typeof x === 'string' && (LABELS as readonly string[]).includes(x);
}

/** Every correction, oldest first. */
export async function listCorrections(db: HearthDb): Promise<CorrectionRow[]> {
  const rows = await db.corrections.toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || (a.activityKey < b.activityKey ? -1 : 1));
}

/** Corrections as the metric engine takes them (`sentimentOverrides`). */
export async function correctionMap(db: HearthDb): Promise<Record<string, SentimentLabel>> {
  const out: Record<string, SentimentLabel> = {};
  for (const c of await db.corrections.toArray()) out[c.activityKey] = c.label;
  return out;
}

/** Stores (or replaces) the label of one activity. */
export async function setCorrection(db: HearthDb, activityKey: string, label: SentimentLabel, now = Date.now()): Promise<void> {
  if (!activityKey) throw new Error('A correction needs an activity key.');
  if (!isSentimentLabel(label)) throw new Error(`Not a sentiment label: ${String(label)}`);
  await db.corrections.put({ activityKey, label, createdAt: now });
}

/** Removes the correction of one activity (the scorer's label applies again). No-op when there is none. */
export async function removeCorrection(db: HearthDb, activityKey: string): Promise<void> {
  await db.corrections.delete(activityKey);
}
