import { describe, expect, it } from 'vitest';
import { binaryReason, decodeBytes, sniffEncoding } from './encoding';

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
  it('names binary files', () => {
    expect(binaryReason(new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2]), 'utf-8')).toMatch(/PDF/);
  });
});
