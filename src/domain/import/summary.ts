import type { ImportIssue, SourceSummary } from '../model/records';
import type { FileOutcome } from './import-file';

/**
 * One dropped file's summary, whatever it held (a zip's entries are added up): the import
 * history row and the report's `sources` entry, identical in the browser and the command.
 */
export function summariseOutcomes(outcomes: FileOutcome[]): { format: string; rows: number; imported: number; skipped: number; issues: ImportIssue[] } {
  const formats = [...new Set(outcomes.map((o) => o.format).filter((f): f is string => f !== null))].sort();
  return {
    format: formats.join(', '),
    rows: outcomes.reduce((n, o) => n + o.rows, 0),
    imported: outcomes.reduce((n, o) => n + o.imported, 0),
    skipped: outcomes.reduce((n, o) => n + o.skipped, 0),
    issues: outcomes.flatMap((o) => o.issues).slice(0, 500),
  };
}

/** The first error of a file, as one line naming file, row and column. */
export function firstErrorLine(outcomes: FileOutcome[]): string {
  const issues = outcomes.flatMap((o) => o.issues);
  // No error but nothing imported (a header without rows): the first warning says why.
  const e = issues.find((i) => i.severity === 'error') ?? issues[0];
  return e ? issueLine(e) : 'nothing could be read';
}

export function issueLine(i: ImportIssue): string {
  return `${i.file}${i.row ? `, row ${i.row}` : ''}${i.column ? `, column ${i.column}` : ''}: ${i.message}`;
}

export function compareSources(a: SourceSummary, b: SourceSummary): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
