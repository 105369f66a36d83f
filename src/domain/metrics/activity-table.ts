/**
 * Activities as columns (one array per field, strings that repeat interned), the metric engine's
 * input form: the dashboard builds it straight from stored chunks (storage/activity-chunks.ts)
 * without one object per activity, and the command from the adapters' records. For 1M activities
 * the objects cost ~100 bytes each and most of the load's garbage collection; here the columns are
 * copied chunk by chunk, and names repeated on every row (person, thread, channel, source) are looked
 * up once per chunk instead of once per activity.
 */
import { KeyHashSet } from '../model/key-set';
import { ACTIVITY_KINDS, type ActivityKind, type ActivityRecord } from '../model/records';
import { Interner } from '../model/interner';
import { packedStarts, packStrings, StringColumn, type PackedStrings } from './packed-strings';

export interface ActivityTable {
  n: number;
  /** Keys and texts stay packed as stored (packed-strings.ts): `get(i)` cuts one out. */
  key: StringColumn;
  at: Float64Array;
  /** Index into ACTIVITY_KINDS. */
  kind: Uint8Array;
  /** Index into `personKeys`. */
  person: Uint32Array;
  personKeys: string[];
  /** Index into `sources`. */
  source: Uint16Array;
  sources: string[];
  /** Index into `threads`, 0 = none (threads[0] is ''). */
  thread: Uint32Array;
  threads: string[];
  /** Index into `channels` + 1, 0 = none (so an empty name stays a name). */
  channel: Uint32Array;
  channels: string[];
  text: StringColumn;
  /** Each activity's link and title, sparse (see `SparseStrings`). */
  url: SparseStrings;
  title: SparseStrings;
  /** The stored sentiment score (`ActivityRecord.score`), NaN when none. */
  score: Float64Array;
}

/**
 * The columns of one stored chunk of activities (storage/activity-chunks.ts `ActivityChunk` adds its
 * id, import and scores; docs/decisions/0001): times a Float64Array, kinds a Uint8Array (index into
 * ACTIVITY_KINDS), person, thread and source names interned in chunk-local tables indexed by typed
 * arrays; optional text columns are sparse arrays.
 */
export interface ActivityColumns {
  count: number;
  /**
   * Each activity's key, packed (packed-strings.ts: one string + lengths; chunks written since the
   * fifth session). Read both layouts through `columnKeys`.
   */
  keyPack?: PackedStrings;
  /** The layout before `keyPack`, one string per activity: read, never written. */
  keys?: string[];
  at: Float64Array;
  kind: Uint8Array;
  /**
   * The chunk's distinct person keys, which `person` indexes, packed (packed-strings.ts; chunks
   * written since 2026-11-22: ~8,600 names a 10,000-activity chat chunk, cloned to the helper,
   * stored and read back one string each, cost more than the rest of the chunk). Read both layouts
   * in `ActivityTableBuilder.addColumns`.
   */
  personPack?: PackedStrings;
  /** The layout before `personPack`, one string per person: read, never written. */
  persons?: string[];
  person: Uint32Array;
  threads: string[];
  /** Index into `threads`, 0 = none (threads[0] is ''). */
  thread: Uint32Array;
  sources: string[];
  sourceIdx: Uint8Array;
  /** Each activity's text (−1 length = none), packed like `keyPack`. Read every layout through `columnTexts`. */
  textPack?: PackedStrings;
  /**
   * A stored chunk's text lengths (`textPack.len`) when the characters are stored apart (schema
   * version 2: storage's `activityTexts` table) and were not read with it. `ActivityTableBuilder`
   * then adds the texts as not loaded (`StringColumn.fill` loads them later).
   */
  textLen?: Int32Array;
  /** The layout before `textPack`: read, never written. */
  text?: (string | null)[];
  /**
   * Channel (chat channel, event name) of each activity: an interned table (`channels`) indexed by
   * `channelIdx` (index + 1; 0 = none, so an empty name stays a name), like persons and threads — a
   * chat export repeats one channel name on every row, and IndexedDB serialises each string in full.
   * Chunks written before this (Hearth 0.1) hold `channel`, one string or null per activity;
   * ActivityTableBuilder.addColumns (the one reader of these columns) reads both.
   */
  channels?: string[];
  channelIdx?: Uint32Array;
  /** The layout before `channels`: read, never written. */
  channel?: (string | null)[];
  /** Each activity's link and title, sparse (see `SparseStrings`): a chat export has none. */
  url: SparseStrings;
  title: SparseStrings;
}

/**
 * A per-activity string most activities lack (a post's link and title): an array whose missing
 * values are holes, `null` or `undefined` — read it with `!= null`. Written sparse since 2026-11-22
 * (a 10,000-activity chat chunk carried 20,000 nulls, cloned to the helper, stored, read back and
 * pushed into the dashboard's table: ~0.1 s of that table's build per 1M activities); chunks
 * written before hold a null per activity, read the same way.
 */
export type SparseStrings = readonly (string | null | undefined)[];

/** A chunk's keys, packed, whichever layout it was written in. */
export function columnKeys(c: Pick<ActivityColumns, 'keyPack' | 'keys'>): PackedStrings {
  return c.keyPack ?? packStrings(c.keys ?? []);
}

/** A chunk's texts, packed, whichever layout it was written in (texts stored apart must have been attached: `textPack`). */
export function columnTexts(c: Pick<ActivityColumns, 'textPack' | 'text' | 'textLen'>): PackedStrings {
  if (c.textPack) return c.textPack;
  if (c.textLen) throw new Error('The chunk was read without its texts (stored apart).');
  return packStrings(c.text ?? []);
}

const UNSET = 0xffffffff;

/** ActivityKind → its index in ACTIVITY_KINDS (the stored `kind` code). */
export const KIND_INDEX = new Map<ActivityKind, number>(ACTIVITY_KINDS.map((k, i) => [k, i]));

/** A typed column with room for `size` values (the values so far copied). */
function grown<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(a: T, size: number, make: (n: number) => T): T {
  if (size <= a.length) return a;
  const b = make(size);
  b.set(a);
  return b;
}

/**
 * Builds an ActivityTable from records or chunks, in the order given. With `dedupe`, an activity
 * whose key was already added is skipped (the first one wins: RecordAccumulator's rule); without it
 * the caller vouches that keys are unique (one import: ImportWriter dropped repeats).
 */
export class ActivityTableBuilder {
  private n = 0;
  private readonly keys = new StringColumn();
  private at = new Float64Array(0);
  private kind = new Uint8Array(0);
  private person = new Uint32Array(0);
  private source = new Uint16Array(0);
  private thread = new Uint32Array(0);
  private channel = new Uint32Array(0);
  private score = new Float64Array(0);
  private readonly text = new StringColumn();
  private readonly url: (string | null | undefined)[] = [];
  private readonly title: (string | null | undefined)[] = [];
  private readonly persons = new Interner();
  private readonly sources = new Interner();
  private readonly threads = new Interner('');
  private readonly channels = new Interner();
  private readonly seen: KeyHashSet | null;

  constructor(dedupe: boolean) {
    this.seen = dedupe ? new KeyHashSet() : null;
  }

  /**
   * Makes room for `more` activities. Exactly that room when the caller knows the count (a set of
   * chunks): 1M activities' columns then take their final size at once instead of doubling (a
   * doubling holds old and new arrays together and leaves up to half unused).
   */
  reserve(more: number, exact = true): void {
    let need = this.n + more;
    if (need <= this.at.length) return;
    if (!exact) need = Math.max(need, this.at.length * 2, 1024);
    this.at = grown(this.at, need, (k) => new Float64Array(k));
    this.kind = grown(this.kind, need, (k) => new Uint8Array(k));
    this.person = grown(this.person, need, (k) => new Uint32Array(k));
    this.source = grown(this.source, need, (k) => new Uint16Array(k));
    this.thread = grown(this.thread, need, (k) => new Uint32Array(k));
    this.channel = grown(this.channel, need, (k) => new Uint32Array(k));
    this.score = grown(this.score, need, (k) => new Float64Array(k));
    this.keys.grow(need);
    this.text.grow(need);
  }

  addRecords(records: readonly ActivityRecord[]): void {
    this.reserve(records.length, false);
    const kept = this.seen ? records.filter((a) => this.seen!.add(a.key)) : records;
    // The records' keys and texts packed like a chunk's, so that both forms make the same columns.
    this.keys.appendPacked(packStrings(kept.map((a) => a.key)));
    this.text.appendPacked(packStrings(kept.map((a) => a.text)));
    for (const a of kept) {
      const i = this.n++;
      this.at[i] = a.at;
      this.kind[i] = KIND_INDEX.get(a.kind)!;
      this.person[i] = this.persons.id(a.personKey);
      this.source[i] = this.sources.id(a.source);
      this.thread[i] = a.threadKey ? this.threads.id(a.threadKey) : 0;
      this.channel[i] = a.channel === undefined ? 0 : this.channels.id(a.channel) + 1;
      this.score[i] = a.score ?? Number.NaN;
      if (a.url != null) this.url[i] = a.url;
      if (a.title != null) this.title[i] = a.title;
    }
  }

  /** Adds an encoded chunk's activities; `score` is its score column when usable (else texts are scored later). */
  addColumns(c: ActivityColumns & { id?: string }, score: Float64Array | undefined): void {
    this.reserve(c.count, false);
    // Chunk-local tables → this table's indexes, once per distinct value, when first used (a value
    // only a skipped repeat uses is not added: the table holds what addRecords would).
    // Person names: looked up in place in the packed table (idOfRange), or one string each (older chunks).
    const personPack = c.personPack;
    const personStarts = personPack ? packedStarts(personPack) : null;
    const person = new Uint32Array(personPack ? personPack.len.length : (c.persons?.length ?? 0)).fill(UNSET);
    const source = new Uint32Array(c.sources.length).fill(UNSET);
    const thread = new Uint32Array(c.threads.length).fill(UNSET);
    thread[0] = 0;
    const channel = c.channels ? new Uint32Array(c.channels.length).fill(UNSET) : null;
    const keys = columnKeys(c);
    // Texts stored apart and not read (the dashboard's load): their lengths now, their characters when a page needs them.
    const texts: { pack: string | null; len: Int32Array } = c.textLen && !c.textPack ? { pack: null, len: c.textLen } : columnTexts(c);
    const keyPack = this.keys.addPack(keys.pack);
    const textPack = this.text.addPack(texts.pack, c.id ?? '');
    let keyAt = 0;
    let textAt = 0;
    for (let j = 0; j < c.count; j++) {
      const keyLen = keys.len[j]!;
      const textLen = texts.len[j]!;
      const keyStart = keyAt;
      const textStart = textAt;
      keyAt += keyLen;
      if (textLen > 0) textAt += textLen;
      if (this.seen && !this.seen.add(keys.pack, keyStart, keyAt)) continue;
      const i = this.n++;
      this.keys.push(keyPack, keyStart, keyLen);
      this.at[i] = c.at[j]!;
      this.kind[i] = c.kind[j]!;
      const p = c.person[j]!;
      if (person[p] === UNSET) {
        if (personStarts) {
          const start = personStarts[p]!;
          person[p] = this.persons.idOfRange(personPack!.pack, start, start + personPack!.len[p]!);
        } else person[p] = this.persons.id(c.persons![p]!);
      }
      this.person[i] = person[p]!;
      const s = c.sourceIdx[j]!;
      if (source[s] === UNSET) source[s] = this.sources.id(c.sources[s]!);
      this.source[i] = source[s]!;
      const t = c.thread[j]!;
      if (thread[t] === UNSET) thread[t] = this.threads.id(c.threads[t]!);
      this.thread[i] = thread[t]!;
      if (channel) {
        const ch = c.channelIdx![j]!;
        if (ch !== 0 && channel[ch - 1] === UNSET) channel[ch - 1] = this.channels.id(c.channels![ch - 1]!) + 1;
        this.channel[i] = ch === 0 ? 0 : channel[ch - 1]!;
      } else {
        const name = c.channel?.[j];
        this.channel[i] = name == null ? 0 : this.channels.id(name) + 1;
      }
      this.score[i] = score ? score[j]! : Number.NaN;
      this.text.push(textPack, textStart, textLen);
      const url = c.url[j];
      if (url != null) this.url[i] = url;
      const title = c.title[j];
      if (title != null) this.title[i] = title;
    }
  }

  build(): ActivityTable {
    const n = this.n;
    return {
      n,
      key: this.keys,
      // Views, not copies: any room left over (repeats skipped) is a few bytes per activity.
      at: this.at.subarray(0, n),
      kind: this.kind.subarray(0, n),
      person: this.person.subarray(0, n),
      personKeys: this.persons.values,
      source: this.source.subarray(0, n),
      sources: this.sources.values,
      thread: this.thread.subarray(0, n),
      threads: this.threads.values,
      channel: this.channel.subarray(0, n),
      channels: this.channels.values,
      text: this.text,
      url: this.url,
      title: this.title,
      score: this.score.subarray(0, n),
    };
  }
}

/** Row `i` of the table as a record (the form adapters produce and queries return). */
export function activityRecordAt(t: ActivityTable, i: number): ActivityRecord {
  const r: ActivityRecord = {
    key: t.key.get(i)!,
    source: t.sources[t.source[i]!]!,
    personKey: t.personKeys[t.person[i]!]!,
    kind: ACTIVITY_KINDS[t.kind[i]!]!,
    at: t.at[i]!,
  };
  const th = t.thread[i]!;
  if (th !== 0) r.threadKey = t.threads[th]!;
  const text = t.text.get(i);
  if (text != null) r.text = text;
  const ch = t.channel[i]!;
  if (ch !== 0) r.channel = t.channels[ch - 1]!;
  const url = t.url[i];
  if (url != null) r.url = url;
  const title = t.title[i];
  if (title != null) r.title = title;
  const s = t.score[i]!;
  if (s === s) r.score = s;
  return r;
}

/** A table of records (the command, tests). */
export function activityTableOf(records: readonly ActivityRecord[]): ActivityTable {
  const b = new ActivityTableBuilder(false);
  b.addRecords(records);
  return b.build();
}
