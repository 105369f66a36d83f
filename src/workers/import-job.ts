import type { HearthDb } from '../storage/db';
import { importFile, type ImportProgress, type ImportSettings } from './import-runner';
import type { ImportEvent } from './import-protocol';

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
      // At most one progress event per 250 ms; one that comes sooner is held and sent when the
      // 250 ms are up (not dropped: the bar would then wait for the next event after that).
      let last = 0;
      let lastDone = -1;
      let held: ImportProgress | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const send = (progress: ImportProgress) => {
        held = null;
        if (progress.bytesDone === lastDone) return; // nothing new to show
        last = Date.now();
        lastDone = progress.bytesDone;
        emit({ type: 'progress', progress, fileIndex: i, fileCount: files.length });
      };
      const result = await importFile(
        db,
        files[i]!,
        settings,
        (progress) => {
          const wait = 250 - (Date.now() - last);
          if (wait <= 0 || progress.bytesDone >= progress.bytesTotal) {
            if (timer) clearTimeout(timer);
            timer = null;
            send(progress);
            return;
          }
          held = progress;
          timer ??= setTimeout(() => {
            timer = null;
            if (held) send(held);
          }, wait);
        },
        isCancelled,
      );
      if (timer) clearTimeout(timer);
      emit({ type: 'file-done', result });
    }
    emit({ type: 'done' });
  } catch (e) {
    emit({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
