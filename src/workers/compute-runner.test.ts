import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildReport, prepareDataset } from '../domain/metrics';
import { emptyBatch, type ActivityRecord } from '../domain/model/records';
import { HearthDb } from '../storage/db';
import { freshDbPerTest } from '../storage/test-db';
import { CHUNK_SIZE, ImportWriter } from '../storage/import-writer';
import { loadRecords, sourceSummaries } from '../storage/records-repo';
import { ComputeEngine, neighbourFilters, type LoadState } from './compute-runner';

let db: HearthDb;
freshDbPerTest('compute', (d) => (db = d));

describe('neighbourFilters', () => {
  it('lists every source alone and every source but one, without the current filter', () => {
    expect(neighbourFilters(['a'], undefined)).toEqual([]);
    expect(neighbourFilters(['b', 'a'], undefined)).toEqual([['a'], ['b']]);
    expect(neighbourFilters(['a', 'b', 'c'], undefined)).toEqual([['b', 'c'], ['a', 'c'], ['a', 'b'], ['a'], ['b'], ['c']]);
    expect(neighbourFilters(['a', 'b', 'c'], ['c', 'b'])).toEqual([['a', 'c'], ['a', 'b'], ['a'], ['b'], ['c']]);
  });
});

describe('ComputeEngine', () => {
  it('does not warm up outside a worker unless asked (the page’s fallback engine)', async () => {
    const w = await ImportWriter.begin(db, 'c.csv', 'h');
    await w.write({ ...emptyBatch(), activities: ['x', 'y'].map((source) => ({ key: `${source}:a`, source, personKey: `${source}:p`, kind: 'message' as const, at: Date.UTC(2025, 0, 1) })) });
    await w.commit({ format: 'test', rows: 2, imported: 2, skipped: 0, issues: [] });
    const engine = new ComputeEngine(db);
    await engine.report(1, {});
    await engine.idle();
    await new Promise((r) => setTimeout(r, 10));
    const ds = await engine.query(1, (d) => d);
    expect([...ds.cache.keys()].filter((k) => k.startsWith('full|'))).toHaveLength(1);
  });

  it('after a report, memoises the one-click source filters in the background, with the same numbers', async () => {
    const acts: ActivityRecord[] = [];
    for (let i = 0; i < 300; i++) {
      const source = ['x', 'y', 'z'][i % 3]!;
      acts.push({ key: `${source}:a${i}`, source, personKey: `${source}:p${i % 17}`, kind: i % 5 === 0 ? 'post' : 'reply', threadKey: `${source}:t${i % 11}`, at: Date.UTC(2025, i % 12, 1 + (i % 27)), text: i % 2 ? 'Love it, great work!' : 'This is broken' });
    }
    const w = await ImportWriter.begin(db, 'chat.csv', 'h');
    await w.write({ ...emptyBatch(), activities: acts });
    await w.commit({ format: 'test', rows: 300, imported: 300, skipped: 0, issues: [] });

    const engine = new ComputeEngine(db, true);
    const options = { timeZone: 'Europe/Paris', from: '2025-03', to: '2025-08' };
    await engine.report(1, options);
    await engine.idle();
    const ds = await engine.query(1, (d) => d);
    const full = [...ds.cache.keys()].filter((k) => k.startsWith('full|'));
    expect(full).toHaveLength(1 + neighbourFilters(['x', 'y', 'z'], undefined).length);

    const { records, imports } = await loadRecords(db);
    const fresh = prepareDataset({ records });
    for (const sources of [['x'], ['x', 'z'], ['y', 'z']]) {
      const before = ds.cache.size;
      const r = await engine.report(1, { ...options, sources });
      expect(r).toEqual(buildReport(fresh, { ...options, sources, sourceSummaries: sourceSummaries(imports) }));
      // Served from the memo: the report itself added no metric (only a new warm-up may follow).
      expect([...ds.cache.keys()].slice(before).filter((k) => k.includes(sources.join(',')))).toEqual([]);
    }
  });

  it('a newer report stops the previous warm-up', async () => {
    const acts: ActivityRecord[] = ['x', 'y', 'z', 'w'].map((source, i) => ({ key: `${source}:a`, source, personKey: `${source}:p`, kind: 'message', at: Date.UTC(2025, i, 1) }));
    const w = await ImportWriter.begin(db, 'chat.csv', 'h');
    await w.write({ ...emptyBatch(), activities: acts });
    await w.commit({ format: 'test', rows: 4, imported: 4, skipped: 0, issues: [] });
    const engine = new ComputeEngine(db, true);
    await engine.report(1, { timeZone: 'UTC' });
    await engine.report(1, { timeZone: 'Asia/Tokyo' });
    await engine.idle();
    const ds = await engine.query(1, (d) => d);
    const utc = [...ds.cache.keys()].filter((k) => k.startsWith('full|UTC|'));
    expect(utc.length).toBeLessThan(1 + neighbourFilters(['x', 'y', 'z', 'w'], undefined).length);
    expect([...ds.cache.keys()].filter((k) => k.startsWith('full|Asia/Tokyo|'))).toHaveLength(1 + 8);
  });

  it('tells what a dataset load is doing: chunks read (growing to all of them), preparing, ready', async () => {
    const acts: ActivityRecord[] = Array.from({ length: CHUNK_SIZE * 2 + 5 }, (_, i) => ({ key: `x:a${i}`, source: 'x', personKey: `x:p${i % 7}`, kind: 'message' as const, at: Date.UTC(2025, 0, 1) + i * 60_000 }));
    const w = await ImportWriter.begin(db, 'big.csv', 'h');
    await w.write({ ...emptyBatch(), activities: acts });
    await w.commit({ format: 'test', rows: acts.length, imported: acts.length, skipped: 0, issues: [] });
    const states: LoadState[] = [];
    const engine = new ComputeEngine(db, false, (s) => states.push(s));
    const report = await engine.report(1, { timeZone: 'UTC' });
    expect(report?.totals.activities).toBe(acts.length);
    const reading = states.filter((s) => s.phase === 'reading');
    expect(reading[0]).toEqual({ phase: 'reading', read: 0, total: 3 });
    expect(reading.at(-1)).toEqual({ phase: 'reading', read: 3, total: 3 });
    expect(reading.map((s) => s.read)).toEqual([...reading.map((s) => s.read)].sort((a, b) => a - b));
    expect(states.slice(reading.length)).toEqual([{ phase: 'preparing', activities: acts.length }, { phase: 'ready' }]);
    // The same data version again: no reload, nothing to tell.
    await engine.report(1, { timeZone: 'UTC', from: '2025-01', to: '2025-01' });
    expect(states).toHaveLength(reading.length + 2);
  });
});
