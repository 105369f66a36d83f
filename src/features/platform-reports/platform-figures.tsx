import { useId } from 'react';
import { DataTable } from '../../components/data-table';
import { formatMonth } from '../../components/format';
import { headlineSeries, monthFigure, type DailySeriesView } from '../../domain/metrics/daily-reports';
import { useDailyReports } from './api/get-daily-reports';
import { formatDailyChange, formatDailyValue } from './daily-format';
import { groupTitle } from './daily-reports-section';

interface FigureRow {
  source: string;
  series: DailySeriesView;
  value: number | null;
  change: number | null;
}

/**
 * For the brief: each platform's headline daily figure (its own dashboard's, e.g. X impressions)
 * for `month`, with the change over the month before. Nothing when no platform report is imported.
 */
export function PlatformFigures({ month }: { month: string }) {
  const q = useDailyReports();
  const id = useId();
  if (!q.data || q.data.series.length === 0) return null;
  const bySource = new Map<string, DailySeriesView[]>();
  for (const s of q.data.series) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  const rows: FigureRow[] = [];
  for (const [source, list] of bySource) {
    const series = headlineSeries(list);
    if (series) rows.push({ source, series, ...monthFigure(series, q.data.months, month) });
  }
  const prev = q.data.months[q.data.months.indexOf(month) - 1];
  return (
    <section className="card report-block" aria-labelledby={id}>
      <h2 id={id}>Platform figures</h2>
      <p className="hint">
        Each platform’s headline figure for {formatMonth(month, 'long')}, as its own reports count it (see
        Platform reports for every series).
      </p>
      <DataTable<FigureRow>
        caption={`Platform figures for ${formatMonth(month, 'long')}`}
        captionHidden
        rows={rows}
        rowKey={(r) => r.source}
        columns={[
          { id: 'platform', label: 'Platform', value: (r) => groupTitle(r.source), sortable: false },
          { id: 'figure', label: 'Figure', value: (r) => r.series.label, sortable: false },
          {
            id: 'value',
            label: formatMonth(month),
            numeric: true,
            sortable: false,
            value: (r) => r.value,
            render: (r) => formatDailyValue(r.value, r.series.unit),
          },
          {
            id: 'change',
            label: prev ? `vs ${formatMonth(prev)}` : 'Change',
            numeric: true,
            sortable: false,
            value: (r) => r.change,
            render: (r) => formatDailyChange({ unit: r.series.unit, change: r.change }),
          },
        ]}
      />
    </section>
  );
}
