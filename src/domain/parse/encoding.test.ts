import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryReason, decodeBytes, decodeText, isValidUtf8, sniffEncoding } from './encoding';

const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
};

describe('encodings', () => {
  it('reads UTF-8 with a BOM and strips it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('é,b')]);
    expect(sniffEncoding(bytes)).toBe('utf-8');
    expect(decodeBytes(bytes, 'utf-8')).toBe('é,b');
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = utf16le('Zoë,1');
    expect(sniffEncoding(le)).toBe('utf-16le');
    expect(decodeBytes(le, 'utf-16le')).toBe('Zoë,1');
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(sniffEncoding(be)).toBe('utf-16be');
    expect(decodeBytes(be, 'utf-16be')).toBe('Zoë,1');
    expect(binaryReason(le, 'utf-16le')).toBeNull();
  });
  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([0x5a, 0x6f, 0xeb, 0x2c, 0x80]); // "Zoë,€"
    expect(sniffEncoding(bytes)).toBe('windows-1252');
    expect(decodeBytes(bytes, 'windows-1252')).toBe('Zoë,€');
  });
  it('reads a file sniffed as UTF-8 whose Windows-1252 bytes come after the sniffed head as mixed, and says so (QA C1)', () => {
    // 30,000 ASCII rows (~360 KB, past the 256 KB sniffed), then "Zoë Müller" in Windows-1252 and a
    // UTF-8 "Łódź" pasted in.
    const ascii = new TextEncoder().encode(`name,city\r\n${'User,Leeds\r\n'.repeat(30_000)}`);
    const late = Uint8Array.from('Zo\xeb M\xfcller,', (c) => c.charCodeAt(0));
    const utf8 = new TextEncoder().encode('Łódź\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...ascii, ...late, ...utf8]);
    expect(sniffEncoding(bytes.subarray(0, 256 * 1024))).toBe('utf-8');
    const { text, mixed } = decodeText(bytes, 'utf-8');
    expect(mixed).toBe(true);
    expect(text.startsWith('name,city\r\n')).toBe(true);
    expect(text.endsWith('\r\nZoë Müller,Łódź\r\n')).toBe(true);
    expect(text).not.toContain('\ufffd');
    expect(decodeBytes(bytes, 'utf-8')).toBe(text);
    // UTF-8 all through: as before, and not mixed.
    expect(decodeText(new TextEncoder().encode('\ufeffZoë,Łódź'), 'utf-8')).toEqual({
      text: 'Zoë,Łódź',
      mixed: false,
    });
    // A character cut at the very end (a sniffed head, a file cut short): one U+FFFD, not mixed.
    expect(decodeText(new TextEncoder().encode('Zoë,😀').subarray(0, -2), 'utf-8')).toEqual({
      text: 'Zoë,\ufffd',
      mixed: false,
    });
  });
  it('names binary files', () => {
    expect(binaryReason(new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2]), 'utf-8')).toMatch(/PDF/);
  });
  it('names archives it cannot open, rather than calling them binary data', () => {
    const tail =
      ', which Hearth cannot open (it opens zip and gzip files): extract the files from it and import them, or a zip of them';
    const bytes = (...b: number[]) => new Uint8Array([...b, ...new Uint8Array(600)]);
    const tar = bytes();
    tar.set(new TextEncoder().encode('ustar'), 257);
    expect(binaryReason(tar, 'utf-8')).toBe(`it is a tar archive${tail}`);
    const gnu = bytes();
    gnu.set(new TextEncoder().encode('ustar  \0'), 257);
    expect(binaryReason(gnu, 'utf-8')).toBe(`it is a tar archive${tail}`);
    // A CSV whose text has "ustar" at that offset ("mustard") is text, not a tar archive.
    const csv = new TextEncoder().encode(`name,likes\n${'x'.repeat(244)},mustard and more\n`);
    expect(new TextDecoder().decode(csv.subarray(257, 262))).toBe('ustar');
    expect(binaryReason(csv, 'utf-8')).toBeNull();
    expect(binaryReason(bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c), 'utf-8')).toBe(
      `it is a 7-Zip archive (.7z)${tail}`,
    );
    expect(binaryReason(bytes(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01), 'utf-8')).toBe(
      `it is a RAR archive${tail}`,
    );
    const bz2 = new TextEncoder().encode('BZh91AY&SY');
    expect(binaryReason(bytes(...bz2), 'utf-8')).toBe(`it is a bzip2-compressed file (.bz2)${tail}`);
    expect(binaryReason(bytes(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00), 'utf-8')).toBe(
      `it is an xz-compressed file (.xz)${tail}`,
    );
    // A CSV that merely starts with "BZh" is text.
    expect(binaryReason(new TextEncoder().encode('BZh,name\n1,a\n'), 'utf-8')).toBeNull();
  });
});

describe('isValidUtf8', () => {
  const fatal = (bytes: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  };

  it('agrees with a fatal TextDecoder, at any alignment', () => {
    // Mostly ASCII runs (the word-at-a-time path) with valid and invalid sequences between them.
    const piece = fc.oneof(
      fc
        .string({ unit: 'binary-ascii', minLength: 0, maxLength: 12 })
        .map((s) => new TextEncoder().encode(s)),
      fc.string({ unit: 'binary', maxLength: 3 }).map((s) => new TextEncoder().encode(s)),
      fc.uint8Array({ minLength: 1, maxLength: 4 }),
      fc
        .constantFrom(
          [0xc0, 0xaf],
          [0xc1, 0xbf],
          [0xe0, 0x80, 0xaf],
          [0xe0, 0xa0, 0x80],
          [0xed, 0xa0, 0x80],
          [0xed, 0x9f, 0xbf],
          [0xf0, 0x8f, 0xbf, 0xbf],
          [0xf0, 0x90, 0x80, 0x80],
          [0xf4, 0x8f, 0xbf, 0xbf],
          [0xf4, 0x90, 0x80, 0x80],
          [0xf5, 0x80, 0x80, 0x80],
          [0xe2, 0x82],
          [0xf0, 0x9f, 0x98],
          [0x80],
          [0xff],
          [0xef, 0xbb, 0xbf],
        )
        .map((b) => new Uint8Array(b)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (pieces, offset) => {
        const joined = new Uint8Array(offset + pieces.reduce((n, p) => n + p.length, 0));
        let at = offset;
        for (const p of pieces) {
          joined.set(p, at);
          at += p.length;
        }
        const bytes = joined.subarray(offset);
        expect(isValidUtf8(bytes)).toBe(fatal(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds one bad byte anywhere in a long ASCII run', () => {
    const bytes = new TextEncoder().encode('{"messages": [' + 'x'.repeat(100) + ']}');
    expect(isValidUtf8(bytes)).toBe(true);
    for (let i = 0; i < bytes.length; i++) {
      const bad = bytes.slice();
      bad[i] = 0xff;
      expect(isValidUtf8(bad), `at ${i}`).toBe(false);
      expect(isValidUtf8(bad.subarray(1)), `at ${i}, offset 1`).toBe(i === 0);
    }
    expect(isValidUtf8(new Uint8Array(0))).toBe(true);
  });
});

describe('binaryReason: stray NUL bytes in a text file', () => {
  const NUL = 'it contains binary data (NUL bytes), not text';
  const text = (s: string) => new TextEncoder().encode(s);
  /** `n` bytes of CSV-like text with a NUL at each of `at`. */
  const withNuls = (n: number, at: number[]) => {
    const b = text('a,b\n1,2\n'.repeat(Math.ceil(n / 8)).slice(0, n));
    for (const i of at) b[i] = 0;
    return b;
  };

  it('fewer than 1 NUL in 1,000 bytes, early or late in the head: text; 1 in 1,000 or more: binary', () => {
    expect(binaryReason(withNuls(1001, [20]), 'utf-8')).toBeNull();
    expect(binaryReason(withNuls(1000, [20]), 'utf-8')).toBe(NUL);
    // One NUL in the first 256 KB (on the third row) or far later: both read.
    expect(binaryReason(withNuls(256 * 1024, [20]), 'utf-8')).toBeNull();
    expect(binaryReason(withNuls(256 * 1024, [200_000]), 'utf-8')).toBeNull();
    // 262 NULs in 262,144 bytes is 1 in 1,000.6: text; 263 is binary.
    const spread = (k: number) => Array.from({ length: k }, (_, i) => 10 + i * 997);
    expect(binaryReason(withNuls(256 * 1024, spread(262)), 'utf-8')).toBeNull();
    expect(binaryReason(withNuls(256 * 1024, spread(263)), 'utf-8')).toBe(NUL);
  });

  it('decodeBytes drops the NULs', () => {
    expect(decodeBytes(withNuls(16, [5, 6]), 'utf-8')).toBe('a,b\n1\na,b\n1,2\n');
    expect(decodeBytes(Uint8Array.of(0x41, 0, 0x80, 0x42), 'windows-1252')).toBe('A€B');
  });
});

describe('Office files that are not zips', () => {
  /** An OLE2 compound file: its header, then a directory sector naming `streams` (128 bytes each). */
  function compoundFile(streams: string[]): Uint8Array {
    const bytes = new Uint8Array(512 + 512);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ['Root Entry', ...streams].forEach((name, i) => {
      for (let k = 0; k < name.length; k++) bytes[512 + i * 128 + k * 2] = name.charCodeAt(k);
    });
    return bytes;
  }

  it('a password-protected workbook (an encrypted package) says so; an old .xls workbook says what it is', () => {
    expect(
      binaryReason(compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'utf-8'),
    ).toBe(
      'it is a password-protected (encrypted) Office file: open it in Excel with its password, save the sheet as CSV and import the CSV',
    );
    expect(binaryReason(compoundFile(['Workbook', '\u0005SummaryInformation']), 'utf-8')).toBe(
      'it is a binary Excel (.xls) workbook: open it in a spreadsheet and save it as CSV',
    );
  });
});
