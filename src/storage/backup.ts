import Dexie, { type IndexableType, type Table } from 'dexie';
import { blobText, readBackupParts, type BackupParts } from './backup-reader';
import type { HearthDb } from './db';

/**
 * Backup and restore: everything Hearth stores (imports, records, activity chunks, merges,
 * corrections, notes, column mappings, settings) in one JSON file, and back into an empty database.
 *
 * The file is `{ format: "hearth.backup", formatVersion, schemaVersion, createdAt, tables }`, where
 * `tables` maps each table name to its rows. Typed arrays (the columnar activity chunks) become
 * `{ "$typed": "Float64Array", "base64": "…" }` (little-endian bytes). Every table of the database
 * is dumped, so tables added by later schema versions are backed up without changes here.
 * `dumpTables`/`restoreTables` are the same pair without the envelope (schema fixtures use them).
 */
export const BACKUP_FORMAT = 'hearth.backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Dexie schema version of the database that wrote it. */
  schemaVersion: number;
  createdAt: string;
  tables: Record<string, unknown[]>;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;
const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** JSON.stringify replacer/reviver pair for typed arrays. */
function encodeValue(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const v = value as TypedArray;
    return {
      $typed: v.constructor.name,
      base64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
    };
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v);
    return out;
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$typed === 'string' && typeof o.base64 === 'string' && Object.keys(o).length === 2) {
      const Ctor = TYPED[o.$typed as TypedName];
      if (!Ctor)
        throw new BackupError(
          `This backup holds data of an unknown type (${o.$typed}); it cannot be restored.`,
        );
      const bytes = fromBase64(o.base64);
      if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0)
        throw new BackupError(
          'This backup is damaged: a column of numbers is cut short. Nothing was restored.',
        );
      return new Ctor(bytes.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = decodeValue(v);
    return out;
  }
  return value;
}

/** How a backup reads the database; tests pass a small `pageRows` to read in many pages. */
export interface BackupReadOptions {
  /** Most rows read in one request (default 2,000); fewer while rows are large (`PAGE_CHARS`). */
  pageRows?: number;
  /** Called after each page read: rows read so far, and rows in all tables (counted at the start). */
  onProgress?: (done: number, total: number) => void;
}

const PAGE_ROWS = 2000;
/**
 * About how much JSON one page of rows should make, in characters: a page of small rows (notes,
 * imports) holds up to `pageRows`; a page of activity chunks (~1 MB of JSON each) one. Turning a
 * page into JSON is the longest stretch the thread is busy: this keeps it short (no long task in
 * Chromium backing up 200,000 activities; the whole-table backup ran 250–300 ms tasks there).
 */
const PAGE_CHARS = 1024 * 1024;
/** The JSON gathered before it is moved into a Blob, in characters. */
const BLOB_CHARS = 4 * 1024 * 1024;

/** What `readPages` hands on: each table's name before its rows, then its rows page by page. */
interface PageVisitor {
  table(name: string): void;
  /**
   * A page of the table's rows (imports still pending and their rows left out); returns how many
   * characters of JSON they made, which sizes the next page.
   */
  rows(rows: Record<string, unknown>[]): number;
}

/**
 * Reads every table, by name, each in primary-key order (the order of `toArray`), a page of rows at
 * a time, in ONE read-only transaction: the backup is one state of the database even while an
 * import waits to write (its read-write transaction starts after this one). `visit` must stay
 * synchronous: awaiting anything but Dexie here would let IndexedDB commit the transaction. The
 * thread is still free between pages, while IndexedDB reads the next one, so the page stays
 * responsive. A page starts at one row and grows (doubling, at most `pageRows`) while its rows make
 * less than `PAGE_CHARS` of JSON: about one page of rows and their JSON is in memory at a time.
 */
async function readPages(
  db: HearthDb,
  visit: PageVisitor,
  { pageRows = PAGE_ROWS, onProgress }: BackupReadOptions = {},
): Promise<void> {
  await db.transaction('r', db.tables, async () => {
    const pending = new Set((await db.imports.where('status').equals('pending').primaryKeys()) as string[]);
    const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
    let total = 0;
    for (const t of tables) total += await t.count();
    let done = 0;
    onProgress?.(done, total);
    for (const t of tables) {
      const keyPath = t.schema.primKey.keyPath;
      if (keyPath == null)
        throw new Error(`The table ${t.name} has no key path: a backup reads it by its keys.`);
      const isPending = (r: Record<string, unknown>) =>
        t.name === 'imports' ? pending.has(r.id as string) : pending.has(r.importId as string);
      visit.table(t.name);
      let limit = 1;
      let last: IndexableType | undefined;
      for (;;) {
        const range = last === undefined ? t.orderBy(':id') : t.where(':id').above(last);
        const rows = (await range.limit(limit).toArray()) as Record<string, unknown>[];
        if (rows.length === 0) break;
        last = Dexie.getByKeyPath(rows[rows.length - 1]!, keyPath) as IndexableType;
        done += rows.length;
        const chars = visit.rows(rows.filter((r) => !isPending(r)));
        onProgress?.(done, total);
        if (rows.length < limit) break;
        const perRow = Math.max(1, chars / rows.length);
        limit = Math.max(1, Math.min(pageRows, limit * 2, Math.floor(PAGE_CHARS / perRow)));
      }
    }
  });
}

/** Rows of every table; imports still pending (an import in progress) and their rows are left out. */
export async function dumpTables(
  db: HearthDb,
  options?: BackupReadOptions,
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  let rows: unknown[] = [];
  await readPages(
    db,
    {
      table: (name) => (out[name] = rows = []),
      rows: (page) => {
        for (const r of page) rows.push(encodeValue(r));
        return 0;
      },
    },
    options,
  );
  return out;
}

/**
 * Tables that hold no data of the user's own: the app's settings (filters, the chosen zone) are
 * written as soon as the page is used, so they do not make a Hearth "hold data" (a restore replaces
 * them with the backup's).
 */
const NOT_DATA = new Set(['settings']);

/** True when no table holds data (settings aside). */
export async function isEmpty(db: HearthDb): Promise<boolean> {
  for (const t of db.tables) if (!NOT_DATA.has(t.name) && (await t.count()) > 0) return false;
  return true;
}

/**
 * Checks that the activity chunks of a backup are whole: every column as long as the chunk's
 * count, and the texts stored apart present, of the lengths the chunk records. A damaged file that
 * is still valid JSON would otherwise restore with some activities silently lost.
 */
function checkChunks(tables: Record<string, unknown[]>): void {
  const texts = new Map<string, string>();
  for (const r of (tables.activityTexts ?? []) as { id?: unknown; pack?: unknown }[])
    if (typeof r.id === 'string' && typeof r.pack === 'string') texts.set(r.id, r.pack);
  for (const c of (tables.activityChunks ?? []) as Record<string, unknown>[]) {
    const count = c.count;
    const id = String(c.id);
    const whole =
      typeof count === 'number' &&
      ['at', 'kind', 'person', 'thread', 'sourceIdx'].every((k) => {
        const col = c[k] as { length?: number } | undefined;
        return col === undefined || col.length === count;
      });
    const len = c.textLen as Int32Array | undefined;
    let textsOk = true;
    if (len) {
      const pack = texts.get(id);
      let total = 0;
      for (const l of len) if (l > 0) total += l;
      textsOk = pack !== undefined && pack.length === total && len.length === count;
    }
    if (!whole || !textsOk)
      throw new BackupError(
        `This backup is damaged: the activities of one import (${id}) are incomplete. Nothing was restored. Use another backup, or import the export files again.`,
      );
  }
}

/**
 * Writes dumped rows into an empty database in one transaction: all or nothing. Refuses a
 * non-empty database (restore is not a merge) and tables this version of Hearth does not know.
 */
export async function restoreTables(db: HearthDb, tables: Record<string, unknown[]>): Promise<void> {
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows))
      throw new BackupError(
        `This backup is damaged: the "${name}" part is not a list of records. Nothing was restored.`,
      );
  }
  await restoreDecoded(
    db,
    Object.fromEntries(
      Object.entries(tables).map(([name, rows]) => [name, rows.map((r) => decodeRow(name, r))]),
    ),
  );
}

/** A row of a backup's table, checked to be a record, with its typed arrays decoded. */
function decodeRow(table: string, row: unknown): unknown {
  if (!row || typeof row !== 'object' || Array.isArray(row)) {
    throw new BackupError(
      `This backup is damaged: the "${table}" part is not a list of records. Nothing was restored.`,
    );
  }
  return decodeValue(row);
}

/** restoreTables for rows already decoded. */
async function restoreDecoded(db: HearthDb, tables: Record<string, unknown[]>): Promise<void> {
  const known = new Map(db.tables.map((t) => [t.name, t as Table<unknown, unknown>]));
  const unknown = Object.keys(tables).filter((n) => !known.has(n));
  if (unknown.length) {
    throw new BackupError(
      `This backup holds data this version of Hearth does not know (${unknown.join(', ')}); update Hearth, then restore it.`,
    );
  }
  const decoded: [Table<unknown, unknown>, unknown[]][] = Object.entries(tables).map(([name, rows]) => [
    known.get(name)!,
    rows,
  ]);
  checkChunks(tables);
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) {
      if (!NOT_DATA.has(t.name) && (await t.count()) > 0) {
        throw new BackupError(
          'Hearth already holds data in this browser. A backup is restored into an empty Hearth: delete all data first (or download a backup of it), then restore.',
        );
      }
    }
    // The backup's settings replace this browser's (there is nothing else to keep).
    for (const name of NOT_DATA) if (tables[name]) await known.get(name)!.clear();
    for (const [table, rows] of decoded) if (rows.length) await table.bulkAdd(rows);
  });
}

/**
 * The backup file: one JSON document, written as the tables are read (`readPages`), so that only
 * about a page of rows and its JSON is in memory at a time, however large the database. The text
 * gathered is moved into a Blob every `BLOB_CHARS` or so (a browser keeps a Blob's bytes outside
 * the page's memory) and the file is those Blobs end to end: the same bytes as one string would be.
 */
export async function createBackup(
  db: HearthDb,
  now: Date = new Date(),
  options?: BackupReadOptions,
): Promise<Blob> {
  const blobs: Blob[] = [];
  let parts: string[] = [
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"formatVersion":${BACKUP_FORMAT_VERSION},"schemaVersion":${db.verno},"createdAt":${JSON.stringify(now.toISOString())},"tables":{`,
  ];
  let chars = 0;
  let tables = 0;
  let rowsInTable = 0;
  await readPages(
    db,
    {
      table: (name) => {
        parts.push(`${tables++ ? '],' : ''}${JSON.stringify(name)}:[`);
        rowsInTable = 0;
      },
      rows: (page) => {
        let pageChars = 0;
        for (const r of page) {
          const json = `${rowsInTable++ ? ',' : ''}${JSON.stringify(encodeValue(r))}`;
          parts.push(json);
          pageChars += json.length;
        }
        chars += pageChars;
        if (chars >= BLOB_CHARS) {
          blobs.push(new Blob(parts));
          parts = [];
          chars = 0;
        }
        return pageChars;
      },
    },
    options,
  );
  parts.push(tables ? ']}}\n' : '}}\n');
  blobs.push(new Blob(parts));
  return new Blob(blobs, { type: 'application/json' });
}

export function backupFileName(now: Date = new Date()): string {
  return `hearth-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** Checks that a parsed file is a Hearth backup this version can restore; returns it typed. */
export function validateBackup(value: unknown, schemaVersion?: number): BackupFile {
  const v = value as Partial<BackupFile> | null;
  if (!v || typeof v !== 'object' || v.format !== BACKUP_FORMAT) {
    throw new BackupError(
      'This file is not a Hearth backup. Choose a file made with "Download backup" (hearth-backup-….json).',
    );
  }
  if (typeof v.formatVersion !== 'number' || v.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `This backup was made by a newer version of Hearth (backup format ${String(v.formatVersion)}); update Hearth to restore it.`,
    );
  }
  if (schemaVersion !== undefined && typeof v.schemaVersion === 'number' && v.schemaVersion > schemaVersion) {
    throw new BackupError(
      `This backup was made by a newer version of Hearth (its data layout ${v.schemaVersion}, this Hearth reads up to ${schemaVersion}); update Hearth (reload the page after a new deployment) to restore it.`,
    );
  }
  if (!v.tables || typeof v.tables !== 'object' || Array.isArray(v.tables)) {
    throw new BackupError('This backup is damaged: it holds no tables. Nothing was restored.');
  }
  return v as BackupFile;
}

/** Restores a backup file's text into an empty database, atomically. Throws BackupError with a message for the user. */
export async function restoreBackup(db: HearthDb, text: string): Promise<{ imports: number }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError(NOT_A_BACKUP);
  }
  const backup = validateBackup(parsed, db.verno);
  return restoreChecked(() => restoreTables(db, backup.tables), backup.tables.imports?.length ?? 0);
}

const NOT_A_BACKUP =
  'This file is not a Hearth backup (it is not JSON, or it was cut short). Nothing was restored.';

/**
 * Restores a backup file, read piece by piece (backup-reader.ts): a backup larger than the longest
 * string a browser holds (~512M characters) restores as a small one does. Same checks and messages
 * as `restoreBackup`.
 */
export async function restoreBackupFile(db: HearthDb, file: Blob): Promise<{ imports: number }> {
  let parts: BackupParts;
  try {
    parts = await readBackupParts(blobText(file), decodeRow);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(NOT_A_BACKUP);
  }
  // The envelope is checked as a whole file's would be (the rows are already decoded).
  validateBackup({ ...parts.envelope, tables: parts.tables }, db.verno);
  return restoreChecked(() => restoreDecoded(db, parts.tables), parts.tables.imports?.length ?? 0);
}

async function restoreChecked(restore: () => Promise<void>, imports: number): Promise<{ imports: number }> {
  try {
    await restore();
  } catch (e) {
    if (e instanceof BackupError) throw e;
    const name =
      (e as { name?: string; inner?: { name?: string } } | null)?.inner?.name ??
      (e as { name?: string } | null)?.name;
    if (name === 'QuotaExceededError')
      throw new BackupError(
        'The browser ran out of storage space while restoring. Nothing was restored. Free disk space, then try again.',
      );
    throw new BackupError(
      `This backup could not be restored (${e instanceof Error ? e.message : String(e)}). Nothing was restored.`,
    );
  }
  return { imports };
}
