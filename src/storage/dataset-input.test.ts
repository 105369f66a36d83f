/**
 * The dashboard builds the metric engine's activities as columns straight from the stored chunks
 * (loadDatasetInput); the command and loadRecords go through one record object per activity. Both
 * must give the same dataset and the same numbers, whatever is stored: several imports that overlap
 * (the first activity with a key wins), scores of an older scorer (texts scored again), chunks in
 * the layout before channel interning, merges and sentiment corrections.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listeningView } from '../domain/listening';
import { activityAt, buildReport, prepareDataset, type Dataset } from '../domain/metrics';
import { textAt } from '../domain/metrics/dataset';
import { memberTimeline } from '../domain/metrics/members';
import { labelFor, scoreText, type SentimentLabel } from '../domain/sentiment';
import { SENT_NEGATIVE, SENT_POSITIVE } from '../domain/metrics/dataset';
import { importFile } from '../workers/import-runner';
import type { HearthDb } from './db';
import { freshDbPerTest } from './test-db';
import { loadDatasetInput, loadRecords, loadTexts, sourceSummaries } from './records-repo';
import type { ActivityTable } from '../domain/metrics/activity-table';
import type { ActivityChunk } from './activity-chunks';
import { columnKeys, columnTexts } from '../domain/metrics/activity-table';
import { unpackStrings } from '../domain/metrics/packed-strings';
import { encodeChunk } from './activity-chunks';
import { SCHEMA_VERSION, type ActivityRecord } from '../domain/model/records';

const root = resolve(import.meta.dirname, '../..');
let db: HearthDb;
freshDbPerTest('dataset-input', (d) => (db = d));

async function importNamed(name: string, bytes: Uint8Array) {
  return importFile(db, new File([bytes as Uint8Array<ArrayBuffer>], name), { timeZone: 'UTC', eventDate: Date.UTC(2025, 8, 20) }, () => undefined);
}

async function bothWays(merges: Array<[string, string]>, sentimentOverrides: Record<string, SentimentLabel>): Promise<[Dataset, Dataset, ActivityTable]> {
  const viaRecords = await loadRecords(db);
  const viaColumns = await loadDatasetInput(db);
  expect(viaColumns.imports).toEqual(viaRecords.imports);
  expect(viaColumns.records.activities).toEqual([]);
  expect({ ...viaColumns.records, activities: viaRecords.records.activities }).toEqual(viaRecords.records);
  expect(viaColumns.activities.n).toBe(viaRecords.records.activities.length);
  return [
    prepareDataset({ records: viaRecords.records, merges, sentimentOverrides }),
    prepareDataset({ records: viaColumns.records, activities: viaColumns.activities, merges, sentimentOverrides }),
    viaColumns.activities,
  ];
}

function expectSameDataset(a: Dataset, b: Dataset): void {
  expect(b.n).toBe(a.n);
  for (const col of ['at', 'person', 'kind', 'source', 'sentiment', 'event', 'ttfr', 'firstAt'] as const) expect(b[col], col).toEqual(a[col]);
  expect(b.sources).toEqual(a.sources);
  expect(b.events).toEqual(a.events);
  expect(b.persons).toEqual(a.persons);
  expect(b.otherDated).toEqual(a.otherDated);
  for (let i = 0; i < a.n; i++) expect(activityAt(b, i)).toEqual(activityAt(a, i));
}

describe('loadDatasetInput (columns from chunks) = loadRecords (one record per activity)', () => {
  it('gives the same dataset, report, timelines and listening view for the sample data with overlaps, stale scores, the old chunk layout, merges and corrections', async () => {
    const dir = resolve(root, 'sample-data');
    const files = readdirSync(dir).filter((f) => f !== 'README.md').sort();
    let imported = 0;
    for (const f of files) if ((await importNamed(f, readFileSync(resolve(dir, f)))).status === 'imported') imported++;
    expect(imported).toBeGreaterThan(15);
    // An overlapping later export: the same posts plus one more (its repeats must not count twice).
    const posts = readFileSync(resolve(dir, 'discourse-posts.csv'), 'utf8').trimEnd();
    const extra = `${posts}\n999999,4242,1,quinn_sato,2025-12-30T10:00:00Z,A late thread,General,This is broken and I am annoyed\n`;
    const overlap = await importNamed('discourse-posts-later.csv', new TextEncoder().encode(extra));
    expect(overlap.status).toBe('imported');
    expect(overlap.added).toBe(1);

    // A chunk scored by an older scorer, and a chunk in the layout before channel names were interned.
    const chunks = await db.activityChunks.toArray();
    // Texts are stored apart (schema 2): a chunk holds their lengths, activityTexts their characters.
    const stored = new Map((await db.activityTexts.toArray()).map((r) => [r.id, r.pack]));
    expect(stored.size).toBe(chunks.length);
    const textsOf = (c: ActivityChunk) => unpackStrings(columnTexts({ textPack: { pack: stored.get(c.id)!, len: c.textLen! } }));
    const withText = chunks.find((c) => textsOf(c).some((t) => t) && c.score)!;
    const withTextKeys = unpackStrings(columnKeys(withText));
    const withTextTexts = textsOf(withText);
    await db.activityChunks.put({ ...withText, scoreVersion: 'an older scorer', score: new Float64Array(withText.count) });
    const withChannel = chunks.find((c) => c !== withText && c.channelIdx?.some((x) => x !== 0))!;
    const { channels, channelIdx, ...rest } = withChannel;
    await db.activityChunks.put({ ...rest, channel: Array.from(channelIdx!, (x) => (x === 0 ? null : channels![x - 1]!)) });
    // And one in the layout before keys and texts were packed (one string per activity).
    const withPacks = chunks.find((c) => c !== withText && c !== withChannel && c.keyPack)!;
    const { keyPack, textLen: _len, ...unpacked } = withPacks;
    await db.activityChunks.put({ ...unpacked, keys: unpackStrings(keyPack!) as string[], text: textsOf(withPacks) });
    await db.activityTexts.delete(withPacks.id);

    const [a0] = await bothWays([], {});
    const somePerson = a0.persons.find((p) => p.keys.length > 0 && a0.person.includes(p.id))!;
    const other = a0.persons.find((p) => p.id !== somePerson.id && a0.person.includes(p.id))!;
    const merges: Array<[string, string]> = [[somePerson.keys[0]!, other.keys[0]!]];
    const corrected = activityAt(a0, a0.sentiment.findIndex((s) => s !== 0));
    const overrides: Record<string, SentimentLabel> = { [corrected.key]: 'negative' };

    const [a, b, table] = await bothWays(merges, overrides);
    const { imports } = await loadRecords(db);
    const options = { timeZone: 'UTC', sourceSummaries: sourceSummaries(imports) };
    expect(buildReport(b, options)).toEqual(buildReport(a, options));
    // The same numbers without reading the texts stored apart: they load when a page needs them.
    expect(table.text.unloaded().length).toBeGreaterThan(0);
    expect(() => Array.from({ length: b.n }, (_, i) => textAt(b, i))).toThrow(/not loaded/);
    await loadTexts(db, table);
    expect(table.text.unloaded()).toEqual([]);
    expectSameDataset(a, b);
    expect(memberTimeline(b, somePerson.keys[0]!)).toEqual(memberTimeline(a, somePerson.keys[0]!));
    expect(listeningView(b, { timeZone: 'UTC' }, overrides)).toEqual(listeningView(a, { timeZone: 'UTC' }, overrides));
    // The stale chunk's texts were scored again: its stored zeros (neutral) were not used.
    const index = new Map(Array.from({ length: b.n }, (_, i) => [activityAt(b, i).key, i]));
    const clear = withTextKeys.findIndex((k, j) => k !== null && index.has(k) && !(k in overrides) && Math.abs(scoreText(withTextTexts[j] ?? '')) >= 0.05);
    expect(clear).toBeGreaterThanOrEqual(0);
    const label = labelFor(scoreText(withTextTexts[clear]!));
    expect(b.sentiment[index.get(withTextKeys[clear]!)!]).toBe(label === 'positive' ? SENT_POSITIVE : SENT_NEGATIVE);
  });

  it('across imports the first activity with a key wins, as RecordAccumulator decides (chunks stored directly)', async () => {
    // ImportWriter never stores a key twice; storage written otherwise (an older version, two tabs) might.
    const at = Date.UTC(2025, 2, 1);
    const act = (key: string, text: string, personKey: string): ActivityRecord => ({ key, source: 't', personKey, kind: 'message', at, text });
    const stored: Array<[string, ActivityRecord[]]> = [
      ['imp-1', [act('t:1', 'I love it', 't:ann'), act('t:2', 'fine', 't:bob')]],
      ['imp-2', [act('t:2', 'This is broken and awful', 't:cat'), act('t:3', 'thanks!', 't:bob')]],
    ];
    for (const [n, [id, acts]] of stored.entries()) {
      await db.imports.add({ id, fileName: `${id}.csv`, format: 'test', contentHash: id, startedAt: n, status: 'complete', rows: 2, imported: 2, skipped: 0, added: 2, issues: [], schemaVersion: SCHEMA_VERSION });
      await db.activityChunks.add(encodeChunk(`${id}:0`, id, acts));
    }
    const [a, b] = await bothWays([], {});
    expectSameDataset(a, b);
    expect(Array.from({ length: b.n }, (_, i) => activityAt(b, i).text)).toEqual(['I love it', 'fine', 'thanks!']);
    // t:cat's only activity was the repeat: not a member.
    expect(b.persons.map((p) => p.keys).flat().sort()).toEqual(['t:ann', 't:bob']);
  });
});
