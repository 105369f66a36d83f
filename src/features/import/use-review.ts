import { useCallback, useState } from 'react';
import type { FilePreview } from '../../domain/preview/preview';
import type { FileSettings } from '../../workers/import-runner';
import { requestPreview } from '../../workers/preview-client';

export interface ReviewFile {
  file: File;
  previews: FilePreview[] | null;
  answers: FileSettings;
}

/** Files waiting for the user's go-ahead, with what Hearth recognised in each. */
export function useReview(timeZone: string) {
  const [files, setFiles] = useState<ReviewFile[]>([]);

  const preview = useCallback(
    (file: File, answers: FileSettings) => {
      void requestPreview(file, { timeZone, ...answers }).then((previews) =>
        setFiles((list) => list.map((f) => (f.file === file ? { ...f, previews } : f))),
      );
    },
    [timeZone],
  );

  const add = useCallback(
    (incoming: File[]) => {
      setFiles((list) => [...list, ...incoming.filter((f) => !list.some((x) => x.file.name === f.name && x.file.size === f.size)).map((file) => ({ file, previews: null, answers: {} }))]);
      for (const f of incoming) preview(f, {});
    },
    [preview],
  );

  const answer = useCallback(
    (file: File, answers: FileSettings) => {
      setFiles((list) => list.map((f) => (f.file === file ? { ...f, answers, previews: null } : f)));
      preview(file, answers);
    },
    [preview],
  );

  const remove = useCallback((file: File) => setFiles((list) => list.filter((f) => f.file !== file)), []);
  const clear = useCallback(() => setFiles([]), []);
  return { files, add, answer, remove, clear };
}

/** A file is worth importing when at least one part of it was recognised. */
export function isImportable(f: ReviewFile): boolean {
  return f.previews !== null && f.previews.some((p) => p.format !== null);
}
