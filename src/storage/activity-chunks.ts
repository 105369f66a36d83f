import { ACTIVITY_KINDS, type ActivityRecord } from '../domain/model/records';
import { activityRecordAt, ActivityTableBuilder, columnKeys, columnTexts, KIND_INDEX, type ActivityColumns } from '../domain/metrics/activity-table';
import { Interner } from '../domain/model/interner';
import { packStrings, selectPacked } from '../domain/metrics/packed-strings';
import { scoresText } from '../domain/metrics/dataset';
import { hash53 } from '../domain/model/keys';
import { scoreText } from '../domain/sentiment';
import * as domainLexicon from '../domain/sentiment/domain-lexicon';
import { EMOTICON_VALENCE } from '../domain/sentiment/lexicon';
import { TUNING } from '../domain/sentiment/score';
import { VADER_LEXICON_ENTRIES } from '../domain/sentiment/vader-lexicon';

/**
 * Activities are stored as columnar chunks, a few thousand per IndexedDB record
 * (docs/decisions/0001-columnar-activity-chunks.md): IndexedDB costs per record and per
 * transaction, not per byte. The columns are `ActivityColumns` (domain/metrics/activity-table.ts).
 */
export interface ActivityChunk extends ActivityColumns {
  /** `<importId>:<seq>` */
  id: string;
  importId: string;
  source: string;
  /**
   * Sentiment score (`scoreText`) of each activity's text, computed once at import
   * (docs/decisions/0003-stored-sentiment-scores.md); NaN where nothing is scored (no text, or a
   * kind sentiment ignores). Float64, not Float32: the stored number must equal the scorer's, or a
   * score at a ±0.05 threshold could change label. Absent in chunks written before scores were
   * stored: those texts are scored when the dataset is prepared, as before.
   */
  score?: Float64Array;
  /** `scorerFingerprint()` of the scorer that filled `score`; scores of another scorer are ignored. */
  scoreVersion?: string;
}

/** Texts whose scores exercise the scorer's rules (negation, boosters, emoji, quotes, code, phrases). */
const PROBES = [
  'Thanks, that fixed it!',
  'This is not good at all.',
  'I absolutely love the new release :) 🎉',
  'The docs are confusing and the example is broken :(',
  'Why does this keep crashing?? wtf',
  '> you are terrible\nI disagree, it works great',
  'Unfortunately I am afraid it still fails: `TypeError: x is undefined`',
  'Big fan of this, kudos :tada:',
  'meh. not bad, not great either',
  'Thank you so much for the quick answer, really helpful',
  // Scored 0 before Object.prototype names stopped matching the lexicon (2026-11-21).
  'The constructor is broken and I hate it :__proto__:',
  // The tenth session's rules: clauses, negators that do not negate, "but" with nothing after it,
  // "is it just me or".
  "Nope, still broken. Couldn't be more happy though, can't believe it. Is it just me or is it slow? Fine but meh",
];

let fingerprint: string | undefined;
/**
 * Identifies what the scorer computes: a hash of its lexicons, tuning and the scores of a few probe
 * texts. A chunk scored by a different scorer (the sentiment module changed since the import) is
 * scored again at load instead of using stale numbers (docs/decisions/0002). Computed once per thread.
 */
export function scorerFingerprint(): string {
  fingerprint ??= hash53(
    JSON.stringify([
      VADER_LEXICON_ENTRIES,
      Object.entries(domainLexicon).map(([k, v]) => [k, v instanceof Set ? [...v] : v]),
      [...EMOTICON_VALENCE],
      TUNING,
      PROBES.map((t) => scoreText(t)),
    ]),
  );
  return fingerprint;
}

/** The chunk's score column: `scorer` of every scored text, NaN elsewhere. */
export function scoreColumn(records: readonly ActivityRecord[], scorer: (text: string) => number = scoreText): Float64Array {
  const out = new Float64Array(records.length).fill(Number.NaN);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (scoresText(r.kind, r.text)) out[i] = scorer(r.text);
  }
  return out;
}

/** The chunk's score column from its own columns (kind, text): the same numbers as `scoreColumn` of its records. */
export function scoreChunkColumn(c: Pick<ActivityChunk, 'count' | 'kind' | 'text' | 'textPack'>, scorer: (text: string) => number = scoreText): Float64Array {
  const out = new Float64Array(c.count).fill(Number.NaN);
  const { pack, len } = columnTexts(c);
  let at = 0;
  for (let i = 0; i < c.count; i++) {
    const l = len[i]!;
    if (l <= 0) continue;
    const t = pack.slice(at, at + l);
    at += l;
    if (scoresText(ACTIVITY_KINDS[c.kind[i]!]!, t)) out[i] = scorer(t);
  }
  return out;
}

/** Fills a chunk's `score` and `scoreVersion` (a chunk encoded with `score: null`). */
export function scoreChunk(c: ActivityChunk): ActivityChunk {
  c.score = scoreChunkColumn(c);
  c.scoreVersion = scorerFingerprint();
  return c;
}

/**
 * Encodes activities as one chunk. `score` is the precomputed score column (`scoreColumn`, e.g.
 * from another thread); by default the texts are scored here; `null` leaves the chunk unscored, for
 * `scoreChunk` where it is stored.
 */
export function encodeChunk(id: string, importId: string, records: ActivityRecord[], score?: Float64Array | null): ActivityChunk {
  const n = records.length;
  const persons = new Interner();
  const threads = new Interner('');
  // Sparse (SparseStrings): only the activities that have one.
  const url: string[] = [];
  const title: string[] = [];
  const sources = new Interner();
  const channels = new Interner();
  const chunk: ActivityChunk = {
    id,
    importId,
    source: records[0]?.source ?? '',
    count: n,
    at: new Float64Array(n),
    kind: new Uint8Array(n),
    person: new Uint32Array(n),
    threads: threads.values,
    thread: new Uint32Array(n),
    sources: sources.values,
    sourceIdx: new Uint8Array(n),
    channels: channels.values,
    channelIdx: new Uint32Array(n),
    url,
    title,
  };
  const keys = new Array<string>(n);
  const texts = new Array<string | undefined>(n);
  if (score !== null) {
    chunk.score = score ?? scoreColumn(records);
    chunk.scoreVersion = scorerFingerprint();
  }
  // A file's rows mostly share one source and channel (the same string objects): the last one's index
  // is reused instead of hashing the name again for every row (the Interner's hashing in this loop:
  // ~0.4 s per 1M chat rows in the browser's profile, ~0.1 s of it the source and channel names).
  let lastSource: string | undefined;
  let sourceIdx = 0;
  let lastChannel: string | undefined;
  let channelIdx = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    keys[i] = r.key;
    chunk.at[i] = r.at;
    chunk.kind[i] = KIND_INDEX.get(r.kind)!;
    chunk.person[i] = persons.id(r.personKey);
    chunk.thread[i] = r.threadKey ? threads.id(r.threadKey) : 0;
    if (r.source !== lastSource) sourceIdx = sources.id((lastSource = r.source));
    chunk.sourceIdx[i] = sourceIdx;
    texts[i] = r.text;
    const channel = r.channel;
    if (channel !== lastChannel) channelIdx = channel === undefined ? 0 : channels.id(channel) + 1;
    lastChannel = channel;
    chunk.channelIdx![i] = channelIdx;
    if (r.url != null) url[i] = r.url;
    if (r.title != null) title[i] = r.title;
  }
  // Keys and texts packed (packed-strings.ts): copied as one block each by postMessage and IndexedDB.
  chunk.keyPack = packStrings(keys);
  chunk.textPack = packStrings(texts);
  chunk.personPack = packStrings(persons.values);
  return chunk;
}

/**
 * The chunk with only the activities at `rows` (ascending): the per-activity columns are copied, the
 * interned name tables kept whole (an unused name costs a few bytes, re-interning a pass). Written
 * chunks only (`channelIdx`, never the old `channel` column).
 */
export function selectRows(c: ActivityChunk, rows: ArrayLike<number>): ActivityChunk {
  const n = rows.length;
  const url: string[] = [];
  const title: string[] = [];
  const out: ActivityChunk = {
    ...c,
    count: n,
    keyPack: selectPacked(columnKeys(c), rows),
    textPack: selectPacked(columnTexts(c), rows),
    at: new Float64Array(n),
    kind: new Uint8Array(n),
    person: new Uint32Array(n),
    thread: new Uint32Array(n),
    sourceIdx: new Uint8Array(n),
    channelIdx: new Uint32Array(n),
    url,
    title,
  };
  if (c.score) out.score = new Float64Array(n);
  const channelIdx = c.channelIdx!;
  for (let j = 0; j < n; j++) {
    const i = rows[j]!;
    out.at[j] = c.at[i]!;
    out.kind[j] = c.kind[i]!;
    out.person[j] = c.person[i]!;
    out.thread[j] = c.thread[i]!;
    out.sourceIdx[j] = c.sourceIdx[i]!;
    out.channelIdx![j] = channelIdx[i]!;
    const u = c.url[i];
    if (u != null) url[j] = u;
    const t = c.title[i];
    if (t != null) title[j] = t;
    if (c.score) out.score![j] = c.score[i]!;
  }
  return out;
}

/** The chunk's stored scores when the current scorer computed them (else its texts are scored again). */
export function usableScores(c: ActivityChunk): Float64Array | undefined {
  return c.score && c.scoreVersion === scorerFingerprint() ? c.score : undefined;
}

/** The chunk's activities as records (the columns read by the same code as the dashboard's: ActivityTableBuilder). */
export function decodeChunk(c: ActivityChunk, out: ActivityRecord[] = []): ActivityRecord[] {
  const table = new ActivityTableBuilder(false);
  table.reserve(c.count);
  table.addColumns(c, usableScores(c));
  const t = table.build();
  for (let i = 0; i < t.n; i++) out.push(activityRecordAt(t, i));
  return out;
}
