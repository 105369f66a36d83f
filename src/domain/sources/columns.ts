/** Column lookup by name, never by position (formats.md): trimmed, case-insensitive. */

export function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"+|"+$/g, '')
    .trim()
    .toLowerCase();
}

export function normaliseHeader(header: string[]): string[] {
  return header.map(normaliseHeaderCell);
}

/** Index of the first column whose normalised name is one of `names`, or -1. */
export function columnIndex(header: string[], ...names: string[]): number {
  const wanted = names.map((n) => n.toLowerCase());
  for (const name of wanted) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

/** Share of `required` names present in `header` (0..1): the basis of most detect() scores. */
export function headerCoverage(header: string[], required: string[]): number {
  if (required.length === 0) return 0;
  const set = new Set(header);
  let hit = 0;
  for (const r of required) if (set.has(r.toLowerCase())) hit++;
  return hit / required.length;
}

/** Cell value at `index`, trimmed; '' for a missing column or a short (ragged) row. */
export function cell(row: string[], index: number): string {
  if (index < 0) return '';
  const v = row[index];
  return v === undefined ? '' : v.trim();
}
