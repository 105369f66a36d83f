import type { UndoSummary } from '../../storage';
import { fmtCountOf } from '../../domain/highlights/format';

const records = (n: number) => fmtCountOf(n, 'record');

/** What an undo did: what it removed, and what stayed because another listed import holds it too. */
export function undoMessage(fileName: string, { removed, kept }: UndoSummary): string {
  const base = `Removed the ${records(removed)} imported from ${fileName}.`;
  if (kept.length === 0) return base;
  const where = kept.map((k) => `${records(k.records)} also in ${k.fileName}`).join(', ');
  return `${base} Kept ${where}: ${kept.length === 1 ? 'that import holds them' : 'those imports hold them'} now.`;
}
