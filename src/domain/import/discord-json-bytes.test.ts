import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyBatch, RECORD_KINDS, type RecordBatch } from '../model/records';
import { REGISTRY } from '../sources/registry';
import { importDiscordJsonBytes, readDiscordJsonFile, type DiscordJsonBytesOptions } from './discord-json-bytes';
import { importBytes } from './import-file';

const FIXTURES = [
  'tests/fixtures/formats/discord/Hearth Friends - general [1062012345678901234] (2025-01-31).json',
  'tests/fixtures/real/discord/Loomcraft - Text Channels - help [1100000000000000003].json',
  'sample-data/Loomcraft - Text Channels - patterns [1100000000000000004].json',
];

const read = (path: string) => new Uint8Array(readFileSync(join(process.cwd(), path)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const nameOf = (path: string) => path.split('/').pop()!;

/** The batches joined kind by kind, in order. */
function concat(batches: RecordBatch[]): RecordBatch {
  const all = emptyBatch();
  for (const b of batches) for (const k of RECORD_KINDS) (all[k] as unknown[]).push(...b[k]);
  return all;
}

function fast(name: string, bytes: Uint8Array, options?: DiscordJsonBytesOptions) {
  const batches: RecordBatch[] = [];
  const outcomes = importDiscordJsonBytes(name, bytes, { timeZone: 'UTC' }, REGISTRY, (b) => batches.push(b), options);
  return { outcomes, batches };
}

/** The bytes path and importBytes, each as JSON of its outcomes and its batches joined. */
function both(name: string, bytes: Uint8Array, options?: DiscordJsonBytesOptions) {
  const f = fast(name, bytes, options);
  const refBatches: RecordBatch[] = [];
  const ref = importBytes(name, bytes, { timeZone: 'UTC' }, REGISTRY, (b) => refBatches.push(b));
  return {
    fast: f.outcomes && JSON.stringify({ outcomes: f.outcomes, batch: concat(f.batches) }),
    ref: JSON.stringify({ outcomes: ref, batch: concat(refBatches) }),
    batches: f.batches,
  };
}

/** A DiscordChatExporter document with `n` messages: replies, reactions, a bot, a skipped one. */
function chat(n: number): string {
  const messages = Array.from({ length: n }, (_, i) => ({
    id: String(1000 + i),
    type: i % 7 === 3 ? 'Reply' : 'Default',
    timestamp: i === 5 ? 'not a date' : new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    content: i % 5 === 0 ? '' : `message ${i} — café 🧶`,
    author: { id: `u${i % 13}`, name: `user${i % 13}`, ...(i % 13 === 4 ? { isBot: true } : {}), ...(i % 2 ? { nickname: `Nick ${i % 13}` } : {}) },
    ...(i % 7 === 3 ? { reference: { messageId: String(1000 + i - 2) } } : {}),
    reactions: i % 4 === 0 ? [{ emoji: { id: null, name: '👍' }, count: 2, users: [{ id: `u${(i + 1) % 13}`, name: `user${(i + 1) % 13}` }, { id: 'u99', name: 'late' }] }] : [],
  }));
  return JSON.stringify({ guild: { id: '1', name: 'G' }, channel: { id: '2', name: 'général' }, messages, messageCount: n }, null, 2);
}

describe('importDiscordJsonBytes', () => {
  it('reads DiscordChatExporter JSON exactly as importBytes does', () => {
    for (const path of FIXTURES) {
      const bytes = read(path);
      for (const options of [undefined, { validUtf8: true }, { decode: (a: number, b: number) => new TextDecoder().decode(bytes.subarray(a, b)) }]) {
        const { fast, ref } = both(nameOf(path), bytes, options);
        expect(fast, path).not.toBeNull();
        expect(fast, path).toBe(ref);
      }
    }
    // One with thousands of messages, several batches and every kind of record.
    const { fast: big, ref, batches } = both('big.json', utf8(chat(12_345)));
    expect(big).toBe(ref);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('decodes non-ASCII text per message (emoji, accents, escapes)', () => {
    const doc = {
      guild: { name: 'Zoë’s 🧶' },
      channel: { name: 'général' },
      messages: [
        { id: '1', type: 'Default', timestamp: '2025-01-01T10:00:00+00:00', content: 'Merci 👍 “great”', author: { id: 'a', name: 'zoë' }, reactions: [{ emoji: { name: '❤️' }, users: [{ id: 'b', name: 'ßen' }] }] },
        { id: '2', type: 'Reply', timestamp: '2025-01-01T11:00:00+00:00', content: 'line\nbreak \u2028 "quoted" \ufeff', author: { id: 'b' }, reference: { messageId: '1' } },
      ],
    };
    for (const text of [JSON.stringify(doc, null, 2), JSON.stringify(doc)]) {
      const { fast, ref } = both('x.json', utf8(text));
      expect(fast).not.toBeNull();
      expect(fast).toBe(ref);
      expect(fast).toContain('Merci 👍 “great”');
      expect(fast).toContain('général');
    }
  });

  it('leaves broken, BOM-prefixed, non-UTF-8 and other files to importBytes', () => {
    const text = JSON.stringify({ guild: {}, channel: { name: 'g' }, messages: [{ id: '1', timestamp: '2025-01-01T10:00:00Z', author: { id: 'a' } }] }, null, 2);
    expect(both('ok.json', utf8(text)).fast).not.toBeNull(); // what the cases below break
    const cases: [string, Uint8Array][] = [
      ['broken-discord.json', read('tests/fixtures/bad/broken-discord.json')],
      ['bom.json', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])],
      ['latin1.json', new Uint8Array([...text.replace('"g"', '"gé"')].map((c) => c.charCodeAt(0)))],
      ['x.csv', utf8('id,name\n1,a\n')],
      ['empty.json', new Uint8Array(0)],
      ['cut.json', utf8(text.slice(0, -10))],
      ['duplicate.json', utf8(text.replace(/\}$/, ', "messages": null}'))],
    ];
    for (const [name, bytes] of cases) {
      let called = 0;
      const out = importDiscordJsonBytes(name, bytes, { timeZone: 'UTC' }, REGISTRY, () => called++, { onProgress: () => called++ });
      expect(out, name).toBeNull();
      expect(called, name).toBe(0);
    }
  });

  it('leaves a file with an invalid UTF-8 byte to importBytes (inside a message or outside)', () => {
    // Past the first 256 KB (a bad byte in them makes the file Windows-1252 to sniffFile), in the
    // last message and after the messages.
    const text = chat(3_000)
      .replace('message 2999 — café', 'message 2999 — caf#')
      .replace(/"messageCount": 3000\n\}$/, '"messageCount": 3000,\n  "note": "n#"\n}');
    expect(text.indexOf('#')).toBeGreaterThan(256 * 1024);
    expect(both('ok.json', utf8(text)).fast).toBe(both('ok.json', utf8(text)).ref);
    for (const bad of [[0xff], [0xc3], [0xc0, 0xa9], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0xa7]]) {
      for (const at of ['caf#', 'n#']) {
        const i = text.indexOf(at) + at.length - 1;
        const bytes = new Uint8Array([...utf8(text.slice(0, i)), ...bad, ...utf8(text.slice(i + 1))]);
        // importBytes reads it (U+FFFD in place of the bad bytes): only the UTF-8 check refuses it here.
        expect(importBytes('bad.json', bytes, { timeZone: 'UTC' }, REGISTRY, () => undefined)[0]!.imported).toBeGreaterThan(2_000);
        expect(fast('bad.json', bytes).outcomes, `${bad.join(',')} in ${at}`).toBeNull();
        // A caller's decoder is no check: without validUtf8 the bytes are still checked.
        expect(fast('bad.json', bytes, { decode: (a, b) => new TextDecoder().decode(bytes.subarray(a, b)) }).outcomes).toBeNull();
      }
    }
  });

  it('hands the records over in batches of batchActivities that join into the single batch', () => {
    for (const [name, bytes] of [...FIXTURES.map((p) => [nameOf(p), read(p)] as const), ['big.json', utf8(chat(200))] as const]) {
      const one = fast(name, bytes, { batchActivities: Infinity });
      expect(one.batches, name).toHaveLength(1);
      const activities = one.batches[0]!.activities.length;
      expect(activities, name).toBeGreaterThan(2);
      for (const size of [1, 2, 3, 10_000]) {
        const split = fast(name, bytes, { batchActivities: size });
        expect(JSON.stringify(split.outcomes)).toBe(JSON.stringify(one.outcomes));
        expect(JSON.stringify(concat(split.batches)), `${name} by ${size}`).toBe(JSON.stringify(one.batches[0]));
        // Full batches without persons, then the last one with every person.
        expect(split.batches).toHaveLength(Math.floor(activities / size) + 1);
        const last = split.batches.at(-1)!;
        for (const b of split.batches.slice(0, -1)) {
          expect(b.activities).toHaveLength(size);
          expect(b.persons).toHaveLength(0);
        }
        expect(last.activities).toHaveLength(activities % size);
        expect(last.persons).toEqual(one.batches[0]!.persons);
      }
    }
    expect(() => fast('x.json', read(FIXTURES[0]!), { batchActivities: 0 })).toThrow(RangeError);
  });

  it('reports progress in bytes, monotonic, up to the total before the first batch', () => {
    const bytes = utf8(chat(12_345));
    const events: (number | 'batch')[] = [];
    const outcomes = importDiscordJsonBytes('big.json', bytes, { timeZone: 'UTC' }, REGISTRY, () => events.push('batch'), {
      onProgress: (done, total) => {
        expect(total).toBe(bytes.length);
        events.push(done);
      },
    });
    expect(outcomes).not.toBeNull();
    // Every 5,000 messages: the end of messages 5,000 and 10,000, then the whole file; then the batches.
    const ends = [...new TextDecoder('latin1').decode(bytes).matchAll(/\n {4}\}/g)].map((m) => m.index + m[0].length); // byte offsets
    expect(ends).toHaveLength(12_345);
    expect(events.slice(0, 3)).toEqual([ends[4_999], ends[9_999], bytes.length]);
    expect(events.slice(3).every((e) => e === 'batch')).toBe(true);
    expect(events.length).toBeGreaterThan(4);
    // No messages: one report, the total.
    const none: number[][] = [];
    const empty = utf8(JSON.stringify({ guild: {}, channel: {}, messages: [] }));
    fast('none.json', empty, { onProgress: (d, t) => none.push([d, t]) });
    expect(none).toEqual([[empty.length, empty.length]]);
  });

  it('lets what onProgress throws through (a cancel is not a file to fall back on)', () => {
    const cancel = new Error('cancelled');
    expect(() =>
      importDiscordJsonBytes('big.json', utf8(chat(6_000)), { timeZone: 'UTC' }, REGISTRY, () => undefined, {
        onProgress: () => {
          throw cancel;
        },
      }),
    ).toThrow(cancel);
  });
});

/** readDiscordJsonFile over `bytes` read `window` bytes at a time: outcome, batches and what was read. */
function windowed(name: string, bytes: Uint8Array, window: number, onProgress?: (done: number, total: number) => void) {
  let reads = 0;
  let largest = 0;
  const file = readDiscordJsonFile(
    name,
    bytes.length,
    (start, end) => {
      reads++;
      largest = Math.max(largest, end - start);
      return bytes.slice(start, end);
    },
    { timeZone: 'UTC' },
    REGISTRY,
    { window, ...(onProgress ? { onProgress } : {}) },
  );
  const readsBeforeBatches = reads;
  const batches = file ? [...file.batches(1_000)] : [];
  return { file, batches, reads, readsBeforeBatches, largest };
}

describe('readDiscordJsonFile (a large file read slice by slice)', () => {
  it('gives what importDiscordJsonBytes gives, reading a window at a time and nothing once the messages are read', () => {
    const docs: [string, Uint8Array][] = [...FIXTURES.map((p) => [nameOf(p), read(p)] as [string, Uint8Array]), ['big.json', utf8(chat(12_345))]];
    for (const [name, bytes] of docs) {
      const whole = fast(name, bytes, { batchActivities: 1_000 });
      for (const window of [4_096, 64 * 1024]) {
        const w = windowed(name, bytes, window);
        expect(w.file, `${name} by ${window}`).not.toBeNull();
        expect(JSON.stringify(w.file!.outcomes)).toBe(JSON.stringify(whole.outcomes));
        expect(JSON.stringify(w.batches), `${name} by ${window}`).toBe(JSON.stringify(whole.batches));
        expect(w.file!.activities).toBe(whole.batches.reduce((n, b) => n + b.activities.length, 0));
        // The batches are built from what the first pass kept: the file is not read again.
        expect(w.reads).toBe(w.readsBeforeBatches);
        // Never more than a window at once (or the 256 KB head that recognises the format).
        expect(w.largest).toBeLessThanOrEqual(Math.max(window, Math.min(bytes.length, 256 * 1024)));
      }
    }
  });

  it('reports progress while the file is split (the first fifth) and while its messages are parsed, and a cancel from either propagates', () => {
    const bytes = utf8(chat(12_345));
    const a: number[] = [];
    importDiscordJsonBytes('big.json', bytes, { timeZone: 'UTC' }, REGISTRY, () => undefined, { onProgress: (d) => a.push(d) });
    const b: number[] = [];
    const w = windowed('big.json', bytes, 64 * 1024, (d, total) => (expect(total).toBe(bytes.length), b.push(d)));
    expect(w.file).not.toBeNull();
    for (let i = 1; i < b.length; i++) expect(b[i]).toBeGreaterThan(b[i - 1]!);
    expect(b.at(-1)).toBe(bytes.length);
    // Splitting: one report per window read, up to a fifth of the file.
    const split = b.filter((d) => d <= bytes.length * 0.2);
    expect(split.length).toBeGreaterThanOrEqual(Math.floor(bytes.length / (64 * 1024)) - 1);
    // Parsing: the bytes reader's reports (every 5,000 messages, then the end), scaled into the rest.
    expect(b.slice(split.length)).toEqual(a.map((d) => (d === bytes.length ? d : Math.floor(bytes.length * 0.2 + d * 0.8))));
    // A cancel (what onProgress throws) is not a file to fall back on: it propagates, in either phase.
    for (const at of [0.1, 0.5]) {
      const cancel = new Error('cancelled');
      expect(() =>
        windowed('big.json', bytes, 64 * 1024, (d) => {
          if (d >= bytes.length * at) throw cancel;
        }),
      ).toThrow(cancel);
    }
  });

  it('returns null for what importDiscordJsonBytes leaves to importBytes, an invalid UTF-8 byte included', () => {
    const text = JSON.stringify({ guild: {}, channel: { name: 'g' }, messages: [{ id: '1', timestamp: '2025-01-01T10:00:00Z', content: 'café', author: { id: 'a' } }] }, null, 2);
    expect(windowed('ok.json', utf8(text), 4_096).file).not.toBeNull();
    const big = chat(3_000);
    const i = big.indexOf('message 2999 — café') + 'message 2999 — caf'.length;
    const cases: [string, Uint8Array][] = [
      ['broken-discord.json', read('tests/fixtures/bad/broken-discord.json')],
      ['bom.json', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])],
      ['x.csv', utf8('id,name\n1,a\n')],
      ['empty.json', new Uint8Array(0)],
      ['cut.json', utf8(text.slice(0, -10))],
      ['duplicate.json', utf8(text.replace(/\}$/, ', "messages": null}'))],
      ['bad-byte.json', new Uint8Array([...utf8(big.slice(0, i)), 0xff, ...utf8(big.slice(i + 1))])],
    ];
    for (const [name, bytes] of cases) expect(windowed(name, bytes, 4_096).file, name).toBeNull();
  });

  it('says why and where a recognised export could not be read message by message', () => {
    const refusal = (bytes: Uint8Array) => {
      let why: unknown = null;
      const file = readDiscordJsonFile('x.json', bytes.length, (s, e) => bytes.slice(s, e), { timeZone: 'UTC' }, REGISTRY, { window: 4_096, onRefused: (w) => (why = w) });
      expect(file).toBeNull();
      return why;
    };
    const text = chat(3_000);
    // Cut off mid-way (an export that did not finish).
    expect(refusal(utf8(text.slice(0, Math.floor(text.length / 2))))).toEqual({ message: expect.stringContaining('could not be told apart: the file may be cut off') });
    // A message that is not JSON: its number and where it starts.
    expect(text).toContain('"message 2501 — café 🧶"');
    const broken = utf8(text.replace('"message 2501 — café 🧶"', '"message 2501 \\u12"'));
    const why = refusal(broken) as { message: string; row: number };
    expect(why.row).toBe(2_502);
    expect(why.message).toMatch(/^message 2502 \(from byte [\d,]+\) is not valid JSON \(.+\)$/);
    // A byte that is not UTF-8 inside a message.
    const at = utf8(text.slice(0, text.indexOf('message 2999 — caf') + 'message 2999 — caf'.length)).length;
    const bad = utf8(text);
    bad[at] = 0xff;
    expect(refusal(bad)).toEqual({ message: expect.stringMatching(/^message 3000 \(from byte [\d,]+\) holds bytes that are not UTF-8$/), row: 3_000 });
    // Not a DiscordChatExporter JSON at all: no refusal, importBytes takes it.
    let called = false;
    expect(readDiscordJsonFile('x.csv', 12, () => utf8('id,name\n1,a\n'), { timeZone: 'UTC' }, REGISTRY, { onRefused: () => (called = true) })).toBeNull();
    expect(called).toBe(false);
  });
});
