import type { HearthDb, MergeRow } from './db';

/** Manual merges of two persons (metrics.md §2: stored and applied on top of the automatic ones). */
export async function listMerges(db: HearthDb): Promise<MergeRow[]> {
  return db.merges.orderBy('id').toArray();
}

export async function addMerge(db: HearthDb, a: string, b: string): Promise<MergeRow> {
  const [x, y] = a < b ? [a, b] : [b, a];
  const row: MergeRow = { id: `${x}|${y}`, a: x, b: y, createdAt: Date.now() };
  await db.merges.put(row);
  return row;
}

export async function removeMerge(db: HearthDb, id: string): Promise<void> {
  await db.merges.delete(id);
}
