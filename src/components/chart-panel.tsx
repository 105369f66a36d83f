import { useId, useRef, useState, type ReactNode } from 'react';
import { chartFileName, downloadChartPng } from './charts/chart-png';
import { DataTable, type Column } from './data-table';

export interface TableAlternative<T> {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
}

/**
 * A chart block: title, the chart (or its empty state saying what to import), a "Show as table"
 * toggle rendering the same data as an accessible table (with its "Download CSV"), "Download PNG"
 * of the chart as drawn, and the "How is this computed?" note.
 */
export function ChartPanel<T>({
  title,
  definition,
  empty,
  table,
  actions,
  png,
  children,
}: {
  title: string;
  /** The definition quoted from metrics.md. */
  definition: ReactNode;
  /** When set, the chart has no data: what to import to fill it. */
  empty?: ReactNode;
  table: TableAlternative<T>;
  actions?: ReactNode;
  /** The PNG's file name (default from the title); false: no PNG (a chart that is not an SVG). */
  png?: string | false;
  children: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const [pngError, setPngError] = useState<string | null>(null);
  const chart = useRef<HTMLDivElement>(null);
  const id = useId();
  const savePng = () => {
    setPngError(null);
    if (chart.current)
      downloadChartPng(chart.current, title, png || chartFileName(title)).catch((e: unknown) =>
        setPngError(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}.`),
      );
  };
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="card-actions">
          {actions}
          {!empty && (
            <button type="button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
              {asTable ? 'Show as chart' : 'Show as table'}
            </button>
          )}
        </div>
      </div>
      {empty ? (
        <div className="chart-empty" role="note">
          {empty}
        </div>
      ) : asTable ? (
        <DataTable caption={title} columns={table.columns} rows={table.rows} rowKey={table.rowKey} />
      ) : (
        <>
          <div ref={chart}>{children}</div>
          {png !== false && (
            <p className="chart-actions">
              <button
                type="button"
                className="export-button"
                aria-label={`Download PNG: ${title}`}
                onClick={savePng}
              >
                Download PNG
              </button>
              {pngError && <span role="alert"> {pngError}</span>}
            </p>
          )}
        </>
      )}
      <details className="definition">
        <summary>How is this computed?</summary>
        <div>{definition}</div>
      </details>
    </section>
  );
}
