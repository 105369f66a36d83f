/**
 * A copy of a string that owns its characters, for keeping as a key that many lookups compare
 * against. A parsed cell is a slice of the 1 MiB text it was parsed from (a name unpacked from a
 * chunk, of the chunk's pack): kept as it is, it keeps that text alive, and a Map whose keys are such
 * slices compares each lookup against characters scattered over many old texts (cache misses):
 * looking up the AuthorID of 200k DiscordChatExporter rows took 105–148 ms with slices as keys,
 * 55–86 ms with owned copies (Node; in the browser's profile of a 1M-row import the lookup's samples
 * fell by ~20 %). JSON's round trip is exact for every string (lone surrogates included) and returns
 * a flat string.
 */
export function ownedString(cell: string): string {
  return JSON.parse(JSON.stringify(cell)) as string;
}

/** 32-bit hash of the UTF-16 code units of `s` in [start, end) (FNV-1a with a final mix). */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) | 0;
}

function hash32(v: string): number {
  return hashRange(v, 0, v.length);
}

/** Whether `v` equals `s` in [start, end), compared code unit by code unit. */
function equalsRange(v: string, s: string, start: number, end: number): boolean {
  if (v.length !== end - start) return false;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) !== s.charCodeAt(start + i)) return false;
  return true;
}

/**
 * Strings to small indexes, in first-seen order (chunk and table string tables).
 * An open-addressing table of indexes with each value's 32-bit hash, not a Map: every row of a large
 * import looks a name up here, and a Map lookup of a freshly parsed or deserialised string cost
 * ~0.35–1 µs in Chromium against ~0.2 µs here (a lookup compares strings only when hashes match).
 */
export class Interner {
  readonly values: string[] = [];
  private hashes = new Int32Array(64);
  /** Index + 1 of the value in each slot, 0 = empty. */
  private slots = new Int32Array(128);
  constructor(first?: string) {
    if (first !== undefined) this.id(first);
  }

  /** The index of `v`, added if new. */
  id(v: string): number {
    const h = hash32(v);
    const found = this.find(v, h);
    return found >= 0 ? found : this.add(v, h, -1 - found);
  }

  /**
   * The index of `s.slice(start, end)`, added if new (as an owned copy: `ownedString`), without
   * cutting the slice out for the lookup: a packed table (a chunk's `personPack`) is looked up in
   * place. In the dashboard's build of 1M chat activities, the ~860k lookups of unpacked names
   * (each a slice of its chunk's pack, compared with the stored name) were ~0.2 s of the compute
   * worker.
   */
  idOfRange(s: string, start: number, end: number): number {
    const h = hashRange(s, start, end);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const i = this.slots[slot]! - 1;
      if (i < 0) return this.add(ownedString(s.slice(start, end)), h, slot);
      if (this.hashes[i] === h && equalsRange(this.values[i]!, s, start, end)) return i;
    }
  }

  /** The index of `v`, or −1 when it is not here. */
  indexOf(v: string): number {
    const found = this.find(v, hash32(v));
    return found >= 0 ? found : -1;
  }

  /** Index of `v`, or −1 − (the free slot where it would go). */
  private find(v: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const i = this.slots[s]! - 1;
      if (i < 0) return -1 - s;
      if (this.hashes[i] === h && this.values[i] === v) return i;
    }
  }

  private add(v: string, h: number, slot: number): number {
    const i = this.values.length;
    this.values.push(v);
    if (i === this.hashes.length) {
      const hashes = new Int32Array(i * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[i] = h;
    this.slots[slot] = i + 1;
    // Kept at most half full: a doubling re-places every index by its stored hash.
    if ((i + 1) * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      const mask = slots.length - 1;
      for (let j = 0; j <= i; j++) {
        let s = this.hashes[j]! & mask;
        while (slots[s] !== 0) s = (s + 1) & mask;
        slots[s] = j + 1;
      }
      this.slots = slots;
    }
    return i;
  }
}
