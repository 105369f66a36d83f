import type { CsvCell } from '../domain/export/csv';
import { fileNameFor } from './download';

/**
 * A table as it is shown — its header row and the text of every cell, in the order on screen —
 * as CSV rows (toCsv escapes what a spreadsheet would run as a formula). Read from the DOM, so the
 * file holds exactly what the reader sees, formatted as on screen.
 */
export function tableRows(table: HTMLTableElement): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const tr of table.querySelectorAll('tr')) {
    const cells = [...tr.querySelectorAll('th, td')].map(cellText);
    if (cells.length) rows.push(cells);
  }
  return rows;
}

/** `Top contributors in the period` → `hearth-top-contributors-in-the-period.csv`. */
export function tableFileName(caption: string): string {
  return fileNameFor(caption, 'csv', 'table');
}

/** A cell's text as read, without what is hidden from readers (sort marks, decorative signs). */
function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
