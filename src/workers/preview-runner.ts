import { isZip } from '../domain/parse/encoding';
import { isGzip } from '../domain/parse/gzip';
import { failedPreview, previewBytes, PREVIEW_BYTES, type FilePreview } from '../domain/preview/preview';
import type { GenericMapping } from '../domain/sources/generic/generic';
import { registryWithMapping } from '../domain/sources/registry';

export interface PreviewSettings {
  timeZone: string;
  eventDate?: number;
  dayFirst?: boolean;
  mapping?: GenericMapping;
}

/** Reads a file's first part (whole for zips and small files) and says what it holds. Never throws. */
export async function previewFile(file: File, settings: PreviewSettings): Promise<FilePreview[]> {
  try {
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const whole = isZip(head) || isGzip(head) || file.size <= PREVIEW_BYTES * 2;
    const bytes = new Uint8Array(await (whole ? file : file.slice(0, PREVIEW_BYTES + 1)).arrayBuffer());
    const ctx = {
      timeZone: settings.timeZone,
      ...(settings.eventDate !== undefined ? { eventDate: settings.eventDate } : {}),
      ...(settings.dayFirst !== undefined ? { dayFirst: settings.dayFirst } : {}),
    };
    return previewBytes(file.name, bytes, ctx, registryWithMapping(settings.mapping), file.size);
  } catch (e) {
    return [
      failedPreview(file.name, `The file cannot be read: ${e instanceof Error ? e.message : String(e)}`),
    ];
  }
}
