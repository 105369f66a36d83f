import { useCallback, useState } from 'react';
import { headerKey, previewVerdict, type FilePreview } from '../../domain/preview/preview';
import type { GenericMapping } from '../../domain/sources/generic/generic';
import { getDb } from '../../storage';
import { getMapping, saveMapping } from '../../storage/mappings-repo';
import type { FileSettings } from '../../workers/import-runner';
import { requestPreview } from '../../workers/preview-client';

export interface ReviewFile {
  file: File;
  previews: FilePreview[] | null;
  answers: FileSettings;
  /** True when `answers.mapping` came from a mapping saved for this header. */
  savedMapping?: boolean;
}

/**
 * Previews a file; when no format matches it but the user saved a mapping for its header, applies
 * that mapping — and the date order saved with it — and previews again (the mapping is "offered
 * again", and can be changed).
 */
async function previewWithSavedMapping(file: File, answers: FileSettings, timeZone: string): Promise<Omit<ReviewFile, 'file'>> {
  const previews = await requestPreview(file, { timeZone, ...answers });
  const only = previews.length === 1 ? previews[0]! : null;
  if (!answers.mapping && only && only.format === null && only.mappable) {
    const saved = await getMapping<GenericMapping>(getDb(), headerKey(only.header));
    if (saved) {
      // The date order chosen with the mapping comes back with it (unless this file was answered already).
      const next = { ...answers, mapping: saved.mapping, ...(saved.dayFirst !== undefined && answers.dayFirst === undefined ? { dayFirst: saved.dayFirst } : {}) };
      return { answers: next, previews: await requestPreview(file, { timeZone, ...next }), savedMapping: true };
    }
  }
  return { answers, previews };
}

/** Files waiting for the user's go-ahead, with what Hearth recognised in each. */
export function useReview(timeZone: string) {
  const [files, setFiles] = useState<ReviewFile[]>([]);

  const preview = useCallback(
    (file: File, answers: FileSettings) => {
      void previewWithSavedMapping(file, answers, timeZone).then((r) =>
        setFiles((list) => list.map((f) => (f.file === file ? { ...f, ...r } : f))),
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

/**
 * A file is worth importing when at least one part of it was recognised and may give records: not
 * when the preview read it all and found no row that can be imported (the import would refuse it).
 */
export function isImportable(f: ReviewFile): boolean {
  return f.previews !== null && f.previews.some((p) => ['importable', 'uncertain'].includes(previewVerdict(p).kind));
}

/** Saves the mappings of the files about to be imported (with their date order), by header, to offer them again. */
export async function rememberMappings(files: ReviewFile[]): Promise<void> {
  for (const f of files) {
    const p = f.previews?.find((x) => x.format === 'generic');
    if (f.answers.mapping && p) await saveMapping(getDb(), headerKey(p.header), f.answers.mapping, dateOrderToKeep(f, p));
  }
}

/**
 * The day/month order to save with a file's mapping: the user's answer, else the order its dates
 * settled (a value such as 13/01 says day first); none when the file left it open (all ambiguous).
 */
export function dateOrderToKeep(f: Pick<ReviewFile, 'answers'>, p: Pick<FilePreview, 'dateOrder' | 'needs'>): boolean | undefined {
  if (f.answers.dayFirst !== undefined) return f.answers.dayFirst;
  if (p.needs.dayFirst || !p.dateOrder) return undefined;
  const orders = Object.values(p.dateOrder);
  return orders.length > 0 ? orders.some(Boolean) : undefined;
}
