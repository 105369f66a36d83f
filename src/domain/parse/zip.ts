import { unzipSync } from 'fflate';
import type { ArchiveEntry } from '../sources/types';
import { isExcelWorkbook, WorkbookError, workbookSheets } from './xlsx';

/** Refuse archives that expand beyond these (zip bombs): real exports are far smaller. */
export const ZIP_LIMITS = { maxTotalBytes: 2 * 1024 ** 3, maxEntries: 20_000, maxRatio: 200 };

export class ArchiveError extends Error {}

/**
 * An office document (an Excel workbook that cannot be read, a Word or OpenDocument file, a Numbers
 * spreadsheet): its message says what it is and what to do instead.
 */
export class OfficeDocumentError extends ArchiveError {}

/**
 * An archive refused for what it would unpack to across the whole import of one dropped file
 * (every entry, every zip inside it, every gzip): the caller refuses the whole file.
 */
export class ZipBombError extends ArchiveError {}

/**
 * What one dropped file may unpack to in all, nested archives included: at most `maxTotalBytes`,
 * and, above `ratioFloor` bytes, at most `maxRatio` times the dropped file's size (`fileBytes`).
 * `unpacked` counts what was unpacked so far. Tests lower the limits.
 */
export interface UnpackBudget {
  fileBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  ratioFloor: number;
  unpacked: number;
}

export function unpackBudget(
  fileBytes: number,
  limits: Partial<Pick<UnpackBudget, 'maxTotalBytes' | 'maxRatio' | 'ratioFloor'>> = {},
): UnpackBudget {
  return {
    fileBytes,
    maxTotalBytes: 2 * 1024 ** 3,
    maxRatio: 100,
    ratioFloor: 100 * 1024 ** 2,
    unpacked: 0,
    ...limits,
  };
}

function sizeText(n: number): string {
  if (n >= 1024 ** 3) return `${Number((n / 1024 ** 3).toFixed(1))} GB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2).toLocaleString('en-US')} MB`;
  return `${Math.ceil(n / 1024).toLocaleString('en-US')} KB`;
}

/**
 * Throws ZipBombError when `more` bytes on top of what `budget` already unpacked break it; else
 * counts them. Call with the sizes an archive declares before unpacking it, and with what was
 * really unpacked after (declared sizes can lie).
 */
export function chargeUnpacked(budget: UnpackBudget, more: number, count = true): void {
  const total = budget.unpacked + more;
  const tail = ' — it looks like a zip bomb, or a damaged archive; nothing was imported.';
  if (total > budget.maxTotalBytes)
    throw new ZipBombError(`This zip would unpack to more than ${sizeText(budget.maxTotalBytes)}${tail}`);
  if (total > budget.ratioFloor && total > budget.fileBytes * budget.maxRatio)
    throw new ZipBombError(
      `This zip would unpack to more than ${sizeText(total)}, over ${budget.maxRatio} times its own size (${sizeText(budget.fileBytes)})${tail}`,
    );
  if (count) budget.unpacked = total;
}

/**
 * Opens a zip in memory (browser and Node alike) and returns its files, skipping folders and
 * macOS resource forks. Throws ArchiveError with a user-readable reason for a broken or oversized
 * archive, and for one that holds no file (nothing at all, or only folders); ZipBombError when
 * `budget` (shared by every archive of one dropped file) would be broken — checked on the sizes
 * the central directory declares before anything is unpacked, then on what was really unpacked.
 */
export function readZip(
  bytes: Uint8Array,
  budget: UnpackBudget = unpackBudget(bytes.length),
): ArchiveEntry[] {
  let declared = 0;
  let count = 0;
  let folders = 0;
  let tooBig: string | null = null;
  const ignored = (name: string) =>
    name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name);
  const check = (f: { name: string; size: number; originalSize: number }): void => {
    if (f.name.endsWith('/') && !f.name.startsWith('__MACOSX/')) folders++;
    if (ignored(f.name)) return;
    count++;
    declared += f.originalSize;
    if (count > ZIP_LIMITS.maxEntries) tooBig = `it holds more than ${ZIP_LIMITS.maxEntries} files`;
    else if (declared > ZIP_LIMITS.maxTotalBytes)
      tooBig = `it would expand to more than ${ZIP_LIMITS.maxTotalBytes / 1024 ** 3} GB`;
    else if (f.size > 0 && f.originalSize / f.size > ZIP_LIMITS.maxRatio && f.originalSize > 50 * 1024 ** 2)
      tooBig = `${f.name} expands ${Math.round(f.originalSize / f.size)}× (a zip bomb?)`;
    if (tooBig) throw new ArchiveError(`The archive was refused: ${tooBig}.`);
  };
  let files: Record<string, Uint8Array>;
  const encrypted = encryptedEntry(bytes);
  if (encrypted !== null)
    throw new ArchiveError(
      `The zip archive is password-protected (${encrypted} is encrypted), so Hearth cannot open it: extract its files with the password, then import them (or a zip of them made without a password).`,
    );
  try {
    // First the central directory alone (nothing is unpacked): the sizes it declares.
    unzipSync(bytes, {
      filter: (f) => {
        check(f);
        if (f.compression !== 0 && f.compression !== 8 && !ignored(f.name)) {
          const method = COMPRESSION_NAMES[f.compression] ?? `method ${f.compression}`;
          throw new ArchiveError(
            `The zip archive is compressed with ${method} (${f.name}), which Hearth cannot unpack: extract its files with your computer's archive tool, then import them (or a zip of them made with the usual settings).`,
          );
        }
        return false;
      },
    });
    chargeUnpacked(budget, declared, false);
    files = unzipSync(bytes, { filter: (f) => !ignored(f.name) });
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    if (endRecord(bytes) < 0)
      throw new ArchiveError(
        'The zip archive is incomplete: its end (the list of the files it holds) is missing, so it was probably cut short while downloading or copying. Download or export it again.',
      );
    throw new ArchiveError(
      `The zip archive cannot be opened (${e instanceof Error ? e.message : String(e)}); it may be truncated or damaged.`,
    );
  }
  const entries = Object.entries(files).map(([name, data]) => ({ name, bytes: data }));
  // What was really unpacked (a stored entry's size is not the declared one).
  chargeUnpacked(
    budget,
    entries.reduce((n, e) => n + e.bytes.length, 0),
  );
  if (entries.length === 0)
    throw new ArchiveError(
      folders > 0 ? 'The zip archive holds only folders, no files.' : 'The zip archive holds no files.',
    );
  // An Excel workbook: its worksheets, each as the CSV Excel would save of it (xlsx.ts).
  if (isExcelWorkbook(entries)) {
    try {
      // The CSV of the sheets counts against the budget too (one long text repeated in every cell).
      const sheets = workbookSheets(entries, (chars) => chargeUnpacked(budget, chars));
      if (sheets.length === 0)
        throw new OfficeDocumentError('This Excel workbook has no sheet with any value in it.');
      return sheets.map((s) => ({ ...s, sheet: true }));
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      throw new OfficeDocumentError(
        e instanceof WorkbookError
          ? e.message
          : `This Excel workbook could not be read (${e instanceof Error ? e.message : String(e)}): ${SAVE_AS_CSV}.`,
      );
    }
  }
  const office = officeDocument(entries);
  if (office) throw new OfficeDocumentError(office);
  return entries;
}

/** Zip compression methods other than stored (0) and deflate (8), which are all Hearth unpacks. */
const COMPRESSION_NAMES: Record<number, string> = {
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
};

/**
 * Where a zip's end-of-central-directory record starts (it lists the files, at the very end of the
 * archive, behind at most a 64 KB comment), or -1: a zip without one was cut short.
 */
function endRecord(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/**
 * The name of the first encrypted entry of a zip (general-purpose flag bit 0 in its central
 * directory; AES-encrypted entries set it too), or null — also when the central directory cannot be
 * found or is a Zip64 one (unzipSync then says what is wrong).
 */
function encryptedEntry(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (i: number) => view.getUint32(i, true);
  const u16 = (i: number) => view.getUint16(i, true);
  const end = endRecord(bytes);
  if (end < 0) return null;
  const count = u16(end + 10);
  let at = u32(end + 16);
  for (let k = 0; k < count && at + 46 <= bytes.length && u32(at) === 0x02014b50; k++) {
    const nameLength = u16(at + 28);
    if (u16(at + 8) & 1) {
      const name = bytes.subarray(at + 46, at + 46 + nameLength);
      return new TextDecoder().decode(name);
    }
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return null;
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
    if (names.has('xl/workbook.bin'))
      return `This is a binary Excel workbook (.xlsb), which Hearth does not read (it reads .xlsx): open it in Excel and save it as .xlsx, or ${SAVE_AS_CSV}.`;
    if (under('xl/'))
      return `This Excel workbook has no workbook part Hearth can find (it may be damaged): ${SAVE_AS_CSV}.`;
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
