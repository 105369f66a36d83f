import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../domain/model/records';
import { KeyHashSet } from '../domain/model/key-set';
import { unpackStrings } from '../domain/metrics/packed-strings';
import { ActivityTableBuilder } from '../domain/metrics/activity-table';
import { decodeChunk, encodeChunk, scoreChunkColumn, selectRows, type ActivityChunk } from './activity-chunks';

const act = (i: number, extra: Partial<ActivityRecord>): ActivityRecord => ({ key: `t:a:${i}`, source: 't', personKey: `t:p${i % 2}`, kind: 'message', at: 1_700_000_000_000 + i, ...extra });

describe('activity chunk layout', () => {
  const recs = [
    act(1, { channel: 'general', text: 'hi' }),
    act(2, { channel: 'general' }),
    act(3, {}),
    act(4, { kind: 'attend', channel: '' }),
    act(5, { kind: 'reply', channel: 'help', threadKey: 't:t:1', url: 'https://x.org/1', title: 'T' }),
    act(6, { text: '' }),
    act(7, { text: 'é 👍 long enough to be sliced, not copied' }),
  ];

  it('stores each source once and keeps mixed sources and channels apart row by row', () => {
    const mixed = [act(1, { source: 'a', channel: 'x' }), act(2, { source: 'b', channel: 'x' }), act(3, { source: 'a', channel: 'y' }), act(4, { source: 'a' }), act(5, { source: 'b', channel: 'x' })];
    const c = encodeChunk('i:0', 'i', mixed, null);
    expect(c.sources).toEqual(['a', 'b']);
    expect([...c.sourceIdx]).toEqual([0, 1, 0, 0, 1]);
    expect([...c.channelIdx!]).toEqual([1, 1, 2, 0, 1]);
    expect(decodeChunk(c)).toEqual(mixed);
  });

  it('stores each channel name once and decodes every record as it was (no channel, an empty name, repeats)', () => {
    const c = encodeChunk('i:0', 'i', recs, new Float64Array(recs.length).fill(Number.NaN));
    expect(c.channels).toEqual(['general', '', 'help']);
    expect([...c.channelIdx!]).toEqual([1, 1, 0, 2, 3, 0, 0]);
    expect(c.channel).toBeUndefined();
    expect(decodeChunk(c)).toEqual(recs);
    expect('channel' in decodeChunk(c)[2]!).toBe(false);
    expect(decodeChunk(c)[3]!.channel).toBe('');
  });

  it('stores links and titles sparse — none for activities without — and still reads a null per activity', () => {
    const chat = Array.from({ length: 3_000 }, (_, i) => act(i, { text: `m${i}` }));
    const bare = encodeChunk('i:0', 'i', chat, null);
    expect(bare.url).toHaveLength(0);
    expect(bare.title).toHaveLength(0);
    // One link far into the chunk: stored as that one value, through a structured clone (postMessage, IndexedDB) too.
    const one = [...chat.slice(0, 2_999), act(2_999, { url: 'https://x.org/t/1', title: 'Last' })];
    const c = structuredClone(encodeChunk('i:0', 'i', one, null));
    expect(Object.keys(c.url)).toEqual(['2999']);
    expect(decodeChunk(c)).toEqual(one);
    expect(decodeChunk(structuredClone(selectRows(c, [0, 2_999])))).toEqual([one[0], one[2_999]]);
    // Chunks written before: a null in every row without one.
    const old: ActivityChunk = { ...encodeChunk('i:0', 'i', recs, null), url: recs.map((r) => r.url ?? null), title: recs.map((r) => r.title ?? null) };
    expect(decodeChunk(old)).toEqual(recs);
  });

  it('packs the person table as one string, and still reads a chunk with one string per person', () => {
    const c = encodeChunk('i:0', 'i', recs, null);
    expect(c.persons).toBeUndefined();
    expect(unpackStrings(c.personPack!)).toEqual(['t:p1', 't:p0']);
    expect([...c.person]).toEqual([0, 1, 0, 1, 0, 1, 0]);
    const { personPack: _p, ...rest } = c;
    const old: ActivityChunk = { ...rest, persons: ['t:p1', 't:p0'] };
    expect(decodeChunk(old)).toEqual(recs);
    expect(decodeChunk(structuredClone(c))).toEqual(recs);
  });

  it('still reads chunks of the first layout (one channel string per activity)', () => {
    const { channels: _c, channelIdx: _i, ...rest } = encodeChunk('i:0', 'i', recs, new Float64Array(recs.length).fill(Number.NaN));
    const old: ActivityChunk = { ...rest, channel: recs.map((r) => r.channel ?? null) };
    expect(decodeChunk(old)).toEqual(recs);
  });

  it('packs keys and texts as one string each, keeping "no text" apart from an empty one', () => {
    const c = encodeChunk('i:0', 'i', recs, null);
    expect(c.keys).toBeUndefined();
    expect(c.text).toBeUndefined();
    expect(c.keyPack!.pack).toBe(recs.map((r) => r.key).join(''));
    expect(unpackStrings(c.keyPack!)).toEqual(recs.map((r) => r.key));
    expect(unpackStrings(c.textPack!)).toEqual(recs.map((r) => r.text ?? null));
    expect([...c.textPack!.len]).toEqual([2, -1, -1, -1, -1, 0, recs[6]!.text!.length]);
    const decoded = decodeChunk(c);
    expect(decoded[5]!.text).toBe('');
    expect('text' in decoded[1]!).toBe(false);
  });

  it('still reads chunks written before keys and texts were packed (one string per activity)', () => {
    const { keyPack: _k, textPack: _t, ...rest } = encodeChunk('i:0', 'i', recs, new Float64Array(recs.length).fill(Number.NaN));
    const old: ActivityChunk = { ...rest, keys: recs.map((r) => r.key), text: recs.map((r) => r.text ?? null) };
    expect(decodeChunk(old)).toEqual(recs);
    expect(scoreChunkColumn(old)).toEqual(scoreChunkColumn(encodeChunk('i:0', 'i', recs, null)));
  });

  it('selects rows with their own keys and texts', () => {
    const c = encodeChunk('i:0', 'i', recs, null);
    expect(decodeChunk(selectRows(c, [0, 5, 6]))).toEqual([recs[0], recs[5], recs[6]]);
    expect(decodeChunk(selectRows(c, []))).toEqual([]);
  });

  it('a table built from chunks drops a key met before, hashed where it lies in the packed keys', () => {
    const b = new ActivityTableBuilder(true);
    b.addColumns(encodeChunk('i:0', 'i', recs.slice(0, 4), null), undefined);
    b.addColumns(encodeChunk('i:1', 'i', recs.slice(2), null), undefined);
    const t = b.build();
    expect(Array.from({ length: t.n }, (_, i) => t.key.get(i))).toEqual(recs.map((r) => r.key));
    expect(Array.from({ length: t.n }, (_, i) => t.text.get(i))).toEqual(recs.map((r) => r.text ?? null));
    // The same hash as the whole key string.
    const set = new KeyHashSet();
    set.add('xx' + recs[3]!.key + 'yy', 2, 2 + recs[3]!.key.length);
    expect(set.has(recs[3]!.key)).toBe(true);
    expect(set.has(recs[2]!.key)).toBe(false);
  });
});
