/**
 * Hearth's normalised records (shared/spec/metrics.md). Every adapter maps its rows into these;
 * storage persists them; the metric engine reads them. All times are UTC epoch milliseconds.
 *
 * Every record has a deterministic `key` (source namespace + natural id, or a hash of the row), so
 * importing the same export twice yields the same keys and adds nothing.
 */

/** Bumped whenever the shape of a stored record changes (storage keeps every version declared). */
export const SCHEMA_VERSION = 1;

/** Community activity kinds (metrics.md §2). */
export const ACTIVITY_KINDS = ['post', 'reply', 'message', 'reaction', 'attend'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * A person as one source knows them. `key` is `<source>:<stable id>` (e.g. `discourse:jdoe`,
 * `slack:U024BE7LH`). Persons of different sources with the same normalised email are merged by
 * the identity module, not here.
 */
export interface PersonRecord {
  key: string;
  /** Platform namespace: `discourse`, `slack`, `discord`, `meetup`, `luma`, … */
  source: string;
  /** Display name (full name) when the source has one. */
  name?: string;
  /** Handle / username when the source has one. */
  handle?: string;
  /** Normalised email (trimmed, lower-cased); see identity/email.ts. */
  email?: string;
  /** Join date from a member roster (UTC ms). Only set by roster exports. */
  joinedAt?: number;
  /** True when the person appears in a member roster (forum user list, chat/meetup member list). */
  roster: boolean;
  /** Bots are not persons for metrics: their actions are not community activities. */
  bot: boolean;
}

/** A community activity (metrics.md §2). */
export interface ActivityRecord {
  key: string;
  source: string;
  /** PersonRecord.key of the actor. */
  personKey: string;
  kind: ActivityKind;
  at: number;
  /**
   * Thread the activity belongs to, namespaced by source (`discourse:t:123`). A `post` starts the
   * thread named here; a `reply` answers in it. Empty for messages outside threads, reactions, attends.
   */
  threadKey?: string;
  /** Member-written text (posts, replies, messages) for sentiment; never rendered as HTML. */
  text?: string;
  /** For `attend`: the event (`luma:event:<name>`). For chat: the channel. */
  channel?: string;
  /** Link back to the original where the export has one. */
  url?: string;
  /** Title of the thread (for posts) where the export has one. */
  title?: string;
  /**
   * Precomputed sentiment score of `text` (Hearth's `scoreText`), stored at import and read back
   * from storage so the metric engine need not score again. Derived data: not part of the record's
   * identity (keys, dedupe, versionId) and never set by adapters.
   */
  score?: number;
}

/** A newsletter campaign (aggregate; metrics.md §3 newsletter series). */
export interface CampaignRecord {
  key: string;
  source: string;
  title: string;
  sentAt: number;
  recipients?: number;
  /** Delivered count; when the export lacks it, sent − bounces. */
  delivered: number;
  uniqueOpens: number;
  /** 0 when the export has no clicks (`clicksMissing`): the contract sums clicks over campaigns. */
  uniqueClicks: number;
  /** The export records no clicks at all (Substack): tables show "—", not 0. */
  clicksMissing?: true;
  /**
   * The export has no delivery or open counts for it (Substack's posts.csv without its stats files):
   * 0 until an export with them, and never in place of a version that has them.
   */
  statsMissing?: true;
  unsubscribes?: number;
}

/** One subscribe or unsubscribe/cleaned event from a newsletter audience export. */
export interface SubscriptionEventRecord {
  key: string;
  source: string;
  /** Normalised email of the subscriber. */
  email: string;
  type: 'subscribe' | 'unsubscribe';
  at: number;
}

/** A social media post (aggregate counts; metrics.md §3 social series). */
export interface SocialPostRecord {
  key: string;
  source: string;
  publishedAt: number;
  impressions: number;
  engagements: number;
  text?: string;
  url?: string;
}

/** A named daily value from a dashboard report export (Discourse admin reports, account overviews). */
export interface DailyValueRecord {
  key: string;
  source: string;
  /** Series name, e.g. `discourse: Daily Engaged Users`. */
  series: string;
  /** UTC midnight of the day. */
  day: number;
  value: number;
}

/** Everything one file (or one import) produces. */
export interface RecordBatch {
  persons: PersonRecord[];
  activities: ActivityRecord[];
  campaigns: CampaignRecord[];
  subscriptions: SubscriptionEventRecord[];
  socialPosts: SocialPostRecord[];
  dailyValues: DailyValueRecord[];
}

export type RecordKind = keyof RecordBatch;
export const RECORD_KINDS: readonly RecordKind[] = [
  'persons',
  'activities',
  'campaigns',
  'subscriptions',
  'socialPosts',
  'dailyValues',
];

export function emptyBatch(): RecordBatch {
  return { persons: [], activities: [], campaigns: [], subscriptions: [], socialPosts: [], dailyValues: [] };
}

export function batchSize(b: RecordBatch): number {
  return RECORD_KINDS.reduce((n, k) => n + b[k].length, 0);
}

/** A problem found while reading a file: errors are data (DESIGN.md). */
export interface ImportIssue {
  file: string;
  /** 1-based line/row number in the file as a spreadsheet would show it (header = row 1). */
  row?: number;
  column?: string;
  severity: 'error' | 'warning';
  message: string;
}

/** Per-file summary (the report's `sources` entry, metrics.md §7). */
export interface SourceSummary {
  file: string;
  format: string;
  rows: number;
  imported: number;
  skipped: number;
}

/** One import as stored in the history. Records written by it are visible only once `status` is `complete`. */
export interface ImportBatch {
  id: string;
  fileName: string;
  format: string;
  /** SHA-256 (hex) of the file bytes: the same file again is recognised. */
  contentHash: string;
  startedAt: number;
  finishedAt?: number;
  status: 'pending' | 'complete';
  rows: number;
  imported: number;
  skipped: number;
  /** Record counts added by this import (new keys only). */
  added: number;
  issues: ImportIssue[];
  schemaVersion: number;
  /**
   * The import time zone the file was read in (times without a zone; metrics.md §1). Absent on
   * imports made before it was recorded (tenth session).
   */
  timeZone?: string;
}
