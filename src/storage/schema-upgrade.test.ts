/**
 * Schema upgrades (docs/decisions/0002-schema-versions.md): a database written by schema version 1
 * (tests/fixtures/db/v1.json, a dump made by version 1's code) opens under the next version without
 * losing anything. The next version is declared here, hypothetically, the way db.ts will declare it.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../domain/metrics';
import { dumpTables, restoreBackup } from './backup';
import { HearthDb } from './db';
import { loadRecords, sourceSummaries } from './records-repo';

const V1 = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/db/v1.json'), 'utf8');

/** A hypothetical version 2: a new index on imports.format, a new table, and an upgrade that fills a field. */
class NextDb extends HearthDb {
  constructor(name: string) {
    super(name);
    this.version(2)
      .stores({ imports: 'id, status, contentHash, startedAt, format', reminders: 'id' })
      .upgrade(async (tx) => {
        await tx.table('imports').toCollection().modify((i: { upgradedFrom?: number }) => {
          i.upgradedFrom = 1;
        });
      });
  }
}

async function snapshot(db: HearthDb) {
  const { records, imports } = await loadRecords(db);
  return { records, imports, report: computeReport(records, { timeZone: 'UTC', sourceSummaries: sourceSummaries(imports) }) };
}

describe('schema upgrades', () => {
  it('the v1 fixture was written by schema version 1, which db.ts still declares', async () => {
    expect(JSON.parse(V1).schemaVersion).toBe(1);
    const db = new HearthDb('schema-v1-check');
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    await db.delete();
  });

  it('opens a version 1 database under version 2 without losing a record or a setting', async () => {
    const name = 'schema-upgrade';
    const v1 = new HearthDb(name);
    await v1.open();
    await restoreBackup(v1, V1);
    const before = await snapshot(v1);
    const dumpBefore = await dumpTables(v1);
    expect(before.records.activities.length).toBeGreaterThan(0);
    expect(before.records.persons.length).toBeGreaterThan(0);
    expect(before.records.dailyValues.length).toBeGreaterThan(0);
    v1.close();

    const v2 = new NextDb(name);
    await v2.open();
    expect(v2.verno).toBe(2);
    const after = await snapshot(v2);
    expect(after.records).toEqual(before.records);
    expect(after.report).toEqual(before.report);
    expect(after.imports.map((i) => ({ ...i, upgradedFrom: undefined }))).toEqual(before.imports.map((i) => ({ ...i, upgradedFrom: undefined })));
    expect(after.imports.every((i) => (i as { upgradedFrom?: number }).upgradedFrom === 1)).toBe(true);
    // Every user table comes through untouched.
    const dumpAfter = await dumpTables(v2);
    for (const t of ['merges', 'corrections', 'notes', 'mappings', 'settings', 'activityChunks', 'persons', 'dailyValues']) {
      expect(dumpAfter[t]).toEqual(dumpBefore[t]);
    }
    expect(dumpBefore.notes).toEqual([{ month: '2025-03', text: 'Spring meetup; forum migration.', updatedAt: Date.UTC(2025, 3, 1) }]);
    // The new index works on upgraded data.
    expect(await v2.imports.where('format').equals('discourse-posts').count()).toBe(1);
    await v2.delete();
  });
});
