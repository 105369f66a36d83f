import type { ImportBatch } from '../../domain/model/records';

/**
 * The imports whose times without a zone were read in another time zone than the one the report
 * now uses, grouped by that zone: they keep those readings (an instant is stored, not the text), so
 * the months shown mix two zones for them — the filter bar says so. Imports made before the zone
 * was recorded are not counted.
 */
export function importsReadElsewhere(
  imports: readonly ImportBatch[],
  timeZone: string,
): { zone: string; files: string[] }[] {
  const byZone = new Map<string, string[]>();
  for (const i of imports) {
    if (!i.timeZone || i.timeZone === timeZone || i.status !== 'complete') continue;
    const files = byZone.get(i.timeZone) ?? [];
    files.push(i.fileName);
    byZone.set(i.timeZone, files);
  }
  return [...byZone].map(([zone, files]) => ({ zone, files })).sort((a, b) => a.zone.localeCompare(b.zone));
}

/** The filter bar's sentence for `importsReadElsewhere`, or null. */
export function importZoneNote(
  groups: readonly { zone: string; files: string[] }[],
  timeZone: string,
): string | null {
  if (groups.length === 0) return null;
  const count = groups.reduce((n, g) => n + g.files.length, 0);
  const where = groups
    .map((g) => `${g.zone} (${g.files.length === 1 ? g.files[0] : `${g.files.length} files`})`)
    .join(', ');
  return `${count === 1 ? 'One import was' : `${count} imports were`} read in another time zone: ${where}. Times without a zone in ${count === 1 ? 'it keep' : 'them keep'} that reading, while the months here are in ${timeZone}; to read ${count === 1 ? 'it' : 'them'} in ${timeZone}, undo and import again.`;
}
