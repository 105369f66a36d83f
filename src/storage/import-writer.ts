import { KeyHashSet } from '../domain/model/key-set';
import { versionId } from '../domain/model/keys';
import { SCHEMA_VERSION, type ImportBatch, type ImportIssue, type RecordBatch } from '../domain/model/records';
import type { ActivityRecord } from '../domain/model/records';
import { encodeChunk, scoreColumn, type ActivityChunk } from './activity-chunks';
import { RECORD_TABLES, type HearthDb, type RecordTable } from './db';

/** Activities per stored chunk (docs/decisions/0001-columnar-activity-chunks.md). */
export const CHUNK_SIZE = 10_000;

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
 * Scores the texts of one chunk of activities (`scoreColumn`: NaN where nothing is scored), on the
 * writer's own thread by default. (Large imports in the browser pass a ChunkStore instead, which
 * scores and stores on the helper worker; an asynchronous scorer is still accepted.)
 */
export type ChunkScorer = (activities: ActivityRecord[]) => Float64Array | Promise<Float64Array>;

/**
 * Stores one encoded, unscored chunk elsewhere: the import worker passes one that hands the chunk to
 * its helper worker, which scores the texts (`scoreChunk`) and adds the chunk in a transaction of its
 * own, only while the import is still pending (`addChunkIfPending`). Rejects with the browser's error
 * (QuotaExceededError when storage is full).
 */
export type ChunkStore = (chunk: ActivityChunk) => Promise<void>;

/**
 * Adds a chunk unless its import is no longer pending (rolled back, e.g. cancelled, while the chunk
 * was on its way): a chunk never outlives its import. For a ChunkStore on another thread.
 */
export async function addChunkIfPending(db: HearthDb, chunk: ActivityChunk): Promise<void> {
  await db.transaction('rw', [db.imports, db.activityChunks], async () => {
    await assertPending(db, chunk.importId);
    await db.activityChunks.add(chunk);
  });
}

/** Inside a transaction that includes `imports`: throws unless the import is still pending. */
async function assertPending(db: HearthDb, importId: string): Promise<void> {
  if ((await db.imports.get(importId))?.status !== 'pending') throw new Error(`import ${importId} is no longer pending`);
}

/** One write's records after `ImportWriter.stage`: full activity chunks (scores on their way) and the other records. */
export interface StagedWrite {
  /** Each full chunk: its score column on its way, or (with a ChunkStore) its store on its way. */
  chunks: Array<{ part: ActivityRecord[]; score?: Float64Array | Promise<Float64Array>; stored?: Promise<void> }>;
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
 * (readers ignore pending imports), chunk by chunk in bulk transactions, and become visible in one
 * final transaction. Records whose key (and content) is already stored are not written again, so
 * importing a file twice adds nothing.
 */
export class ImportWriter {
  /**
   * Keys of the activities already stored (complete imports) and written by this import, as 64-bit
   * hashes (`KeyHashSet`, ~11–16 bytes a key instead of ~100 for a Set of strings). A new activity is
   * wrongly taken for a stored one only if its key shares a 64-bit hash with one of the n keys:
   * ≈ n²/2^65 over a whole import (10M keys ≈ 3e-6); see docs/decisions/0004.
   */
  private existingActivityKeys: KeyHashSet | null = null;
  private readonly existingIds = new Map<RecordTable, Set<string>>();
  private seq = 0;
  private pendingActivities: RecordBatch['activities'] = [];
  added = 0;

  private constructor(
    private readonly db: HearthDb,
    readonly batch: ImportBatch,
    private readonly scorer: ChunkScorer,
    private readonly store?: ChunkStore,
  ) {}

  /**
   * Starts a pending import. Full activity chunks are scored with `scorer` and added in this
   * writer's transactions — or, with `store`, encoded here and handed to `store` (another thread
   * scores and adds them while this one parses on).
   */
  static async begin(db: HearthDb, fileName: string, contentHash: string, scorer: ChunkScorer = (a) => scoreColumn(a), store?: ChunkStore): Promise<ImportWriter> {
    const batch: ImportBatch = {
      id: newId(),
      fileName,
      format: '',
      contentHash,
      startedAt: Date.now(),
      status: 'pending',
      rows: 0,
      imported: 0,
      skipped: 0,
      added: 0,
      issues: [],
      schemaVersion: SCHEMA_VERSION,
    };
    try {
      await db.imports.add(batch);
    } catch (e) {
      if (isQuotaError(e)) throw new StorageFullError();
      throw e;
    }
    return new ImportWriter(db, batch, scorer, store);
  }

  /**
   * Ids of the record versions already stored in a table, read once per import with one key-only
   * request (getAllKeys), instead of a bulkGet per chunk: IndexedDB charges per request, and a chat
   * export brings its thousands of members in the first chunks.
   */
  private async storedIds(table: RecordTable): Promise<Set<string>> {
    let ids = this.existingIds.get(table);
    if (!ids) {
      ids = new Set((await this.db.table(table).toCollection().primaryKeys()) as string[]);
      this.existingIds.set(table, ids);
    }
    return ids;
  }

  /** Hashes the stored keys chunk by chunk (a cursor): no chunk's strings outlive its iteration. */
  private async activityKeys(): Promise<KeyHashSet> {
    if (this.existingActivityKeys) return this.existingActivityKeys;
    const complete = new Set((await this.db.imports.where('status').equals('complete').primaryKeys()) as string[]);
    const keys = new KeyHashSet();
    await this.db.activityChunks.each((c) => {
      if (!complete.has(c.importId)) return;
      for (const k of c.keys) keys.add(k);
    });
    this.existingActivityKeys = keys;
    return keys;
  }

  /**
   * Reads what `stage` needs (the stored activity keys and record ids) once, before the first chunk.
   * `write` calls it; a caller that stages chunks itself calls it first.
   */
  async prepare(): Promise<void> {
    await this.activityKeys();
    for (const table of RECORD_TABLES) await this.storedIds(table);
  }

  /**
   * Makes room in the activity-key set for about `activities` more keys (an estimate from the file's
   * size), so it grows once instead of doubling step by step (after `prepare`).
   */
  reserve(activities: number): void {
    const keys = this.existingActivityKeys;
    if (keys) keys.reserve(keys.size + activities);
  }

  /**
   * The synchronous half of a write (after `prepare`): drops activities already stored or staged,
   * cuts full chunks of CHUNK_SIZE and starts scoring them at once — on the helper worker, scoring
   * runs while earlier chunks are still being written. Pass the result to `flush`, in order.
   */
  stage(records: RecordBatch): StagedWrite {
    const keys = this.existingActivityKeys;
    if (!keys) throw new Error('ImportWriter.stage before prepare');
    for (const a of records.activities) if (keys.add(a.key)) this.pendingActivities.push(a);
    const chunks: StagedWrite['chunks'] = [];
    while (this.pendingActivities.length >= CHUNK_SIZE) {
      const part = this.pendingActivities.splice(0, CHUNK_SIZE);
      chunks.push(this.store ? { part, stored: this.storeElsewhere(part) } : { part, score: this.scorer(part) });
    }
    return { chunks, records };
  }

  /** Encodes a chunk here and hands it to the ChunkStore (chunk ids follow the order of the calls). */
  private storeElsewhere(part: ActivityRecord[]): Promise<void> {
    const stored = this.store!(encodeChunk(`${this.batch.id}:${this.seq++}`, this.batch.id, part, null));
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
    await this.flush(this.stage(records));
  }

  /** Writes what `stage` returned (see `write` for what happens when storage is full). */
  async flush(staged: StagedWrite): Promise<void> {
    try {
      await this.flushUnsafe(staged);
    } catch (e) {
      if (isQuotaError(e)) {
        await this.rollback().catch(() => undefined);
        throw new StorageFullError();
      }
      throw e;
    }
  }

  private async flushUnsafe({ chunks, records }: StagedWrite): Promise<void> {
    const importId = this.batch.id;
    // Scores are awaited before the transaction: a scorer on another thread must not be awaited inside it.
    const full: Array<[ActivityRecord[], Float64Array]> = [];
    for (const c of chunks) {
      if (c.stored) {
        await c.stored;
        this.added += c.part.length;
      } else full.push([c.part, await c.score!]);
    }
    if (full.length === 0 && RECORD_TABLES.every((t) => records[t].length === 0)) return;
    await this.db.transaction('rw', [this.db.imports, this.db.activityChunks, ...RECORD_TABLES.map((t) => this.db[t])], async () => {
      // A write still queued when the import was rolled back (cancelled, failed) must not land.
      await assertPending(this.db, importId);
      for (const [part, score] of full) await this.addChunk(part, score);
      for (const table of RECORD_TABLES) {
        const list = records[table];
        if (list.length === 0) continue;
        const stored = this.existingIds.get(table)!;
        const byId = new Map<string, (typeof list)[number]>();
        for (const r of list) byId.set(versionId(r), r);
        const fresh = [...byId].filter(([id]) => !stored.has(id)).map(([id, r]) => ({ ...r, id, importId }));
        for (const r of fresh) stored.add(r.id);
        // Records of different tables have different shapes; the table is chosen by `table`.
        if (fresh.length) await (this.db[table] as unknown as { bulkAdd(rows: unknown[]): Promise<unknown> }).bulkAdd(fresh);
        this.added += fresh.length;
      }
    });
  }

  private async addChunk(part: ActivityRecord[], score: Float64Array): Promise<void> {
    if (part.length === 0) return;
    await this.db.activityChunks.add(encodeChunk(`${this.batch.id}:${this.seq++}`, this.batch.id, part, score));
    this.added += part.length;
  }

  /**
   * Makes the import visible. Returns the stored history row, or null when the file added nothing
   * new (it was imported before): then no history row is kept.
   */
  async commit(summary: CommitSummary): Promise<ImportBatch | null> {
    try {
      const rest = this.pendingActivities.splice(0);
      if (this.store) {
        if (rest.length) {
          await this.storeElsewhere(rest);
          this.added += rest.length;
        }
      } else {
        const score = rest.length ? await this.scorer(rest) : new Float64Array(0);
        await this.db.transaction('rw', [this.db.activityChunks, this.db.imports], async () => {
          await this.addChunk(rest, score);
        });
      }
      if (this.added === 0) {
        await this.rollback();
        return null;
      }
      const done: ImportBatch = {
        ...this.batch,
        ...summary,
        added: this.added,
        status: 'complete',
        finishedAt: Date.now(),
      };
      await this.db.imports.put(done);
      return done;
    } catch (e) {
      await this.rollback().catch(() => undefined);
      if (isQuotaError(e)) throw new StorageFullError();
      throw e;
    }
  }

  /** Removes everything this import wrote. */
  async rollback(): Promise<void> {
    await removeImport(this.db, this.batch.id);
  }
}

/** Deletes an import and every record it wrote, in one transaction. */
export async function removeImport(db: HearthDb, importId: string): Promise<void> {
  await db.transaction('rw', [db.imports, db.activityChunks, ...RECORD_TABLES.map((t) => db[t])], async () => {
    await db.activityChunks.where('importId').equals(importId).delete();
    for (const t of RECORD_TABLES) await db[t].where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}
