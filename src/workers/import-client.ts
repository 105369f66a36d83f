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
 * (the same job code runs either way).
 */
export function startImport(files: File[], settings: ImportSettings, onEvent: (e: ImportEvent) => void): ImportHandle {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'hearth-import' });
  } catch {
    worker = null;
  }
  if (!worker) {
    let cancelled = false;
    const finished = runImportJob(getDb(), files, settings, onEvent, () => cancelled);
    return { cancel: () => (cancelled = true), finished };
  }
  const w = worker;
  const finished = new Promise<void>((resolve) => {
    w.onmessage = (e: MessageEvent<ImportEvent>) => {
      onEvent(e.data);
      if (e.data.type === 'done' || e.data.type === 'error') {
        w.terminate();
        resolve();
      }
    };
    w.onerror = (e) => {
      onEvent({ type: 'error', message: `The import worker failed: ${e.message || 'unknown error'}` });
      w.terminate();
      resolve();
    };
  });
  const request: ImportRequest = { type: 'import', files, settings };
  w.postMessage(request);
  return { cancel: () => w.postMessage({ type: 'cancel' } satisfies ImportRequest), finished };
}
