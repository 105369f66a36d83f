import { KeyHashSet } from '../model/key-set';
import { emptyBatch, type RecordBatch } from '../model/records';

/**
 * Combines the records of several imports the way storage does, so the browser and the command
 * agree (DESIGN.md: "if the browser and the command ever disagree on a number, that is a bug"):
 * - activities: the first record with a key wins (an activity is immutable; overlapping exports
 *   repeat it);
 * - campaigns, subscription events, social posts, daily values: the latest import's version of a
 *   key wins (a later export carries updated counts) — but a campaign without its counts
 *   (`statsMissing`) never replaces one with them;
 * - persons: every version is kept; the metric engine merges persons by key (roster data from the
 *   roster, placeholders from activity files).
 * Feed batches in import order.
 *
 * Activity keys are kept as 64-bit hashes (`KeyHashSet`, docs/decisions/0004): the dashboard loads
 * every stored activity through here, and a Set of 1M key strings cost ~0.8 s and its GC. An activity
 * is wrongly dropped as a repeat only if its key shares a 64-bit hash with an earlier one (≈ n²/2^65).
 */
export class RecordAccumulator {
  private readonly activityKeys = new KeyHashSet();
  private readonly personVersions = new Map<string, RecordBatch['persons'][number]>();
  private readonly latest = {
    campaigns: new Map<string, RecordBatch['campaigns'][number]>(),
    subscriptions: new Map<string, RecordBatch['subscriptions'][number]>(),
    socialPosts: new Map<string, RecordBatch['socialPosts'][number]>(),
    dailyValues: new Map<string, RecordBatch['dailyValues'][number]>(),
  };
  private readonly activities: RecordBatch['activities'] = [];

  private last = false;

  /**
   * Adds one import's (or file's) records and returns how many of them are new: activities with a
   * key not seen before, and record versions not seen before (a person, campaign, subscription event,
   * social post or daily value that is new or changed) — what storage counts as an import's `added`
   * (the browser keeps no history row for an import that added nothing). `onlyBatch`: the caller
   * knows this is the one batch and its activity keys are already unique (storage with a single
   * import: ImportWriter drops repeats), so no key set is built — 0.5 s of the dashboard's load for
   * 1M activities. No batch may follow it.
   */
  add(batch: RecordBatch, onlyBatch = false): number {
    if (this.last) throw new Error('RecordAccumulator: a batch after the only batch');
    let added = 0;
    if (onlyBatch && this.activities.length === 0) {
      this.last = true;
      for (const a of batch.activities) this.activities.push(a);
      added += batch.activities.length;
    } else {
      const before = this.activities.length;
      for (const a of batch.activities) if (this.activityKeys.add(a.key)) this.activities.push(a);
      added += this.activities.length - before;
    }
    for (const p of batch.persons) {
      const version = JSON.stringify(p);
      if (!this.personVersions.has(version)) added++;
      this.personVersions.set(version, p);
    }
    added += latest(
      this.latest.campaigns,
      batch.campaigns.filter((c) => this.replaces(c)),
    );
    added += latest(this.latest.subscriptions, batch.subscriptions);
    added += latest(this.latest.socialPosts, batch.socialPosts);
    added += latest(this.latest.dailyValues, batch.dailyValues);
    return added;
  }

  /** A campaign without its counts (statsMissing) does not replace a version with them. */
  private replaces(c: RecordBatch['campaigns'][number]): boolean {
    const before = this.latest.campaigns.get(c.key);
    return !c.statsMissing || !before || before.statsMissing === true;
  }

  result(): RecordBatch {
    const out = emptyBatch();
    out.activities = this.activities;
    out.persons = [...this.personVersions.values()];
    out.campaigns = [...this.latest.campaigns.values()];
    out.subscriptions = [...this.latest.subscriptions.values()];
    out.socialPosts = [...this.latest.socialPosts.values()];
    out.dailyValues = [...this.latest.dailyValues.values()];
    return out;
  }
}

/** Keeps each record as the latest version of its key; returns how many were new or changed. */
function latest<T extends { key: string }>(map: Map<string, T>, records: readonly T[]): number {
  let changed = 0;
  for (const r of records) {
    const before = map.get(r.key);
    if (before === undefined || (before !== r && JSON.stringify(before) !== JSON.stringify(r))) changed++;
    map.set(r.key, r);
  }
  return changed;
}
