import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../domain/model/records';
import { decodeChunk, encodeChunk, type ActivityChunk } from './activity-chunks';

const act = (i: number, extra: Partial<ActivityRecord>): ActivityRecord => ({ key: `t:a:${i}`, source: 't', personKey: `t:p${i % 2}`, kind: 'message', at: 1_700_000_000_000 + i, ...extra });

describe('activity chunk layout', () => {
  const recs = [
    act(1, { channel: 'general', text: 'hi' }),
    act(2, { channel: 'general' }),
    act(3, {}),
    act(4, { kind: 'attend', channel: '' }),
    act(5, { kind: 'reply', channel: 'help', threadKey: 't:t:1', url: 'https://x.org/1', title: 'T' }),
  ];

  it('stores each channel name once and decodes every record as it was (no channel, an empty name, repeats)', () => {
    const c = encodeChunk('i:0', 'i', recs, new Float64Array(recs.length).fill(Number.NaN));
    expect(c.channels).toEqual(['general', '', 'help']);
    expect([...c.channelIdx!]).toEqual([1, 1, 0, 2, 3]);
    expect(c.channel).toBeUndefined();
    expect(decodeChunk(c)).toEqual(recs);
    expect('channel' in decodeChunk(c)[2]!).toBe(false);
    expect(decodeChunk(c)[3]!.channel).toBe('');
  });

  it('still reads chunks of the first layout (one channel string per activity)', () => {
    const { channels: _c, channelIdx: _i, ...rest } = encodeChunk('i:0', 'i', recs, new Float64Array(recs.length).fill(Number.NaN));
    const old: ActivityChunk = { ...rest, channel: recs.map((r) => r.channel ?? null) };
    expect(decodeChunk(old)).toEqual(recs);
  });
});
