import { RecordAccumulator } from '../domain/import/accumulate';
import { compareSources } from '../domain/import/summary';
import type { ActivityRecord, ImportBatch, RecordBatch, SourceSummary } from '../domain/model/records';
import { ActivityTableBuilder, type ActivityTable } from '../domain/metrics/activity-table';
import { decodeChunk, usableScores, type ActivityChunk } from './activity-chunks';
import { RECORD_TABLES, type ActivityTextsRow, type HearthDb, type Stored } from './db';
import { removeImport } from './import-writer';
import { withImportLock } from './import-lock';
import { undoImportKeepingShared, type UndoSummary } from './import-shares';

function strip<T>(row: Stored<T>): T {
  const { id: _id, importId: _importId, ...rest } = row;
  return rest as T;
}

/** Completed imports, oldest first. */
export async function listImports(db: HearthDb): Promise<ImportBatch[]> {
  const all = await db.imports.orderBy('startedAt').toArray();
  return all.filter((i) => i.status === 'complete');
}

/** The report's `sources` (metrics.md §7): one entry per imported file, sorted by file name. */
export function sourceSummaries(imports: ImportBatch[]): SourceSummary[] {
  return imports
    .map((i) => ({ file: i.fileName, format: i.format, rows: i.rows, imported: i.imported, skipped: i.skipped }))
    .sort(compareSources);
}

/**
 * An import's activity chunks in the order they were written. Read as about six key-range requests
 * sent at once rather than one: this thread deserialises the first groups while the database still
 * reads the next (one request left it waiting for the whole read, then busy with all of it). Measured
 * in Chromium, 1M activities: the Overview's load after a reload −7% (docs/performance.md); one
 * request per chunk was slower than one for all.
 */
async function importChunks(db: HearthDb, ids: string[], texts: TextsWanted, onRead: (chunks: number) => void): Promise<ActivityChunk[]> {
  const group = Math.max(8, Math.ceil(ids.length / 6));
  const reads: Promise<ActivityChunk[]>[] = [];
  for (let g = 0; g < ids.length; g += group) {
    const last = ids[Math.min(ids.length, g + group) - 1]!;
    const read = db.activityChunks.where(':id').between(ids[g]!, last, true, true).toArray();
    reads.push(read.then((cs) => withTexts(db, cs, texts)).then((cs) => (onRead(cs.length), cs)));
  }
  const seq = (c: ActivityChunk) => Number(c.id.slice(c.id.lastIndexOf(':') + 1));
  return (await Promise.all(reads)).flat().sort((a, b) => seq(a) - seq(b));
}

/**
 * Which chunks' texts stored apart (`activityTexts`, schema 2) are read with them: all, or only those
 * whose stored scores the current scorer cannot use (their texts are scored again when prepared).
 */
type TextsWanted = 'all' | 'to-score';

/** Attaches the texts stored apart to the chunks that hold only their lengths (`textLen`), as `texts` asks. */
async function withTexts(db: HearthDb, chunks: ActivityChunk[], texts: TextsWanted): Promise<ActivityChunk[]> {
  const need = chunks.filter((c) => c.textLen && !c.textPack && (texts === 'all' || !usableScores(c)));
  if (need.length === 0) return chunks;
  const rows = await db.activityTexts.bulkGet(need.map((c) => c.id));
  need.forEach((c, i) => {
    c.textPack = { pack: textsOf(rows[i], c.id), len: c.textLen! };
  });
  return chunks;
}

function textsOf(row: ActivityTextsRow | undefined, chunkId: string): string {
  // Written in the chunk's transaction and removed in the import's: only a change of the stored data
  // while reading (an undo in another tab) can leave a chunk without its texts.
  if (!row) throw new Error(`The texts of activity chunk ${chunkId} are missing: the stored data changed since it was loaded (an import undone in another tab?). Reload the page.`);
  return row.pack;
}

/**
 * Loads the texts of a dashboard's activity table that its load left in storage (see
 * `loadDatasetInput`): pages that show texts (listening, timelines, thread lists) ask for them first.
 */
export async function loadTexts(db: HearthDb, table: ActivityTable): Promise<void> {
  const missing = table.text.unloaded();
  if (missing.length === 0) return;
  const rows = await db.activityTexts.bulkGet(missing.map(([, chunkId]) => chunkId));
  missing.forEach(([pack, chunkId], i) => table.text.fill(pack, textsOf(rows[i], chunkId)));
}

/**
 * An import's records of the other tables, per table (RECORD_TABLES order): rows in their own tables
 * (written before schema 3) and in record batches, in version-id order — the order one table's rows
 * come in, so that which version of a record wins does not depend on how it was stored.
 */
async function importRecords(db: HearthDb, importId: string): Promise<Array<Array<{ id: string }>>> {
  const [batches, ...tables] = await Promise.all([
    db.recordBatches.where('importId').equals(importId).toArray(),
    ...RECORD_TABLES.map((t) => db[t].where('importId').equals(importId).toArray() as Promise<Array<{ id: string }>>),
  ]);
  if (batches.length === 0) return tables;
  for (const b of batches) {
    const list = tables[RECORD_TABLES.indexOf(b.table)]!;
    for (const r of b.rows) list.push(r);
  }
  for (const list of tables) list.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return tables;
}

/** How many of the stored activity chunks have been read, of how many (called as groups arrive). */
export type LoadProgress = (chunksRead: number, chunksTotal: number) => void;

/**
 * Visits every completed import in import order, inside one read transaction: its activity chunks
 * (in written order) and its other records. The two loaders below differ only in what they make
 * of the chunks.
 */
async function readStored(
  db: HearthDb,
  texts: TextsWanted,
  visit: (chunks: ActivityChunk[], rest: Omit<RecordBatch, 'activities'>, only: boolean) => void,
  onProgress?: LoadProgress,
): Promise<ImportBatch[]> {
  return db.transaction('r', [db.imports, db.activityChunks, db.activityTexts, db.recordBatches, ...RECORD_TABLES.map((t) => db[t])], async () => {
    const imports = await listImports(db);
    // Chunk ids (`<importId>:<seq>`) sort as strings, so consecutive ids bound a range of one import.
    const ids = await Promise.all(imports.map(async (imp) => ((await db.activityChunks.where('importId').equals(imp.id).primaryKeys()) as string[]).sort()));
    const total = ids.reduce((n, list) => n + list.length, 0);
    let read = 0;
    onProgress?.(0, total);
    for (const [i, imp] of imports.entries()) {
      const chunks = await importChunks(db, ids[i]!, texts, (n) => onProgress?.((read += n), total));
      const [persons, campaigns, subscriptions, socialPosts, dailyValues] = await importRecords(db, imp.id);
      // One import: its activity keys are unique (ImportWriter drops repeats), no key set needed.
      visit(
        chunks,
        {
          persons: (persons ?? []).map((r) => strip(r as Stored<RecordBatch['persons'][number]>)),
          campaigns: (campaigns ?? []).map((r) => strip(r as Stored<RecordBatch['campaigns'][number]>)),
          subscriptions: (subscriptions ?? []).map((r) => strip(r as Stored<RecordBatch['subscriptions'][number]>)),
          socialPosts: (socialPosts ?? []).map((r) => strip(r as Stored<RecordBatch['socialPosts'][number]>)),
          dailyValues: (dailyValues ?? []).map((r) => strip(r as Stored<RecordBatch['dailyValues'][number]>)),
        },
        imports.length === 1,
      );
    }
    return imports;
  });
}

/**
 * Everything stored by completed imports, combined exactly as the command combines files
 * (RecordAccumulator), in import order.
 */
export async function loadRecords(db: HearthDb): Promise<{ records: RecordBatch; imports: ImportBatch[] }> {
  const acc = new RecordAccumulator();
  const imports = await readStored(db, 'all', (chunks, rest, only) => {
    const activities: ActivityRecord[] = [];
    for (const c of chunks) decodeChunk(c, activities);
    acc.add({ activities, ...rest }, only);
  });
  return { records: acc.result(), imports };
}

/**
 * What the metric engine needs (`prepareDataset`'s input), with the activities as columns built
 * straight from the chunks (metrics/activity-table.ts) — no object per activity. Combined like
 * `loadRecords`: across imports the first activity with a key wins. Texts stored apart are not read
 * (the metrics use the stored scores) except where those scores are stale: `loadTexts` reads the rest
 * when a page needs them. In Chromium, the texts of 1M chat messages (146 MB) took 0.5–1.5 s to read,
 * the rest of their chunks 0.25–0.65 s.
 */
export async function loadDatasetInput(db: HearthDb, onProgress?: LoadProgress): Promise<{ records: RecordBatch; activities: ActivityTable; imports: ImportBatch[] }> {
  const acc = new RecordAccumulator();
  let table: ActivityTableBuilder | undefined;
  const imports = await readStored(db, 'to-score', (chunks, rest, only) => {
    table ??= new ActivityTableBuilder(!only);
    table.reserve(chunks.reduce((n, c) => n + c.count, 0));
    // Taken off the list as copied: a chunk's columns need not outlive its copy.
    for (let c = chunks.shift(); c; c = chunks.shift()) table.addColumns(c, usableScores(c));
    acc.add({ activities: [], ...rest });
  }, onProgress);
  return { records: acc.result(), activities: (table ?? new ActivityTableBuilder(false)).build(), imports };
}

/**
 * Undo an import from the history: removes what it added — but what another listed import also holds
 * stays, as that import's (import-shares.ts).
 */
export async function undoImport(db: HearthDb, importId: string): Promise<UndoSummary> {
  return undoImportKeepingShared(db, importId);
}

/**
 * Rolls back imports left `pending` by a closed tab or a killed worker (DESIGN.md: atomic imports).
 * Returns the file names rolled back, so the user can be told.
 */
export async function recoverPendingImports(db: HearthDb): Promise<string[]> {
  // Holding the import lock (import-lock.ts): an import running in another tab is pending too, and
  // is not rolled back — this waits for it to end; a pending import seen with the lock held is one
  // whose tab or worker died (its lock went with it).
  return withImportLock(async () => {
    const pending = await db.imports.where('status').equals('pending').toArray();
    for (const p of pending) await removeImport(db, p.id);
    return pending.map((p) => p.fileName);
  });
}

/**
 * Every table emptied, in one transaction: what "Delete all data" does first (delete-all.ts), so the
 * data is gone from Hearth's view whether or not the browser then deletes the database's files.
 */
export async function clearAllTables(db: HearthDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
  });
}
