import { columnKeys } from '../domain/metrics/activity-table';
import type { PackedStrings } from '../domain/metrics/packed-strings';
import { keyHash, KeyHashSet } from '../domain/model/key-set';
import { versionId } from '../domain/model/keys';
import { batchSize, SCHEMA_VERSION, type ImportBatch, type ImportIssue, type RecordBatch } from '../domain/model/records';
import type { ActivityRecord } from '../domain/model/records';
import { encodeChunk, scoreChunk, selectRows, type ActivityChunk } from './activity-chunks';
import { RECORD_TABLES, type HearthDb, type ImportShareRow, type RecordTable } from './db';

/** Activities per stored chunk (docs/decisions/0001-columnar-activity-chunks.md). */
export const CHUNK_SIZE = 10_000;

/** How many new records of the other tables (persons, subscriptions…) a streamed import writes at once: one `recordBatches` row per table. */
export const RECORDS_PER_WRITE = 2_000;

export class StorageFullError extends Error {
  constructor() {
    super('The browser ran out of storage space for Hearth. Nothing from this import was kept. Free disk space, or delete old imports, then try again.');
    this.name = 'StorageFullError';
  }
}

/** A quota error, as the browser throws it or as Dexie wraps it (AbortError with an inner cause). */
export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string }; cause?: { name?: string } } | null;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError' || err?.cause?.name === 'QuotaExceededError';
}

/** How much free storage an import of `bytes` needs: stored records take about 1.5× the file. */
export const QUOTA_FACTOR = 1.5;

/**
 * Refuses a file that cannot fit, before anything is written: compares `navigator.storage.estimate()`
 * (where the browser has it) with ~1.5× the file size. Returns a message for the user, or null.
 */
export async function quotaProblem(fileName: string, bytes: number): Promise<string | null> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ quota?: number; usage?: number }> } } }).navigator?.storage;
  if (!storage?.estimate) return null;
  let est: { quota?: number; usage?: number };
  try {
    est = await storage.estimate();
  } catch {
    return null;
  }
  if (est.quota === undefined) return null;
  const free = Math.max(0, est.quota - (est.usage ?? 0));
  const needed = bytes * QUOTA_FACTOR;
  if (needed <= free) return null;
  const mb = (n: number) => `${Math.max(1, Math.round(n / 1024 / 1024)).toLocaleString('en-US')} MB`;
  return `${fileName} was not imported: it needs about ${mb(needed)} of storage, and the browser allows Hearth only ${mb(free)} more. Free disk space, or delete old imports, then try again. Nothing was kept.`;
}

function newId(): string {
  return `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Adds a chunk unless its import is no longer pending (rolled back, e.g. cancelled, while the chunk
 * was on its way): a chunk never outlives its import. Its texts' characters go to `activityTexts`
 * (the chunk keeps their lengths, `textLen`), so the dashboard's load reads none (decision 0001).
 */
export async function addChunkIfPending(db: HearthDb, chunk: ActivityChunk | null, share?: ImportShareRow): Promise<void> {
  const importId = chunk?.importId ?? share?.importId;
  if (importId === undefined) return;
  await db.transaction('rw', [db.imports, db.activityChunks, db.activityTexts, db.importShares], async () => {
    await assertPending(db, importId);
    if (chunk) await putChunk(db, chunk, 'add');
    if (share) await db.importShares.put(share);
  });
}

/** Writes a chunk, its texts apart (inside the caller's transaction). */
export async function putChunk(db: HearthDb, chunk: ActivityChunk, how: 'add' | 'put'): Promise<void> {
  const { textPack, ...rest } = chunk;
  if (!textPack) await db.activityChunks[how](chunk);
  else {
    await db.activityChunks[how]({ ...rest, textLen: textPack.len });
    await db.activityTexts[how]({ id: chunk.id, importId: chunk.importId, pack: textPack.pack });
  }
}

/** The import was rolled back from outside while it ran (its history row is gone or no longer pending). */
export class ImportStoppedError extends Error {
  constructor() {
    super('another Hearth tab stopped it (a tab opened or reloaded meanwhile took it for an unfinished import and rolled it back). Nothing was kept: import the file again');
    this.name = 'ImportStoppedError';
  }
}

/** Inside a transaction that includes `imports`: throws ImportStoppedError unless the import is still pending. */
async function assertPending(db: HearthDb, importId: string): Promise<void> {
  if ((await db.imports.get(importId))?.status !== 'pending') throw new ImportStoppedError();
}

/** Records of the tables other than activities, new ids only, each stamped with its `id` and `importId`. */
export type StoredRows = Partial<Record<RecordTable, Array<{ id: string; importId: string }>>>;

/**
 * Where an import's activity chunks and other records go. `localChunkStore` does the work on the
 * calling thread; the browser's import worker passes one that hands it to its helper worker
 * (score.worker.ts, the other core), which runs a `localChunkStore` of its own. Chunks are handled in
 * call order, and records in call order, but records do not wait behind chunks. Rejects with the
 * browser's error (QuotaExceededError when storage is full).
 */
export interface ChunkStore {
  /** Sizes the activity-key set for about `activities` more keys (an estimate), before they arrive. */
  reserve(activities: number): void;
  /**
   * Drops the chunk's activities whose keys are already stored (complete imports) or were already
   * added by this import, scores the texts of the rest (`scoreChunk`) and adds them, only while the
   * import is pending. Resolves to the number of activities added.
   */
  chunk(chunk: ActivityChunk): Promise<number>;
  /** Adds records of the other tables (already checked against stored ids), only while the import is pending. */
  records(importId: string, rows: StoredRows): Promise<void>;
}

/**
 * Keys of the activities stored by complete imports (and by `alsoImport`, e.g. a pending import whose
 * chunks count as written), as 64-bit hashes (`KeyHashSet`, ~11–16 bytes a key instead of ~100 for a
 * Set of strings). A new activity is wrongly taken for a stored one only if its key shares a 64-bit
 * hash with one of the n keys: ≈ n²/2^65 over a whole import (10M keys ≈ 3e-6); see docs/decisions/0004.
 * Hashed chunk by chunk (a cursor): no chunk's strings outlive its iteration.
 */
export async function storedActivityKeys(db: HearthDb, alsoImport?: string): Promise<KeyHashSet> {
  const counted = new Set((await db.imports.where('status').equals('complete').primaryKeys()) as string[]);
  if (alsoImport) counted.add(alsoImport);
  const keys = new KeyHashSet();
  await db.activityChunks.each((c) => {
    if (!counted.has(c.importId)) return;
    addKeys(keys, columnKeys(c));
  });
  return keys;
}

/**
 * A ChunkStore on this thread: what the helper worker runs, what small imports and tests use, and
 * the import worker's fallback when its helper fails (`alsoImport` = the import whose chunks the
 * helper already added, so they count as written). The stored keys are read at the first chunk.
 */
export function localChunkStore(db: HearthDb, alsoImport?: string): ChunkStore {
  let keys: Promise<KeyHashSet> | null = null;
  let reserve = 0;
  // Chunks in order (their keys are checked in file order); records in order among themselves, but
  // not behind the chunks: a chat export's thousands of members must not hold up its chunks.
  const chunks = serially();
  const records = serially();
  return {
    reserve(activities) {
      reserve = activities;
    },
    chunk: (chunk) =>
      chunks(async () => {
        if (alsoImport !== undefined) {
          // Taking over from a failed helper: a chunk it added before failing to answer is stored
          // under the same id — what it added counts, or an import whose only chunk that was would
          // look like "nothing new" and be rolled back.
          const done = await db.activityChunks.get(chunk.id);
          if (done) return done.count;
        }
        const set = await (keys ??= storedActivityKeys(db, alsoImport));
        if (reserve > 0) {
          set.reserve(set.size + reserve);
          reserve = 0;
        }
        const { fresh: rows, shared } = addKeys(set, columnKeys(chunk));
        // Keys already stored: this import holds them too (an undo of the import that wrote them keeps them).
        const share: ImportShareRow | undefined =
          shared.length > 0
            ? { id: `${chunk.importId}:activities:${chunk.id}`, importId: chunk.importId, table: 'activities', hashes: new Uint32Array(shared) }
            : undefined;
        if (rows.length === 0) {
          if (share) await addChunkIfPending(db, null, share);
          return 0;
        }
        await addChunkIfPending(db, scoreChunk(rows.length === chunk.count ? chunk : selectRows(chunk, rows)), share);
        return rows.length;
      }),
    records: (importId, rows) =>
      records(() =>
        db.transaction('rw', [db.imports, db.recordBatches], async () => {
          await assertPending(db, importId);
          // One row per table and call (RecordBatchRow). `put`, keyed by the first record's id: a
          // request done again (the helper failed before answering) writes the same row again.
          const batches = RECORD_TABLES.flatMap((table) => {
            const list = rows[table];
            return list?.length ? [{ id: `${importId}:${table}:${list[0]!.id}`, importId, table, rows: list }] : [];
          });
          if (batches.length) await db.recordBatches.bulkPut(batches);
        }),
      ),
  };
}

/**
 * Adds packed keys to a set (hashed where they lie, not cut out); returns the indexes of those that
 * were new, and the hashes (two words each, `keyHash`) of those that were there already.
 */
function addKeys(set: KeyHashSet, { pack, len }: PackedStrings): { fresh: number[]; shared: number[] } {
  const fresh: number[] = [];
  const shared: number[] = [];
  const h = new Uint32Array(2);
  let at = 0;
  for (let i = 0; i < len.length; i++) {
    const end = at + len[i]!;
    if (set.add(pack, at, end)) fresh.push(i);
    else {
      keyHash(pack, h, at, end);
      shared.push(h[0]!, h[1]!);
    }
    at = end;
  }
  return { fresh, shared };
}

/** Runs async work one piece after another, in call order (a failure does not stop the next piece). */
function serially(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const done = queue.then(work);
    queue = done.catch(() => undefined);
    return done;
  };
}

/** One write's records after `ImportWriter.stage`: its full activity chunks on their way to the store, and the other records. */
export interface StagedWrite {
  /** Each full chunk's store: resolves to the number of its activities added. */
  chunks: Promise<number>[];
  records: RecordBatch;
}

export interface CommitSummary {
  format: string;
  rows: number;
  imported: number;
  skipped: number;
  issues: ImportIssue[];
}

/**
 * Writes one import atomically: records are written under the import's id while it is `pending`
 * (readers ignore pending imports), chunk by chunk, and become visible in one final transaction.
 * Records whose key (and content) is already stored are not written again, so importing a file twice
 * adds nothing: activities are checked by the ChunkStore (against the keys of stored activities),
 * other records here (against stored record ids).
 */
export class ImportWriter {
  private readonly existingIds = new Map<RecordTable, Set<string>>();
  private idsRead: Promise<void> | null = null;
  private seq = 0;
  private pendingActivities: RecordBatch['activities'] = [];
  /** New records of the other tables not written yet (see `flush`), and how many. */
  private heldRows: StoredRows = {};
  private held = 0;
  /** Record writes under way (see `flush`), and the first one that failed. */
  private recordsDone: Promise<void> = Promise.resolve();
  private recordsFailed: unknown = null;
  /** Ids of records already stored (by earlier imports) that this file holds too, per table. */
  private readonly sharedIds = new Map<RecordTable, Set<string>>();
  /** Ids of the records this import wrote (a repeat inside the file is not a share). */
  private readonly written = new Set<string>();
  added = 0;
  /** Records handed to this import, new or not: none means its file holds nothing to count. */
  received = 0;

  private constructor(
    private readonly db: HearthDb,
    readonly batch: ImportBatch,
    private readonly store: ChunkStore,
  ) {}

  /**
   * Starts a pending import. Full activity chunks go to `store` (by default scored and added on
   * this thread; the import worker passes its helper worker's, which does it on the other core while
   * this one parses on).
   */
  static async begin(
    db: HearthDb,
    fileName: string,
    contentHash: string,
    store: ChunkStore = localChunkStore(db),
    /** The import time zone, kept in the history row. */
    timeZone?: string,
  ): Promise<ImportWriter> {
    const batch: ImportBatch = {
      id: newId(),
      fileName,
      format: '',
      contentHash,
      startedAt: 0,
      status: 'pending',
      rows: 0,
      imported: 0,
      skipped: 0,
      added: 0,
      issues: [],
      schemaVersion: SCHEMA_VERSION,
      ...(timeZone ? { timeZone } : {}),
    };
    try {
      // Imports are combined in the order they started (the later version of a record wins): two
      // started in the same millisecond (small files one after another) were ordered by their random
      // ids. Each now starts after every import before it.
      await db.transaction('rw', db.imports, async () => {
        const last = await db.imports.orderBy('startedAt').last();
        batch.startedAt = Math.max(Date.now(), (last?.startedAt ?? 0) + 1);
        await db.imports.add(batch);
      });
    } catch (e) {
      if (isQuotaError(e)) throw new StorageFullError();
      throw e;
    }
    return new ImportWriter(db, batch, store);
  }

  /**
   * Ids of the record versions already stored in a table, read once per import — each table's keys
   * with one key-only request (getAllKeys), and the record batches (schema 3) once for all tables —
   * instead of a bulkGet per chunk: IndexedDB charges per request, and a chat export brings its
   * thousands of members in the first chunks.
   */
  private async storedIds(table: RecordTable): Promise<Set<string>> {
    await this.prepare();
    return this.existingIds.get(table)!;
  }

  /**
   * Reads what `flush` needs (the stored record ids, `storedIds`) once, before the first write.
   * `write` calls it; a caller that stages chunks itself calls it first.
   */
  prepare(): Promise<void> {
    this.idsRead ??= (async () => {
      for (const t of RECORD_TABLES) this.existingIds.set(t, new Set((await this.db.table(t).toCollection().primaryKeys()) as string[]));
      await this.db.recordBatches.each((b) => {
        const ids = this.existingIds.get(b.table)!;
        for (const r of b.rows) ids.add(r.id);
      });
    })();
    return this.idsRead;
  }

  /**
   * Tells the store about how many activities are coming (an estimate from the file's size), so its
   * key set grows once instead of doubling step by step.
   */
  reserve(activities: number): void {
    this.store.reserve(activities);
  }

  /**
   * The synchronous half of a write: cuts full chunks of CHUNK_SIZE activities and hands each to the
   * store at once — on the helper worker, they are checked, scored and added while this thread
   * parses on. Pass the result to `flush`, in order.
   */
  stage(records: RecordBatch): StagedWrite {
    this.received += batchSize(records);
    for (const a of records.activities) this.pendingActivities.push(a);
    const chunks: Promise<number>[] = [];
    while (this.pendingActivities.length >= CHUNK_SIZE) chunks.push(this.storeChunk(this.pendingActivities.splice(0, CHUNK_SIZE)));
    return { chunks, records };
  }

  /** Encodes a chunk here (unscored) and hands it to the store (chunk ids follow the order of the calls). */
  private storeChunk(part: ActivityRecord[]): Promise<number> {
    const stored = this.store.chunk(encodeChunk(`${this.batch.id}:${this.seq++}`, this.batch.id, part, null));
    stored.catch(() => undefined); // awaited, and reported, by flush or commit
    return stored;
  }

  /**
   * Writes the new records of one chunk of the file. When the browser runs out of space, everything
   * this import wrote so far is removed before StorageFullError is thrown: nothing is half-written,
   * whatever the caller does next.
   */
  async write(records: RecordBatch): Promise<void> {
    await this.prepare();
    await this.flush(this.stage(records), 0);
  }

  /**
   * Writes what `stage` returned (see `write` for what happens when storage is full). With
   * `holdRecords` > 0 (a streamed import), new records of the other tables are written
   * `holdRecords` at a time *without waiting* for them — the store writes them beside the chunks,
   * and `commit` waits for them (a failed one fails the next flush or the commit). Written one row
   * per record (before schema 3), the bench file's 20,000 members took 2.3 s of IndexedDB and kept the
   * first seconds of a large import waiting when each slice's members were written before parsing
   * went on; as `recordBatches` rows they are ten writes.
   */
  async flush(staged: StagedWrite, holdRecords = RECORDS_PER_WRITE): Promise<void> {
    try {
      await this.flushUnsafe(staged, holdRecords);
    } catch (e) {
      if (isQuotaError(e)) {
        await this.rollback().catch(() => undefined);
        throw new StorageFullError();
      }
      throw e;
    }
  }

  private async flushUnsafe({ chunks, records }: StagedWrite, holdRecords: number): Promise<void> {
    const importId = this.batch.id;
    // Never `this.added += await c`: that reads `added` before the await and would lose what a
    // record write finishing meanwhile added.
    for (const c of chunks) {
      const added = await c;
      this.added += added;
    }
    for (const table of RECORD_TABLES) {
      const list = records[table];
      if (list.length === 0) continue;
      const stored = await this.storedIds(table);
      const byId = new Map<string, (typeof list)[number]>();
      for (const r of list) byId.set(versionId(r), r);
      const fresh: Array<(typeof list)[number] & { id: string; importId: string }> = [];
      for (const [id, r] of byId) {
        if (!stored.has(id)) fresh.push({ ...r, id, importId });
        else if (!this.written.has(id)) {
          let shared = this.sharedIds.get(table);
          if (!shared) this.sharedIds.set(table, (shared = new Set()));
          shared.add(id);
        }
      }
      for (const r of fresh) {
        stored.add(r.id);
        this.written.add(r.id);
      }
      if (fresh.length === 0) continue;
      const held = (this.heldRows[table] ??= []);
      for (const r of fresh) held.push(r);
      this.held += fresh.length;
    }
    if (this.recordsFailed) throw this.recordsFailed;
    if (this.held > 0 && this.held >= holdRecords) {
      const written = this.writeHeld();
      if (holdRecords === 0) await written;
    }
  }

  /** Starts writing the held records of the other tables. */
  private writeHeld(): Promise<void> {
    const rows = this.heldRows;
    const count = this.held;
    this.heldRows = {};
    this.held = 0;
    // The store writes records in call order; here only their end and first failure are tracked.
    const written = this.store.records(this.batch.id, rows).then(() => {
      this.added += count;
    });
    const settled = written.catch((e: unknown) => {
      this.recordsFailed ??= e;
    });
    const before = this.recordsDone;
    this.recordsDone = Promise.all([before, settled]).then(() => undefined);
    return written;
  }

  /**
   * Makes the import visible. Returns the stored history row, or null when the file added nothing
   * new (it was imported before): then no history row is kept.
   */
  async commit(summary: CommitSummary): Promise<ImportBatch | null> {
    try {
      const rest = this.pendingActivities.splice(0);
      if (rest.length) {
        const added = await this.storeChunk(rest);
        this.added += added;
      }
      if (this.held > 0) void this.writeHeld();
      await this.recordsDone;
      if (this.recordsFailed) throw this.recordsFailed;
      if (this.added === 0) {
        await this.rollback();
        return null;
      }
      await this.writeSharedIds();
      const done: ImportBatch = {
        ...this.batch,
        ...summary,
        added: this.added,
        status: 'complete',
        finishedAt: Date.now(),
      };
      // Only while still pending: a row rolled back from outside must not come back as complete, empty.
      await this.db.transaction('rw', this.db.imports, async () => {
        await assertPending(this.db, this.batch.id);
        await this.db.imports.put(done);
      });
      return done;
    } catch (e) {
      await this.rollback().catch(() => undefined);
      if (isQuotaError(e)) throw new StorageFullError();
      throw e;
    }
  }

  /** Records what this import found already stored (ImportShareRow), while it is pending. */
  private async writeSharedIds(): Promise<void> {
    const rows: ImportShareRow[] = [];
    for (const [table, ids] of this.sharedIds)
      if (ids.size > 0) rows.push({ id: `${this.batch.id}:${table}`, importId: this.batch.id, table, ids: [...ids] });
    if (rows.length === 0) return;
    await this.db.transaction('rw', [this.db.imports, this.db.importShares], async () => {
      await assertPending(this.db, this.batch.id);
      await this.db.importShares.bulkPut(rows);
    });
  }

  /** Removes everything this import wrote. */
  async rollback(): Promise<void> {
    await removeImport(this.db, this.batch.id);
  }
}

/** Deletes an import and every record it wrote, in one transaction. */
export async function removeImport(db: HearthDb, importId: string): Promise<void> {
  await db.transaction('rw', [db.imports, db.activityChunks, db.activityTexts, db.recordBatches, db.importShares, ...RECORD_TABLES.map((t) => db[t])], () =>
    removeImportRows(db, importId),
  );
}

/** The deletes of `removeImport`, inside the caller's transaction (which includes every table they touch). */
export async function removeImportRows(db: HearthDb, importId: string): Promise<void> {
  await db.importShares.where('importId').equals(importId).delete();
  await db.activityChunks.where('importId').equals(importId).delete();
  await db.recordBatches.where('importId').equals(importId).delete();
  await db.activityTexts.where('importId').equals(importId).delete();
  for (const t of RECORD_TABLES) await db[t].where('importId').equals(importId).delete();
  await db.imports.delete(importId);
}
