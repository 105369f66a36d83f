import type { FileImportResult } from '../../workers/import-runner';

/** One run of the Import page: the files chosen (after their review), their progress and results. */
export interface ImportRun {
  running: boolean;
  /** 0..1 over all files of the run. */
  fraction: number;
  currentFile: string | null;
  /** The current file waits for an import in another Hearth tab to finish (one at a time). */
  waiting?: boolean;
  results: FileImportResult[];
  error: string | null;
}

export const IDLE_RUN: ImportRun = { running: false, fraction: 0, currentFile: null, results: [], error: null };

/**
 * Choosing files starts the next run with their review, so the result lines of the last run (which
 * are about other files) go; the import history keeps what was imported. A run in progress is
 * left alone (files cannot be chosen then).
 */
export function runWhenFilesChosen(run: ImportRun): ImportRun {
  return run.running ? run : IDLE_RUN;
}
