/** Saves a blob as a file through a temporary object URL (no network involved). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Saves CSV text as a file, starting with a UTF-8 byte order mark: Excel (the spreadsheet most
 * managers open it in) reads a CSV without one in the system's legacy code page, so "Zoë" and emoji
 * come out garbled. Other tools skip the mark.
 */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(fileName, new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
}

/** Saves text as a file through a temporary object URL (no network involved). */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** A file name from a caption or title: `Top contributors in the period` → `hearth-top-contributors-in-the-period.csv`. */
export function fileNameFor(text: string, ext: 'csv' | 'png', fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `hearth-${slug || fallback}.${ext}`;
}
