import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../domain/metrics';
import { importFile } from '../workers/import-runner';
import { BACKUP_FORMAT, backupFileName, createBackup, restoreBackup, restoreBackupFile } from './backup';
import { HearthDb } from './db';
import { freshDbPerTest } from './test-db';
import { clearAllTables, loadRecords, sourceSummaries } from './records-repo';

/** An import still in progress (status pending) holding one person: backups leave it out. */
async function addPendingImport(db: HearthDb): Promise<void> {
  await db.imports.add({
    ...(await db.imports.toCollection().first())!,
    id: 'imp-pending',
    status: 'pending',
  });
  await db.persons.add({
    id: 'x',
    importId: 'imp-pending',
    key: 'discourse:x',
    source: 'discourse',
    roster: false,
    bot: false,
  });
}

const root = resolve(import.meta.dirname, '../..');
let db: HearthDb;
freshDbPerTest('backup', (d) => (db = d));

async function importPath(path: string) {
  const r = await importFile(
    db,
    new File([readFileSync(resolve(root, path))], path.split('/').pop()!),
    { timeZone: 'UTC' },
    () => undefined,
  );
  expect(r.status).toBe('imported');
}

async function everything(d: HearthDb) {
  const { records, imports } = await loadRecords(d);
  const merges = (await d.merges.toArray()).map((m): [string, string] => [m.a, m.b]);
  const report = computeReport(records, {
    timeZone: 'UTC',
    merges,
    sourceSummaries: sourceSummaries(imports),
  });
  const user = {
    merges: await d.merges.toArray(),
    corrections: await d.corrections.toArray(),
    notes: await d.notes.toArray(),
    mappings: await d.mappings.toArray(),
    settings: await d.settings.toArray(),
  };
  return { records, imports, report, user };
}

describe('backup and restore', () => {
  it('backup → delete all → restore gives the same records, history, user data and report', async () => {
    await importPath('sample-data/discourse-posts.csv');
    await importPath('sample-data/discourse-likes.csv');
    await importPath('sample-data/user-list-251231-093000.zip');
    await db.merges.put({ id: 'discourse:a|discourse:b', a: 'discourse:a', b: 'discourse:b', createdAt: 1 });
    await db.corrections.put({ activityKey: 'discourse:p:1:1', label: 'negative', createdAt: 2 });
    await db.notes.put({ month: '2025-03', text: 'Launch month ✨ "quoted"', updatedAt: 3 });
    await db.mappings.put({ headerKey: 'a|b', mapping: { at: 'a' }, updatedAt: 4 });
    await db.settings.put({ key: 'timeZone', value: 'Europe/Lisbon' });
    const before = await everything(db);
    expect(before.records.activities.length).toBeGreaterThan(5000);

    const blob = await createBackup(db, new Date('2026-01-02T03:04:05Z'));
    const text = await blob.text();
    expect(JSON.parse(text)).toMatchObject({
      format: BACKUP_FORMAT,
      formatVersion: 1,
      schemaVersion: 5,
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    expect(backupFileName(new Date('2026-01-02T03:04:05Z'))).toBe('hearth-backup-2026-01-02.json');

    await clearAllTables(db);
    expect((await loadRecords(db)).records.activities).toEqual([]);

    expect(await restoreBackup(db, text)).toEqual({ imports: 3 });
    const after = await everything(db);
    expect(after.records).toEqual(before.records);
    expect(after.imports).toEqual(before.imports);
    expect(after.user).toEqual(before.user);
    expect(after.report).toEqual(before.report);
    // Typed arrays come back as typed arrays.
    const chunk = await db.activityChunks.toCollection().first();
    expect(chunk?.at).toBeInstanceOf(Float64Array);
    expect(chunk?.person).toBeInstanceOf(Uint32Array);
  });

  it('restores into another, empty browser database the same way', async () => {
    await importPath('sample-data/discourse-posts.csv');
    const text = await (await createBackup(db)).text();
    const other = new HearthDb(`backup-other-${Date.now()}`);
    await other.open();
    await restoreBackup(other, text);
    expect((await everything(other)).report).toEqual((await everything(db)).report);
    await other.delete();
  });

  it('leaves an import in progress out of the backup', async () => {
    await importPath('sample-data/discourse-posts.csv');
    await addPendingImport(db);
    const tables = JSON.parse(await (await createBackup(db)).text()).tables;
    expect(tables.imports.map((i: { id: string }) => i.id)).not.toContain('imp-pending');
    expect(tables.persons.some((p: { importId: string }) => p.importId === 'imp-pending')).toBe(false);
  });

  const refusals: [string, string, string][] = [
    [
      'a CSV export',
      'post_id,topic_id\n1,2\n',
      'This file is not a Hearth backup (it is not JSON, or it was cut short). Nothing was restored.',
    ],
    [
      'a cut-short backup',
      '{"format":"hearth.backup","formatVersion":1,"tables":{"imports":[',
      'This file is not a Hearth backup (it is not JSON, or it was cut short). Nothing was restored.',
    ],
    [
      'a hearth report',
      '{"schema":"hearth.report/1","months":[]}',
      'This file is not a Hearth backup. Choose a file made with "Download backup" (hearth-backup-….json).',
    ],
    [
      'JSON null',
      'null',
      'This file is not a Hearth backup. Choose a file made with "Download backup" (hearth-backup-….json).',
    ],
    [
      'a newer format',
      '{"format":"hearth.backup","formatVersion":9,"tables":{}}',
      'This backup was made by a newer version of Hearth (backup format 9); update Hearth to restore it.',
    ],
    [
      'no tables',
      '{"format":"hearth.backup","formatVersion":1}',
      'This backup is damaged: it holds no tables. Nothing was restored.',
    ],
    [
      'an unknown table',
      '{"format":"hearth.backup","formatVersion":1,"tables":{"imports":[],"wormholes":[]}}',
      'This backup holds data this version of Hearth does not know (wormholes); update Hearth, then restore it.',
    ],
    [
      'a damaged table',
      '{"format":"hearth.backup","formatVersion":1,"tables":{"notes":[1,2]}}',
      'This backup is damaged: the "notes" part is not a list of records. Nothing was restored.',
    ],
    [
      'an unknown typed array',
      '{"format":"hearth.backup","formatVersion":1,"tables":{"notes":[{"month":"2025-01","x":{"$typed":"BigArray","base64":""}}]}}',
      'This backup holds data of an unknown type (BigArray); it cannot be restored.',
    ],
  ];
  it.each(refusals)('refuses %s with a clear message and restores nothing', async (_, text, message) => {
    await expect(restoreBackup(db, text)).rejects.toThrow(message);
    for (const t of db.tables) expect(await t.count()).toBe(0);
  });

  it('refuses to restore over existing data (restore is not a merge), changing nothing', async () => {
    await importPath('sample-data/discourse-posts.csv');
    const text = await (await createBackup(db)).text();
    const before = await everything(db);
    await expect(restoreBackup(db, text)).rejects.toThrow(
      'Hearth already holds data in this browser. A backup is restored into an empty Hearth: delete all data first (or download a backup of it), then restore.',
    );
    expect(await everything(db)).toEqual(before);
  });

  it('is atomic: a row that cannot be written (duplicate key) leaves the database empty', async () => {
    const text = JSON.stringify({
      format: 'hearth.backup',
      formatVersion: 1,
      tables: {
        notes: [{ month: '2025-01', text: 'a', updatedAt: 1 }],
        settings: [
          { key: 'k', value: 1 },
          { key: 'k', value: 2 },
        ],
      },
    });
    await expect(restoreBackup(db, text)).rejects.toThrow(
      /^This backup could not be restored \(.+\)\. Nothing was restored\.$/,
    );
    for (const t of db.tables) expect(await t.count()).toBe(0);
  });
});

describe('restore: what a moved or damaged backup meets', () => {
  async function backupText(): Promise<string> {
    await importPath('sample-data/discourse-posts.csv');
    await db.settings.put({ key: 'filters', value: { timeZone: 'Europe/London' } });
    const text = await (await createBackup(db)).text();
    await clearAllTables(db);
    return text;
  }

  it('a browser whose only row is its settings (a filter was changed) is empty: the backup restores, its settings replace them', async () => {
    const text = await backupText();
    await db.settings.put({ key: 'filters', value: { timeZone: 'UTC' } });
    expect((await restoreBackup(db, text)).imports).toBe(1);
    expect(await db.settings.toArray()).toEqual([{ key: 'filters', value: { timeZone: 'Europe/London' } }]);
  });

  it('a backup from a newer data layout is refused, nothing restored', async () => {
    const file = JSON.parse(await backupText()) as { schemaVersion: number };
    file.schemaVersion = 99;
    await expect(restoreBackup(db, JSON.stringify(file))).rejects.toThrow(
      /made by a newer version of Hearth \(its data layout 99/,
    );
    expect(await db.imports.count()).toBe(0);
  });

  it('a chunk with a column cut short, or without its texts, is refused: nothing restored', async () => {
    const text = await backupText();
    type Typed = { $typed: string; base64: string };
    const cut = JSON.parse(text) as {
      tables: { activityChunks: Record<string, Typed>[]; activityTexts: unknown[] };
    };
    // 8 bytes (one Float64) fewer in the first chunk's times: still valid base64, one activity short.
    const at = cut.tables.activityChunks[0]!.at!;
    at.base64 = Buffer.from(Buffer.from(at.base64, 'base64').subarray(8)).toString('base64');
    await expect(restoreBackup(db, JSON.stringify(cut))).rejects.toThrow(
      /activities of one import .* are incomplete/,
    );
    const noTexts = JSON.parse(text) as { tables: { activityTexts: unknown[] } };
    noTexts.tables.activityTexts = [];
    await expect(restoreBackup(db, JSON.stringify(noTexts))).rejects.toThrow(/are incomplete/);
    expect(await db.imports.count()).toBe(0);
    expect(await db.activityChunks.count()).toBe(0);
  });
});

describe('restoreBackupFile (read piece by piece)', () => {
  it('restores exactly what restoreBackup restores, and refuses what it refuses', async () => {
    await importPath('sample-data/discourse-posts.csv');
    await db.notes.put({ month: '2025-03', text: 'Launch month ✨ "quoted" ] }', updatedAt: 3 });
    const before = await everything(db);
    const text = await (await createBackup(db)).text();
    await clearAllTables(db);
    expect((await restoreBackupFile(db, new Blob([text]))).imports).toBe(1);
    expect(await everything(db)).toEqual(before);
    await clearAllTables(db);
    await expect(restoreBackupFile(db, new Blob([text.slice(0, text.length / 2)]))).rejects.toThrow(
      'This file is not a Hearth backup (it is not JSON, or it was cut short). Nothing was restored.',
    );
    await expect(restoreBackupFile(db, new Blob(['post_id,topic_id\n1,2\n']))).rejects.toThrow(
      'This file is not a Hearth backup',
    );
    await expect(restoreBackupFile(db, new Blob(['{"format":"other","tables":{}}']))).rejects.toThrow(
      'Choose a file made with "Download backup"',
    );
    expect(await db.imports.count()).toBe(0);
  });
});

/**
 * The createBackup that read every table whole (until the eleventh session), frozen here as the
 * reference for the file's bytes: the paged createBackup must write exactly these, so that backups
 * made before and after read the same and restore (backup-reader.ts) needs no change.
 */
async function wholeTablesBackup(d: HearthDb, now: Date): Promise<string> {
  const toBase64 = (bytes: Uint8Array) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const encode = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return { $typed: value.constructor.name, base64: toBase64(bytes) };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    return value;
  };
  const tables = await d.transaction('r', d.tables, async () => {
    const pending = new Set((await d.imports.where('status').equals('pending').primaryKeys()) as string[]);
    const out: Record<string, unknown[]> = {};
    for (const t of [...d.tables].sort((a, b) => a.name.localeCompare(b.name))) {
      const rows = (await t.toArray()) as Record<string, unknown>[];
      out[t.name] = rows
        .filter(
          (r) => !(t.name === 'imports' ? pending.has(r.id as string) : pending.has(r.importId as string)),
        )
        .map(encode);
    }
    return out;
  });
  const parts: string[] = [
    `{"format":"hearth.backup","formatVersion":1,"schemaVersion":${d.verno},"createdAt":${JSON.stringify(now.toISOString())},"tables":{`,
  ];
  Object.entries(tables).forEach(([name, rows], i) => {
    parts.push(`${i ? ',' : ''}${JSON.stringify(name)}:[`);
    rows.forEach((r, j) => parts.push(`${j ? ',' : ''}${JSON.stringify(r)}`));
    parts.push(']');
  });
  parts.push('}}\n');
  return parts.join('');
}

describe('createBackup reads the database page by page', () => {
  const now = new Date('2026-01-02T03:04:05Z');

  /** Several imports (several activity chunks and their texts, record batches, shares) and a row in each user table. */
  async function fill() {
    await importPath('sample-data/discourse-posts.csv');
    await importPath('sample-data/discourse-likes.csv');
    await importPath('sample-data/user-list-251231-093000.zip');
    await importPath('sample-data/Loomcraft - Text Channels - showcase [1100000000000000001].csv');
    await db.merges.put({ id: 'discourse:a|discourse:b', a: 'discourse:a', b: 'discourse:b', createdAt: 1 });
    await db.corrections.put({ activityKey: 'discourse:p:1:1', label: 'negative', createdAt: 2 });
    for (let m = 1; m <= 5; m++)
      await db.notes.put({ month: `2025-0${m}`, text: `Note ${m} ✨ "quoted" ] }`, updatedAt: m });
    await db.mappings.put({ headerKey: 'a|b', mapping: { at: 'a' }, updatedAt: 4 });
    await db.settings.put({ key: 'timeZone', value: 'Europe/Lisbon' });
    expect(await db.activityChunks.count()).toBeGreaterThanOrEqual(3);
  }

  /**
   * Every table's rows as IndexedDB holds them (typed arrays as typed arrays), the holes of arrays
   * (a chunk's sparse titles and links) as null: JSON writes them so, and readers take both alike.
   */
  async function rawTables(d: HearthDb) {
    const holesAsNull = (v: unknown): unknown =>
      Array.isArray(v)
        ? Array.from(v, (x: unknown) => (x === undefined ? null : holesAsNull(x)))
        : v && typeof v === 'object' && !ArrayBuffer.isView(v)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, holesAsNull(x)]))
          : v;
    return Object.fromEntries(
      await Promise.all(d.tables.map(async (t) => [t.name, holesAsNull(await t.toArray())] as const)),
    );
  }

  it('writes the bytes the whole-table backup wrote, in pages of any size, an import in progress left out', async () => {
    await fill();
    await addPendingImport(db);
    const reference = await wholeTablesBackup(db, now);
    expect(reference).not.toContain('imp-pending');
    for (const pageRows of [1, 2, 3, 7, undefined]) {
      const blob = await createBackup(db, now, { pageRows });
      expect(blob.type).toBe('application/json');
      expect(await blob.text(), `pages of ${pageRows ?? 'default'} rows`).toBe(reference);
    }
  });

  it('backs up the v5 fixture (written by the earlier createBackup) again byte for byte', async () => {
    const fixture = readFileSync(resolve(root, 'tests/fixtures/db/v5.json'), 'utf8');
    await restoreBackup(db, fixture);
    const { createdAt } = JSON.parse(fixture) as { createdAt: string };
    const expected = fixture.replace('"schemaVersion":5,', `"schemaVersion":${db.verno},`);
    for (const pageRows of [1, 2, undefined])
      expect(await (await createBackup(db, new Date(createdAt), { pageRows })).text()).toBe(expected);
  });

  it('create in pages of 2 → restore (piece by piece) gives every table back as it was, typed arrays included', async () => {
    await fill();
    const before = await rawTables(db);
    const blob = await createBackup(db, now, { pageRows: 2 });
    await clearAllTables(db);
    await db.settings.clear();
    expect((await restoreBackupFile(db, blob)).imports).toBe(4);
    const after = await rawTables(db);
    expect(after).toEqual(before);
    expect((after.activityChunks as unknown[])[0]).toMatchObject({
      at: expect.any(Float64Array),
      person: expect.any(Uint32Array),
    });
  });

  it('reads at most pageRows rows at a time (5 notes in pages of 2: 1, 2, 2) and says how far it is', async () => {
    for (let m = 1; m <= 5; m++) await db.notes.put({ month: `2025-0${m}`, text: `n${m}`, updatedAt: m });
    await db.settings.put({ key: 'timeZone', value: 'UTC' });
    const progress: [number, number][] = [];
    const text = await (
      await createBackup(db, now, { pageRows: 2, onProgress: (d, t) => progress.push([d, t]) })
    ).text();
    // Pages of notes of 1, 2 and 2 rows (a page starts at one row and doubles up to pageRows), then
    // the settings row; every other table is empty.
    expect(progress).toEqual([
      [0, 6],
      [1, 6],
      [3, 6],
      [5, 6],
      [6, 6],
    ]);
    expect(text).toBe(await (await createBackup(db, now)).text());
    expect(text).toBe(await wholeTablesBackup(db, now));
    expect(JSON.parse(text).tables.notes.map((n: { month: string }) => n.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
  });

  it('is one state of the database: a write made while it reads waits for it and is not in it', async () => {
    await fill();
    let write: Promise<unknown> | undefined;
    let backupDone = false;
    let writtenWhileBackingUp: boolean | undefined;
    const blob = await createBackup(db, now, {
      pageRows: 1,
      onProgress: (done) => {
        // Outside the backup's transaction, as another part of the app (or an import) would write.
        if (done === 0)
          write = Dexie.ignoreTransaction(() =>
            db.notes.put({ month: '2025-12', text: 'written during the backup', updatedAt: 9 }).then(() => {
              writtenWhileBackingUp = !backupDone;
            }),
          );
      },
    });
    backupDone = true;
    await write;
    expect(writtenWhileBackingUp).toBe(false);
    expect(await blob.text()).not.toContain('written during the backup');
    expect(await db.notes.get('2025-12')).toMatchObject({ text: 'written during the backup' });
  });
});
