/**
 * Bench page (bundled by scripts/bench/storage-layout.ts, never part of the app): stores N
 * synthetic chat activities in IndexedDB two ways — one record per row (Dexie bulkPut in batches)
 * and Hearth's columnar chunks (encodeChunk) — and times writing and reading them back.
 */
import Dexie from 'dexie';
import { decodeChunk, encodeChunk, type ActivityChunk } from '../../../src/storage/activity-chunks';
import type { ActivityRecord } from '../../../src/domain/model/records';

const WORDS = 'the a to and is it that for you of build release docs error thanks great help issue deploy config server plugin update'.split(' ');

function synthetic(n: number): ActivityRecord[] {
  let s = 42;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 4294967296);
  const out: ActivityRecord[] = new Array(n);
  const start = Date.UTC(2021, 0, 1);
  for (let i = 0; i < n; i++) {
    const words: string[] = [];
    const len = 8 + Math.floor(rand() * 16);
    for (let w = 0; w < len; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    out[i] = {
      key: `discord:m:${(i * 2654435761).toString(36)}${i}`,
      source: 'discord',
      personKey: `discord:${100000000000000000 + Math.floor(Math.pow(rand(), 2.2) * 20000)}`,
      kind: 'message',
      at: start + i * 126_000,
      text: words.join(' '),
      channel: 'general',
    };
  }
  return out;
}

interface Row extends ActivityRecord {
  importId: string;
}

class RowsDb extends Dexie {
  rows!: Dexie.Table<Row, string>;
  constructor() {
    super('bench-rows');
    this.version(1).stores({ rows: 'key, importId' });
  }
}
class ChunksDb extends Dexie {
  chunks!: Dexie.Table<ActivityChunk, string>;
  constructor() {
    super('bench-chunks');
    this.version(1).stores({ chunks: 'id, importId' });
  }
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

export interface LayoutResult {
  layout: string;
  rows: number;
  writeMs: number;
  readMs: number;
  usageBytes: number;
}

async function perRow(records: ActivityRecord[], batch: number): Promise<LayoutResult> {
  await Dexie.delete('bench-rows');
  const db = new RowsDb();
  await db.open();
  const u0 = await usage();
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += batch) {
    const part = records.slice(i, i + batch).map((r) => ({ ...r, importId: 'imp-1' }));
    await db.rows.bulkPut(part);
  }
  const writeMs = performance.now() - t0;
  const t1 = performance.now();
  const back = await db.rows.where('importId').equals('imp-1').toArray();
  const readMs = performance.now() - t1;
  if (back.length !== records.length) throw new Error(`read ${back.length} rows`);
  const usageBytes = (await usage()) - u0;
  db.close();
  await Dexie.delete('bench-rows');
  return { layout: `one record per row (bulkPut, ${batch.toLocaleString('en-US')} per transaction)`, rows: records.length, writeMs, readMs, usageBytes };
}

async function columnar(records: ActivityRecord[], size: number): Promise<LayoutResult> {
  await Dexie.delete('bench-chunks');
  const db = new ChunksDb();
  await db.open();
  const u0 = await usage();
  const t0 = performance.now();
  for (let i = 0, seq = 0; i < records.length; i += size, seq++) {
    await db.chunks.add(encodeChunk(`imp-1:${seq}`, 'imp-1', records.slice(i, i + size)));
  }
  const writeMs = performance.now() - t0;
  const t1 = performance.now();
  const chunks = await db.chunks.where('importId').equals('imp-1').toArray();
  const back: ActivityRecord[] = [];
  for (const c of chunks) decodeChunk(c, back);
  const readMs = performance.now() - t1;
  if (back.length !== records.length) throw new Error(`read ${back.length} rows`);
  const usageBytes = (await usage()) - u0;
  db.close();
  await Dexie.delete('bench-chunks');
  return { layout: `columnar chunks of ${size.toLocaleString('en-US')} (encodeChunk)`, rows: records.length, writeMs, readMs, usageBytes };
}

(window as unknown as { benchStorage: (n: number, which: string) => Promise<LayoutResult> }).benchStorage = async (n, which) => {
  const records = synthetic(n);
  if (which === 'rows') return perRow(records, 10_000);
  return columnar(records, which === 'chunks-1000' ? 1_000 : 10_000);
};
