/**
 * The browser's streamed CSV reading (large files, read slice by slice) gives exactly the rows the
 * whole-file reading gives (the command, small files) — whatever the slice size, so a character or a
 * row cut between two slices is read whole. PapaParse's own file streamer decoded each slice alone,
 * turning a cut `é` into two U+FFFD (found by a 12 MB UTF-8 import in the browser).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/domain/export/csv';
import { parseCsvText, streamCsvBlob, UnclosedQuoteError, type Delimiter } from '../../src/domain/parse/csv';
import { decodeBytes, decodeText } from '../../src/domain/parse/encoding';

function whole(text: string, d: Delimiter): string[][] {
  const rows: string[][] = [];
  parseCsvText(text, (r) => rows.push(...r), d);
  return rows;
}

async function streamed(
  bytes: Uint8Array,
  encoding: string,
  d: Delimiter,
  chunkSize: number,
  mixed = false,
): Promise<string[][]> {
  const rows: string[][] = [];
  const progress: number[] = [];
  const { mixedEncoding } = await streamCsvBlob(
    new Blob([bytes as Uint8Array<ArrayBuffer>]),
    { encoding, delimiter: d, chunkSize, onProgress: (b) => progress.push(b) },
    async (r) => {
      rows.push(...r);
    },
  );
  expect(progress.at(-1)).toBe(bytes.length);
  expect(mixedEncoding).toBe(mixed);
  return rows;
}

const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
};

const cellChar = fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', 'é', 'ß', '€', '😀', '—', '\t');
const cell = fc.array(cellChar, { maxLength: 10 }).map((cs) => `x${cs.join('')}`);
const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 });

describe('streamCsvBlob reads like parseCsvText', () => {
  it('UTF-8 (with and without BOM) and UTF-16 LE, any slice size, any line ending', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        async (rows, chunk, eol, bom) => {
          const text = toCsv(rows).replace(/\r\n$/, '').split('\r\n').join(eol) + eol;
          const expected = whole(text, ',');
          const utf8 = new TextEncoder().encode(text);
          const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
          expect(await streamed(bytes, 'utf-8', ',', chunk)).toEqual(expected);
          expect(await streamed(utf16le(text), 'utf-16le', ',', chunk * 2)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('Windows-1252 with UTF-8 pasted in (the mixed files decodeBytes reads), any slice size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 16 }), async (chunk) => {
        const head = new TextEncoder().encode('name;note\r\nzoë;naïve 😀\r\n');
        const tail = Uint8Array.from('ren\xe9;it\x92s \x80 fine\r\n', (c) => c.charCodeAt(0));
        const bytes = new Uint8Array([...head, ...tail]);
        const expected = whole(decodeBytes(bytes, 'windows-1252'), ';');
        expect(expected).toEqual([
          ['name', 'note'],
          ['zoë', 'naïve 😀'],
          ['rené', 'it’s € fine'],
        ]);
        expect(await streamed(bytes, 'windows-1252', ';', chunk)).toEqual(expected);
      }),
    );
  });

  it('UTF-8 whose later bytes are Windows-1252 (QA C1): read from the slice they are in as the whole file is, and said, any slice size', async () => {
    const head = new TextEncoder().encode(`name;note\r\n${'zoë;naïve 😀\r\n'.repeat(40)}`);
    const tail = Uint8Array.from('ren\xe9;it\x92s \x80 fine\r\nM\xfcller;', (c) => c.charCodeAt(0));
    const bytes = new Uint8Array([...head, ...tail, ...new TextEncoder().encode('Łódź 😀\r\n')]);
    const { text, mixed } = decodeText(bytes, 'utf-8');
    expect(mixed).toBe(true);
    const expected = whole(text, ';');
    expect(expected.slice(-3)).toEqual([
      ['zoë', 'naïve 😀'],
      ['rené', 'it’s € fine'],
      ['Müller', 'Łódź 😀'],
    ]);
    for (const chunk of [1, 2, 3, 5, 64, 700, bytes.length])
      expect(await streamed(bytes, 'utf-8', ';', chunk, true), `chunk ${chunk}`).toEqual(expected);
    // A cut Windows-1252 byte at the very end of a slice, then ASCII: no UTF-8 sequence after all.
    const cut = new Uint8Array([
      ...new TextEncoder().encode('a;b\n1;x'),
      0xe9,
      ...new TextEncoder().encode('\n'),
    ]);
    expect(await streamed(cut, 'utf-8', ';', 8, true)).toEqual([
      ['a', 'b'],
      ['1', 'xé'],
    ]);
    // UTF-8 all through: not mixed (streamed checks it); nor with a character cut at the very end.
    expect(await streamed(head, 'utf-8', ';', 5)).toEqual(whole(decodeBytes(head, 'utf-8'), ';'));
    const cutShort = new TextEncoder().encode('a;b\n1;x😀').subarray(0, -1);
    expect(decodeText(cutShort, 'utf-8').mixed).toBe(false);
    for (const chunk of [1, 4, 9, 100])
      expect(await streamed(cutShort, 'utf-8', ';', chunk)).toEqual([
        ['a', 'b'],
        ['1', 'x\ufffd'],
      ]);
  });

  it('CRLF and LF mixed row by row (QA W5), any slice size: every row read, as the whole-file reader reads it', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.array(fc.constantFrom('\r\n', '\n'), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        async (rows, eols, chunk) => {
          const text = rows.map((r, i) => toCsv([r]).replace(/\r\n$/, '') + eols[i]).join('');
          const expected = whole(text, ',');
          // Split on LF, a CRLF row keeps a \r at the end of an unquoted last value (the readers trim it).
          expect(
            expected.map((r) => r.map((c, i) => (i === r.length - 1 ? c.replace(/\r$/, '') : c))),
          ).toEqual(rows);
          expect(await streamed(new TextEncoder().encode(text), 'utf-8', ',', chunk)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
    // Decided on the first 256 KiB alike: a bare LF only after them leaves the file split on CRLF both ways.
    const text = `a,b\r\n${'1,x\r\n'.repeat(70_000)}2,y\n3,z\r\n`;
    const expected = whole(text, ',');
    expect(expected.at(-1)).toEqual(['2', 'y\n3', 'z']);
    for (const chunk of [4096, 100_000, 1024 * 1024])
      expect(await streamed(new TextEncoder().encode(text), 'utf-8', ',', chunk)).toEqual(expected);
  });

  it('skips blank lines like the whole-file reader, and reads an empty file as no rows', async () => {
    const text = 'a,b\n\n   \n1,2\n\n';
    expect(await streamed(new TextEncoder().encode(text), 'utf-8', ',', 3)).toEqual(whole(text, ','));
    expect(await streamed(new Uint8Array(0), 'utf-8', ',', 3)).toEqual([]);
  });

  it('repairs fields quoted with spaces around the delimiter (older Mailchimp files), any slice size', async () => {
    // Every field quoted, random padding around each delimiter; some values start or end with spaces
    // (data, inside the quotes), so a slice cut in a run of padding must not eat or keep the wrong spaces.
    const value = fc
      .array(fc.constantFrom('a', ' ', ',', 'é', '"'), { maxLength: 6 })
      .map((cs) => `v${cs.join('')}`);
    const pad = fc.constantFrom('', ' ', '  ');
    const spacedRow = fc.array(fc.tuple(value, pad, pad), { minLength: 3, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(spacedRow, { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 1, max: 30 }),
        async (rows, chunk) => {
          const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
          const lines = [
            '"Email Address", "First Name", "Last Name"',
            ...rows.map((r) =>
              r.map(([v, before, after], i) => `${i ? before : ''}${q(v)}${i < 2 ? after : ''}`).join(','),
            ),
          ];
          const text = `${lines.join('\r\n')}\r\n`;
          const expected = [
            ['Email Address', 'First Name', 'Last Name'],
            ...rows.map((r) => r.map(([v]) => v)),
          ];
          expect(whole(text, ',')).toEqual(expected);
          expect(await streamed(new TextEncoder().encode(text), 'utf-8', ',', chunk)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
    // A file larger than the 16 KiB the decision is made from, in 1 MiB-like slices.
    const big = [
      '"Email Address" , "First Name"',
      ...Array.from({ length: 2000 }, (_, i) => `"m${i}@example.org" , " Name ${i} "`),
    ].join('\n');
    const got = await streamed(new TextEncoder().encode(big), 'utf-8', ',', 4096);
    expect(got).toHaveLength(2001);
    expect(got[1999]).toEqual(['m1998@example.org', ' Name 1998 ']);
  });

  it('refuses a quote that never closes, naming the row the command names', async () => {
    const lines = ['a,b', ...Array.from({ length: 30 }, (_, i) => `${i},v${i}`)];
    lines[20] = '19,"open';
    const text = `${lines.join('\n')}\n`;
    let problemRow = 0;
    parseCsvText(
      text,
      () => undefined,
      ',',
      (p) => (problemRow = p.row),
    );
    expect(problemRow).toBe(21);
    for (const chunk of [5, 64, 4096]) {
      const err = await streamed(new TextEncoder().encode(text), 'utf-8', ',', chunk).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UnclosedQuoteError);
      expect((err as UnclosedQuoteError).row).toBe(21);
    }
  });
});
