import type { HearthDb } from '../storage/db';
import { importFile, type ImportProgress, type ImportSettings } from './import-runner';
import type { ImportEvent } from './import-protocol';

/**
 * Passes progress on at most once per `ms`: an update that comes sooner is held and sent when the
 * time is up (not dropped — the bar would then wait for the next update after that), the same value
 * is never sent twice, and the last one (the file done) goes at once. `stop` cancels a held update.
 */
export function progressThrottle(send: (p: ImportProgress) => void, ms = 250): { update(p: ImportProgress): void; stop(): void } {
  let last = -Infinity;
  let lastDone = -1;
  let held: ImportProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const pass = (p: ImportProgress) => {
    held = null;
    if (p.bytesDone === lastDone) return;
    last = Date.now();
    lastDone = p.bytesDone;
    send(p);
  };
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    update(p) {
      const wait = ms - (Date.now() - last);
      if (wait <= 0 || p.bytesDone >= p.bytesTotal) {
        stop();
        pass(p);
        return;
      }
      held = p;
      timer ??= setTimeout(() => {
        timer = null;
        if (held) pass(held);
      }, wait);
    },
    stop,
  };
}

/** Imports files one after another, reporting progress (~4 times a second) and results. */
export async function runImportJob(
  db: HearthDb,
  files: File[],
  settings: ImportSettings,
  emit: (e: ImportEvent) => void,
  isCancelled: () => boolean,
): Promise<void> {
  try {
    for (let i = 0; i < files.length; i++) {
      if (isCancelled()) break;
      const progress = progressThrottle((p) => emit({ type: 'progress', progress: p, fileIndex: i, fileCount: files.length }));
      const result = await importFile(db, files[i]!, settings, progress.update, isCancelled);
      progress.stop();
      emit({ type: 'file-done', result });
    }
    emit({ type: 'done' });
  } catch (e) {
    emit({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
