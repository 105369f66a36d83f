import type { ImportIssue, RecordBatch } from '../model/records';

/** What an adapter knows about the file it maps and the user's import settings. */
export interface AdapterContext {
  fileName: string;
  /** IANA zone for zone-less timestamps (metrics.md §1). Default `UTC`. */
  timeZone: string;
  /** Event date (UTC ms) for exports that carry none (Eventbrite, Meetup attendees). */
  eventDate?: number;
  /** Day/month order chosen by the user for a column the data cannot settle. */
  dayFirst?: boolean;
  /** Name of the zip the file came from, when it came from one (e.g. `user_archive-jdoe-…zip`). */
  archiveName?: string;
  /**
   * Day/month order per date column (normalised column name → day first), settled by TableImport
   * from the column's values before the first row is mapped. Read dates through `readDate`.
   */
  columnDayFirst?: Record<string, boolean>;
  /** The header cells as the file writes them (trimmed, BOM-free), for labels shown to users. */
  headerLabels?: string[];
  /**
   * Numbers use a decimal comma (`12,5`, `1.234,5`). TableImport decides it from the numbers of the
   * table's first rows (NumberFormatScan); when none tells, from the delimiter the caller passes it
   * as this default (`;`: how spreadsheets save CSV in the locales whose decimal separator is the comma).
   */
  decimalComma?: boolean;
}

/** Questions a file leaves open, which the import review asks the user (an adapter knows them best). */
export interface ImportNeeds {
  /**
   * The file's attendances carry no date: the event date, with the one the import would use
   * otherwise (`null` when it could not date them at all).
   */
  eventDate?: { suggested: number | null };
  /**
   * A date column whose day/month order no value settles (set by the table reader, not adapters):
   * its normalised name, its label as the file writes it, and the order it is read in unless the
   * user chooses (the file's other columns', else month/day).
   */
  dayFirst?: {
    column: string;
    label: string;
    readDayFirst: boolean;
    /** Other such columns (the answer applies to all). */ others: number;
  };
}

/**
 * Maps the rows of one file, in order. Stateful: rows arrive chunk by chunk while the file streams.
 * `mapRow` appends records to `out` and problems to `issues`; it returns false for a row it skipped.
 * Adapters never throw for bad data: a bad row is an issue with its row and column.
 */
export interface RowMapper {
  mapRow(row: string[], rowNumber: number, out: RecordBatch, issues: ImportIssue[]): boolean;
  /** Called once after the last row (e.g. to emit records that need the whole file). */
  finish?(out: RecordBatch, issues: ImportIssue[]): void;
  /** The questions this file leaves open (asked at review), known after `finish`. */
  needs?(): ImportNeeds | undefined;
  /**
   * About how many rows the file holds (an estimate from its size, once some rows are read), for a
   * mapper that keeps per-row tables (RowKeyer) to size them once. Optional; a hint, not a limit.
   */
  reserve?(rows: number): void;
}

/** A CSV/TSV export: a header row and data rows. */
export interface TableAdapter {
  kind: 'table';
  /** Format id from shared/spec/formats.md, e.g. `discourse-user-list`. */
  format: string;
  /** Human label, e.g. `Discourse user list`. */
  label: string;
  /**
   * The label of one file of this format, when its name says more than `label` (which of the
   * Discourse dashboard reports it is: `Discourse dashboard report “signups”`). Default `label`.
   */
  describe?(fileName: string): string;
  /**
   * Confidence in [0, 1] that a file with this header (trimmed, lower-cased cell names) and file
   * name is this format. 0 = not this format.
   */
  detect(header: string[], fileName: string): number;
  start(ctx: AdapterContext, header: string[]): RowMapper;
  /**
   * Date columns whose day/month order the format fixes (normalised name → day first), e.g. Meetup's
   * `MM/DD/YYYY`: such columns are never reported as ambiguous. Values that settle the other order
   * (a spreadsheet saved the file again) win, with a warning.
   */
  dateOrder?: Record<string, boolean>;
}

/** A non-tabular export read whole (JSON, key/value reports). */
export interface DocumentAdapter {
  kind: 'document';
  format: string;
  label: string;
  /** Confidence in [0, 1] from the file name and the first few KB of text. */
  detect(fileName: string, head: string): number;
  map(
    ctx: AdapterContext,
    text: string,
    out: RecordBatch,
    issues: ImportIssue[],
  ): { rows: number; skipped: number };
}

export type SourceAdapter = TableAdapter | DocumentAdapter;

/** One file inside a zip archive. */
export interface ArchiveEntry {
  name: string;
  bytes: Uint8Array;
  /** a worksheet of an Excel workbook, as CSV (parse/xlsx.ts): `name` is the sheet's */
  sheet?: true;
}

/**
 * An export that is a whole archive rather than one file (Slack workspace export: users.json,
 * channels.json and `<channel>/<day>.json`). Tried before the archive's files are imported one by one.
 */
export interface ArchiveAdapter {
  kind: 'archive';
  format: string;
  label: string;
  /** Confidence in [0, 1] from the archive's entry names. */
  detect(entryNames: string[]): number;
  /**
   * Entries this adapter reads. When present, only those are passed to `map` and every other entry
   * of the zip is imported file by file as usual (e.g. the Substack zip: posts and their stats here,
   * the email list through its table adapter). When absent, the adapter takes the whole archive.
   */
  claims?(entryName: string): boolean;
  map(
    ctx: AdapterContext,
    entries: ArchiveEntry[],
    out: RecordBatch,
    issues: ImportIssue[],
  ): { rows: number; skipped: number };
}
