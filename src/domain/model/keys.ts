/**
 * Deterministic hashing for record identity. cyrb53: a fast 53-bit non-cryptographic string hash,
 * enough to tell two versions of one record apart (not for security).
 */
export function hash53(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `n.toString(36)` for a non-negative integer below 2^53, ~6× faster (V8's radix path is slow; keys hash every row). */
function base36(n: number): string {
  let out = '';
  do {
    const q = Math.floor(n / 36);
    out = DIGITS[n - q * 36]! + out;
    n = q;
  } while (n > 0);
  return out;
}

/** JSON with sorted keys: the same record always serialises the same way. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(',')}}`;
}

/** Identity of one version of a record: its key plus a hash of its content. */
export function versionId(record: { key: string }): string {
  return `${record.key}|${hash53(stableStringify(record))}`;
}
