import type { FilePreview } from '../domain/preview/preview';
import { previewFile, type PreviewSettings } from './preview-runner';
import type { PreviewRequest, PreviewResponse } from './preview.worker';

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (p: FilePreview[]) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'hearth-preview' });
    worker.onmessage = (e: MessageEvent<PreviewResponse>) => {
      waiting.get(e.data.id)?.(e.data.previews);
      waiting.delete(e.data.id);
    };
    worker.onerror = () => {
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Previews a file in the preview worker (main thread where workers cannot start). */
export function requestPreview(file: File, settings: PreviewSettings): Promise<FilePreview[]> {
  const w = getWorker();
  if (!w) return previewFile(file, settings);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    const req: PreviewRequest = { id, file, settings };
    w.postMessage(req);
  });
}
