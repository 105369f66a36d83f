import { unzipSync } from 'fflate';
import type { ArchiveEntry } from '../sources/types';

/** Refuse archives that expand beyond these (zip bombs): real exports are far smaller. */
export const ZIP_LIMITS = { maxTotalBytes: 2 * 1024 ** 3, maxEntries: 20_000, maxRatio: 200 };

export class ArchiveError extends Error {}

/**
 * Opens a zip in memory (browser and Node alike) and returns its files, skipping folders and
 * macOS resource forks. Throws ArchiveError with a user-readable reason for a broken or oversized
 * archive, and for one that holds no file (nothing at all, or only folders).
 */
export function readZip(bytes: Uint8Array): ArchiveEntry[] {
  let declared = 0;
  let count = 0;
  let folders = 0;
  let tooBig: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/')) {
          if (!f.name.startsWith('__MACOSX/')) folders++;
          return false;
        }
        if (f.name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(f.name)) return false;
        count++;
        declared += f.originalSize;
        if (count > ZIP_LIMITS.maxEntries) tooBig = `it holds more than ${ZIP_LIMITS.maxEntries} files`;
        else if (declared > ZIP_LIMITS.maxTotalBytes)
          tooBig = `it would expand to more than ${ZIP_LIMITS.maxTotalBytes / 1024 ** 3} GB`;
        else if (
          f.size > 0 &&
          f.originalSize / f.size > ZIP_LIMITS.maxRatio &&
          f.originalSize > 50 * 1024 ** 2
        )
          tooBig = `${f.name} expands ${Math.round(f.originalSize / f.size)}× (a zip bomb?)`;
        if (tooBig) throw new ArchiveError(`The archive was refused: ${tooBig}.`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(
      `The zip archive cannot be opened (${e instanceof Error ? e.message : String(e)}); it may be truncated or damaged.`,
    );
  }
  const entries = Object.entries(files).map(([name, data]) => ({ name, bytes: data }));
  if (entries.length === 0)
    throw new ArchiveError(
      folders > 0 ? 'The zip archive holds only folders, no files.' : 'The zip archive holds no files.',
    );
  const office = officeDocument(entries);
  if (office) throw new ArchiveError(office);
  return entries;
}

const SAVE_AS_CSV =
  'open it in a spreadsheet, choose the sheet you need (LinkedIn page analytics: Metrics, New followers or All posts), save it as CSV and import the CSV';

/**
 * Office documents are zip files too (an `.xlsx` workbook, a `.docx`…): what one is, and what to do
 * instead, or null for an ordinary archive.
 */
export function officeDocument(entries: readonly ArchiveEntry[]): string | null {
  const names = new Set(entries.map((e) => e.name));
  const under = (dir: string) => entries.some((e) => e.name.startsWith(dir));
  if (names.has('[Content_Types].xml')) {
    if (under('xl/')) return `This is an Excel workbook (.xlsx), not a CSV export: ${SAVE_AS_CSV}.`;
    if (under('word/')) return 'This is a Word document (.docx), not an export Hearth reads.';
    if (under('ppt/')) return 'This is a PowerPoint presentation (.pptx), not an export Hearth reads.';
  }
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype && names.has('content.xml')) {
    const type = new TextDecoder().decode(mimetype.bytes.subarray(0, 100));
    if (type.includes('opendocument.spreadsheet'))
      return `This is an OpenDocument spreadsheet (.ods), not a CSV export: ${SAVE_AS_CSV}.`;
    return 'This is an OpenDocument file, not an export Hearth reads.';
  }
  if (names.has('Index/Document.iwa'))
    return `This is an Apple Numbers spreadsheet, not a CSV export: ${SAVE_AS_CSV}.`;
  return null;
}
