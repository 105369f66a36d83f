import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../domain/metrics';
import { importFile } from '../workers/import-runner';
import { restoreBackup } from './backup';
import { HearthDb } from './db';
import { freshDbPerTest } from './test-db';
import {
  listImports,
  loadDatasetInput,
  loadRecords,
  loadTexts,
  sourceSummaries,
  undoImport,
} from './records-repo';

let db: HearthDb;
freshDbPerTest('shares', (d) => (db = d));

const HEADER = 'post_id,topic_id,post_number,username,created_at,topic_title,category,raw';
/** Post n: topic 1 (n = 1 starts it), by user n % 2, on 2025-03-0n, with a text of its own. */
const post = (n: number) =>
  `${100 + n},1,${n},${n % 2 ? 'ana' : 'bo'},2025-03-0${n}T10:00:00Z,Looms,General,Post ${n} is great and helpful`;
const postsFile = (name: string, ns: number[]) =>
  new File([[HEADER, ...ns.map(post)].join('\n') + '\n'], name);

async function importPosts(name: string, ns: number[]) {
  const r = await importFile(db, postsFile(name, ns), { timeZone: 'UTC' }, () => undefined);
  return r;
}

async function state() {
  const { records, imports } = await loadRecords(db);
  const { activities } = await loadDatasetInput(db);
  await loadTexts(db, activities);
  const texts = Array.from({ length: activities.n }, (_, i) => activities.text.get(i)).sort();
  return {
    keys: records.activities.map((a) => a.key).sort(),
    persons: records.persons.map((p) => p.key).sort(),
    texts,
    imports: imports.map((i) => [i.fileName, i.added]),
    report: computeReport(records, { timeZone: 'UTC', sourceSummaries: sourceSummaries(imports) }),
  };
}

describe('undo keeps what another listed import also holds', () => {
  it('a longer export imported after a shorter one: undoing the shorter keeps every post the longer holds', async () => {
    const short = await importPosts('jan-jun.csv', [1, 2, 3]);
    const long = await importPosts('jan-dec.csv', [1, 2, 3, 4, 5]);
    expect(short.status).toBe('imported');
    // The longer file wrote only posts 4 and 5 (its persons were stored already).
    expect(long.status === 'imported' && long.added).toBe(2);

    await undoImport(db, (await listImports(db)).find((i) => i.fileName === 'jan-jun.csv')!.id);

    // What importing jan-dec.csv alone gives, down to the texts (stored apart) and the report.
    const after = await state();
    expect(after.keys).toEqual([
      'discourse:p:1:1',
      'discourse:p:1:2',
      'discourse:p:1:3',
      'discourse:p:1:4',
      'discourse:p:1:5',
    ]);
    expect(after.persons).toEqual(['discourse:ana', 'discourse:bo']);
    // The longer import now holds 5 activities + 2 persons = 7 records: 2 written + 5 handed over.
    expect(after.imports).toEqual([['jan-dec.csv', 7]]);
    const alone = new HearthDb('shares-alone');
    await alone.open();
    await importFile(alone, postsFile('jan-dec.csv', [1, 2, 3, 4, 5]), { timeZone: 'UTC' }, () => undefined);
    const { records, imports } = await loadRecords(alone);
    expect(after.report).toEqual(
      computeReport(records, { timeZone: 'UTC', sourceSummaries: sourceSummaries(imports) }),
    );
    expect(after.texts).toEqual([1, 2, 3, 4, 5].map((n) => `Post ${n} is great and helpful`));
    // Sentiment was scored at import and handed over with the rows: every post is positive.
    expect(after.report.series.sentiment_positive_share).toEqual([1]);
    await alone.delete();
  });

  it('undoing the longer export instead removes only what it added', async () => {
    await importPosts('jan-jun.csv', [1, 2, 3]);
    await importPosts('jan-dec.csv', [1, 2, 3, 4, 5]);
    await undoImport(db, (await listImports(db)).find((i) => i.fileName === 'jan-dec.csv')!.id);
    const after = await state();
    expect(after.keys).toEqual(['discourse:p:1:1', 'discourse:p:1:2', 'discourse:p:1:3']);
    expect(after.imports).toEqual([['jan-jun.csv', 5]]);
  });

  it('undoing both (either order) leaves nothing, and nothing of the shares', async () => {
    await importPosts('a.csv', [1, 2]);
    await importPosts('b.csv', [2, 3]);
    await importPosts('c.csv', [1, 3, 4]);
    const ids = Object.fromEntries((await listImports(db)).map((i) => [i.fileName, i.id]));
    await undoImport(db, ids['a.csv']!);
    // Post 1 went to c (b does not hold it), post 2 to b.
    expect((await state()).keys).toEqual([
      'discourse:p:1:1',
      'discourse:p:1:2',
      'discourse:p:1:3',
      'discourse:p:1:4',
    ]);
    await undoImport(db, ids['c.csv']!);
    expect((await state()).keys).toEqual(['discourse:p:1:2', 'discourse:p:1:3']);
    await undoImport(db, ids['b.csv']!);
    expect((await state()).keys).toEqual([]);
    for (const t of db.tables) if (t.schema.idxByName.importId) expect(await t.count(), t.name).toBe(0);
  });

  it('when several imports hold a record, the earliest listed one keeps it', async () => {
    await importPosts('a.csv', [1]);
    await importPosts('b.csv', [1, 2]);
    await importPosts('c.csv', [1, 3]);
    const ids = Object.fromEntries((await listImports(db)).map((i) => [i.fileName, i.id]));
    await undoImport(db, ids['a.csv']!);
    await undoImport(db, ids['b.csv']!);
    // b kept post 1 when a went; b's undo then hands it to c.
    expect((await state()).keys).toEqual(['discourse:p:1:1', 'discourse:p:1:3']);
  });

  it('a file entirely held by an earlier import adds nothing and keeps no history row, so undoing the earlier one removes it all', async () => {
    await importPosts('all.csv', [1, 2, 3]);
    const again = await importPosts('part.csv', [1, 2]);
    expect(again.status).toBe('already-imported');
    await undoImport(db, (await listImports(db))[0]!.id);
    expect((await state()).keys).toEqual([]);
  });

  it('an import written by an older Hearth (old chunk layout) hands its shared rows over too', async () => {
    const v1 = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/db/v1.json'), 'utf8');
    await restoreBackup(db, v1);
    const before = await state();
    const file = 'tests/fixtures/formats/discourse-posts/posts-2025.csv';
    const csv = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8');
    const later = `${csv.trimEnd()}\n999999,4242,1,quinn_sato,2025-03-30T10:00:00Z,A late thread,General,This is broken and I am annoyed\n`;
    await importFile(db, new File([later], 'posts-later.csv'), { timeZone: 'UTC' }, () => undefined);
    const old = (await listImports(db)).find((i) => i.fileName === 'posts-2025.csv')!;
    await undoImport(db, old.id);
    const after = await state();
    // Every post of the old import is still there (now posts-later's), plus the late one.
    const oldPosts = before.keys.filter((k) => k.startsWith('discourse:p:'));
    expect(oldPosts.length).toBeGreaterThan(0);
    expect(after.keys).toEqual([...oldPosts, 'discourse:p:4242:1'].sort());
    expect(after.texts).toContain('This is broken and I am annoyed');
  });
});
