import { emptyBatch, type ImportIssue, type RecordBatch } from '../model/records';
import { isValidUtf8 } from '../parse/encoding';
import { bytesSource, splitJsonArray, utf8Slices } from '../parse/json-split';
import { discordJson, mapDiscordJsonSplit } from '../sources/discord/json';
import type { AdapterRegistry } from '../sources/registry';
import type { AdapterContext } from '../sources/types';
import { sniffFile, type FileOutcome } from './import-file';

export interface DiscordJsonBytesOptions {
  /**
   * Decodes the UTF-8 bytes [start, end) (always on ASCII characters). Default: a `TextDecoder` on
   * `bytes.subarray(start, end)`; the command passes Buffer's `utf8Slice`.
   */
  decode?: (start: number, end: number) => string;
  /** The caller has checked that the bytes are valid UTF-8 (e.g. Node's `isUtf8`); otherwise they are checked here. */
  validUtf8?: boolean;
  /**
   * Progress of reading the messages, in bytes: `done` is the end of the last message parsed,
   * `total` the file's length. Called every 5,000 messages and once with `done === total` when every
   * message has parsed (before the first batch reaches `onRecords`); monotonic. What it throws
   * propagates (e.g. a cancel).
   */
  onProgress?: (done: number, total: number) => void;
  /** Activities per batch handed to `onRecords` (default 10,000; `Infinity`: one batch). */
  batchActivities?: number;
}

/** Messages parsed between two progress reports. */
const PROGRESS_EVERY = 5_000;

/**
 * A DiscordChatExporter JSON read straight from its bytes: the same records, issues and outcome as
 * `importBytes` (whose document branch this follows), without decoding the file into one string —
 * the document is split into messages (parse/json-split.ts) and each message is decoded and parsed
 * on its own (mapDiscordJsonSplit). No `node:` imports: it runs in the browser's import worker as in
 * the command, and so works for files above the engine's maximum string length.
 *
 * Returns null, having called neither `onRecords` nor (except for the messages already parsed)
 * `onProgress`, when the file is anything else (per `sniffFile`), starts with a byte-order mark, is
 * not valid UTF-8, or cannot be split message by message (a message that does not parse, a
 * duplicate `messages` key…): the caller then imports it with `importBytes`, which gives a broken
 * file its usual message.
 *
 * The records reach `onRecords` in batches of `batchActivities` activities, in the order
 * `importBytes`' single batch has them; the last batch (possibly without activities) holds every
 * person and is always handed over. Batches come once every message has parsed (whether a message
 * starts a thread is known only from later replies), while the activities are built. What
 * `onRecords` throws propagates.
 */
export function importDiscordJsonBytes(
  name: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  onRecords: (batch: RecordBatch) => void,
  options: DiscordJsonBytesOptions = {},
): FileOutcome[] | null {
  if (bytes.length === 0) return null;
  const sniff = sniffFile(name, bytes.subarray(0, 256 * 1024), registry);
  if (sniff.kind !== 'document' || sniff.adapter !== discordJson || sniff.encoding !== 'utf-8') return null;
  // A byte-order mark: decodeBytes strips it, the split would not (it is not JSON whitespace).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
  // Invalid bytes would be U+FFFD in importBytes' text and anything in a caller's decoder.
  if (options.validUtf8 !== true && !isValidUtf8(bytes)) return null;
  const text = options.decode ?? utf8Slices(bytes);
  const split = splitJsonArray(bytesSource(bytes, text), 'messages');
  if (!split) return null;
  const total = bytes.length;
  const count = split.count;
  const onProgress = options.onProgress;
  if (onProgress && count === 0) onProgress(total, total);
  const issues: ImportIssue[] = [];
  const result = mapDiscordJsonSplit(
    { ...ctx, fileName: name },
    split,
    (i) => JSON.parse(text(split.start(i), split.end(i))) as unknown,
    emptyBatch(),
    issues,
    {
      emit: onRecords,
      batchActivities: options.batchActivities ?? 10_000,
      progressEvery: PROGRESS_EVERY,
      ...(onProgress ? { onParsed: (done: number) => onProgress(done === count ? total : split.end(done - 1), total) } : {}),
    },
  );
  if (!result) return null;
  const { rows, skipped } = result;
  return [{ file: name, format: discordJson.format, label: discordJson.label, rows, imported: rows - skipped, skipped, issues }];
}
