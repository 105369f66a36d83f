import { describe, expect, it } from 'vitest';
import { emptyBatch, type ActivityRecord, type RecordBatch } from '../model/records';
import { RecordAccumulator } from './accumulate';

function batch(activities: Partial<ActivityRecord>[], extra: Partial<RecordBatch> = {}): RecordBatch {
  const b = emptyBatch();
  b.activities = activities.map((a) => ({ source: 'discord', personKey: 'discord:1', kind: 'message', at: 0, ...a }) as ActivityRecord);
  return { ...b, ...extra };
}

describe('RecordAccumulator', () => {
  it('keeps the first activity of each key, across and within batches, in order', () => {
    const acc = new RecordAccumulator();
    acc.add(batch([{ key: 'a', text: 'first' }, { key: 'b' }, { key: 'a', text: 'repeat in the same file' }]));
    acc.add(batch([{ key: 'b', text: 'later export' }, { key: 'c' }]));
    expect(acc.result().activities.map((a) => [a.key, a.text])).toEqual([
      ['a', 'first'],
      ['b', undefined],
      ['c', undefined],
    ]);
  });

  it('keeps 200k distinct keys (no false repeats from the hashed key set)', () => {
    const acc = new RecordAccumulator();
    const keys = Array.from({ length: 200_000 }, (_, i) => ({ key: `discord:m:${i.toString(36)}` }));
    acc.add(batch(keys.slice(0, 120_000)));
    acc.add(batch(keys.slice(100_000)));
    expect(acc.result().activities.length).toBe(200_000);
  });

  it('takes an only batch as it is (keys known unique) and refuses a batch after it', () => {
    const acc = new RecordAccumulator();
    acc.add(batch([{ key: 'a' }, { key: 'b' }]), true);
    expect(acc.result().activities.map((a) => a.key)).toEqual(['a', 'b']);
    expect(() => acc.add(batch([{ key: 'c' }]))).toThrow('after the only batch');
  });

  it('lets the latest import win for campaigns', () => {
    const acc = new RecordAccumulator();
    const c = { key: 'mc:1', source: 'mailchimp', title: 'May', sentAt: 0, delivered: 10, uniqueOpens: 1, uniqueClicks: 0 };
    acc.add(batch([], { campaigns: [c] }));
    acc.add(batch([], { campaigns: [{ ...c, uniqueOpens: 5 }] }));
    expect(acc.result().campaigns).toEqual([{ ...c, uniqueOpens: 5 }]);
  });
});
