/**
 * Schema upgrades (docs/decisions/0002-schema-versions.md): a database written by each shipped
 * schema version (tests/fixtures/db/v<n>.json, a dump made by that version's code) opens under the
 * current version without losing anything. The next version is declared here, hypothetically, the
 * way db.ts will declare it.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../domain/metrics';
import { importFile } from '../workers/import-runner';
import { dumpTables, restoreBackup } from './backup';
import { HearthDb } from './db';
import { loadDatasetInput, loadRecords, loadTexts, sourceSummaries, undoImport } from './records-repo';

const fixture = (n: number) => readFileSync(resolve(import.meta.dirname, `../../tests/fixtures/db/v${n}.json`), 'utf8');
const V1 = fixture(1);
const V2 = fixture(2);
const V3 = fixture(3);
const V4 = fixture(4);
const V5 = fixture(5);
const CURRENT = 5;

/** Schema version 1 exactly as db.ts declares it: the database a Hearth of that version created. */
const V1_STORES = {
  imports: 'id, status, contentHash, startedAt',
  persons: 'id, importId, key',
  activityChunks: 'id, importId, source',
  campaigns: 'id, importId, key',
  subscriptions: 'id, importId, key',
  socialPosts: 'id, importId, key',
  dailyValues: 'id, importId, key',
  settings: 'key',
  merges: 'id',
  corrections: 'activityKey',
  notes: 'month',
  mappings: 'headerKey',
};

/** A database as Hearth's schema version `version` (1 to 4) created it, declared as those versions shipped. */
class OldDb extends Dexie {
  constructor(name: string, version: 1 | 2 | 3 | 4) {
    super(name);
    this.version(1).stores(V1_STORES);
    if (version >= 2) this.version(2).stores({ activityTexts: 'id, importId' });
    if (version >= 3) this.version(3).stores({ recordBatches: 'id, importId' });
    if (version >= 4) this.version(4).stores({});
  }
}

/** A hypothetical version 6: a new index on imports.format, a new table, and an upgrade that fills a field. */
class NextDb extends HearthDb {
  constructor(name: string) {
    super(name);
    this.version(6)
      .stores({ imports: 'id, status, contentHash, startedAt, format', reminders: 'id' })
      .upgrade(async (tx) => {
        await tx.table('imports').toCollection().modify((i: { upgradedFrom?: number }) => {
          i.upgradedFrom = CURRENT;
        });
      });
  }
}

async function snapshot(db: HearthDb) {
  const { records, imports } = await loadRecords(db);
  return { records, imports, report: computeReport(records, { timeZone: 'UTC', sourceSummaries: sourceSummaries(imports) }) };
}

const USER_TABLES = ['merges', 'corrections', 'notes', 'mappings', 'settings'];

/**
 * Restores `backup` (written by schema `version`) into a database declared as that version shipped,
 * opens it with today's schema and checks that it reads exactly what a restore into today's schema
 * reads, table by table. Returns the upgraded database and that reading.
 */
async function upgraded(name: string, backup: string, version: 1 | 2 | 3 | 4) {
  const reference = new HearthDb(`${name}-reference`);
  await restoreBackup(reference, backup);
  const before = await snapshot(reference);
  const dumpBefore = await dumpTables(reference);
  await reference.delete();
  const old = new OldDb(name, version);
  await old.open();
  await restoreBackup(old as unknown as HearthDb, backup);
  expect(old.verno).toBe(version);
  old.close();
  const db = new HearthDb(name);
  await db.open();
  expect(db.verno).toBe(CURRENT);
  expect(await snapshot(db)).toEqual(before);
  expect(await dumpTables(db)).toEqual(dumpBefore);
  return { db, before, dumpBefore };
}

describe('schema upgrades', () => {
  it('each fixture was written by its schema version, which db.ts still declares', async () => {
    expect([V1, V2, V3, V4, V5].map((f) => JSON.parse(f).schemaVersion)).toEqual([1, 2, 3, 4, 5]);
    const db = new HearthDb('schema-check');
    await db.open();
    expect(db.verno).toBe(CURRENT);
    await db.delete();
  });

  it('opens a version 1 database under today\'s version without losing a record or a setting, and reads old and new layouts together', async () => {
    const { db, before, dumpBefore } = await upgraded('schema-v1', V1, 1);
    expect(before.records.activities.filter((a) => a.text).length).toBeGreaterThan(0);
    expect(before.records.persons.length).toBeGreaterThan(0);
    expect(before.records.dailyValues.length).toBeGreaterThan(0);
    expect(dumpBefore.activityTexts).toEqual([]);
    expect(dumpBefore.recordBatches).toEqual([]);
    expect(dumpBefore.notes).toEqual([{ month: '2025-03', text: 'Spring meetup; forum migration.', updatedAt: Date.UTC(2025, 3, 1) }]);

    // A new import on the upgraded database stores its texts and records apart; both layouts are read together.
    const file = 'tests/fixtures/formats/discourse-posts/posts-2025.csv';
    const csv = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8');
    const later = `${csv.trimEnd()}\n999999,4242,1,quinn_sato,2025-03-30T10:00:00Z,A late thread,General,This is broken and I am annoyed\n`;
    const r = await importFile(db, new File([later], 'posts-later.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r.status).toBe('imported');
    expect(r.added).toBe(2); // the late post and its author
    expect(await db.activityTexts.count()).toBe(1);
    expect((await db.recordBatches.toArray()).map((b) => [b.table, b.rows.length])).toEqual([['persons', 1]]);
    const { records } = await loadRecords(db);
    expect(records.activities.find((a) => a.text === 'This is broken and I am annoyed')).toBeDefined();
    expect(records.activities.length).toBe(before.records.activities.length + 1);
    expect(records.persons.map((p) => p.key)).toContain('discourse:quinn_sato');
    expect(records.persons.length).toBe(before.records.persons.length + 1);
    const { activities } = await loadDatasetInput(db);
    await loadTexts(db, activities);
    const texts = Array.from({ length: activities.n }, (_, i) => activities.text.get(i));
    expect(texts.sort()).toEqual(records.activities.map((a) => a.text ?? null).sort());
    await db.delete();
  });

  it('opens a version 2 database (texts apart, records in their tables) under today\'s version without losing anything', async () => {
    const { db, dumpBefore, before } = await upgraded('schema-v2', V2, 2);
    expect(dumpBefore.activityTexts!.length).toBeGreaterThan(0);
    expect(dumpBefore.persons!.length).toBeGreaterThan(0);
    expect(before.records.activities.filter((a) => a.text).length).toBeGreaterThan(0);
    await db.delete();
  });

  it('opens a version 3 database (person tables one string each, a null link per activity) under today\'s version, and reads its chunks beside new ones', async () => {
    const { db, dumpBefore, before } = await upgraded('schema-v3', V3, 3);
    const chunks = dumpBefore.activityChunks as { persons?: unknown; personPack?: unknown }[];
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => Array.isArray(c.persons) && c.personPack === undefined)).toBe(true);
    // A new import on the upgraded database writes the new layout; both are read together.
    const file = 'tests/fixtures/formats/discourse-posts/posts-2025.csv';
    const csv = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8');
    const later = `${csv.trimEnd()}\n999999,4242,1,quinn_sato,2025-03-30T10:00:00Z,A late thread,General,This is broken and I am annoyed\n`;
    const r = await importFile(db, new File([later], 'posts-later.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r.status).toBe('imported');
    const fresh = (await db.activityChunks.toArray()).filter((c) => !chunks.some((o) => (o as { id: string }).id === c.id));
    expect(fresh.length).toBe(1);
    expect(fresh[0]!.personPack).toBeDefined();
    expect(fresh[0]!.persons).toBeUndefined();
    const { records } = await loadRecords(db);
    expect(records.activities.length).toBe(before.records.activities.length + 1);
    const late = records.activities.find((a) => a.text === 'This is broken and I am annoyed')!;
    expect(late.personKey).toBe('discourse:quinn_sato');
    // The old chunks' activities are read exactly as before the upgrade.
    expect(records.activities.filter((a) => a !== late)).toEqual(before.records.activities);
    await db.delete();
  });

  it('opens a version 4 database (no import shares) under today\'s version without losing anything; undo there removes what it did before', async () => {
    const { db, dumpBefore, before } = await upgraded('schema-v4', V4, 4);
    expect(dumpBefore.importShares).toEqual([]);
    expect(before.records.activities.length).toBeGreaterThan(0);
    const posts = before.imports.find((i) => i.format === 'discourse-posts')!;
    await undoImport(db, posts.id);
    const { records } = await loadRecords(db);
    expect(records.activities).toEqual([]);
    await db.delete();
  });

  it('opens a version 5 database under a next version without losing a record, a text, a share or a setting', async () => {
    const name = 'schema-next';
    const v5 = new HearthDb(name);
    await v5.open();
    await restoreBackup(v5, V5);
    const before = await snapshot(v5);
    const dumpBefore = await dumpTables(v5);
    expect(dumpBefore.recordBatches!.length).toBeGreaterThan(0);
    expect(dumpBefore.importShares!.length).toBeGreaterThan(0);
    expect((dumpBefore.activityChunks as { personPack?: unknown }[]).every((c) => c.personPack !== undefined)).toBe(true);
    expect(before.records.persons.length).toBeGreaterThan(0);
    v5.close();

    const next = new NextDb(name);
    await next.open();
    expect(next.verno).toBe(6);
    const after = await snapshot(next);
    expect(after.records).toEqual(before.records);
    expect(after.report).toEqual(before.report);
    expect(after.imports.map((i) => ({ ...i, upgradedFrom: undefined }))).toEqual(before.imports.map((i) => ({ ...i, upgradedFrom: undefined })));
    expect(after.imports.every((i) => (i as { upgradedFrom?: number }).upgradedFrom === CURRENT)).toBe(true);
    const dumpAfter = await dumpTables(next);
    for (const t of [...USER_TABLES, 'activityChunks', 'activityTexts', 'recordBatches', 'importShares', 'persons', 'dailyValues']) expect(dumpAfter[t], t).toEqual(dumpBefore[t]);
    // The new index works on upgraded data.
    expect(await next.imports.where('format').equals('discourse-posts').count()).toBe(2);
    await next.delete();
  });
});
