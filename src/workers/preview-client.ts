import type { FilePreview } from '../domain/preview/preview';
import { previewFile, type PreviewSettings } from './preview-runner';
import type { PreviewRequest, PreviewResponse } from './preview.worker';

interface Waiting {
  file: File;
  settings: PreviewSettings;
  resolve(p: FilePreview[]): void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, Waiting>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    const w = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'hearth-preview' });
    w.onmessage = (e: MessageEvent<PreviewResponse>) => {
      waiting.get(e.data.id)?.resolve(e.data.previews);
      waiting.delete(e.data.id);
    };
    // The worker could not start (e.g. its file is gone: a tab opened before a deployment) or
    // failed: what it was asked is previewed here instead, and so is everything after.
    w.onerror = () => {
      w.terminate();
      worker = null;
      const left = [...waiting.values()];
      waiting.clear();
      for (const { file, settings, resolve } of left) void previewFile(file, settings).then(resolve);
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

/** Previews a file in the preview worker (main thread where workers cannot start or fail). */
export function requestPreview(file: File, settings: PreviewSettings): Promise<FilePreview[]> {
  const w = getWorker();
  if (!w) return previewFile(file, settings);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, { file, settings, resolve });
    const req: PreviewRequest = { id, file, settings };
    w.postMessage(req);
  });
}
