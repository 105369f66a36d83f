import { useCallback, useRef, useState } from 'react';
import { useDataVersion } from '../../app/data-version';
import { useFilters } from '../../app/filters';
import type { FileSettings } from '../../workers/import-runner';
import { startImport, type ImportHandle } from '../../workers/import-client';
import { IDLE_RUN as IDLE, runWhenFilesChosen, type ImportRun } from './import-run';
import { loadSampleFiles } from './sample-data';

export type { ImportRun } from './import-run';

/**
 * Runs imports in the worker and keeps their progress and results. Used once, by ImportProvider
 * (import-provider.tsx), so that a run outlives the page that started it; pages use `useImport`.
 */
export function useImportRunner() {
  const [run, setRun] = useState<ImportRun>(IDLE);
  const handle = useRef<ImportHandle | null>(null);
  const { bump } = useDataVersion();
  const { filters } = useFilters();

  // Files chosen while a run is under way wait for it, in order (their review was already done).
  const queued = useRef<Array<{ files: File[]; perFile?: Record<string, FileSettings> }>>([]);

  const start = useCallback(
    async (files: File[], perFile?: Record<string, FileSettings>): Promise<void> => {
      if (files.length === 0) return;
      if (handle.current) {
        queued.current.push({ files, ...(perFile ? { perFile } : {}) });
        return;
      }
      let job: { files: File[]; perFile?: Record<string, FileSettings> } | undefined = { files, ...(perFile ? { perFile } : {}) };
      for (let first = true; job; first = false, job = queued.current.shift()) {
        const { files: runFiles, perFile: runPerFile } = job;
        // A queued run keeps the result lines of the run before it.
        setRun((r) => ({ ...IDLE, running: true, currentFile: runFiles[0]!.name, results: first ? [] : r.results }));
        performance.mark('hearth:import:start');
        handle.current = startImport(runFiles, { timeZone: filters.timeZone, ...(runPerFile ? { perFile: runPerFile } : {}) }, (e) => {
          if (e.type === 'progress') {
            const within = e.progress.bytesTotal ? e.progress.bytesDone / e.progress.bytesTotal : 0;
            setRun((r) => ({ ...r, currentFile: e.progress.fileName, waiting: e.progress.waiting === true, fraction: (e.fileIndex + Math.min(1, within)) / e.fileCount }));
          } else if (e.type === 'file-done') {
            setRun((r) => ({ ...r, results: [...r.results, e.result] }));
          } else if (e.type === 'error') {
            setRun((r) => ({ ...r, error: e.message }));
          }
        });
        await handle.current.finished;
        // Not a lost update: while a run is in progress `start` only queues (the check above), so
        // no other run can have set `handle` during the await.
        // eslint-disable-next-line require-atomic-updates
        handle.current = null;
        performance.measure('hearth:import', 'hearth:import:start');
        setRun((r) => ({ ...r, running: false, waiting: false, fraction: 1, currentFile: null }));
        bump();
      }
    },
    [bump, filters.timeZone],
  );

  /** "Load sample data": the bundled sample-data/ files, imported like dropped files. */
  const startSample = useCallback(() => {
    setRun({ ...IDLE, running: true, currentFile: 'sample data' });
    loadSampleFiles().then(
      (files) => {
        setRun(IDLE);
        return start(files);
      },
      (e: unknown) => setRun({ ...IDLE, error: `The sample data could not be loaded: ${e instanceof Error ? e.message : String(e)}` }),
    );
  }, [start]);

  const cancel = useCallback(() => {
    queued.current = []; // Cancel stops the files waiting behind the current run too
    handle.current?.cancel();
  }, []);
  /**
   * Clears the last run's result lines (a running import is left alone): new files were chosen, so
   * they are about other files; or an import was undone, so they describe data that may be gone.
   */
  const clearLastRun = useCallback(() => setRun(runWhenFilesChosen), []);
  return { run, start, startSample, cancel, clearLastRun };
}
