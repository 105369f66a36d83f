import { toCsv, type CsvCell } from '../../domain/export/csv';
import { downloadCsv } from '../../components/download';

/** "Download CSV" for a table: cells a spreadsheet would run as formulas are escaped (toCsv). */
export function CsvButton({ fileName, rows, label = 'Download CSV' }: { fileName: string; rows: () => CsvCell[][]; label?: string }) {
  return (
    <button type="button" className="export-button" onClick={() => downloadCsv(fileName, toCsv(rows()))}>
      {label}
    </button>
  );
}
