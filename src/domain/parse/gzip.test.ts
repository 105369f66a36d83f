import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzipFile, gunzippedName, isGzip } from './gzip';

describe('gunzipFile', () => {
  const text =
    'date,value\n' +
    Array.from({ length: 5000 }, (_, i) => `2017-11-${String((i % 28) + 1).padStart(2, '0')},${i}`).join(
      '\n',
    );
  const gz = gzipSync(strToU8(text));

  it('gives back the bytes, across the megabyte steps too', () => {
    expect(isGzip(gz)).toBe(true);
    expect(new TextDecoder().decode(gunzipFile(gz))).toBe(text);
    const big = strToU8('x'.repeat(3 * 1024 * 1024 + 5));
    expect(gunzipFile(gzipSync(big, { level: 1 })).length).toBe(big.length);
  });

  it('stops past the limit, whatever the trailer says', () => {
    expect(() => gunzipFile(gz, 1000)).toThrow(/^The gzip file is too large to decompress here/);
  });

  it('says a file cut short is damaged, not too large', () => {
    for (const cut of [gz.length - 4, gz.length - 30, Math.floor(gz.length / 2)])
      expect(() => gunzipFile(gz.subarray(0, cut)), `cut at ${cut}`).toThrow(
        /cannot be decompressed .*truncated or damaged/,
      );
  });

  it('names the file inside', () => {
    expect(gunzippedName('user-list-171203-101500-5.csv.gz')).toBe('user-list-171203-101500-5.csv');
    expect(gunzippedName('renamed.csv')).toBe('renamed.csv');
  });
});
