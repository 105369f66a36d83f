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
import { loadDatasetInput, loadRecords, loadTexts, sourceSummaries } from './records-repo';

const fixture = (n: number) => readFileSync(resolve(import.meta.dirname, `../../tests/fixtures/db/v${n}.json`), 'utf8');
const V1 = fixture(1);
const V2 = fixture(2);

/** Schema version 1 exactly as db.ts declares it: the database a Hearth of that version created. */
class Version1Db extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
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
    });
  }
}

/** A hypothetical version 3: a new index on imports.format, a new table, and an upgrade that fills a field. */
class NextDb extends HearthDb {
  constructor(name: string) {
    super(name);
    this.version(3)
      .stores({ imports: 'id, status, contentHash, startedAt, format', reminders: 'id' })
      .upgrade(async (tx) => {
        await tx.table('imports').toCollection().modify((i: { upgradedFrom?: number }) => {
          i.upgradedFrom = 2;
        });
      });
  }
}

async function snapshot(db: HearthDb) {
  const { records, imports } = await loadRecords(db);
  return { records, imports, report: computeReport(records, { timeZone: 'UTC', sourceSummaries: sourceSummaries(imports) }) };
}

const USER_TABLES = ['merges', 'corrections', 'notes', 'mappings', 'settings'];

describe('schema upgrades', () => {
  it('each fixture was written by its schema version, which db.ts still declares', async () => {
    expect(JSON.parse(V1).schemaVersion).toBe(1);
    expect(JSON.parse(V2).schemaVersion).toBe(2);
    const db = new HearthDb('schema-check');
    await db.open();
    expect(db.verno).toBe(2);
    await db.delete();
  });

  it('opens a version 1 database under version 2 (texts apart) without losing a record or a setting, and reads old and new chunks together', async () => {
    // What the v1 data holds, read by the current code from a restore.
    const reference = new HearthDb('schema-reference');
    await restoreBackup(reference, V1);
    const before = await snapshot(reference);
    const dumpBefore = await dumpTables(reference);
    await reference.delete();
    expect(before.records.activities.filter((a) => a.text).length).toBeGreaterThan(0);
    expect(before.records.persons.length).toBeGreaterThan(0);
    expect(before.records.dailyValues.length).toBeGreaterThan(0);

    const name = 'schema-upgrade';
    const v1 = new Version1Db(name);
    await v1.open();
    await restoreBackup(v1 as unknown as HearthDb, V1);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new HearthDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const after = await snapshot(db);
    expect(after).toEqual(before);
    const dumpAfter = await dumpTables(db);
    for (const t of [...USER_TABLES, 'imports', 'activityChunks', 'persons', 'dailyValues']) expect(dumpAfter[t], t).toEqual(dumpBefore[t]);
    expect(dumpAfter.activityTexts).toEqual([]);
    expect(dumpBefore.notes).toEqual([{ month: '2025-03', text: 'Spring meetup; forum migration.', updatedAt: Date.UTC(2025, 3, 1) }]);

    // A new import on the upgraded database stores its texts apart; both layouts are read together.
    const file = 'tests/fixtures/formats/discourse-posts/posts-2025.csv';
    const csv = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8');
    const later = `${csv.trimEnd()}\n999999,4242,1,quinn_sato,2025-03-30T10:00:00Z,A late thread,General,This is broken and I am annoyed\n`;
    const r = await importFile(db, new File([later], 'posts-later.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r.status).toBe('imported');
    expect(r.added).toBe(2); // the late post and its author
    expect(await db.activityTexts.count()).toBe(1);
    const { records } = await loadRecords(db);
    expect(records.activities.find((a) => a.text === 'This is broken and I am annoyed')).toBeDefined();
    expect(records.activities.length).toBe(before.records.activities.length + 1);
    const { activities } = await loadDatasetInput(db);
    await loadTexts(db, activities);
    const texts = Array.from({ length: activities.n }, (_, i) => activities.text.get(i));
    expect(texts.sort()).toEqual(records.activities.map((a) => a.text ?? null).sort());
    await db.delete();
  });

  it('opens a version 2 database under a next version without losing a record, a text or a setting', async () => {
    const name = 'schema-next';
    const v2 = new HearthDb(name);
    await v2.open();
    await restoreBackup(v2, V2);
    const before = await snapshot(v2);
    const dumpBefore = await dumpTables(v2);
    expect(dumpBefore.activityTexts!.length).toBeGreaterThan(0);
    expect(before.records.activities.filter((a) => a.text).length).toBeGreaterThan(0);
    v2.close();

    const next = new NextDb(name);
    await next.open();
    expect(next.verno).toBe(3);
    const after = await snapshot(next);
    expect(after.records).toEqual(before.records);
    expect(after.report).toEqual(before.report);
    expect(after.imports.map((i) => ({ ...i, upgradedFrom: undefined }))).toEqual(before.imports.map((i) => ({ ...i, upgradedFrom: undefined })));
    expect(after.imports.every((i) => (i as { upgradedFrom?: number }).upgradedFrom === 2)).toBe(true);
    const dumpAfter = await dumpTables(next);
    for (const t of [...USER_TABLES, 'activityChunks', 'activityTexts', 'persons', 'dailyValues']) expect(dumpAfter[t], t).toEqual(dumpBefore[t]);
    // The new index works on upgraded data.
    expect(await next.imports.where('format').equals('discourse-posts').count()).toBe(1);
    await next.delete();
  });
});
