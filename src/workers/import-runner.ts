import { RecordAccumulator } from '../domain/import/accumulate';
import { readDiscordJsonBytes, readDiscordJsonFile, type DiscordJsonRefusal } from '../domain/import/discord-json-bytes';
import { importBytes, mixedEncodingIssue, NO_RECORDS, sniffFile, UNCLOSED_QUOTE_MESSAGE, type FileOutcome } from '../domain/import/import-file';
import { summariseOutcomes, firstErrorLine } from '../domain/import/summary';
// "1 record", "12,345 records": the result lines are English sentences (en-US digits, like the report).
import { fmtCountOf as count } from '../domain/highlights/format';
import { TableImport } from '../domain/import/table-import';
import { batchSize, type ImportBatch, type RecordBatch } from '../domain/model/records';
import { streamCsvBlob, UnclosedQuoteError } from '../domain/parse/csv';
import { discordJson } from '../domain/sources/discord/json';
import type { GenericMapping } from '../domain/sources/generic/generic';
import { registryWithMapping, type AdapterRegistry } from '../domain/sources/registry';
import type { AdapterContext } from '../domain/sources/types';
import type { HearthDb } from '../storage/db';
import { ImportStoppedError, ImportWriter, localChunkStore, quotaProblem, StorageFullError, type ChunkStore } from '../storage/import-writer';
import { announceImport, withImportLock } from '../storage/import-lock';
import { chunkStoreOverPort } from './helper-store';

/** Answers the user gave for one file in the import review (event date, day/month order). */
export interface FileSettings {
  eventDate?: number;
  dayFirst?: boolean;
  /** The user's column mapping for a file no known format matches. */
  mapping?: GenericMapping;
}

export interface ImportSettings extends FileSettings {
  timeZone: string;
  /** Per-file answers, by file name; they override the run's defaults. */
  perFile?: Record<string, FileSettings>;
}

export interface FileImportResult {
  fileName: string;
  status: 'imported' | 'already-imported' | 'failed' | 'cancelled';
  /** One line for the user. */
  message: string;
  outcomes: FileOutcome[];
  added: number;
  batch: ImportBatch | null;
}

export interface ImportProgress {
  fileName: string;
  bytesDone: number;
  bytesTotal: number;
  /** Set while the import waits for another Hearth tab's import to finish (one import at a time). */
  waiting?: boolean;
}

/** How many chunk writes a streaming import may queue before parsing waits for the oldest. */
const WRITES_AHEAD = 3;

/**
 * The writes of a streamed import, run one after another in the order they are pushed, while the
 * caller parses on: parsing may run WRITES_AHEAD writes ahead of storage (a few MB of records), so
 * the helper's start-up and a slow transaction do not stall reading, and no more than that is held.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly inFlight: Promise<void>[] = [];

  constructor(private readonly ahead = WRITES_AHEAD) {}

  /**
   * Queues `write` after the writes before it. Returns the oldest write still queued when more than
   * `ahead` are (await it before parsing on), else undefined. A write that fails is reported by
   * the promise returned for it, or by `all`.
   */
  push(write: () => Promise<void>): Promise<void> | undefined {
    this.tail = this.tail.then(write);
    this.tail.catch(() => undefined); // reported by push's or all's promise, not as unhandled
    this.inFlight.push(this.tail);
    return this.inFlight.length > this.ahead ? this.inFlight.shift() : undefined;
  }

  /** Every write pushed so far: resolves when the last has, rejects with the first failure. */
  all(): Promise<void> {
    return this.tail;
  }
}

/** Files larger than this stream through PapaParse chunk by chunk; smaller ones are read whole. */
const STREAM_THRESHOLD = 8 * 1024 * 1024;

/**
 * A DiscordChatExporter JSON larger than this that cannot be read message by message is refused
 * with the reason rather than read whole the general way: that needs the file as one string (V8's
 * limit is ~512M characters) and about twice its size in memory, and would fail with no better
 * message than "Invalid string length".
 */
export const WHOLE_JSON_LIMIT = 256 * 1024 * 1024;

export class CancelledError extends Error {
  constructor() {
    super('Import cancelled.');
  }
}

/** Identifies a file's content cheaply: size plus SHA-256 of its first and last MiB. */
async function fingerprint(file: Blob): Promise<string> {
  const MB = 1024 * 1024;
  const head = new Uint8Array(await file.slice(0, MB).arrayBuffer());
  const tail = file.size > MB ? new Uint8Array(await file.slice(Math.max(MB, file.size - MB)).arrayBuffer()) : new Uint8Array();
  const buf = new Uint8Array(head.length + tail.length + 8);
  buf.set(head);
  buf.set(tail, head.length);
  new DataView(buf.buffer).setFloat64(head.length + tail.length, file.size);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A ChunkStore on a helper worker (score.worker.ts, the other core): it checks each encoded chunk's
 * keys, scores its texts and adds it to storage — and adds the other records — while this worker
 * parses the next slices, so the key set, scoring and IndexedDB's serialising leave this thread.
 * Null outside a worker (tests, the command). If the helper fails, the work it had not acknowledged
 * is done here (with the keys of what it already added), so what is stored never depends on it.
 */
function helperChunkStore(db: HearthDb): { store: ChunkStore; close(): void } | null {
  const g = globalThis as { WorkerGlobalScope?: abstract new () => unknown };
  if (typeof Worker === 'undefined' || typeof g.WorkerGlobalScope !== 'function' || !(globalThis instanceof g.WorkerGlobalScope)) return null;
  let w: Worker;
  try {
    w = new Worker(new URL('./score.worker.ts', import.meta.url), { type: 'module', name: 'hearth-score' });
  } catch {
    return null;
  }
  return chunkStoreOverPort(w, (importId) => localChunkStore(db, importId));
}

/**
 * Reads [start, end) of `file` synchronously (`FileReaderSync`, which only workers have), or null
 * where that does not exist (tests in Node: the file is then read whole).
 */
function syncReader(file: Blob): ((start: number, end: number) => Uint8Array) | null {
  const Sync = (globalThis as { FileReaderSync?: new () => { readAsArrayBuffer(b: Blob): ArrayBuffer } }).FileReaderSync;
  if (typeof Sync !== 'function') return null;
  const reader = new Sync();
  return (start, end) => new Uint8Array(reader.readAsArrayBuffer(file.slice(start, end)));
}

/**
 * A DiscordChatExporter JSON (domain/import/discord-json-bytes.ts): never one string of the whole
 * file (V8 refuses strings over ~512M characters), messages parsed one by one with progress (the
 * first half of the bar), then its activities staged in chunks — on the helper worker for large
 * files — and stored (the second half), a few writes ahead at most, as a CSV's. A large file is read
 * slice by slice (`read`, never whole); a small one is given as its bytes. Null when the file is
 * anything else, or broken: the caller then reads it the general way, which gives a broken file its
 * message.
 */
async function importDiscordJson(
  writer: ImportWriter,
  fileName: string,
  source: Uint8Array | { size: number; read: (start: number, end: number) => Uint8Array },
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  onProgress: (p: ImportProgress) => void,
  isCancelled: () => boolean,
  onRefused?: (why: DiscordJsonRefusal) => void,
): Promise<FileOutcome[] | null> {
  const sliced = !(source instanceof Uint8Array);
  const total = sliced ? source.size : source.length;
  await writer.prepare();
  const progress = {
    onProgress: (done: number) => {
      if (isCancelled()) throw new CancelledError();
      onProgress({ fileName, bytesDone: done / 2, bytesTotal: total });
    },
  };
  const read = sliced ? readDiscordJsonFile(fileName, source.size, source.read, ctx, registry, { ...progress, ...(onRefused ? { onRefused } : {}) }) : readDiscordJsonBytes(fileName, source, ctx, registry, progress);
  if (!read) return null;
  const { activities } = read;
  const writes = new WriteQueue();
  let staged = 0;
  for (const batch of read.batches()) {
    if (isCancelled()) throw new CancelledError();
    staged += batch.activities.length;
    const done = staged;
    const write = writer.stage(batch);
    // Only the last batch brings members: written before the bar fills (flush's `holdRecords` 0).
    const last = batch.persons.length > 0;
    await writes.push(async () => {
      await writer.flush(write, last ? 0 : undefined);
      onProgress({ fileName, bytesDone: total / 2 + (activities > 0 ? done / activities : 1) * (total / 2), bytesTotal: total });
    });
  }
  await writes.all();
  return read.outcomes;
}

/**
 * Imports one file into storage atomically: parse (large CSVs streamed, large JSON read slice by
 * slice), map, write chunk by chunk under a pending import, commit. Bad input never throws: it comes
 * back as a failed result with its issues, and nothing stored changes. `options.wholeJsonLimit`
 * overrides WHOLE_JSON_LIMIT (tests).
 */
export async function importFile(
  db: HearthDb,
  file: File,
  settings: ImportSettings,
  onProgress: (p: ImportProgress) => void,
  isCancelled: () => boolean = () => false,
  options: { wholeJsonLimit?: number } = {},
): Promise<FileImportResult> {
  // One import at a time across tabs (storage/import-lock.ts); a wait is shown as such.
  // Every page says the figures are not final while it runs (app/importing-notice.tsx).
  return withImportLock(
    () => {
      announceImport();
      return importFileNow(db, file, settings, onProgress, isCancelled, options);
    },
    () => {
      announceImport();
      onProgress({ fileName: file.name, bytesDone: 0, bytesTotal: file.size, waiting: true });
    },
  );
}

async function importFileNow(
  db: HearthDb,
  file: File,
  settings: ImportSettings,
  onProgress: (p: ImportProgress) => void,
  isCancelled: () => boolean,
  options: { wholeJsonLimit?: number },
): Promise<FileImportResult> {
  const fileName = file.name;
  const base = { fileName, outcomes: [] as FileOutcome[], added: 0, batch: null };
  if (file.size === 0) {
    const outcomes: FileOutcome[] = [{ file: fileName, format: null, label: null, rows: 0, imported: 0, skipped: 0, issues: [{ file: fileName, severity: 'error', message: 'The file is empty.' }] }];
    return { ...base, outcomes, status: 'failed', message: `${fileName}: the file is empty.` };
  }
  const full = await quotaProblem(fileName, file.size);
  if (full) return { ...base, status: 'failed', message: full };
  let writer: ImportWriter;
  // Large files have their chunks scored and stored by a helper worker; small ones here (a worker's start-up costs more).
  const helper = file.size > STREAM_THRESHOLD ? helperChunkStore(db) : null;
  try {
    writer = await ImportWriter.begin(db, fileName, await fingerprint(file), helper?.store, settings.timeZone);
  } catch (e) {
    helper?.close();
    if (e instanceof StorageFullError) return { ...base, status: 'failed', message: `${fileName}: ${e.message}` };
    throw e;
  }
  try {
    const own = { ...settings, ...settings.perFile?.[fileName] };
    const registry = registryWithMapping(own.mapping);
    const ctx = { timeZone: settings.timeZone, ...(own.eventDate !== undefined ? { eventDate: own.eventDate } : {}), ...(own.dayFirst !== undefined ? { dayFirst: own.dayFirst } : {}) };
    let outcomes: FileOutcome[];
    const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
    const sniff = sniffFile(fileName, head, registry);
    if (sniff.kind === 'table' && file.size > STREAM_THRESHOLD) {
      // As importBytes: the decimal separator is read from the table's numbers, the delimiter is the default.
      const t = new TableImport(registry.tables, { ...ctx, fileName, decimalComma: sniff.delimiter === ';' });
      // Writes are pipelined: each slice's records are staged as soon as they are mapped (full
      // activity chunks go to the helper worker, which scores and stores them) and written in order
      // while the next slices are read, parsed and mapped.
      // Progress counts both stages: half for the bytes read and parsed, half for the bytes whose
      // records are stored, so the bar moves while either stage waits for the other.
      await writer.prepare();
      let parsed = 0;
      let stored = 0;
      const report = () => onProgress({ fileName, bytesDone: (parsed + stored) / 2, bytesTotal: file.size });
      const writes = new WriteQueue();
      let reserved = false;
      const { mixedEncoding } = await streamCsvBlob(file, { encoding: sniff.encoding, delimiter: sniff.delimiter, onProgress: (b) => ((parsed = b), report()) }, (rows) => {
        if (isCancelled()) return Promise.reject(new CancelledError());
        const out = t.push(rows);
        if (!reserved && t.rows >= 5_000) {
          // Rows so far scaled to the whole file (+10 %): the key set and the row keyer's counter
          // take their final size at once.
          reserved = true;
          const expected = Math.ceil(((t.rows * file.size) / parsed) * 1.1);
          writer.reserve(expected);
          t.reserve(expected);
        }
        if (batchSize(out) === 0) return undefined;
        const staged = writer.stage(out);
        const upTo = parsed;
        return writes.push(async () => {
          await writer.flush(staged);
          stored = upTo;
          report();
        });
      });
      await writes.all();
      await writer.write(t.end());
      const format = t.detection?.adapter.format ?? null;
      // As importBytes says it of a file read whole.
      const issues =
        mixedEncoding && format !== null ? [mixedEncodingIssue(fileName), ...t.issues] : t.issues;
      outcomes = [
        {
          file: fileName,
          format,
          label: t.detection?.adapter.label ?? null,
          rows: t.rows,
          imported: t.imported,
          skipped: t.skipped,
          issues,
        },
      ];
    } else {
      // A large DiscordChatExporter JSON is read slice by slice where the worker can read
      // synchronously; anything else, or a JSON file that cannot be split, is read whole.
      const reader = sniff.kind === 'document' && file.size > STREAM_THRESHOLD ? syncReader(file) : null;
      const refusal: { why?: DiscordJsonRefusal } = {};
      let json = reader ? await importDiscordJson(writer, fileName, { size: file.size, read: reader }, ctx, registry, onProgress, isCancelled, (why) => (refusal.why = why)) : null;
      const why = refusal.why;
      if (!json && why && file.size > (options.wholeJsonLimit ?? WHOLE_JSON_LIMIT)) {
        const mb = Math.round(file.size / 1024 / 1024).toLocaleString('en-US');
        const message = `This DiscordChatExporter JSON could not be read message by message: ${why.message}. At ${mb} MB it is too large to be read whole instead; export the channel again (or in date ranges) and import that.`;
        json = [{ file: fileName, format: discordJson.format, label: discordJson.label, rows: 0, imported: 0, skipped: 0, issues: [{ file: fileName, ...(why.row ? { row: why.row } : {}), severity: 'error', message }] }];
      }
      if (!json) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        json = sniff.kind === 'document' && !reader ? await importDiscordJson(writer, fileName, bytes, ctx, registry, onProgress, isCancelled) : null;
        if (!json) {
          onProgress({ fileName, bytesDone: file.size / 2, bytesTotal: file.size });
          const acc = new RecordAccumulator();
          json = importBytes(fileName, bytes, ctx, registry, (b: RecordBatch) => acc.add(b));
          if (isCancelled()) throw new CancelledError();
          await writer.write(acc.result());
        }
      }
      outcomes = json;
    }
    onProgress({ fileName, bytesDone: file.size, bytesTotal: file.size });
    const summary = summariseOutcomes(outcomes);
    if (summary.imported === 0) {
      await writer.rollback();
      return { ...base, outcomes, status: 'failed', message: `${fileName} was not imported: ${firstErrorLine(outcomes)}` };
    }
    const batch = await writer.commit(summary);
    if (!batch) {
      // A file whose rows give no record (registrations without a check-in, an empty export) was not imported before: it holds nothing to count.
      if (writer.received === 0) return { ...base, outcomes, status: 'already-imported', message: `Nothing to count in ${fileName}: ${NO_RECORDS}.` };
      // An event date entered for a file imported before is not applied: its attendances are the stored ones.
      const redated = ctx.eventDate !== undefined ? ' The event date entered was not applied: to change it, undo the earlier import in the import history and import the file again.' : '';
      return { ...base, outcomes, status: 'already-imported', message: `Nothing new in ${fileName}: ${summary.imported === 1 ? 'its row was' : `its ${count(summary.imported, 'row')} were`} already imported.${redated}` };
    }
    const skippedNote = summary.skipped ? ` (${count(summary.skipped, 'row')} skipped, see “Problems found”)` : '';
    return { ...base, outcomes, added: batch.added, batch, status: 'imported', message: `Imported ${count(batch.added, 'record')} from ${fileName}${skippedNote}` };
  } catch (e) {
    // First stop the helper (a chunk it has not added yet is refused anyway once the import is gone).
    helper?.close();
    await writer.rollback().catch(() => undefined);
    if (e instanceof CancelledError) return { ...base, status: 'cancelled', message: `Import of ${fileName} cancelled; nothing was kept.` };
    if (e instanceof UnclosedQuoteError) {
      // The message importBytes gives for the same file (the command and small files).
      const issue = { file: fileName, row: e.row, severity: 'error' as const, message: UNCLOSED_QUOTE_MESSAGE };
      const outcomes: FileOutcome[] = [{ file: fileName, format: null, label: null, rows: 0, imported: 0, skipped: 0, issues: [issue] }];
      return { ...base, outcomes, status: 'failed', message: `${fileName} was not imported: ${firstErrorLine(outcomes)}` };
    }
    const message =
      e instanceof StorageFullError
        ? `${fileName}: ${e.message}`
        : e instanceof ImportStoppedError
          ? `${fileName} was not imported: ${e.message}.`
          : `${fileName} could not be imported: ${e instanceof Error ? e.message : String(e)}. Nothing was kept.`;
    return { ...base, status: 'failed', message };
  } finally {
    helper?.close();
  }
}

