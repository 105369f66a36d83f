/**
 * The Listening page's data, computed on the prepared Dataset (the same one every metric uses, so
 * the labels shown are the labels counted, corrections included).
 */
import { labelFor, scoreText, type SentimentLabel } from '../sentiment';
import { getContext, type MetricContext } from '../metrics/context';
import { activityAt, keyAt, KIND_POST, KIND_REPLY, SENT_NEGATIVE, SENT_NONE, SENT_NEUTRAL, SENT_POSITIVE, textAt, threadKeyAt, type Dataset } from '../metrics/dataset';
import { resolvePeriod } from '../metrics/report';
import type { MonthKey, ReportOptions } from '../metrics/types';
import { monthKeyFromNumber } from '../time';
import { groupSameText, mostNegative, negativeThreads, unansweredNegatives, type ListeningItem, type NegativeThread, type ThreadReply, type UnansweredNegative } from './items';
import { risingTerms, type RisingTerm } from './terms';

export interface ListeningView {
  /** The period shown, or null when there is no dated data. */
  period: { from: MonthKey; to: MonthKey } | null;
  /** Scored texts and negative texts in the period (under the source filter). */
  texts: number;
  negatives: number;
  /** The most negative messages of the period. */
  messages: ListeningItem[];
  threads: NegativeThread[];
  /** Terms rising in negative texts in `thisMonth` (the period's last month) against `lastMonth`. */
  thisMonth: MonthKey | null;
  lastMonth: MonthKey | null;
  thisMonthNegatives: number;
  lastMonthNegatives: number;
  rising: RisingTerm[];
  unanswered: UnansweredNegative[];
  /** Every corrected text in the data (any period or source), newest first. */
  corrections: ListeningItem[];
}

export interface ListeningOptions extends ReportOptions {
  messageLimit?: number;
  threadLimit?: number;
  termLimit?: number;
  minTermCount?: number;
  /** The scorer the Dataset was prepared with (default: Hearth's `scoreText`). */
  scorer?: (text: string) => number;
}

const LABELS: Record<number, SentimentLabel> = { [SENT_POSITIVE]: 'positive', [SENT_NEGATIVE]: 'negative', [SENT_NEUTRAL]: 'neutral' };
const KINDS = ['post', 'reply', 'message'] as const;

function memo<T>(ds: Dataset, key: string, make: () => T): T {
  if (ds.cache.has(key)) return ds.cache.get(key) as T;
  const v = make();
  ds.cache.set(key, v);
  return v;
}

/** The scorer's own score per activity, computed on demand (NaN until asked). */
function scoreOf(ds: Dataset, i: number, scorer: (text: string) => number): number {
  const key = scorer === scoreText ? 'listening|scores' : 'listening|scores|custom';
  const scores = memo(ds, key, () => new Float64Array(ds.n).fill(Number.NaN));
  let s = scores[i] as number;
  if (Number.isNaN(s)) {
    s = scorer(textAt(ds, i) ?? '');
    scores[i] = s;
  }
  return s;
}

interface ThreadIndex {
  titles: Map<string, string>;
  replies: Map<string, ThreadReply[]>;
  keyIndex: Map<string, number>;
}

function threadIndex(ds: Dataset): ThreadIndex {
  return memo(ds, 'listening|threads', () => {
    const titles = new Map<string, string>();
    const replies = new Map<string, ThreadReply[]>();
    const keyIndex = new Map<string, number>();
    for (let i = 0; i < ds.n; i++) {
      if (ds.sentiment[i] !== SENT_NONE) keyIndex.set(keyAt(ds, i), i);
      const threadKey = threadKeyAt(ds, i);
      if (!threadKey) continue;
      const k = ds.kind[i];
      const title = k === KIND_POST ? ds.table.title[ds.row[i]!] : null;
      if (title && !titles.has(threadKey)) titles.set(threadKey, title);
      if (k === KIND_REPLY) {
        const list = replies.get(threadKey);
        const r = { at: ds.at[i] as number, personId: ds.person[i] as number };
        if (list) list.push(r);
        else replies.set(threadKey, [r]);
      }
    }
    return { titles, replies, keyIndex };
  });
}

interface ItemContext {
  ds: Dataset;
  ctx: MetricContext;
  idx: ThreadIndex;
  corrections: Readonly<Record<string, SentimentLabel>>;
  scorer: (text: string) => number;
}

function itemAt({ ds, ctx, idx, corrections, scorer }: ItemContext, i: number): ListeningItem {
  const a = activityAt(ds, i);
  const label = LABELS[ds.sentiment[i] as number] ?? 'neutral';
  const corrected = Object.prototype.hasOwnProperty.call(corrections, a.key);
  const score = scoreOf(ds, i, scorer);
  const title = a.threadKey ? idx.titles.get(a.threadKey) : undefined;
  return {
    key: a.key,
    source: a.source,
    kind: KINDS[ds.kind[i] as number] ?? 'message',
    at: a.at,
    month: monthKeyFromNumber(ctx.zone.actMonth[i] as number),
    personId: ds.person[i] as number,
    author: ds.persons[ds.person[i] as number]?.name ?? a.personKey,
    ...(a.threadKey ? { threadKey: a.threadKey } : {}),
    ...(title ? { threadTitle: title } : {}),
    text: a.text ?? '',
    ...(a.url ? { url: a.url } : {}),
    score,
    scorerLabel: labelFor(score),
    label,
    corrected,
  };
}

/** Everything the Listening page lists, for the filters of `options` (period, sources, zone). */
export function listeningView(ds: Dataset, options: ListeningOptions = {}, corrections: Readonly<Record<string, SentimentLabel>> = {}): ListeningView {
  const ctx = getContext(ds, options);
  const idx = threadIndex(ds);
  const ic: ItemContext = { ds, ctx, idx, corrections, scorer: options.scorer ?? scoreText };
  // Copies of one text corrected together are listed (and undone) together.
  const correctionItems = groupSameText(
    Object.keys(corrections)
      .map((k) => idx.keyIndex.get(k))
      .filter((i): i is number => i !== undefined)
      .map((i) => itemAt(ic, i))
      .sort((a, b) => b.at - a.at),
  );
  const period = resolvePeriod(ctx, options);
  const empty: ListeningView = {
    period: null,
    texts: 0,
    negatives: 0,
    messages: [],
    threads: [],
    thisMonth: null,
    lastMonth: null,
    thisMonthNegatives: 0,
    lastMonthNegatives: 0,
    rising: [],
    unanswered: [],
    corrections: correctionItems,
  };
  if (!period) return empty;
  const { include } = ctx;
  const { actMonth } = ctx.zone;
  const negatives: ListeningItem[] = [];
  const textsPerThread = new Map<string, number>();
  const thisTexts: string[] = [];
  const lastTexts: string[] = [];
  let texts = 0;
  for (let i = 0; i < ds.n; i++) {
    const s = ds.sentiment[i] as number;
    if (s === SENT_NONE || !include[ds.source[i] as number]) continue;
    const m = actMonth[i] as number;
    if (s === SENT_NEGATIVE && (m === period.to || m === period.to - 1)) {
      (m === period.to ? thisTexts : lastTexts).push(textAt(ds, i) ?? '');
    }
    if (m < period.from || m > period.to) continue;
    texts++;
    const thread = threadKeyAt(ds, i);
    if (thread) textsPerThread.set(thread, (textsPerThread.get(thread) ?? 0) + 1);
    if (s === SENT_NEGATIVE) negatives.push(itemAt(ic, i));
  }
  return {
    ...empty,
    period: { from: monthKeyFromNumber(period.from), to: monthKeyFromNumber(period.to) },
    texts,
    negatives: negatives.length,
    messages: mostNegative(negatives, options.messageLimit ?? 20),
    threads: negativeThreads(negatives, options.threadLimit ?? 10, textsPerThread),
    thisMonth: monthKeyFromNumber(period.to),
    lastMonth: monthKeyFromNumber(period.to - 1),
    thisMonthNegatives: thisTexts.length,
    lastMonthNegatives: lastTexts.length,
    rising: risingTerms(thisTexts, lastTexts, { limit: options.termLimit ?? 10, minCount: options.minTermCount ?? 3 }),
    unanswered: unansweredNegatives(negatives, idx.replies, options.messageLimit ?? 20),
  };
}
