import { getDb } from '../storage';
import { runImportJob } from './import-job';
import type { ImportEvent, ImportRequest } from './import-protocol';
import type { ImportSettings } from './import-runner';

export interface ImportHandle {
  cancel(): void;
  finished: Promise<void>;
}

/**
 * Starts an import in the import worker; falls back to the main thread where workers cannot start
 * (the same job code runs either way) — also when the worker fails before it reports anything: its
 * file may be gone (a tab opened before a deployment), and the import has not begun.
 */
export function startImport(files: File[], settings: ImportSettings, onEvent: (e: ImportEvent) => void): ImportHandle {
  let cancelled = false;
  const here = (): Promise<void> => runImportJob(getDb(), files, settings, onEvent, () => cancelled);
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'hearth-import' });
  } catch {
    worker = null;
  }
  if (!worker) return { cancel: () => (cancelled = true), finished: here() };
  const w = worker;
  let heard = false;
  let fellBack = false;
  const finished = new Promise<void>((resolve) => {
    w.onmessage = (e: MessageEvent<ImportEvent>) => {
      heard = true;
      onEvent(e.data);
      if (e.data.type === 'done' || e.data.type === 'error') {
        w.terminate();
        resolve();
      }
    };
    w.onerror = (e) => {
      w.terminate();
      if (!heard) {
        fellBack = true;
        void here().then(resolve);
        return;
      }
      onEvent({ type: 'error', message: `The import worker failed: ${e.message || 'unknown error'}` });
      resolve();
    };
  });
  const request: ImportRequest = { type: 'import', files, settings };
  w.postMessage(request);
  return {
    cancel: () => {
      cancelled = true;
      if (!fellBack) w.postMessage({ type: 'cancel' } satisfies ImportRequest);
    },
    finished,
  };
}
