import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type {
  CampaignRecord,
  DailyValueRecord,
  ImportBatch,
  PersonRecord,
  SocialPostRecord,
  SubscriptionEventRecord,
} from '../domain/model/records';
import type { ActivityChunk } from './activity-chunks';

/** A stored version of a record: `id` = key + content hash, tagged with the import that wrote it. */
export type Stored<T> = T & { id: string; importId: string };

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface MergeRow {
  id: string;
  a: string;
  b: string;
  createdAt: number;
}

export interface CorrectionRow {
  activityKey: string;
  label: 'positive' | 'negative' | 'neutral';
  createdAt: number;
}

export interface NoteRow {
  month: string;
  text: string;
  updatedAt: number;
}

/**
 * The characters of one activity chunk's texts (schema version 2): stored apart from the chunk, which
 * keeps only their lengths (`textLen`), so that the dashboard's load reads no text — the Overview
 * needs none (scores are stored) — and a page that shows texts reads them then (decision 0001).
 */
export interface ActivityTextsRow {
  /** The chunk's id. */
  id: string;
  importId: string;
  /** The chunk's texts end to end (`PackedStrings.pack`; the lengths are the chunk's `textLen`). */
  pack: string;
}

/**
 * Records of one of the other tables (`RECORD_TABLES`: persons, subscriptions…) written together by
 * an import (schema version 3): one IndexedDB row for up to `RECORDS_PER_WRITE` records instead of one
 * each — IndexedDB charges ~0.1 ms a row, 10 s for a 100,000-subscriber audience. Each record keeps
 * its `id` (the version id) and `importId`, as in its own table. Records written before version 3 stay
 * in their tables; readers take both (storage/records-repo.ts, import-writer.ts).
 */
export interface RecordBatchRow {
  /** `<importId>:<table>:<id of its first record>` */
  id: string;
  importId: string;
  table: RecordTable;
  rows: Array<{ id: string; importId: string }>;
}

/**
 * What an import found already stored, written by earlier imports (schema version 5): a file that
 * overlaps an earlier one (a channel exported again over a longer range, a campaign in both the
 * "Download all" file and its own report) adds only its new records, so without this row undoing
 * the earlier import would take the shared ones away from the data although a listed import still
 * holds them. Undo hands those to the sharing import instead (import-shares.ts). One row per chunk
 * of activities (their keys' 64-bit hashes, `KeyHashSet`'s) and per table of other records (ids).
 */
export interface ImportShareRow {
  /** `<importId>:activities:<chunk id>` or `<importId>:<table>`. */
  id: string;
  importId: string;
  table: RecordTable | 'activities';
  /** Activities: the hash of each shared key, two 32-bit words each. */
  hashes?: Uint32Array;
  /** Other tables: the shared records' version ids. */
  ids?: string[];
}

export interface MappingRow {
  /** Normalised header joined with `|`. */
  headerKey: string;
  mapping: unknown;
  /** The day/month order the user chose for its dates (ambiguous dates), offered with the mapping. */
  dayFirst?: boolean;
  updatedAt: number;
}

export const DB_NAME = 'hearth';

/**
 * The one IndexedDB database. Every schema version ever shipped stays declared here, in order,
 * with its upgrade function: Dexie upgrades an old database step by step.
 */
export class HearthDb extends Dexie {
  imports!: EntityTable<ImportBatch, 'id'>;
  persons!: Table<Stored<PersonRecord>, string>;
  activityChunks!: EntityTable<ActivityChunk, 'id'>;
  activityTexts!: EntityTable<ActivityTextsRow, 'id'>;
  recordBatches!: EntityTable<RecordBatchRow, 'id'>;
  importShares!: EntityTable<ImportShareRow, 'id'>;
  campaigns!: Table<Stored<CampaignRecord>, string>;
  subscriptions!: Table<Stored<SubscriptionEventRecord>, string>;
  socialPosts!: Table<Stored<SocialPostRecord>, string>;
  dailyValues!: Table<Stored<DailyValueRecord>, string>;
  settings!: EntityTable<SettingRow, 'key'>;
  merges!: EntityTable<MergeRow, 'id'>;
  corrections!: EntityTable<CorrectionRow, 'activityKey'>;
  notes!: EntityTable<NoteRow, 'month'>;
  mappings!: EntityTable<MappingRow, 'headerKey'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1 (Hearth 0.1).
    this.version(1).stores({
      imports: 'id, status, contentHash, startedAt',
      persons: 'id, importId, key',
      activityChunks: 'id, importId, source',
      campaigns: 'id, importId, key',
      subscriptions: 'id, importId, key',
      socialPosts: 'id, importId, key',
      dailyValues: 'id, importId, key',
      settings: 'key',
      merges: 'id',
      corrections: 'activityKey',
      notes: 'month',
      mappings: 'headerKey',
    });
    // Version 2 (fifth session): chunk texts in their own table (ActivityTextsRow). Chunks written
    // before keep their texts inline and are read as they are: nothing to move.
    this.version(2).stores({ activityTexts: 'id, importId' });
    // Version 3 (fifth session): new records of the other tables written in batches (RecordBatchRow).
    // Records written before stay in their tables and are read as they are: nothing to move.
    this.version(3).stores({ recordBatches: 'id, importId' });
    // Version 4 (seventh session): no table changes. Chunks written from now on pack their person
    // tables and keep links and titles sparse (decision 0001's seventh-session change), which a
    // Hearth of version 3 cannot read; the version change tells such a Hearth still open in another
    // tab to reload (the upgrade notice) instead of failing on them. Chunks written before are read
    // as they are: nothing to move.
    this.version(4).stores({});
    // Version 5 (tenth session): what each import found already stored (ImportShareRow), so that
    // undoing an import keeps what another listed import also holds. Imports made before have no
    // such rows: undoing their predecessors removes what they shared, as before.
    this.version(5).stores({ importShares: 'id, importId' });
  }
}

/** Tables holding imported records (everything an import writes besides its history row). */
export const RECORD_TABLES = ['persons', 'campaigns', 'subscriptions', 'socialPosts', 'dailyValues'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
