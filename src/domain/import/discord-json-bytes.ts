import { type RecordBatch } from '../model/records';
import { isValidUtf8 } from '../parse/encoding';
import { bytesSource, splitJsonArray, utf8Slices, windowedSource, type JsonArraySplit } from '../parse/json-split';
import { discordJson, readDiscordJsonMessages } from '../sources/discord/json';
import type { AdapterRegistry } from '../sources/registry';
import type { AdapterContext } from '../sources/types';
import { sniffFile, type FileOutcome } from './import-file';

/** Progress of reading the messages (both readers below). */
export interface DiscordJsonProgress {
  /**
   * Progress of reading the messages, in bytes: `done` is the end of the last message parsed,
   * `total` the file's length. Called every 5,000 messages and once with `done === total` when every
   * message has parsed (before the first batch); monotonic. What it throws propagates (e.g. a cancel).
   */
  onProgress?: (done: number, total: number) => void;
}

export interface DiscordJsonBytesOptions extends DiscordJsonProgress {
  /**
   * Decodes the UTF-8 bytes [start, end) (always on ASCII characters). Default: a `TextDecoder` on
   * `bytes.subarray(start, end)`; the command passes Buffer's `utf8Slice`.
   */
  decode?: (start: number, end: number) => string;
  /** The caller has checked that the bytes are valid UTF-8 (e.g. Node's `isUtf8`); otherwise they are checked here. */
  validUtf8?: boolean;
  /** Activities per batch handed to `onRecords` (default 10,000; `Infinity`: one batch). */
  batchActivities?: number;
}

/**
 * A DiscordChatExporter JSON whose messages have all been read (the first pass): its outcome is
 * known; its records come from `batches` (the second pass, a generator: take each batch when it can
 * be stored, and the ones before are not held).
 */
export interface DiscordJsonRead {
  outcomes: FileOutcome[];
  /** Activities `batches` will hand over (for progress). */
  activities: number;
  /**
   * The records in batches of `size` activities (default 10,000; `Infinity`: one batch), in the
   * order `importBytes`' single batch has them; the last batch (possibly without activities) holds
   * every person and always comes. Call once.
   */
  batches(size?: number): Generator<RecordBatch, void, undefined>;
}

/** Why a file recognised as a DiscordChatExporter JSON could not be read message by message (`readDiscordJsonFile`). */
export interface DiscordJsonRefusal {
  /** What is wrong, and where, for the user. */
  message: string;
  /** The message where reading stopped (1-based, as the file's issues count messages), when it was one. */
  row?: number;
}

/** Messages parsed between two progress reports. */
const PROGRESS_EVERY = 5_000;

/**
 * A DiscordChatExporter JSON read straight from its bytes: the same records, issues and outcome as
 * `importBytes` (whose document branch this follows), without decoding the file into one string —
 * the document is split into messages (parse/json-split.ts) and each message is decoded and parsed
 * on its own (readDiscordJsonMessages). No `node:` imports: it runs in the browser's import worker as in
 * the command, and so works for files above the engine's maximum string length.
 *
 * Returns null, having called neither `onRecords` nor (except for the messages already parsed)
 * `onProgress`, when the file is anything else (per `sniffFile`), starts with a byte-order mark, is
 * not valid UTF-8, or cannot be split message by message (a message that does not parse, a
 * duplicate `messages` key…): the caller then imports it with `importBytes`, which gives a broken
 * file its usual message.
 *
 * The records reach `onRecords` in batches of `batchActivities` activities (readDiscordJsonBytes'
 * `batches`). Batches come once every message has parsed (whether a message starts a thread is
 * known only from later replies). What `onRecords` throws propagates.
 */
export function importDiscordJsonBytes(
  name: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  onRecords: (batch: RecordBatch) => void,
  options: DiscordJsonBytesOptions = {},
): FileOutcome[] | null {
  const size = options.batchActivities ?? 10_000;
  if (!(size >= 1)) throw new RangeError(`importDiscordJsonBytes: batchActivities must be at least 1 (got ${size})`);
  const read = readDiscordJsonBytes(name, bytes, ctx, registry, options);
  if (!read) return null;
  for (const batch of read.batches(size)) onRecords(batch);
  return read.outcomes;
}

/** importDiscordJsonBytes' first pass: the messages read, the records to take from `batches`. Null in the same cases. */
export function readDiscordJsonBytes(
  name: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  options: Omit<DiscordJsonBytesOptions, 'batchActivities'> = {},
): DiscordJsonRead | null {
  if (bytes.length === 0) return null;
  if (!isDiscordJsonHead(name, bytes.subarray(0, 256 * 1024), registry)) return null;
  // Invalid bytes would be U+FFFD in importBytes' text and anything in a caller's decoder.
  if (options.validUtf8 !== true && !isValidUtf8(bytes)) return null;
  const text = options.decode ?? utf8Slices(bytes);
  const split = splitJsonArray(bytesSource(bytes, text), 'messages');
  if (!split) return null;
  return readSplit(name, split, text, bytes.length, ctx, options);
}

/**
 * readDiscordJsonBytes for a file too large to hold whole: its bytes are read slice by slice with
 * `read(start, end)` (synchronous: `FileReaderSync` in the browser's import worker) through a
 * `windowedSource` of `window` bytes (default 4 MiB), so memory holds one window and a few values
 * per message (its id, author, time, reference and text) instead of the file. The file is read
 * twice (split, then parse). Same outcome and records as readDiscordJsonBytes on the same bytes,
 * and null in the same cases (bytes that are not UTF-8 are found where they are decoded).
 *
 * When it returns null for a file it recognised as a DiscordChatExporter JSON, `onRefused` says why
 * and where (a file too large to be read whole has nothing else to go on).
 *
 * Progress: splitting (a few seconds per GB, with nothing parsed yet) counts as the first
 * SPLIT_SHARE of `total`, reported as each window is read; parsing the messages as the rest (the end
 * of the last message parsed, scaled). What `onProgress` throws propagates from either (a cancel).
 */
export function readDiscordJsonFile(
  name: string,
  length: number,
  read: (start: number, end: number) => Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  options: DiscordJsonProgress & { window?: number; onRefused?: (why: DiscordJsonRefusal) => void } = {},
): DiscordJsonRead | null {
  if (length === 0) return null;
  if (!isDiscordJsonHead(name, read(0, Math.min(length, 256 * 1024)), registry)) return null;
  // From here on the file is a DiscordChatExporter JSON: a null result says why (`onRefused`).
  const refuse = (why: DiscordJsonRefusal): null => (options.onRefused?.(why), null);
  const onProgress = options.onProgress;
  let splitting = true;
  let reported = 0;
  const src = windowedSource(
    length,
    onProgress
      ? (start, end) => {
          const done = Math.floor(end * SPLIT_SHARE);
          // Monotonic: the splitter also reads back a little, and the tail of the document last.
          if (splitting && done > reported) onProgress((reported = done), length);
          return read(start, end);
        }
      : read,
    options.window,
  );
  let split: JsonArraySplit | null;
  try {
    split = splitJsonArray(src, 'messages');
  } catch (e) {
    // Bytes that are not UTF-8 around the messages (the fatal decoder); a cancel propagates.
    if (e instanceof TypeError) return refuse({ message: 'it holds bytes that are not UTF-8 (a damaged file, or one saved again in another encoding)' });
    throw e;
  } finally {
    splitting = false;
  }
  if (!split) return refuse({ message: 'its messages could not be told apart: the file may be cut off, or not be a whole DiscordChatExporter export' });
  const parsing = onProgress ? { onProgress: (done: number, total: number) => onProgress(done === total ? total : Math.max(reported, Math.floor(total * SPLIT_SHARE + done * (1 - SPLIT_SHARE))), total) } : {};
  const failure: { at?: { index: number; error: unknown } } = {};
  const result = readSplit(name, split, src.text, length, ctx, parsing, (index, error) => (failure.at = { index, error }));
  if (result) return result;
  const at = failure.at;
  if (!at) return refuse({ message: 'it could not be read message by message' });
  const where = `message ${at.index + 1} (from byte ${split.start(at.index).toLocaleString('en-US')})`;
  const what = at.error instanceof TypeError ? 'holds bytes that are not UTF-8' : `is not valid JSON (${at.error instanceof Error ? at.error.message : String(at.error)})`;
  return refuse({ message: `${where} ${what}`, row: at.index + 1 });
}

/** The share of a windowed read's progress given to splitting the file into messages (Node, the 1 GB bench JSON: splitting ~3.5 s, parsing ~11 s). */
const SPLIT_SHARE = 0.2;

/** The file is a DiscordChatExporter JSON in UTF-8 without a byte-order mark (decodeBytes strips one, the split would not: it is not JSON whitespace). */
function isDiscordJsonHead(name: string, head: Uint8Array, registry: AdapterRegistry): boolean {
  const sniff = sniffFile(name, head, registry);
  if (sniff.kind !== 'document' || sniff.adapter !== discordJson || sniff.encoding !== 'utf-8') return false;
  return !(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf);
}

/** The messages of a split DiscordChatExporter document read (both readers above). */
function readSplit(
  name: string,
  split: JsonArraySplit,
  text: (start: number, end: number) => string,
  total: number,
  ctx: Omit<AdapterContext, 'fileName'>,
  options: DiscordJsonProgress,
  onFailed?: (index: number, error: unknown) => void,
): DiscordJsonRead | null {
  const count = split.count;
  const onProgress = options.onProgress;
  if (onProgress && count === 0) onProgress(total, total);
  const message = (i: number): unknown => {
    try {
      return JSON.parse(text(split.start(i), split.end(i))) as unknown;
    } catch (e) {
      onFailed?.(i, e);
      throw e;
    }
  };
  const read = readDiscordJsonMessages({ ...ctx, fileName: name }, split, message, {
    progressEvery: PROGRESS_EVERY,
    ...(onProgress ? { onParsed: (done: number) => onProgress(done === count ? total : split.end(done - 1), total) } : {}),
  });
  if (!read) return null;
  const { rows, skipped, issues } = read;
  return {
    outcomes: [{ file: name, format: discordJson.format, label: discordJson.label, rows, imported: rows - skipped, skipped, issues }],
    activities: read.activities,
    batches: (size = 10_000) => read.batches(size),
  };
}
