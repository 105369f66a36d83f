import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RecordAccumulator } from '../domain/import/accumulate';
import { importBytes, type FileOutcome } from '../domain/import/import-file';
import { compareSources, issueLine, summariseOutcomes } from '../domain/import/summary';
import type { RecordBatch, SourceSummary } from '../domain/model/records';
import { REGISTRY } from '../domain/sources/registry';

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
export async function readExports(files: string[], timeZone: string, warn: (line: string) => void): Promise<ReadResult> {
  const acc = new RecordAccumulator();
  const sources: SourceSummary[] = [];
  const all: FileOutcome[] = [];
  for (const path of files) {
    const name = basename(path);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      warn(`${path}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const fileAcc = new RecordAccumulator();
    const outcomes = importBytes(name, bytes, { timeZone }, REGISTRY, (b) => fileAcc.add(b));
    all.push(...outcomes);
    for (const o of outcomes) for (const i of o.issues) warn(`${i.severity}: ${issueLine(i)}`);
    const summary = summariseOutcomes(outcomes);
    if (summary.imported === 0) {
      warn(`${name}: not imported`);
      continue;
    }
    acc.add(fileAcc.result());
    sources.push({ file: name, format: summary.format, rows: summary.rows, imported: summary.imported, skipped: summary.skipped });
  }
  return { records: acc.result(), sources: sources.sort(compareSources), outcomes: all };
}
