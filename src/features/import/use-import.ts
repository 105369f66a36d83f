import { useCallback, useRef, useState } from 'react';
import { useDataVersion } from '../../app/data-version';
import { useFilters } from '../../app/filters';
import type { FileSettings } from '../../workers/import-runner';
import { startImport, type ImportHandle } from '../../workers/import-client';
import { IDLE_RUN as IDLE, runWhenFilesChosen, type ImportRun } from './import-run';
import { loadSampleFiles } from './sample-data';

export type { ImportRun } from './import-run';

/** Runs imports in the worker and exposes their progress and results to the page. */
export function useImport() {
  const [run, setRun] = useState<ImportRun>(IDLE);
  const handle = useRef<ImportHandle | null>(null);
  const { bump } = useDataVersion();
  const { filters } = useFilters();

  const start = useCallback(
    async (files: File[], perFile?: Record<string, FileSettings>) => {
      if (files.length === 0 || handle.current) return;
      setRun({ ...IDLE, running: true, currentFile: files[0]!.name });
      performance.mark('hearth:import:start');
      handle.current = startImport(files, { timeZone: filters.timeZone, ...(perFile ? { perFile } : {}) }, (e) => {
        if (e.type === 'progress') {
          const within = e.progress.bytesTotal ? e.progress.bytesDone / e.progress.bytesTotal : 0;
          setRun((r) => ({ ...r, currentFile: e.progress.fileName, fraction: (e.fileIndex + Math.min(1, within)) / e.fileCount }));
        } else if (e.type === 'file-done') {
          setRun((r) => ({ ...r, results: [...r.results, e.result] }));
        } else if (e.type === 'error') {
          setRun((r) => ({ ...r, error: e.message }));
        }
      });
      await handle.current.finished;
      // Not a lost update: `start` returns at once while a run is in progress (the check above), so
      // no other run can have set `handle` during the await.
      // eslint-disable-next-line require-atomic-updates
      handle.current = null;
      performance.measure('hearth:import', 'hearth:import:start');
      setRun((r) => ({ ...r, running: false, fraction: 1, currentFile: null }));
      bump();
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

  const cancel = useCallback(() => handle.current?.cancel(), []);
  /**
   * Clears the last run's result lines (a running import is left alone): new files were chosen, so
   * they are about other files; or an import was undone, so they describe data that may be gone.
   */
  const clearLastRun = useCallback(() => setRun(runWhenFilesChosen), []);
  return { run, start, startSample, cancel, clearLastRun };
}
