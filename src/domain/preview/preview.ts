import { RecordAccumulator } from '../import/accumulate';
import { importBytes, NO_RECORDS, sniffFile, type FileOutcome } from '../import/import-file';
import { findHeader } from '../import/table-import';
import { batchSize, type ImportIssue, type RecordBatch } from '../model/records';
import { parseCsvText } from '../parse/csv';
import { decodeBytes, type TextEncodingName } from '../parse/encoding';
import { gunzipFile, gunzippedName } from '../parse/gzip';
import { ArchiveError, readZip } from '../parse/zip';
import { normaliseHeader } from '../sources/columns';
import { GENERIC } from '../sources/generic/generic';
import type { AdapterRegistry } from '../sources/registry';
import type { AdapterContext, ImportNeeds } from '../sources/types';

/** What Hearth recognised in one file, shown before anything is stored (issue 3). */
export interface FilePreview {
  /** Display name; `archive.zip › entry.csv` for files inside a zip. */
  file: string;
  format: string | null;
  label: string | null;
  /** 0..1 detection confidence (1 for a format the user chose). */
  confidence: number;
  /** Header cells as the file writes them (tables only). */
  header: string[];
  /** The first data rows (tables only), as read. */
  sampleRows: string[][];
  rows: number;
  /** Of `rows`, those that give records (the others are skipped, see `issues`). */
  imported: number;
  /**
   * True when only the first part of a large file was read: `rows` and `imported` are then
   * extrapolated from it, and the rest of the file may differ.
   */
  estimated: boolean;
  /** A table whose header no supported export has: the user can map its columns (or has: `generic`). */
  mappable: boolean;
  /** The day/month order each date column was read in (true = day first), for a single table. */
  dateOrder?: Readonly<Record<string, boolean>>;
  /** Earliest and latest dated record (UTC ms), or null. */
  dateRange: [number, number] | null;
  /** Distinct persons (non-bot) and newsletter subscribers in the file. */
  people: number;
  /** Records the rows give (activities, persons, campaigns, subscription events, posts, daily values). */
  records?: number;
  issues: ImportIssue[];
  /** Questions the user may need to answer before importing. */
  needs: ImportNeeds;
}

const SAMPLE_ROWS = 5;
/** Large files are previewed from their first part; the row count is extrapolated. */
export const PREVIEW_BYTES = 4 * 1024 * 1024;

function range(records: RecordBatch): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (t: number | undefined) => {
    if (t === undefined || !Number.isFinite(t)) return;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  };
  for (const a of records.activities) see(a.at);
  for (const p of records.persons) see(p.joinedAt);
  for (const c of records.campaigns) see(c.sentAt);
  for (const s of records.subscriptions) see(s.at);
  for (const s of records.socialPosts) see(s.publishedAt);
  for (const d of records.dailyValues) see(d.day);
  return lo <= hi ? [lo, hi] : null;
}

function people(records: RecordBatch): number {
  const keys = new Set<string>();
  for (const p of records.persons) if (!p.bot) keys.add(p.key);
  for (const s of records.subscriptions) keys.add(`email:${s.email}`);
  return keys.size;
}

/** Header and first rows of a table file, as the import will find them. */
function tableHead(
  text: string,
  fileName: string,
  registry: AdapterRegistry,
): { header: string[]; sampleRows: string[][]; confidence?: number } {
  const rows: string[][] = [];
  parseCsvText(text.slice(0, 256 * 1024), (chunk) => {
    if (rows.length < 40) rows.push(...chunk.slice(0, 40 - rows.length));
  });
  const det = findHeader(registry.tables, rows, fileName);
  const at = det
    ? det.headerRow
    : Math.max(
        0,
        rows.findIndex((r) => r.some((c) => c.trim() !== '')),
      );
  return {
    header: rows[at] ?? [],
    sampleRows: rows.slice(at + 1, at + 1 + SAMPLE_ROWS),
    ...(det ? { confidence: Math.round(det.confidence * 100) / 100 } : {}),
  };
}

function previewOne(
  name: string,
  display: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  totalSize = bytes.length,
): FilePreview[] {
  const sniff = sniffFile(name, bytes.subarray(0, 256 * 1024), registry);
  if (sniff.kind === 'zip') {
    let entries;
    try {
      entries = readZip(bytes);
    } catch (e) {
      const message = e instanceof ArchiveError ? e.message : String(e);
      return [failedPreview(display, message)];
    }
    // An archive read as a whole (Slack export) previews as one file; so does an Excel workbook,
    // whose sheets that are not exports are left out as its import leaves them out.
    if (
      entries.some((e) => e.sheet) ||
      registry.archives.some((a) => a.detect(entries.map((e) => e.name)) >= 0.5)
    )
      return [summarise(display, name, bytes, ctx, registry, false)];
    return entries.flatMap((e) =>
      previewOne(
        e.name.split('/').pop() ?? e.name,
        `${display} › ${e.name}`,
        e.bytes,
        { ...ctx, archiveName: name },
        registry,
      ),
    );
  }
  if (sniff.kind === 'gzip') {
    // Previewed whole, as it will be imported (the preview worker reads a gzip file whole).
    let inner: Uint8Array;
    try {
      inner = gunzipFile(bytes);
    } catch (e) {
      return [failedPreview(display, e instanceof ArchiveError ? e.message : String(e))];
    }
    return previewOne(gunzippedName(name), display, inner, ctx, registry);
  }
  if (sniff.kind === 'document' && bytes.length < totalSize) {
    // A large JSON document given only in part cannot be parsed (it would read as broken JSON):
    // what it is is known, its messages are counted when it is imported.
    return [
      {
        ...blankPreview(display),
        format: sniff.adapter.format,
        label: sniff.adapter.label,
        confidence: 1,
        estimated: true,
      },
    ];
  }
  const large = sniff.kind === 'table' && totalSize > PREVIEW_BYTES;
  const part = large ? bytes.subarray(0, previewCut(bytes, sniff.encoding)) : bytes;
  const p = summarise(display, name, part, ctx, registry, large);
  if (large) {
    p.rows = Math.round((p.rows * totalSize) / part.length);
    p.imported = Math.round((p.imported * totalSize) / part.length);
  }
  if (sniff.kind === 'table')
    Object.assign(p, tableHead(decodeBytes(part.subarray(0, 512 * 1024), sniff.encoding), name, registry));
  return [p];
}

/**
 * Where the first part of a large table file ends for its preview: after the last line end within
 * PREVIEW_BYTES that is outside quotes (a quoted value may hold line ends, and one cut in the middle
 * would read as a quote never closed). When that is far back (a stray quote early in the file),
 * after the last line end at all, so the preview shows the stray quote.
 */
function previewCut(bytes: Uint8Array, encoding: TextEncodingName): number {
  const limit = Math.min(bytes.length, PREVIEW_BYTES);
  // UTF-16: characters are two bytes, the ASCII byte first (LE) or second (BE).
  const step = encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1;
  const lo = encoding === 'utf-16be' ? 1 : 0;
  let quotes = 0;
  let lastEnd = -1;
  let lastOutside = -1;
  for (let i = 0; i + step <= limit; i += step) {
    if (step === 2 && bytes[i + 1 - lo] !== 0) continue;
    const b = bytes[i + lo];
    if (b === 0x22) quotes++;
    else if (b === 0x0a) {
      lastEnd = i + step;
      if ((quotes & 1) === 0) lastOutside = i + step;
    }
  }
  if (lastOutside > limit / 2) return lastOutside;
  return lastEnd > 0 ? lastEnd : limit;
}

function blankPreview(file: string): FilePreview {
  return {
    file,
    format: null,
    label: null,
    confidence: 0,
    header: [],
    sampleRows: [],
    rows: 0,
    imported: 0,
    estimated: false,
    mappable: false,
    dateRange: null,
    people: 0,
    issues: [],
    needs: {},
  };
}

/** A file that cannot be read at all, and why. */
export function failedPreview(file: string, message: string): FilePreview {
  return { ...blankPreview(file), issues: [{ file, severity: 'error', message }] };
}

function summarise(
  display: string,
  name: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  estimated: boolean,
): FilePreview {
  const acc = new RecordAccumulator();
  const outcomes: FileOutcome[] = importBytes(name, bytes, ctx, registry, (b) => acc.add(b), display);
  const records = acc.result();
  const issues = outcomes.flatMap((o) => o.issues);
  const format = outcomes.find((o) => o.format)?.format ?? null;
  const needs: FilePreview['needs'] = {};
  // The adapter says when its attendances carry no date (Eventbrite and Meetup attendee lists, Luma
  // guests who joined online) and which date it would use without one.
  const eventDate = outcomes.find((o) => o.needs?.eventDate)?.needs?.eventDate;
  if (eventDate) needs.eventDate = eventDate;
  const dayFirst = outcomes.find((o) => o.needs?.dayFirst)?.needs?.dayFirst;
  if (dayFirst) needs.dayFirst = dayFirst;
  return {
    file: display,
    format,
    label: outcomes.find((o) => o.label)?.label ?? null,
    confidence: format ? 1 : 0,
    header: [],
    sampleRows: [],
    rows: outcomes.reduce((n, o) => n + o.rows, 0),
    imported: outcomes.reduce((n, o) => n + o.imported, 0),
    estimated,
    mappable: format === GENERIC || (outcomes.length === 1 && outcomes[0]!.mappable === true),
    ...(outcomes.length === 1 && outcomes[0]!.dateOrder ? { dateOrder: outcomes[0]!.dateOrder } : {}),
    dateRange: range(records),
    people: people(records),
    records: batchSize(records),
    issues: issues.slice(0, 50),
    needs,
  };
}

/**
 * Reads a file (or each file in a zip) the way the import will, without storing anything, and
 * says what was recognised: format, rows, date range, people, the first rows, and questions.
 * For a large CSV, `bytes` may be just its first part and `totalSize` the file's size: rows are
 * then extrapolated (and marked `estimated`).
 */
export function previewBytes(
  name: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  totalSize = bytes.length,
): FilePreview[] {
  if (bytes.length === 0) return [failedPreview(name, 'The file is empty.')];
  return previewOne(name, name, bytes, ctx, registry, totalSize);
}

/** What the review can say about importing a previewed file. */
export type PreviewVerdict =
  /** Rows that give records were found. */
  | { kind: 'importable' }
  /** A table of unknown columns: importable once the user maps them. */
  | { kind: 'map' }
  /** Nothing importable in the part read of a large file: the rest may differ, so the import is still offered. */
  | { kind: 'uncertain'; note: string }
  /** Nothing in the file can be imported, and the preview read all of it: `reason` says why; `issue` is the problem it quotes, if any. */
  | { kind: 'nothing'; reason: string; issue: ImportIssue | null };

/**
 * Whether anything of a previewed file can be imported, and if not, why. The preview reads a file
 * the way the import does, so for a file it read whole "nothing" is what the import would find; for
 * the first part of a large file it only warns.
 */
export function previewVerdict(p: FilePreview): PreviewVerdict {
  if (p.format !== null && p.imported > 0 && p.records === 0 && !p.estimated) {
    // Rows read, none of them a record: the import would store nothing ("nothing to count").
    return {
      kind: 'nothing',
      reason: `I${NO_RECORDS.slice(1)}, so there is nothing to import.`,
      issue: null,
    };
  }
  if (p.format !== null && p.imported > 0) return { kind: 'importable' };
  if (p.format === null && p.mappable) return { kind: 'map' };
  if (p.format !== null && p.estimated) {
    return {
      kind: 'uncertain',
      note:
        p.rows === 0 && p.issues.length === 0
          ? 'This file is large and was read only in part for this preview: its rows are counted when it is imported.'
          : 'No row in the part of the file read for this preview can be imported (see the problems below); the import reads the whole file.',
    };
  }
  if (p.format !== null && p.rows > 0) {
    const reason =
      p.rows === 1
        ? 'Its only row cannot be imported (see the problem below), so nothing will be imported from this file.'
        : `None of its ${p.rows.toLocaleString('en-US')} rows can be imported (see the problems below), so nothing will be imported from this file.`;
    return { kind: 'nothing', reason, issue: null };
  }
  const issue = p.issues.find((i) => i.severity === 'error') ?? p.issues[0] ?? null;
  return {
    kind: 'nothing',
    reason:
      issue?.message ??
      (p.format !== null ? 'The file has no rows to import.' : 'Hearth cannot read this file.'),
    issue,
  };
}

/** Normalised header key under which a column mapping is saved and offered again. */
export function headerKey(header: string[]): string {
  return normaliseHeader(header).join('|');
}
