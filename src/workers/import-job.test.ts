import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { HearthDb } from '../storage/db';
import { freshDbPerTest } from '../storage/test-db';
import { progressThrottle, runImportJob } from './import-job';
import type { ImportEvent } from './import-protocol';
import { chatExportCsv } from './test-chat-export';

let db: HearthDb;
freshDbPerTest('job', (d) => (db = d));

describe('runImportJob', () => {
  it('sends progress at most every 250 ms, ending at the file size, and nothing after the file is done', async () => {
    const events: Array<[number, ImportEvent]> = [];
    const file = chatExportCsv(80_000); // ~12 MB: streamed
    await runImportJob(db, [file], { timeZone: 'UTC' }, (e) => events.push([Date.now(), e]), () => false);
    await new Promise((r) => setTimeout(r, 300)); // a held event would arrive now
    const progress = events.filter(([, e]) => e.type === 'progress') as Array<[number, Extract<ImportEvent, { type: 'progress' }>]>;
    expect(progress.length).toBeGreaterThan(2);
    // The last event (the file done) is sent at once; every other one waits out its 250 ms.
    for (let i = 1; i < progress.length - 1; i++) expect(progress[i]![0] - progress[i - 1]![0]).toBeGreaterThanOrEqual(245);
    const done = progress.map(([, e]) => e.progress.bytesDone);
    expect(done.at(-1)).toBe(file.size);
    expect(new Set(done).size).toBe(done.length); // never the same value twice
    for (let i = 1; i < done.length; i++) expect(done[i]).toBeGreaterThan(done[i - 1]!);
    expect(events.map(([, e]) => e.type).slice(-2)).toEqual(['file-done', 'done']);
  }, 60_000);
});

describe('progressThrottle', () => {
  const at = (bytesDone: number) => ({ fileName: 'f.csv', bytesDone, bytesTotal: 100 });

  it('holds an update that comes too soon and sends the latest one when the time is up', () => {
    vi.useFakeTimers();
    try {
      const sent: number[] = [];
      const t = progressThrottle((p) => sent.push(p.bytesDone), 250);
      t.update(at(10)); // sent at once
      vi.advanceTimersByTime(100);
      t.update(at(20)); // held
      t.update(at(30)); // replaces the held one
      expect(sent).toEqual([10]);
      vi.advanceTimersByTime(150);
      expect(sent).toEqual([10, 30]);
      t.update(at(30)); // the same value again: nothing new
      vi.advanceTimersByTime(1000);
      expect(sent).toEqual([10, 30]);
      t.update(at(100)); // the file done: at once
      expect(sent).toEqual([10, 30, 100]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stop drops a held update', () => {
    vi.useFakeTimers();
    try {
      const sent: number[] = [];
      const t = progressThrottle((p) => sent.push(p.bytesDone), 250);
      t.update(at(10));
      t.update(at(20));
      t.stop();
      vi.advanceTimersByTime(1000);
      expect(sent).toEqual([10]);
    } finally {
      vi.useRealTimers();
    }
  });
});
