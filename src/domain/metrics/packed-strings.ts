/**
 * A column of strings packed as one string plus each value's length (docs/decisions/0001, fifth
 * session): how stored chunks hold activity keys and texts. Structured clone (postMessage and
 * IndexedDB) writes and reads a string per value otherwise — 20,000 per chunk of chat, and most of
 * the dashboard's load time and garbage — while one long string is copied in one block. Values are
 * cut out only where they are read (`StringColumn.get`): the metrics need keys and texts for a few
 * rows (corrections, timelines, listening), not for every activity.
 */

/** Strings packed end to end in `pack`; `len[i]` is value i's length in UTF-16 code units, −1 for none (null). */
export interface PackedStrings {
  pack: string;
  len: Int32Array;
}

/** Packs `values` (null/undefined kept apart from ''). */
export function packStrings(values: ArrayLike<string | null | undefined>): PackedStrings {
  const n = values.length;
  const len = new Int32Array(n);
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) {
      len[i] = -1;
      parts[i] = '';
    } else {
      len[i] = v.length;
      parts[i] = v;
    }
  }
  return { pack: parts.join(''), len };
}

/** Where each value of `p` starts in `p.pack` (a value with no string starts where the next one does). */
export function packedStarts(p: PackedStrings): Uint32Array {
  const n = p.len.length;
  const starts = new Uint32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = at;
    const l = p.len[i]!;
    if (l > 0) at += l;
  }
  return starts;
}

/** Every value of `p` (the inverse of packStrings). */
export function unpackStrings(p: PackedStrings): (string | null)[] {
  const n = p.len.length;
  const out = new Array<string | null>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const l = p.len[i]!;
    if (l < 0) out[i] = null;
    else {
      out[i] = p.pack.slice(at, at + l);
      at += l;
    }
  }
  return out;
}

/** The values of `p` at `rows` (ascending or not), packed again. */
export function selectPacked(p: PackedStrings, rows: ArrayLike<number>): PackedStrings {
  const starts = packedStarts(p);
  const n = rows.length;
  const len = new Int32Array(n);
  const parts = new Array<string>(n);
  for (let j = 0; j < n; j++) {
    const i = rows[j]!;
    const l = p.len[i]!;
    len[j] = l;
    parts[j] = l > 0 ? p.pack.slice(starts[i]!, starts[i]! + l) : '';
  }
  return { pack: parts.join(''), len };
}

/**
 * A table's column of strings as references into packed strings: per row, which pack, where in it,
 * and how long (−1 = none) — 12 bytes a row plus the packed characters, where an array of strings
 * costs a pointer and a string object per row. Filled by appending rows; `get` cuts a value out.
 */
export class StringColumn {
  /** Each pack's characters, or null while not loaded (`fill`). */
  private readonly packs: (string | null)[] = [];
  /** Where each not-loaded pack comes from (an id the caller chose), by pack id. */
  private readonly sources = new Map<number, string>();
  private pack = new Uint32Array(0);
  private start = new Uint32Array(0);
  private len = new Int32Array(0);
  private n = 0;

  /** Rows in the column. */
  get size(): number {
    return this.n;
  }

  /** Makes room for `size` rows in all. */
  grow(size: number): void {
    if (size <= this.pack.length) return;
    const pack = new Uint32Array(size);
    pack.set(this.pack.subarray(0, this.n));
    const start = new Uint32Array(size);
    start.set(this.start.subarray(0, this.n));
    const len = new Int32Array(size);
    len.set(this.len.subarray(0, this.n));
    this.pack = pack;
    this.start = start;
    this.len = len;
  }

  /**
   * Adds a packed string that the next rows point into; returns its id for `push`. A null pack is
   * not loaded yet: rows can be pushed (their lengths are known), `get` refuses them until `fill`
   * gives the characters; `source` names where they are (e.g. a stored chunk's id).
   */
  addPack(pack: string | null, source = ''): number {
    this.packs.push(pack);
    const id = this.packs.length - 1;
    if (pack === null) this.sources.set(id, source);
    return id;
  }

  /** The packs not loaded yet: [pack id, source] pairs. */
  unloaded(): [number, string][] {
    return [...this.sources];
  }

  /** Loads a pack added as null. */
  fill(packId: number, pack: string): void {
    if (!this.sources.delete(packId)) throw new Error(`pack ${packId} is not waiting to be loaded`);
    this.packs[packId] = pack;
  }

  /** Appends a row: `length` code units of pack `packId` from `start` (length −1: none). */
  push(packId: number, start: number, length: number): void {
    if (this.n === this.pack.length) this.grow(Math.max(1024, this.n * 2));
    const i = this.n++;
    this.pack[i] = packId;
    this.start[i] = start;
    this.len[i] = length;
  }

  /** Row i's value, or null when it has none. Throws for a row whose pack is not loaded (a reader that forgot `fill`). */
  get(i: number): string | null {
    const l = this.len[i]!;
    if (l < 0) return null;
    const s = this.start[i]!;
    const pack = this.packs[this.pack[i]!];
    if (pack == null) throw new Error('These texts are not loaded yet.');
    return pack.slice(s, s + l);
  }

  /** Whether row i's pack is loaded (`get` can read it). */
  loaded(i: number): boolean {
    return this.packs[this.pack[i]!] != null;
  }

  /** Row i's length in UTF-16 code units, −1 when it has no value (cheaper than `get` for a test). */
  lengthAt(i: number): number {
    return this.len[i]!;
  }

  /** A column of the given values (tests, small tables). */
  static of(values: ArrayLike<string | null | undefined>): StringColumn {
    const c = new StringColumn();
    c.appendPacked(packStrings(values));
    return c;
  }

  /** Appends every value of a packed column. */
  appendPacked(p: PackedStrings): void {
    const id = this.addPack(p.pack);
    const n = p.len.length;
    this.grow(this.n + n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const l = p.len[i]!;
      this.push(id, at, l);
      if (l > 0) at += l;
    }
  }
}
