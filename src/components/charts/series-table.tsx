import { formatMonth } from '../format';
import type { Column } from '../data-table';
import type { TableAlternative } from '../chart-panel';

export interface SeriesColumn {
  key: string;
  label: string;
  values: readonly (number | null)[];
  format: (v: number | null) => string;
}

export interface MonthRow {
  month: string;
  index: number;
}

/** The "Show as table" alternative of a monthly chart: one row per month, one column per series. */
export function seriesTable(months: readonly string[], series: SeriesColumn[]): TableAlternative<MonthRow> {
  const columns: Column<MonthRow>[] = [
    { id: 'month', label: 'Month', value: (r) => r.month, render: (r) => formatMonth(r.month, 'long') },
    ...series.map((s): Column<MonthRow> => ({
      id: s.key,
      label: s.label,
      numeric: true,
      value: (r) => s.values[r.index] ?? null,
      render: (r) => s.format(s.values[r.index] ?? null),
    })),
  ];
  return { columns, rows: months.map((month, index) => ({ month, index })), rowKey: (r) => r.month };
}
