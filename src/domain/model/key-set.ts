/**
 * Compact sets of string keys for the import's hot path (docs/decisions/0004-compact-key-sets.md).
 *
 * A `Set<string>` of millions of keys costs ~80–120 bytes a key (the string, often a cons string of
 * its template parts, plus the hash table entry) and keeps the GC busy marking them. These tables keep
 * only a 64-bit hash of each key — two 32-bit hashes of the string computed in one pass — in an
 * open-addressing table (linear probing) backed by one Uint32Array, grown ×2 past 3/4 full: 8 bytes a
 * slot (~11–16 bytes a key at the tables' load); `KeyHashCounter` adds a Map for the keys seen twice or more.
 *
 * No false negatives: a key that was added is always found. False positives are possible only when two
 * different keys have the same 64-bit hash: with n keys, the chance that any two collide is
 * ≈ n² / 2^65 (1M keys ≈ 2.7e-8, 10M keys ≈ 2.7e-6). A collision would make the import treat a new
 * activity as already stored (`KeyHashSet`) or number an identical-looking row `#2` (`KeyHashCounter`).
 */

/**
 * 64-bit hash of a string (UTF-16 code units) — or of `key.slice(start, end)`, without cutting it
 * out — as two 32-bit halves, each mixed with the other at the end (cyrb53's scheme with full 64-bit output).
 */
function hash64(key: string, out: Uint32Array, start: number, end: number): void {
  let h1 = 0x9e3779b9;
  let h2 = 0x6a09e667;
  for (let i = start; i < end; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 ^= end - start;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // One more round so that the low bits of h1 (the slot index) depend on every input bit.
  h1 = Math.imul(h1 ^ (h1 >>> 15), 0x85ebca6b) ^ h2;
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}

/**
 * The 64-bit hash `KeyHashSet.add` uses for `key.slice(start, end)`, into `out[0..1]` (never 0:0):
 * for storing a key's hash and finding it again (storage's import shares).
 */
export function keyHash(key: string, out: Uint32Array, start = 0, end = key.length): void {
  hash64(key, out, start, end);
  if (out[0] === 0 && out[1] === 0) out[1] = 1;
}

const MIN_SLOTS = 1024;

/**
 * A set of string keys kept as 64-bit hashes: an open-addressing table (linear probing) of two
 * Uint32 words a slot (8 bytes; an empty slot is hash 0:0, a key hashing to 0:0 is stored as 0:1),
 * doubled when more than `load` of its slots are used. See the module comment for false positives.
 */
export class KeyHashSet {
  private table: Uint32Array;
  private mask: number;
  private limit: number;
  private n = 0;
  private readonly h = new Uint32Array(2);

  constructor(
    expected = 0,
    /** How full the table may get before it doubles. */
    private readonly load = 0.75,
  ) {
    let slots = MIN_SLOTS;
    while (slots * load < expected) slots *= 2;
    this.table = new Uint32Array(slots * 2);
    this.mask = slots - 1;
    this.limit = Math.floor(slots * load);
  }

  get size(): number {
    return this.n;
  }

  /** Slots in the table (memory: 8 bytes each). */
  get capacity(): number {
    return this.mask + 1;
  }

  has(key: string): boolean {
    this.hashOf(key, 0, key.length);
    return this.find() >= 0;
  }

  /**
   * Adds `key` — or `key.slice(start, end)`, the same key without cutting it out of a packed string
   * (metrics/packed-strings.ts) —; returns false when it was (by its hash) already there.
   */
  add(key: string, start = 0, end = key.length): boolean {
    this.hashOf(key, start, end);
    return this.insert();
  }

  /**
   * Adds a key by a 64-bit hash the caller already has (two 32-bit words, e.g. two of a row hash's
   * words: model/keys.ts `hashWordsOfParts`); false when that hash was already there. Keep one
   * kind of key per set: a hash given here is not the hash `add` computes for any string.
   */
  addHash(h1: number, h2: number): boolean {
    this.h[0] = h1;
    this.h[1] = h2;
    if (this.h[0] === 0 && this.h[1] === 0) this.h[1] = 1;
    return this.insert();
  }

  /** Adds the hash in `this.h` (never 0:0); false when it was there. */
  private insert(): boolean {
    const found = this.find();
    if (found >= 0) return false;
    const slot = -1 - found;
    this.table[2 * slot] = this.h[0]!;
    this.table[2 * slot + 1] = this.h[1]!;
    if (++this.n > this.limit) this.grow();
    return true;
  }

  /**
   * Makes room for `n` keys in all at once (one rehash into the final size), so a caller that knows
   * roughly how many keys will come avoids the doublings on the way — each briefly holds the old
   * table and one twice its size.
   */
  reserve(n: number): void {
    let slots = this.mask + 1;
    while (slots * this.load < n) slots *= 2;
    if (slots > this.mask + 1) this.grow(slots);
  }

  /** The hash of `key` into `this.h` (never 0:0). */
  private hashOf(key: string, start: number, end: number): void {
    keyHash(key, this.h, start, end);
  }

  /** Slot of `this.h`, or -1 - (the free slot where it would go). */
  private find(): number {
    const t = this.table;
    const h1 = this.h[0]!;
    const h2 = this.h[1]!;
    let i = h1 & this.mask;
    for (;;) {
      const t1 = t[2 * i]!;
      const t2 = t[2 * i + 1]!;
      if (t1 === h1 && t2 === h2) return i;
      if (t1 === 0 && t2 === 0) return -1 - i;
      i = (i + 1) & this.mask;
    }
  }

  private grow(slots = (this.mask + 1) * 2): void {
    const old = this.table;
    const t = new Uint32Array(slots * 2);
    const mask = slots - 1;
    for (let a = 0; a < old.length; a += 2) {
      const h1 = old[a]!;
      const h2 = old[a + 1]!;
      if (h1 === 0 && h2 === 0) continue;
      let i = h1 & mask;
      while (t[2 * i] !== 0 || t[2 * i + 1] !== 0) i = (i + 1) & mask;
      t[2 * i] = h1;
      t[2 * i + 1] = h2;
    }
    this.table = t;
    this.mask = mask;
    this.limit = Math.floor(slots * this.load);
  }
}

/**
 * Counts occurrences of string keys: the first occurrence as a 64-bit hash in a `KeyHashSet` (8 bytes
 * a slot), later ones in a Map of the (few) keys seen more than once. For RowKeyer, where almost every
 * row is unique. It fills its table to 0.6 before doubling, not 0.75 like the ImportWriter's set: both
 * get one key a row, and tables doubling at the same row would hold old and new tables of both at once
 * (the peak heap of a 1 GB import).
 */
export class KeyHashCounter {
  private readonly once: KeyHashSet;
  private readonly more = new Map<string, number>();

  constructor(expected = 0) {
    this.once = new KeyHashSet(expected, 0.6);
  }

  /** How many distinct keys were counted. */
  get size(): number {
    return this.once.size;
  }

  /** How many times `key` was counted (0 if never). */
  get(key: string): number {
    if (!this.once.has(key)) return 0;
    return this.more.get(key) ?? 1;
  }

  /** Counts `key` once more; returns its new count (1 the first time). */
  increment(key: string): number {
    if (this.once.add(key)) return 1;
    const c = (this.more.get(key) ?? 1) + 1;
    this.more.set(key, c);
    return c;
  }

  /**
   * Counts a key known by a 64-bit hash the caller computed (see `KeyHashSet.addHash`); returns its
   * new count. Do not mix with `increment`/`get` on one counter.
   */
  incrementHash(h1: number, h2: number): number {
    if (this.once.addHash(h1, h2)) return 1;
    const key = `${h1 >>> 0}:${h2 >>> 0}`;
    const c = (this.more.get(key) ?? 1) + 1;
    this.more.set(key, c);
    return c;
  }

  /** Makes room for `n` distinct keys in all at once (see `KeyHashSet.reserve`). */
  reserve(n: number): void {
    this.once.reserve(n);
  }
}

/**
 * String keys to non-negative integers (e.g. an id's position in a list), keyed by the 64-bit hash
 * alone: a lookup never reads the stored string — for a key that is a slice of a freshly parsed
 * text, the string comparison a Map or `Interner` makes costs a few cache misses a row (the
 * DiscordChatExporter adapter's AuthorID lookup: ~0.6 s per 1M rows in the browser). Same odds of a
 * false match as `KeyHashSet` (≈ n² / 2^65 over n keys); use it where that is acceptable.
 */
export class KeyHashIndex {
  /** Three words a slot: the hash's two halves and value + 1 (0 = empty slot). */
  private table = new Uint32Array(3 * 1024);
  private mask = 1023;
  private n = 0;
  private readonly h = new Uint32Array(2);

  get size(): number {
    return this.n;
  }

  /** The value stored for `key`, or −1. */
  get(key: string): number {
    hash64(key, this.h, 0, key.length);
    const s = this.slot();
    return this.table[3 * s + 2]! - 1;
  }

  /** Stores `value` (≥ 0) for `key`, replacing any value it had. */
  set(key: string, value: number): void {
    hash64(key, this.h, 0, key.length);
    const s = this.slot();
    if (this.table[3 * s + 2] === 0) {
      this.table[3 * s] = this.h[0]!;
      this.table[3 * s + 1] = this.h[1]!;
      if (++this.n * 2 > this.mask + 1) {
        this.table[3 * s + 2] = value + 1;
        this.grow();
        return;
      }
    }
    this.table[3 * s + 2] = value + 1;
  }

  /** The slot holding `this.h`, or the empty slot where it would go. */
  private slot(): number {
    const t = this.table;
    const h1 = this.h[0]!;
    const h2 = this.h[1]!;
    for (let s = h1 & this.mask; ; s = (s + 1) & this.mask) {
      if (t[3 * s + 2] === 0 || (t[3 * s] === h1 && t[3 * s + 1] === h2)) return s;
    }
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const t = new Uint32Array(3 * slots);
    const mask = slots - 1;
    for (let a = 0; a < old.length; a += 3) {
      if (old[a + 2] === 0) continue;
      let s = old[a]! & mask;
      while (t[3 * s + 2] !== 0) s = (s + 1) & mask;
      t[3 * s] = old[a]!;
      t[3 * s + 1] = old[a + 1]!;
      t[3 * s + 2] = old[a + 2]!;
    }
    this.table = t;
    this.mask = mask;
  }
}
