import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createImportWatch } from './import-watch';

/** A lock whose state the test sets, counting the looks at it. */
function fakeLock() {
  const lock = { held: false, looks: 0 };
  const held = () => {
    lock.looks++;
    return Promise.resolve(lock.held);
  };
  return { lock, held };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createImportWatch', () => {
  it('idle: one look per check, no polling', async () => {
    const { lock, held } = fakeLock();
    const changes: boolean[] = [];
    const watch = createImportWatch({ held, onChange: (v) => changes.push(v) });
    watch.check();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lock.looks).toBe(1);
    watch.check();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lock.looks).toBe(2);
    expect(changes).toEqual([]);
  });

  it('an announced import shows at once, is polled once a second while it runs, and goes once the lock is free twice', async () => {
    const { lock, held } = fakeLock();
    const changes: boolean[] = [];
    const watch = createImportWatch({ held, onChange: (v) => changes.push(v) });
    lock.held = true;
    watch.check(true);
    expect(changes).toEqual([true]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lock.looks).toBeGreaterThanOrEqual(5);
    expect(lock.looks).toBeLessThanOrEqual(7);
    expect(changes).toEqual([true]);
    lock.held = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([true]); // seen free once: the gap between two files?
    await vi.advanceTimersByTimeAsync(300);
    expect(changes).toEqual([true, false]);
    const looks = lock.looks;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lock.looks).toBe(looks); // idle again: no polling
  });

  it('the lock let go of between two files does not hide the notice', async () => {
    const { lock, held } = fakeLock();
    const changes: boolean[] = [];
    const watch = createImportWatch({ held, onChange: (v) => changes.push(v) });
    lock.held = true;
    watch.check(true);
    await vi.advanceTimersByTimeAsync(1_500);
    lock.held = false; // seen free at the next look…
    await vi.advanceTimersByTimeAsync(600);
    lock.held = true; // …and held again at the one after
    await vi.advanceTimersByTimeAsync(3_000);
    expect(changes).toEqual([true]);
  });

  it('without an announcement (a tab opened mid-import), the lock held at two looks shows the notice; held once (start-up recovery) does not', async () => {
    const { lock, held } = fakeLock();
    const changes: boolean[] = [];
    const watch = createImportWatch({ held, onChange: (v) => changes.push(v) });
    lock.held = true;
    watch.check();
    await Promise.resolve();
    expect(changes).toEqual([]);
    lock.held = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(changes).toEqual([]);
    expect(lock.looks).toBe(2);

    lock.held = true;
    watch.check();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([true]);
    watch.stop();
    const looks = lock.looks;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lock.looks).toBe(looks);
  });

  it('a failed look counts as free', async () => {
    const changes: boolean[] = [];
    const watch = createImportWatch({
      held: () => Promise.reject(new Error('no')),
      onChange: (v) => changes.push(v),
    });
    watch.check(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([true, false]);
  });
});
