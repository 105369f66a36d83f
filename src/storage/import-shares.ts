import type { Table } from 'dexie';
import { columnKeys } from '../domain/metrics/activity-table';
import { keyHash } from '../domain/model/key-set';
import type { ImportBatch } from '../domain/model/records';
import { decodeChunk, encodeChunk, scoreChunk, selectRows, type ActivityChunk } from './activity-chunks';
import { RECORD_TABLES, type HearthDb, type ImportShareRow, type RecordBatchRow } from './db';
import { putChunk, removeImportRows } from './import-writer';

/**
 * Who else holds what an import wrote: from the other complete imports' share rows (ImportShareRow),
 * the import that keeps each shared activity key (by hash) and each shared record id. The earliest
 * listed import keeps a record several share.
 */
interface Heirs {
  activities: Map<string, string>;
  records: Map<string, string>;
}

const hashKey = (h1: number, h2: number) => `${h1}:${h2}`;

async function heirsOf(db: HearthDb, importId: string, imports: ImportBatch[]): Promise<Heirs> {
  const others = imports
    .filter((i) => i.id !== importId && i.status === 'complete')
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
  const heirs: Heirs = { activities: new Map(), records: new Map() };
  for (const other of others) {
    const rows: ImportShareRow[] = await db.importShares.where('importId').equals(other.id).toArray();
    for (const row of rows) {
      if (row.hashes) {
        const h = row.hashes;
        for (let i = 0; i + 1 < h.length; i += 2) {
          const k = hashKey(h[i]!, h[i + 1]!);
          if (!heirs.activities.has(k)) heirs.activities.set(k, other.id);
        }
      }
      for (const id of row.ids ?? []) {
        const k = `${row.table}\u0000${id}`;
        if (!heirs.records.has(k)) heirs.records.set(k, other.id);
      }
    }
  }
  return heirs;
}

/** The chunk with its texts stored apart attached (`textPack`), as written. */
async function withTexts(db: HearthDb, c: ActivityChunk): Promise<ActivityChunk> {
  if (c.textPack || !c.textLen) return c;
  const row = await db.activityTexts.get(c.id);
  if (!row) throw new Error(`The texts of activity chunk ${c.id} are missing.`);
  return { ...c, textPack: { pack: row.pack, len: c.textLen } };
}

/** Groups a chunk's rows by the import that inherits them (rows no one shares are left out). */
function rowsByHeir(c: ActivityChunk, heirs: Map<string, string>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const { pack, len } = columnKeys(c);
  const h = new Uint32Array(2);
  let at = 0;
  for (let i = 0; i < len.length; i++) {
    const end = at + len[i]!;
    keyHash(pack, h, at, end);
    at = end;
    const heir = heirs.get(hashKey(h[0]!, h[1]!));
    if (heir === undefined) continue;
    let rows = groups.get(heir);
    if (!rows) groups.set(heir, (rows = []));
    rows.push(i);
  }
  return groups;
}

/** The chunk's `rows` as a chunk of `heir` (chunks of every stored layout; scores kept where stored). */
function handedOver(c: ActivityChunk, rows: number[], heir: string): ActivityChunk {
  const id = `${heir}:from:${c.id}`;
  if (c.channelIdx) return { ...selectRows(c, rows), id, importId: heir };
  // An older layout (Hearth 0.1's `channel` column): through records, scored again.
  const all = decodeChunk(c);
  return scoreChunk(
    encodeChunk(
      id,
      heir,
      rows.map((i) => all[i]!),
      null,
    ),
  );
}

/**
 * Undo an import from the history: removes what it added, except what another listed import also
 * holds (it found those records already stored, so it did not write them again): those are handed to
 * that import, as if it had written them. One transaction: the data is either as before or without
 * the import.
 */
export interface UndoSummary {
  /** Records of the import deleted. */
  removed: number;
  /** Records handed to other imports that hold them too, per import (its file name). */
  kept: Array<{ fileName: string; records: number }>;
}

export async function undoImportKeepingShared(db: HearthDb, importId: string): Promise<UndoSummary> {
  const tables = [
    db.imports,
    db.activityChunks,
    db.activityTexts,
    db.recordBatches,
    db.importShares,
    ...RECORD_TABLES.map((t) => db[t]),
  ];
  return db.transaction('rw', tables, async () => {
    const imports = await db.imports.toArray();
    const heirs = await heirsOf(db, importId, imports);
    const added = new Map<string, number>();
    const count = (heir: string, n: number) => added.set(heir, (added.get(heir) ?? 0) + n);
    if (heirs.activities.size > 0) {
      const chunks = await db.activityChunks.where('importId').equals(importId).toArray();
      for (const stored of chunks) {
        const groups = rowsByHeir(stored, heirs.activities);
        if (groups.size === 0) continue;
        const c = await withTexts(db, stored);
        for (const [heir, rows] of groups) {
          await putChunk(db, handedOver(c, rows, heir), 'put');
          count(heir, rows.length);
        }
      }
    }
    if (heirs.records.size > 0) {
      for (const table of RECORD_TABLES) {
        const rows = db[table] as unknown as Table<{ id: string; importId: string }, string>;
        for (const r of await rows.where('importId').equals(importId).toArray()) {
          const heir = heirs.records.get(`${table}\u0000${r.id}`);
          if (heir === undefined) continue;
          await rows.put({ ...r, importId: heir });
          count(heir, 1);
        }
      }
      const batches: RecordBatchRow[] = await db.recordBatches.where('importId').equals(importId).toArray();
      for (const b of batches) {
        const groups = new Map<string, RecordBatchRow['rows']>();
        for (const r of b.rows) {
          const heir = heirs.records.get(`${b.table}\u0000${r.id}`);
          if (heir === undefined) continue;
          let list = groups.get(heir);
          if (!list) groups.set(heir, (list = []));
          list.push({ ...r, importId: heir });
        }
        for (const [heir, rows] of groups) {
          await db.recordBatches.put({
            id: `${heir}:${b.table}:from:${b.id}`,
            importId: heir,
            table: b.table,
            rows,
          });
          count(heir, rows.length);
        }
      }
    }
    const kept: UndoSummary['kept'] = [];
    for (const [heir, n] of added) {
      const batch = imports.find((i) => i.id === heir);
      if (!batch) continue;
      await db.imports.put({ ...batch, added: batch.added + n });
      kept.push({ fileName: batch.fileName, records: n });
    }
    const own = imports.find((i) => i.id === importId)?.added ?? 0;
    await removeImportRows(db, importId);
    const handed = kept.reduce((n, k) => n + k.records, 0);
    return { removed: Math.max(0, own - handed), kept };
  });
}
