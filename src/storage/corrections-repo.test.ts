import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyBatch, type ActivityRecord } from '../domain/model/records';
import type { SentimentLabel } from '../domain/sentiment';
import { ComputeEngine } from '../workers/compute-runner';
import { correctionMap, listCorrections, removeCorrection, setCorrection } from './corrections-repo';
import { HearthDb } from './db';
import { freshDbPerTest } from './test-db';
import { ImportWriter } from './import-writer';

let db: HearthDb;
freshDbPerTest('corrections-test', (d) => (db = d));

describe('corrections-repo', () => {
  it('stores, replaces, lists and removes corrections', async () => {
    await setCorrection(db, 'discourse:post:1', 'positive', 100);
    await setCorrection(db, 'slack:msg:9', 'negative', 50);
    expect(await listCorrections(db)).toEqual([
      { activityKey: 'slack:msg:9', label: 'negative', createdAt: 50 },
      { activityKey: 'discourse:post:1', label: 'positive', createdAt: 100 },
    ]);
    await setCorrection(db, 'discourse:post:1', 'neutral', 200);
    expect(await correctionMap(db)).toEqual({ 'discourse:post:1': 'neutral', 'slack:msg:9': 'negative' });
    await removeCorrection(db, 'discourse:post:1');
    await removeCorrection(db, 'not:there');
    expect(await correctionMap(db)).toEqual({ 'slack:msg:9': 'negative' });
  });

  it('rejects what is not a label or has no key', async () => {
    await expect(setCorrection(db, 'k', 'angry' as SentimentLabel)).rejects.toThrow(/Not a sentiment label/);
    await expect(setCorrection(db, '', 'positive')).rejects.toThrow(/activity key/);
    expect(await listCorrections(db)).toEqual([]);
  });

  it('persists across connections (a reload)', async () => {
    await setCorrection(db, 'discourse:post:1', 'positive', 1);
    const again = new HearthDb(db.name);
    await again.open();
    expect(await correctionMap(again)).toEqual({ 'discourse:post:1': 'positive' });
    again.close();
  });

  it('is applied by the compute engine to the month’s shares, and undone', async () => {
    // Jan 2025: "I hate this, terrible" (negative), "Love it, great work" (positive), "See you Tuesday" (neutral).
    const at = Date.UTC(2025, 0, 10);
    const acts: ActivityRecord[] = [
      { key: 't:a:1', source: 't', personKey: 't:ann', kind: 'message', at, text: 'I hate this, it is terrible.' },
      { key: 't:a:2', source: 't', personKey: 't:bob', kind: 'message', at: at + 1, text: 'Love it, great work!' },
      { key: 't:a:3', source: 't', personKey: 't:cat', kind: 'message', at: at + 2, text: 'See you on Tuesday.' },
    ];
    const writer = await ImportWriter.begin(db, 'chat.csv', 'hash-1');
    await writer.write({ ...emptyBatch(), activities: acts });
    await writer.commit({ format: 'test', rows: 3, imported: 3, skipped: 0, issues: [] });
    const engine = new ComputeEngine(db);
    const neg = async (v: number) => (await engine.report(v, {}))!.series.sentiment_negative_share[0];
    expect(await neg(1)).toBeCloseTo(1 / 3, 15);
    await setCorrection(db, 't:a:1', 'positive');
    expect(await neg(2)).toBe(0);
    expect((await engine.report(2, {}))!.series.sentiment_positive_share[0]).toBeCloseTo(2 / 3, 15);
    await removeCorrection(db, 't:a:1');
    expect(await neg(3)).toBeCloseTo(1 / 3, 15);
  });
});
