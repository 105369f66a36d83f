/**
 * `prepareDataset`: the heavy, once-per-import work of the metric engine — identity resolution,
 * bot removal, sentiment scoring, sorting and columnar indexing. `buildReport` then only runs tight
 * loops over typed arrays.
 */
import { labelFor, scoreText, type SentimentLabel } from '../sentiment';
import { resolveIdentity, type ResolvedPerson } from '../identity';
import { ACTIVITY_KINDS } from '../model/records';
import type {
  ActivityKind,
  ActivityRecord,
  CampaignRecord,
  DailyValueRecord,
  RecordBatch,
  SocialPostRecord,
  SubscriptionEventRecord,
} from '../model/records';
import { activityRecordAt, activityTableOf, type ActivityTable } from './activity-table';
import { Interner } from '../model/interner';

export const KIND_CODE: Record<ActivityKind, number> = {
  post: 0,
  reply: 1,
  message: 2,
  reaction: 3,
  attend: 4,
};
export const KIND_POST = 0;
export const KIND_REPLY = 1;
export const KIND_MESSAGE = 2;
export const KIND_ATTEND = 4;

/**
 * Whether sentiment scores an activity's text (metrics.md §3): posts, replies and messages whose text
 * is not blank. The one rule for prepareDataset and for the scores stored at import.
 */
export function scoresText(kind: ActivityKind, text: string | null | undefined): text is string {
  return kindScoresText(kind) && !!text && text.trim() !== '';
}

/** Whether sentiment reads texts of this kind at all (scoresText's rule on the kind). */
export function kindScoresText(kind: ActivityKind): boolean {
  return kind === 'post' || kind === 'reply' || kind === 'message';
}

/** Sentiment codes per activity: only post/reply/message with non-empty text are scored. */
export const SENT_NONE = 0;
export const SENT_POSITIVE = 1;
export const SENT_NEGATIVE = 2;
export const SENT_NEUTRAL = 3;

export interface PrepareInput {
  /** Everything imported; its `activities` are read unless `activities` is given. */
  records: RecordBatch;
  /**
   * The activities as columns (activity-table.ts), e.g. built straight from stored chunks; then
   * `records.activities` is ignored. Stored scores are its `score` column (NaN = none).
   */
  activities?: ActivityTable;
  /** Manual merges (pairs of person keys), applied on top of the email merges. */
  merges?: Array<[string, string]>;
  /** User corrections: activity key → label; replaces the scorer's label for that activity. */
  sentimentOverrides?: Record<string, SentimentLabel>;
  /**
   * Sentiment scorer, default `scoreText`; scores in [−1, 1], labelled by `labelFor`. With the
   * default scorer, an activity's precomputed `score` (stored at import) is used instead of
   * scoring its text again; a custom scorer ignores stored scores.
   */
  scorer?: (text: string) => number;
}

/** What one resolved person is, per source (for source filters). */
export interface PersonSourceFacts {
  source: number;
  roster: boolean;
  joinedAt: number;
}

export interface Dataset {
  /** Resolved persons (bots excluded); `id` indexes every per-person array. */
  persons: ResolvedPerson[];
  /** Any person key → resolved person id. */
  idOf: Map<string, number>;
  /** Person keys marked as bots (their activities were dropped). */
  botKeys: Set<string>;
  /** Source namespaces; `source` columns index this list. */
  sources: string[];
  /** Per person: its records' source, roster flag and join date (NaN when none). */
  personFacts: PersonSourceFacts[][];

  /**
   * Every activity as given (bots and undated ones included), as columns; `row[i]` is the row of
   * community activity i (bots removed, sorted by time). The columns below share the sorted order.
   * `activityAt`, `textAt`, … read one activity's fields.
   */
  table: ActivityTable;
  row: Uint32Array;
  n: number;
  at: Float64Array;
  person: Int32Array;
  kind: Uint8Array;
  source: Uint16Array;
  sentiment: Uint8Array;
  /** For attends: index into `events`, else −1. */
  event: Int32Array;
  events: string[];
  /** For posts: ms from the post to its first response, NaN when it has none; NaN for other kinds. */
  ttfr: Float64Array;

  /** firstAt[p * sources.length + s]: person p's first community activity in source s (NaN when none). */
  firstAt: Float64Array;

  campaigns: { at: Float64Array; source: Uint16Array; records: CampaignRecord[] };
  subscriptions: {
    at: Float64Array;
    source: Uint16Array;
    delta: Int8Array;
    records: SubscriptionEventRecord[];
  };
  social: { at: Float64Array; source: Uint16Array; records: SocialPostRecord[] };
  /**
   * Dated records that feed no series but still bound the default period (metrics.md §1: "the
   * earliest to the latest month that holds any dated record"): bots' activities and roster join
   * dates. Unsorted.
   */
  otherDated: { at: Float64Array; source: Uint16Array };
  /**
   * Dashboard daily values (Discourse reports, X account overview, LinkedIn page analytics):
   * calendar days, stored as UTC midnight, so their month is the day's own month (UTC fields) in
   * every report zone. `month` holds absolute month numbers; the three arrays share one order,
   * sorted by day.
   */
  daily: { month: Int32Array; source: Uint16Array; records: DailyValueRecord[] };

  /** Memo of per-zone and per-filter computations (see context.ts). */
  cache: Map<string, unknown>;
}

function sortedByTime<T>(items: readonly T[], time: (x: T) => number): T[] {
  const n = items.length;
  const times = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    times[i] = time(items[i] as T);
    if (i > 0 && (times[i] as number) < (times[i - 1] as number)) sorted = false;
  }
  if (sorted) return items.slice();
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[idx[i] as number] as T;
  return out;
}

const LABEL_CODE: Record<SentimentLabel, number> = {
  positive: SENT_POSITIVE,
  negative: SENT_NEGATIVE,
  neutral: SENT_NEUTRAL,
};

/** Activity `i` (in the dataset's sorted order) as a record. */
export function activityAt(ds: Dataset, i: number): ActivityRecord {
  return activityRecordAt(ds.table, ds.row[i]!);
}

/** The text of activity `i`, if any. */
export function textAt(ds: Dataset, i: number): string | undefined {
  return ds.table.text.get(ds.row[i]!) ?? undefined;
}

/** The thread key of activity `i`, if any. */
export function threadKeyAt(ds: Dataset, i: number): string | undefined {
  const t = ds.table.thread[ds.row[i]!]!;
  return t === 0 ? undefined : ds.table.threads[t];
}

/** The key of activity `i`. */
export function keyAt(ds: Dataset, i: number): string {
  return ds.table.key.get(ds.row[i]!)!;
}

/** Row indexes of `table` whose time is finite and whose person is not a bot, stably sorted by time. */
function communityRows(table: ActivityTable, isBot: Uint8Array): Uint32Array {
  const rows = new Uint32Array(table.n);
  let n = 0;
  let sorted = true;
  let last = -Infinity;
  for (let r = 0; r < table.n; r++) {
    const t = table.at[r]!;
    if (!Number.isFinite(t) || isBot[table.person[r]!] === 1) continue;
    if (t < last) sorted = false;
    last = t;
    rows[n++] = r;
  }
  const out = rows.subarray(0, n);
  if (!sorted) out.sort((a, b) => table.at[a]! - table.at[b]! || a - b);
  return out;
}

export function prepareDataset(input: PrepareInput): Dataset {
  const { records } = input;
  const scorer = input.scorer ?? scoreText;
  const useStored = input.scorer === undefined || input.scorer === scoreText;
  // A Map, not the object: looking up 1M non-internalised key strings on an object costs ~1 s.
  const overrides = new Map(Object.entries(input.sentimentOverrides ?? {}));
  const anyOverride = overrides.size > 0;

  const table = input.activities ?? activityTableOf(records.activities);
  // The table's person keys are the distinct keys seen on activities.
  const identity = resolveIdentity({
    persons: records.persons,
    extraKeys: table.personKeys,
    merges: input.merges ?? [],
  });

  const sourceNames = new Interner();
  const srcOf = (s: string): number => sourceNames.id(s);
  const sources = sourceNames.values;

  const personFacts: PersonSourceFacts[][] = identity.persons.map((p) =>
    p.records.map((r) => ({ source: srcOf(r.source), roster: r.roster, joinedAt: r.joinedAt ?? Number.NaN })),
  );

  // Per distinct person of the table (not per activity): resolved id and bot flag.
  const personId = Int32Array.from(table.personKeys, (k) => identity.idOf.get(k) ?? -1);
  const isBot = Uint8Array.from(table.personKeys, (k) => (identity.bots.has(k) ? 1 : 0));

  // Community activities: drop bots and undated rows, sort by time.
  const row = communityRows(table, isBot);
  const n = row.length;
  const at = new Float64Array(n);
  const person = new Int32Array(n);
  const kind = new Uint8Array(n);
  const source = new Uint16Array(n);
  const sentiment = new Uint8Array(n);
  const event = new Int32Array(n).fill(-1);
  const ttfr = new Float64Array(n).fill(Number.NaN);
  const eventNames = new Interner();
  const events = eventNames.values;
  // Table source / channel → dataset source / event index, set on first use (so indexes follow the
  // order activities are met in time, as they always have).
  const UNSET = -1;
  const tableSource = new Int32Array(table.sources.length).fill(UNSET);
  const channelEvent = new Int32Array(table.channels.length + 1).fill(UNSET);
  const unnamedEvent = new Int32Array(table.sources.length).fill(UNSET);
  const kindCode = Uint8Array.from(ACTIVITY_KINDS, (k) => KIND_CODE[k]);
  const textKind = Uint8Array.from(ACTIVITY_KINDS, (k) => (kindScoresText(k) ? 1 : 0));
  // Thread (table index) → indices of its posts and replies, in time order.
  const threadPosts: (number[] | undefined)[] = new Array(table.threads.length);
  const threadReplies: (number[] | undefined)[] = new Array(table.threads.length);

  for (let i = 0; i < n; i++) {
    const r = row[i]!;
    at[i] = table.at[r]!;
    person[i] = personId[table.person[r]!]!;
    const tk = table.kind[r]!;
    const k = kindCode[tk]!;
    kind[i] = k;
    const ts = table.source[r]!;
    let src = tableSource[ts]!;
    if (src === UNSET) src = tableSource[ts] = srcOf(table.sources[ts]!);
    source[i] = src;
    if (k === KIND_ATTEND) {
      const ch = table.channel[r]!;
      let e = ch !== 0 ? channelEvent[ch]! : unnamedEvent[ts]!;
      if (e === UNSET) {
        if (ch !== 0) e = channelEvent[ch] = eventNames.id(table.channels[ch - 1]!);
        else e = unnamedEvent[ts] = eventNames.id(`${table.sources[ts]!}:(unnamed event)`);
      }
      event[i] = e;
    }
    // A stored score marks a scored text (scoreChunkColumn leaves NaN elsewhere): the text itself is
    // cut out of its packed column only when it must be scored here. A text still in storage (not
    // loaded) belongs to a chunk whose stored scores are current — the loader reads the texts of the
    // others — so its NaN means "not scored" (blank, or a kind sentiment ignores).
    if (textKind[tk] === 1) {
      const stored = table.score[r]!;
      const hasStored = useStored && stored === stored;
      const text =
        hasStored || table.text.lengthAt(r) <= 0 || (useStored && !table.text.loaded(r))
          ? null
          : table.text.get(r);
      if (hasStored || scoresText(ACTIVITY_KINDS[tk]!, text)) {
        const o = anyOverride ? overrides.get(table.key.get(r)!) : undefined;
        sentiment[i] = o ? LABEL_CODE[o] : LABEL_CODE[labelFor(hasStored ? stored : scorer(text!))];
      }
    }
    const th = table.thread[r]!;
    if (th !== 0 && (k === KIND_POST || k === KIND_REPLY)) {
      const m = k === KIND_POST ? threadPosts : threadReplies;
      const list = m[th];
      if (list) list.push(i);
      else m[th] = [i];
    }
  }
  // First response: the earliest reply in the thread by a different (merged) person.
  threadPosts.forEach((posts, thread) => {
    const replies = threadReplies[thread];
    if (!posts || !replies) return;
    for (const p of posts) {
      const author = person[p];
      for (const r of replies) {
        if (person[r] !== author) {
          ttfr[p] = (at[r] as number) - (at[p] as number);
          break;
        }
      }
    }
  });

  // Dated records outside the metrics (bots' records, daily values): they only bound the period.
  const otherAt: number[] = [];
  const otherSrc: number[] = [];
  for (let r = 0; r < table.n; r++)
    if (isBot[table.person[r]!] === 1 && Number.isFinite(table.at[r]!)) {
      otherAt.push(table.at[r]!);
      otherSrc.push(srcOf(table.sources[table.source[r]!]!));
    }
  for (const p of records.persons)
    if (identity.bots.has(p.key) && p.joinedAt !== undefined && Number.isFinite(p.joinedAt)) {
      otherAt.push(p.joinedAt);
      otherSrc.push(srcOf(p.source));
    }
  const dailyRecs = sortedByTime(
    records.dailyValues.filter((d) => Number.isFinite(d.day)),
    (d) => d.day,
  );
  const dayMonth = Int32Array.from(dailyRecs, (d) => {
    const t = new Date(d.day);
    return t.getUTCFullYear() * 12 + t.getUTCMonth();
  });
  const daySrc = Uint16Array.from(dailyRecs, (d) => srcOf(d.source));

  // Register every source before sizing the per-source table.
  for (const list of [records.campaigns, records.subscriptions, records.socialPosts])
    for (const r of list) srcOf(r.source);
  const firstAt = new Float64Array(identity.persons.length * sources.length).fill(Number.NaN);
  for (let i = n - 1; i >= 0; i--)
    firstAt[(person[i] as number) * sources.length + (source[i] as number)] = at[i] as number;

  const campaignRecs = sortedByTime(
    records.campaigns.filter((c) => Number.isFinite(c.sentAt)),
    (c) => c.sentAt,
  );
  const subRecs = sortedByTime(
    records.subscriptions.filter((s) => Number.isFinite(s.at)),
    (s) => s.at,
  );
  const socialRecs = sortedByTime(
    records.socialPosts.filter((s) => Number.isFinite(s.publishedAt)),
    (s) => s.publishedAt,
  );

  return {
    persons: identity.persons,
    idOf: identity.idOf,
    botKeys: identity.bots,
    sources,
    personFacts,
    table,
    row,
    n,
    at,
    person,
    kind,
    source,
    sentiment,
    event,
    events,
    ttfr,
    firstAt,
    campaigns: {
      at: Float64Array.from(campaignRecs, (c) => c.sentAt),
      source: Uint16Array.from(campaignRecs, (c) => srcOf(c.source)),
      records: campaignRecs,
    },
    subscriptions: {
      at: Float64Array.from(subRecs, (s) => s.at),
      source: Uint16Array.from(subRecs, (s) => srcOf(s.source)),
      delta: Int8Array.from(subRecs, (s) => (s.type === 'subscribe' ? 1 : -1)),
      records: subRecs,
    },
    social: {
      at: Float64Array.from(socialRecs, (s) => s.publishedAt),
      source: Uint16Array.from(socialRecs, (s) => srcOf(s.source)),
      records: socialRecs,
    },
    otherDated: { at: Float64Array.from(otherAt), source: Uint16Array.from(otherSrc) },
    daily: { month: dayMonth, source: daySrc, records: dailyRecs },
    cache: new Map(),
  };
}
