/// <reference lib="webworker" />
import { getDb } from '../storage';
import { runImportJob } from './import-job';
import type { ImportEvent, ImportRequest } from './import-protocol';

// Thin shell: parsing and writing happen here, off the main thread; only progress and counts cross.
const scope = self as unknown as { postMessage(e: ImportEvent): void; onmessage: ((e: MessageEvent<ImportRequest>) => void) | null };
let cancelled = false;
scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  void runImportJob(getDb(), msg.files, msg.settings, (ev) => scope.postMessage(ev), () => cancelled);
};
