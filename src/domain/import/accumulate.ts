import { KeyHashSet } from '../model/key-set';
import { emptyBatch, type RecordBatch } from '../model/records';

/**
 * Combines the records of several imports the way storage does, so the browser and the command
 * agree (DESIGN.md: "if the browser and the command ever disagree on a number, that is a bug"):
 * - activities: the first record with a key wins (an activity is immutable; overlapping exports
 *   repeat it);
 * - campaigns, subscription events, social posts, daily values: the latest import's version of a
 *   key wins (a later export carries updated counts);
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
   * Adds one import's (or file's) records. `onlyBatch`: the caller knows this is the one batch and its
   * activity keys are already unique (storage with a single import: ImportWriter drops repeats), so no
   * key set is built — 0.5 s of the dashboard's load for 1M activities. No batch may follow it.
   */
  add(batch: RecordBatch, onlyBatch = false): void {
    if (this.last) throw new Error('RecordAccumulator: a batch after the only batch');
    if (onlyBatch && this.activities.length === 0) {
      this.last = true;
      for (const a of batch.activities) this.activities.push(a);
    } else {
      for (const a of batch.activities) if (this.activityKeys.add(a.key)) this.activities.push(a);
    }
    for (const p of batch.persons) this.personVersions.set(JSON.stringify(p), p);
    for (const c of batch.campaigns) this.latest.campaigns.set(c.key, c);
    for (const s of batch.subscriptions) this.latest.subscriptions.set(s.key, s);
    for (const s of batch.socialPosts) this.latest.socialPosts.set(s.key, s);
    for (const d of batch.dailyValues) this.latest.dailyValues.set(d.key, d);
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
