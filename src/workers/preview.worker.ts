/// <reference lib="webworker" />
import type { FilePreview } from '../domain/preview/preview';
import { previewFile, type PreviewSettings } from './preview-runner';

export type PreviewRequest = { id: number; file: File; settings: PreviewSettings };
export type PreviewResponse = { id: number; previews: FilePreview[] };

// Thin shell: previews parse off the main thread.
const scope = self as unknown as { postMessage(r: PreviewResponse): void; onmessage: ((e: MessageEvent<PreviewRequest>) => void) | null };
scope.onmessage = (e) => {
  const { id, file, settings } = e.data;
  void previewFile(file, settings).then((previews) => scope.postMessage({ id, previews }));
};
