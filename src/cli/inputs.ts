import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RecordAccumulator } from '../domain/import/accumulate';
import { importBytes, type FileOutcome } from '../domain/import/import-file';
import { compareSources, issueLine, summariseOutcomes } from '../domain/import/summary';
import { batchSize, type RecordBatch, type SourceSummary } from '../domain/model/records';
import { REGISTRY } from '../domain/sources/registry';
import { importDiscordJsonBytes } from './discord-json';

/** Expands files and folders (recursively, sorted by name, hidden files skipped) into file paths. */
export async function expandInputs(paths: string[], warn: (line: string) => void): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      warn(`${p}: no such file or folder`);
      continue;
    }
    if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.') && n.toLowerCase() !== 'readme.md').sort();
      out.push(...(await expandInputs(names.map((n) => join(p, n)), warn)));
    } else out.push(p);
  }
  return out;
}

export interface ReadResult {
  records: RecordBatch;
  sources: SourceSummary[];
  outcomes: FileOutcome[];
}

/**
 * Reads export files from disk with the same domain code as the browser's import worker, combining
 * them as storage does. Problems go to `warn`, one line each, naming file (and row, column).
 */
export async function readExports(
  files: string[],
  timeZone: string,
  warn: (line: string) => void,
  /** How to read a date column whose values cannot tell day from month (03/04/2025): the browser's question. */
  dayFirst?: boolean,
  /** The event date (UTC ms) for attendee lists that carry none: the browser's event-date question. */
  eventDate?: number,
): Promise<ReadResult> {
  const acc = new RecordAccumulator();
  const sources: SourceSummary[] = [];
  const all: FileOutcome[] = [];
  for (const path of files) {
    const name = basename(path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path); // one read call: ~50 ms less than fs/promises' 512 KiB chunks for 125 MB
    } catch (e) {
      warn(`${path}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    // The file's batches are kept until its outcome is known: a file that imported nothing adds
    // nothing (feeding them to `acc` directly gives what a per-file accumulator would, one pass less).
    const batches: RecordBatch[] = [];
    const onRecords = (b: RecordBatch) => batches.push(b);
    const outcomes =
      importDiscordJsonBytes(name, bytes, timeZone, REGISTRY, onRecords) ??
      importBytes(
        name,
        new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        {
          timeZone,
          ...(dayFirst !== undefined ? { dayFirst } : {}),
          ...(eventDate !== undefined ? { eventDate } : {}),
        },
        REGISTRY,
        onRecords,
      );
    all.push(...outcomes);
    for (const o of outcomes) for (const i of o.issues) warn(`${i.severity}: ${issueLine(i)}`);
    const summary = summariseOutcomes(outcomes);
    if (summary.imported === 0) {
      warn(`${name}: not imported`);
      continue;
    }
    let added = 0;
    let records = 0;
    for (const b of batches) {
      added += acc.add(b);
      records += batchSize(b);
    }
    // As in the browser, a file that adds nothing new (the same export given twice) is not a source.
    if (added === 0) {
      warn(
        records === 0
          ? `${name}: nothing to count (its rows hold no activity, attendance, member or subscriber)`
          : `${name}: nothing new (its records are all in an earlier file)`,
      );
      continue;
    }
    sources.push({ file: name, format: summary.format, rows: summary.rows, imported: summary.imported, skipped: summary.skipped });
  }
  return { records: acc.result(), sources: sources.sort(compareSources), outcomes: all };
}
