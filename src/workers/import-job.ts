import type { HearthDb } from '../storage/db';
import { importFile, type ImportSettings } from './import-runner';
import type { ImportEvent } from './import-protocol';

/** Imports files one after another, reporting progress (at most ~4 times a second) and results. */
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
      let last = 0;
      const result = await importFile(
        db,
        files[i]!,
        settings,
        (progress) => {
          const now = Date.now();
          if (now - last < 250 && progress.bytesDone < progress.bytesTotal) return;
          last = now;
          emit({ type: 'progress', progress, fileIndex: i, fileCount: files.length });
        },
        isCancelled,
      );
      emit({ type: 'file-done', result });
    }
    emit({ type: 'done' });
  } catch (e) {
    emit({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
