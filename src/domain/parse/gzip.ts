import { Gunzip } from 'fflate';
import { ArchiveError } from './zip';

/**
 * Files compressed with gzip: older Discourse versions mail every export as `….csv.gz` (user list,
 * user archive, dashboard reports). Read in memory (browser and Node alike), up to this size
 * decompressed: the whole text is then read as one string.
 */
export const GZIP_MAX_BYTES = 300 * 1024 ** 2;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** `user-list-171203-101500-5.csv.gz` → `user-list-171203-101500-5.csv` (a renamed file keeps its name). */
export function gunzippedName(name: string): string {
  return name.replace(/\.(gz|gzip)$/i, '') || name;
}

/**
 * The decompressed bytes; ArchiveError with a reason the user can act on when that is not
 * possible. Decompressed a megabyte at a time and stopped as soon as the output passes `max` (the
 * size the file's trailer declares is no guide to that: it only counts up to 4 GiB), then checked
 * against that trailer.
 */
export function gunzipFile(bytes: Uint8Array, max = GZIP_MAX_BYTES): Uint8Array {
  const tooBig = `The gzip file is too large to decompress here (over ${Math.round(max / 1024 ** 2)} MB): decompress it, then import the CSV inside.`;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > max) over = true;
    else chunks.push(chunk);
  });
  const STEP = 1024 * 1024;
  try {
    for (let i = 0; i < bytes.length && !over; i += STEP)
      gunzip.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
  } catch (e) {
    throw new ArchiveError(
      `The gzip file cannot be decompressed (${e instanceof Error ? e.message : String(e)}); it may be truncated or damaged.`,
    );
  }
  if (over) throw new ArchiveError(tooBig);
  // The stream decoder gives what it could read of a file cut short: its trailer (the size, modulo
  // 4 GiB, in the last four bytes) then does not match.
  const n = bytes.length;
  const declared =
    n >= 18
      ? (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0
      : -1;
  if (declared !== total % 2 ** 32)
    throw new ArchiveError(
      'The gzip file cannot be decompressed (its end is missing); it may be truncated or damaged.',
    );
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
