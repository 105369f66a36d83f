/**
 * Rising negative terms: which words appear in more negative posts this month than last.
 *
 * Each text counts a term once (document frequency), so one long rant cannot push a word up alone.
 * Last month's count is first scaled to this month's volume of negative texts (so a month with
 * twice the complaints does not make every word "rise"), then compared as a smoothed log-ratio:
 *
 *   expected(t) = p · N / P          (0 when last month had no negative text, P = 0)
 *   score(t)    = ln( (c + α) / (expected(t) + α) )
 *
 * with c, p the negative texts containing t this month and last, N, P the negative texts of each
 * month, and α = 0.5 (additive smoothing: a term absent last month gets a finite score that grows
 * with its count). A term rises when its score is above 0.
 * A term must occur in at least `minCount` texts this month. Pure: no DOM, no storage.
 */
import { stripNonOwnText } from '../sentiment/clean';

/** Common English function words, chat fillers and forum boilerplate: never a "term". */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me
more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own
same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under
until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which
while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours
yourself yourselves im ive dont doesnt didnt cant wont isnt thats youre get got getting go going gone
one two also really still even anyone anything someone something everyone everything every now
like just lol ok okay yes yeah hi hello hey thanks thank thx please pls tbh ngl imo btw etc
would could should may might must shall will much many lot lots thing things way bit
new use used using make made see seen know think want need try tried trying`
    .split(/\s+/)
    .filter(Boolean),
);

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const MENTION_RE = /(^|\s)@[\w.-]+/g;
// Letters (any script), digits, inner apostrophes and hyphens.
const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * The distinct terms of a text: the writer's own words (quotes, code and stack traces removed, as
 * the scorer does), lower-cased, without URLs, @mentions, stop words, numbers, and words shorter
 * than 3 characters. Returned in first-seen order.
 */
export function tokenise(text: string): string[] {
  const own = stripNonOwnText(text).replace(URL_RE, ' ').replace(MENTION_RE, ' ');
  const seen = new Set<string>();
  for (const m of own.toLowerCase().matchAll(WORD_RE)) {
    const w = m[0].replace(/’/g, "'");
    if (w.length < 3 || /^[\p{N}'-]+$/u.test(w) || STOP_WORDS.has(w)) continue;
    seen.add(w);
  }
  return [...seen];
}

export interface RisingTerm {
  term: string;
  /** Negative texts containing the term this month / last month. */
  count: number;
  previousCount: number;
  /** Smoothed log-ratio (see the module comment); > 0 means rising. */
  score: number;
}

export interface RisingTermsOptions {
  /** Minimum texts containing the term this month (default 3). */
  minCount?: number;
  /** Smoothing constant α (default 0.5). */
  alpha?: number;
  /** How many terms to return (default 10). */
  limit?: number;
}

function documentFrequency(texts: readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of tokenise(t)) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

/**
 * Terms rising in `current` (this month's negative texts) compared with `previous` (last month's):
 * only terms with a positive score and at least `minCount` texts; highest score first, then higher
 * count, then alphabetical.
 */
export function risingTerms(current: readonly string[], previous: readonly string[], options: RisingTermsOptions = {}): RisingTerm[] {
  const minCount = options.minCount ?? 3;
  const alpha = options.alpha ?? 0.5;
  const limit = options.limit ?? 10;
  const N = current.length;
  const P = previous.length;
  if (N === 0) return [];
  const cur = documentFrequency(current);
  const prev = documentFrequency(previous);
  const out: RisingTerm[] = [];
  for (const [term, count] of cur) {
    if (count < minCount) continue;
    const previousCount = prev.get(term) ?? 0;
    const expected = P === 0 ? 0 : (previousCount * N) / P;
    const score = Math.log((count + alpha) / (expected + alpha));
    if (score > 0) out.push({ term, count, previousCount, score });
  }
  out.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return out.slice(0, limit);
}
