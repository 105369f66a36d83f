import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource, indexOfAscii, splitJsonArray, stringSource, utf8Slices, windowedSource } from './json-split';

/** Splits and parses every element; null when the split or any element fails (the caller's fallback). */
function viaSplit(text: string, key = 'messages'): { rest: Record<string, unknown>; elements: unknown[] } | null {
  const split = splitJsonArray(stringSource(text), key);
  if (!split) return null;
  const elements: unknown[] = [];
  try {
    for (let i = 0; i < split.count; i++) elements.push(JSON.parse(text.slice(split.start(i), split.end(i))));
  } catch {
    return null;
  }
  return { rest: split.rest, elements };
}

/** The same over the text's UTF-8 bytes (bytesSource), elements decoded per slice. */
function viaBytes(text: string, key = 'messages'): { rest: Record<string, unknown>; elements: unknown[] } | null {
  const bytes = new TextEncoder().encode(text);
  const split = splitJsonArray(bytesSource(bytes), key);
  if (!split) return null;
  const decode = utf8Slices(bytes);
  const elements: unknown[] = [];
  try {
    for (let i = 0; i < split.count; i++) elements.push(JSON.parse(decode(split.start(i), split.end(i))));
  } catch {
    return null;
  }
  return { rest: split.rest, elements };
}

/**
 * The same read through a windowedSource of `window` bytes over the text's UTF-8 bytes; also what it
 * read (the largest single read, and the bytes read in all).
 */
function viaWindow(text: string, window: number, key = 'messages') {
  const bytes = new TextEncoder().encode(text);
  let largest = 0;
  let total = 0;
  const src = windowedSource(
    bytes.length,
    (start, end) => {
      largest = Math.max(largest, end - start);
      total += end - start;
      return bytes.slice(start, end);
    },
    window,
  );
  const split = splitJsonArray(src, key);
  let result: { rest: Record<string, unknown>; elements: unknown[] } | null = null;
  if (split) {
    const elements: unknown[] = [];
    try {
      for (let i = 0; i < split.count; i++) elements.push(JSON.parse(src.text(split.start(i), split.end(i))));
      result = { rest: split.rest, elements };
    } catch {
      result = null;
    }
  }
  return { result, largest, total };
}

function wholeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const message = fc.record(
  {
    id: fc.string(),
    type: fc.constantFrom('Default', 'Reply', 'GuildMemberJoin'),
    content: fc.string({ unit: 'binary' }),
    author: fc.record({ id: fc.string(), name: fc.string({ unit: 'grapheme' }), isBot: fc.boolean() }, { requiredKeys: ['id'] }),
    reference: fc.option(fc.record({ messageId: fc.string() })),
    reactions: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const element = fc.oneof({ weight: 5, arbitrary: message }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
const doc = fc.record({
  guild: fc.jsonValue({ maxDepth: 2 }),
  channel: fc.record({ id: fc.string(), name: fc.string() }),
  messages: fc.array(element, { maxLength: 8 }),
  messageCount: fc.integer(),
});
const indent = fc.constantFrom<string | number | undefined>(undefined, 0, 1, 2, 4, '\t');
/** Also indentation units no pretty-printer uses (with newlines in them): the guess can be wrong there. */
const anyIndent = fc.constantFrom<string | number | undefined>(undefined, 0, 1, 2, 4, '\t', '\r\n  ', '\n');

describe('splitJsonArray', () => {
  it('splits a pretty-printed export into its messages and the rest', () => {
    const text = JSON.stringify({ guild: { name: 'G' }, channel: { name: 'general' }, messages: [{ id: '1', author: { id: 'a' } }, { id: '2', reactions: [{ users: [] }] }], messageCount: 2 }, null, 2);
    const r = viaSplit(text)!;
    expect(r.elements).toEqual([{ id: '1', author: { id: 'a' } }, { id: '2', reactions: [{ users: [] }] }]);
    expect(r.rest.channel).toEqual({ name: 'general' });
    expect(r.rest.messageCount).toBe(2);
    expect(Array.isArray(r.rest.messages)).toBe(false);
  });

  it('reads minified text, empty arrays and elements that are not objects', () => {
    expect(viaSplit('{"messages":[]}')!.elements).toEqual([]);
    expect(viaSplit('{"a":[1,{"b":"]}"}],"messages":[1,"x",null,[{"y":"\\"}"}],{"z":-1.5e3}]}')!.elements).toEqual([1, 'x', null, [{ y: '"}' }], { z: -1.5e3 }]);
  });

  it('refuses what JSON.parse would refuse or read differently', () => {
    for (const text of [
      '',
      '[]',
      '{}',
      '{"messages": {}}',
      '{"messages": [1, 2,]}',
      '{"messages": [1 2]}',
      '{"messages": [1, 2]',
      '{"messages": [1, 2]} x',
      '{"messages": [1], "messag\\u0065s": []}',
      '{"messages": [1], "messages": null}',
      '{"guild": {"name": "G}, "messages": [1]}',
      '{"guild": tru, "messages": [1]}',
      '{"messages": [\n    {"a": 1\n    },\n    "b": 2\n    }\n]}',
    ]) {
      expect(viaSplit(text), text).toBeNull();
    }
    // The last duplicate wins in JSON.parse, and here too when it is the last one.
    expect(viaSplit('{"messages": null, "messages": [7]}')!.elements).toEqual([7]);
    expect(viaSplit('{"messages": [1], "messages": [2]}')!.elements).toEqual([2]);
  });

  it('gives what JSON.parse gives, whatever the formatting', () => {
    fc.assert(
      fc.property(doc, indent, (d, space) => {
        const text = JSON.stringify(d, null, space);
        const r = viaSplit(text);
        expect(r).not.toBeNull();
        expect(r!.elements).toEqual(JSON.parse(JSON.stringify(d.messages)));
        const { messages: _, ...rest } = JSON.parse(text) as Record<string, unknown>;
        const { messages: __, ...splitRest } = r!.rest;
        expect(splitRest).toEqual(rest);
      }),
      { numRuns: 300 },
    );
  });

  it('with odd indentation it may give up, but never reads differently', () => {
    fc.assert(
      fc.property(doc, anyIndent, (d, space) => {
        const r = viaSplit(JSON.stringify(d, null, space));
        if (r) expect(r.elements).toEqual(JSON.parse(JSON.stringify(d.messages)));
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts a broken document: a split that parses means JSON.parse of the whole agrees', () => {
    const broken = fc.tuple(doc, anyIndent, fc.nat(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '\\', '{', '[', ' ', 'x', '\n    }', '\n', '1')).map(([d, space, at, len, insert]) => {
      const text = JSON.stringify(d, null, space);
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + (len % 4));
    });
    fc.assert(
      fc.property(broken, (text) => {
        const r = viaSplit(text);
        if (r === null) return;
        const whole = wholeParse(text) as Record<string, unknown> | undefined;
        expect(whole).toBeDefined();
        expect(whole!.messages).toEqual(r.elements);
        const { messages: _, ...rest } = whole!;
        const { messages: __, ...splitRest } = r.rest;
        expect(splitRest).toEqual(rest);
      }),
      { numRuns: 2000 },
    );
  });

  it('splits UTF-8 bytes (bytesSource) exactly as the decoded text, broken documents included', () => {
    const text = JSON.stringify({ guild: { name: 'Zoë’s 🧶' }, channel: { name: 'général' }, messages: [{ id: '1', content: 'Merci 👍 “great”\n' }, { id: '2', content: 'ß\u2028' }] }, null, 4);
    expect(viaBytes(text)).toEqual(viaSplit(text));
    expect(viaBytes(text)!.elements).toHaveLength(2);
    const broken = fc.tuple(doc, anyIndent, fc.nat(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '\\', '{', ' ', '\n    }', 'é')).map(([d, space, at, len, insert]) => {
      const t = JSON.stringify(d, null, space);
      const i = at % (t.length + 1);
      return t.slice(0, i) + insert + t.slice(i + (len % 4));
    });
    fc.assert(
      fc.property(fc.oneof(doc.chain((d) => indent.map((space) => JSON.stringify(d, null, space))), broken), (t) => {
        // Lone surrogates (a cut pair) would be U+FFFD in the bytes: compare well-formed text only.
        fc.pre(new TextDecoder().decode(new TextEncoder().encode(t)) === t);
        expect(viaBytes(t)).toEqual(viaSplit(t));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('windowedSource', () => {
  it('splits a document read window by window exactly as its bytes held whole, broken documents included', () => {
    const long = fc.string({ unit: 'grapheme', minLength: 40, maxLength: 400 });
    const big = fc.record({ guild: fc.record({ name: long }), channel: fc.record({ name: fc.string() }), messages: fc.array(fc.oneof(message, fc.record({ id: fc.string(), content: long })), { maxLength: 30 }) });
    const broken = fc.tuple(big, anyIndent, fc.nat(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '\\', '{', ' ', '\n    }', 'é')).map(([d, space, at, len, insert]) => {
      const t = JSON.stringify(d, null, space);
      const i = at % (t.length + 1);
      return t.slice(0, i) + insert + t.slice(i + (len % 4));
    });
    fc.assert(
      fc.property(fc.oneof(big.chain((d) => indent.map((space) => JSON.stringify(d, null, space))), broken), fc.integer({ min: 64, max: 700 }), (t, window) => {
        fc.pre(new TextDecoder().decode(new TextEncoder().encode(t)) === t);
        const w = viaWindow(t, window);
        expect(w.result).toEqual(viaBytes(t));
        // Never more than a window at once, except a text longer than a window, read on its own.
        const longest = Math.max(0, ...[...t.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => new TextEncoder().encode(m[0]).length));
        expect(w.largest).toBeLessThanOrEqual(Math.max(window, longest + 4 * 1024));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a pretty-printed export about twice (split, then the elements), a window at a time', () => {
    const messages = Array.from({ length: 3_000 }, (_, i) => ({ id: String(i), type: 'Default', content: `message ${i} ${'x'.repeat(i % 90)}`, author: { id: String(i % 17), name: 'ana' } }));
    const text = JSON.stringify({ guild: { name: 'G' }, channel: { name: 'general' }, messages }, null, 2);
    const bytes = new TextEncoder().encode(text).length;
    const w = viaWindow(text, 64 * 1024);
    expect(w.result).toEqual(viaBytes(text));
    expect(w.largest).toBeLessThanOrEqual(64 * 1024);
    // Twice, plus each window's look-back (4 KiB of 64) where it moves on.
    expect(w.total).toBeGreaterThan(2 * bytes);
    expect(w.total).toBeLessThan(2.3 * bytes);
  });

  it('frees each window of its own as soon as it moves on (detached), and never a view into a larger buffer', () => {
    const messages = Array.from({ length: 400 }, (_, i) => ({ id: String(i), content: `message ${i} ${'y'.repeat(i % 50)}` }));
    const text = JSON.stringify({ guild: {}, channel: { name: 'g' }, messages }, null, 2);
    const bytes = new TextEncoder().encode(text);
    // ArrayBuffer#transfer (what release calls) as a stand-in where the runtime lacks it (Node 20).
    const handed: ArrayBuffer[] = [];
    const released = new Set<ArrayBuffer>();
    const own = (start: number, end: number) => {
      const b = bytes.slice(start, end);
      Object.defineProperty(b.buffer, 'transfer', { value: () => released.add(b.buffer) });
      handed.push(b.buffer);
      return b;
    };
    const src = windowedSource(bytes.length, own, 4_096);
    const split = splitJsonArray(src, 'messages')!;
    for (let i = 0; i < split.count; i++) expect(JSON.parse(src.text(split.start(i), split.end(i)))).toEqual(messages[i]);
    expect(handed.length).toBeGreaterThan(10);
    // Every window but the one still in use.
    expect(handed.filter((b) => !released.has(b))).toHaveLength(1);
    // Views into the caller's buffer: never detached.
    const shared: number[] = [];
    Object.defineProperty(bytes.buffer, 'transfer', { value: () => shared.push(1) });
    const views = windowedSource(bytes.length, (s, e) => bytes.subarray(s, e), 4_096);
    expect(splitJsonArray(views, 'messages')!.count).toBe(400);
    expect(shared).toEqual([]);
  });

  it('finds what String#indexOf finds, across window edges and for patterns longer than a window', () => {
    const ascii = fc.string({ unit: fc.constantFrom('\n', ' ', '}', 'a'), maxLength: 400 });
    const needle = fc.string({ unit: fc.constantFrom('\n', ' ', '}', 'a'), minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(ascii, needle, fc.integer({ min: 0, max: 420 }), fc.integer({ min: 64, max: 200 }), (hay, pattern, from, window) => {
        const bytes = new TextEncoder().encode(hay);
        const src = windowedSource(bytes.length, (s, e) => bytes.slice(s, e), window);
        expect(src.indexOf(pattern, from)).toBe(hay.indexOf(pattern, from));
      }),
      { numRuns: 3000 },
    );
    // A pattern longer than what a window holds past its look-back (64 − 16 bytes), straddling windows.
    const hay = `${'a'.repeat(100)}${'b'.repeat(60)}c`;
    const bytes = new TextEncoder().encode(hay);
    expect(windowedSource(bytes.length, (s, e) => bytes.slice(s, e), 64).indexOf(`${'b'.repeat(60)}c`, 0)).toBe(100);
  });

  it('throws where bytes that are not UTF-8 are decoded', () => {
    const good = new TextEncoder().encode(JSON.stringify({ guild: {}, channel: { name: 'g' }, messages: [{ id: '1', content: 'caf\u00e9' }] }, null, 2));
    const at = new TextDecoder().decode(good).indexOf('café') + 3;
    const bad = good.slice();
    bad[at] = 0xe9; // Windows-1252 é where UTF-8 has two bytes
    bad[at + 1] = 0x20;
    const src = windowedSource(bad.length, (s, e) => bad.slice(s, e), 64);
    const split = splitJsonArray(src, 'messages')!;
    expect(split.count).toBe(1);
    expect(() => src.text(split.start(0), split.end(0))).toThrow(TypeError);
    expect(() => windowedSource(10, () => new Uint8Array(), 63)).toThrow(RangeError);
  });
});

describe('indexOfAscii', () => {
  it('finds what String#indexOf finds', () => {
    const ascii = fc.string({ unit: fc.constantFrom('\n', ' ', '}', '{', 'a', ',') });
    fc.assert(
      fc.property(ascii, ascii, fc.integer({ min: -2, max: 40 }), (hay, needle, from) => {
        const bytes = new TextEncoder().encode(hay);
        expect(indexOfAscii(bytes, needle, from)).toBe(hay.indexOf(needle, from));
      }),
      { numRuns: 2000 },
    );
    expect(indexOfAscii(new TextEncoder().encode('{\n  }\n    }\n    }'), '\n    }', 0)).toBe(5);
  });
});
