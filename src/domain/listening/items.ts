/**
 * Listening lists over scored texts: the most negative messages, the threads with the most negative
 * posts, and threads where a negative post got no response. Pure data in, data out.
 */
import type { SentimentLabel } from '../sentiment';
import type { MonthKey } from '../metrics/types';

/** One scored post, reply or chat message, ready to list. Text is plain text: never render it as HTML. */
export interface ListeningItem {
  /** Activity key (the key corrections are stored under). */
  key: string;
  source: string;
  kind: 'post' | 'reply' | 'message';
  at: number;
  /** Month of `at` in the report time zone. */
  month: MonthKey;
  /** Resolved person id and display name of the author. */
  personId: number;
  author: string;
  threadKey?: string;
  /** Title of the thread, where the export has one. */
  threadTitle?: string;
  text: string;
  /** Link back to the original, as exported (check it before linking: see safeUrl). */
  url?: string;
  /** The scorer's score in [−1, 1] and label, before any correction. */
  score: number;
  scorerLabel: SentimentLabel;
  /** The label every metric uses: the user's correction where there is one, else the scorer's. */
  label: SentimentLabel;
  corrected: boolean;
  /**
   * Keys of the other listed items with the same text (a message posted again, a bot-like copy):
   * listed once, with their number; a relabel applies to them all.
   */
  sameText?: string[];
}

/** The text as compared for "the same text": trimmed, lower-cased, runs of spaces as one. */
function textKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Negative items (by the label metrics use), most negative score first, then newest first; items
 * with the same text are listed once — the first of them, carrying the others' keys in `sameText`
 * — so twenty copies of one complaint do not fill the list.
 */
export function mostNegative(items: readonly ListeningItem[], limit = 20): ListeningItem[] {
  const sorted = items
    .filter((x) => x.label === 'negative')
    .sort((a, b) => a.score - b.score || b.at - a.at || (a.key < b.key ? -1 : 1));
  return groupSameText(sorted, limit);
}

/**
 * Items in their order, those with the same text (and label) listed once — the first, carrying
 * the others' keys in `sameText` — up to `limit` listed; later copies of a listed text still count.
 */
export function groupSameText(items: readonly ListeningItem[], limit = Infinity): ListeningItem[] {
  const byText = new Map<string, ListeningItem>();
  const out: ListeningItem[] = [];
  for (const item of items) {
    const k = `${item.label}\u0000${textKey(item.text)}`;
    const first = byText.get(k);
    if (first) {
      (first.sameText ??= []).push(item.key);
      continue;
    }
    if (out.length >= limit) continue;
    const listed = { ...item };
    byText.set(k, listed);
    out.push(listed);
  }
  return out;
}

export interface NegativeThread {
  threadKey: string;
  source: string;
  title?: string;
  /** Negative and total scored texts of the thread among the items given (the period). */
  negatives: number;
  texts: number;
  /** Lowest-scored negative item of the thread. */
  worst: ListeningItem;
  lastAt: number;
}

/**
 * Threads holding negative items, ranked by how many negative texts they hold, then by the share
 * of negative texts, then by the lowest score, then newest activity.
 */
export function negativeThreads(
  items: readonly ListeningItem[],
  limit = 10,
  /** Scored texts per thread in the period, when `items` holds only some of them (default: count `items`). */
  textsPerThread?: ReadonlyMap<string, number>,
): NegativeThread[] {
  const byThread = new Map<string, NegativeThread>();
  let totals = textsPerThread;
  if (!totals) {
    const counted = new Map<string, number>();
    for (const x of items) if (x.threadKey) counted.set(x.threadKey, (counted.get(x.threadKey) ?? 0) + 1);
    totals = counted;
  }
  for (const x of items) {
    if (!x.threadKey || x.label !== 'negative') continue;
    let t = byThread.get(x.threadKey);
    if (!t) {
      t = { threadKey: x.threadKey, source: x.source, negatives: 0, texts: Math.max(1, totals.get(x.threadKey) ?? 0), worst: x, lastAt: x.at };
      byThread.set(x.threadKey, t);
    }
    t.negatives++;
    if (x.score < t.worst.score) t.worst = x;
  }
  // Latest activity and title over every item of the thread, negative or not.
  for (const x of items) {
    const t = x.threadKey ? byThread.get(x.threadKey) : undefined;
    if (!t) continue;
    if (x.at > t.lastAt) t.lastAt = x.at;
    if (!t.title && x.threadTitle) t.title = x.threadTitle;
  }
  return [...byThread.values()]
    .sort(
      (a, b) =>
        b.negatives - a.negatives ||
        b.negatives / b.texts - a.negatives / a.texts ||
        a.worst.score - b.worst.score ||
        b.lastAt - a.lastAt ||
        (a.threadKey < b.threadKey ? -1 : 1),
    )
    .slice(0, limit);
}

/** A reply in a thread (all data, not only the period): who answered when. */
export interface ThreadReply {
  at: number;
  personId: number;
}

export interface UnansweredNegative {
  threadKey: string;
  title?: string;
  /** The latest negative post of the thread that nobody else answered. */
  item: ListeningItem;
  /** Negative posts of the thread left without a response. */
  unanswered: number;
}

/**
 * Threads where a negative post or reply got no response: no later reply in the same thread by
 * another person, anywhere in the data (bots are not persons, so their replies are not in
 * `replies`). One entry per thread, newest first.
 */
export function unansweredNegatives(
  items: readonly ListeningItem[],
  replies: ReadonlyMap<string, readonly ThreadReply[]>,
  limit = 20,
): UnansweredNegative[] {
  const byThread = new Map<string, UnansweredNegative>();
  for (const x of items) {
    if (x.label !== 'negative' || !x.threadKey || x.kind === 'message') continue;
    const answered = (replies.get(x.threadKey) ?? []).some((r) => r.at > x.at && r.personId !== x.personId);
    if (answered) continue;
    const t = byThread.get(x.threadKey);
    if (!t) {
      byThread.set(x.threadKey, { threadKey: x.threadKey, ...(x.threadTitle ? { title: x.threadTitle } : {}), item: x, unanswered: 1 });
      continue;
    }
    t.unanswered++;
    if (x.at > t.item.at) t.item = x;
    if (!t.title && x.threadTitle) t.title = x.threadTitle;
  }
  return [...byThread.values()].sort((a, b) => b.item.at - a.item.at || (a.threadKey < b.threadKey ? -1 : 1)).slice(0, limit);
}

/** The URL when it is an absolute http(s) URL, else null (`javascript:`, `data:`, relative…). */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const u = new URL(trimmed);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A short plain-text excerpt: whitespace collapsed, cut at a word boundary near `max` characters. */
export function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
