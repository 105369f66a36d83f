import { gunzipSync } from 'fflate';
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

/** The decompressed bytes; ArchiveError with a reason the user can act on when that is not possible. */
export function gunzipFile(bytes: Uint8Array): Uint8Array {
  // The trailer's ISIZE: the decompressed size modulo 2^32 (checked again after decompressing).
  const n = bytes.length;
  const declared =
    n >= 18
      ? (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0
      : 0;
  const tooBig = `The gzip file is too large to decompress here (over ${GZIP_MAX_BYTES / 1024 ** 2} MB): decompress it, then import the CSV inside.`;
  // Deflate expands at most ~1,032×: a larger ISIZE is no size at all (a file cut short ends in other bytes).
  if (n > GZIP_MAX_BYTES || (declared > GZIP_MAX_BYTES && declared <= n * 1032)) throw new ArchiveError(tooBig);
  let out: Uint8Array;
  try {
    out = gunzipSync(bytes);
  } catch (e) {
    throw new ArchiveError(
      `The gzip file cannot be decompressed (${e instanceof Error ? e.message : String(e)}); it may be truncated or damaged.`,
    );
  }
  if (out.length > GZIP_MAX_BYTES) throw new ArchiveError(tooBig);
  return out;
}
