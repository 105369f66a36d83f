/**
 * Responsiveness (metrics.md §3; CHAOSS Time to First Response): threads, median_ttfr_hours,
 * unanswered_share. Each `post` starts a thread; its first response (computed once in
 * prepareDataset) is the earliest `reply` in the thread by a different merged person — bots were
 * removed, so bot replies never count, and a member's replies to their own thread never count.
 */
import type { MetricContext } from './context';
import { activityPass } from './pass';
import { medianOf, ratio, type Series } from './series';

export interface ResponsivenessSeries {
  threads: number[];
  median_ttfr_hours: Series;
  unanswered_share: Series;
}

export function responsivenessSeries(ctx: MetricContext): ResponsivenessSeries {
  const pass = activityPass(ctx);
  const threads = Array.from(pass.threads);
  return {
    threads,
    median_ttfr_hours: pass.ttfrHours.map((h) => medianOf(h)),
    unanswered_share: threads.map((t, m) => ratio(pass.unanswered[m] as number, t)),
  };
}

/**
 * Forum threads whose replies cannot be in the data: a Discourse personal archive
 * (`user_archive.csv`, a member's own "Download all") holds only its owner's posts, so every topic
 * the owner started reads as unanswered and no time to first response exists. True when the
 * imports hold such an archive and no Discourse posts export (which has everyone's replies).
 */
export function forumRepliesMissing(sources: ReadonlyArray<{ format: string }>): boolean {
  let archive = false;
  for (const s of sources) {
    if (s.format === 'discourse-posts') return false;
    if (s.format === 'discourse-user-archive') archive = true;
  }
  return archive;
}
