import { useId } from 'react';
import { DataTable } from '../../components/data-table';
import { formatMonth } from '../../components/format';
import { figureName, formatDailyChange, formatDailyValue } from '../../domain/metrics/daily-format';
import type { PlatformFigure } from '../../domain/metrics/daily-reports';

/**
 * For the brief: each platform's headline daily figure (its own dashboard's, e.g. X impressions)
 * for `month`, with the change over the month before. Nothing when there is none.
 */
export function PlatformFigures({
  figures,
  month,
  previous,
}: {
  figures: PlatformFigure[];
  month: string;
  previous?: string;
}) {
  const id = useId();
  if (figures.length === 0) return null;
  return (
    <section className="card report-block" aria-labelledby={id}>
      <h2 id={id}>Platform figures</h2>
      <p className="hint">
        Each platform’s headline figure for {formatMonth(month, 'long')}, as its own reports count it (see
        Platform reports for every series).
      </p>
      <DataTable<PlatformFigure>
        caption={`Platform figures for ${formatMonth(month, 'long')}`}
        captionHidden
        rows={figures}
        rowKey={(r) => r.source}
        columns={[
          // One column for platform and figure (and the days of a month covered in part): the
          // month and its change stay on a phone's screen.
          { id: 'figure', label: 'Figure', value: (r) => figureName(r), sortable: false },
          {
            id: 'value',
            label: formatMonth(month),
            numeric: true,
            sortable: false,
            value: (r) => r.value,
            render: (r) => formatDailyValue(r.value, r.unit),
          },
          {
            id: 'change',
            label: previous ? `vs ${formatMonth(previous)}` : 'Change',
            numeric: true,
            sortable: false,
            value: (r) => r.change,
            render: (r) => formatDailyChange(r),
          },
        ]}
      />
    </section>
  );
}
