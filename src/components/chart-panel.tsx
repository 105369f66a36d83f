import { useId, useState, type ReactNode } from 'react';
import { DataTable, type Column } from './data-table';

export interface TableAlternative<T> {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
}

/**
 * A chart block: title, the chart (or its empty state saying what to import), a "Show as table"
 * toggle rendering the same data as an accessible table, and the "How is this computed?" note.
 */
export function ChartPanel<T>({
  title,
  definition,
  empty,
  table,
  actions,
  children,
}: {
  title: string;
  /** The definition quoted from metrics.md. */
  definition: ReactNode;
  /** When set, the chart has no data: what to import to fill it. */
  empty?: ReactNode;
  table: TableAlternative<T>;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
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
        children
      )}
      <details className="definition">
        <summary>How is this computed?</summary>
        <div>{definition}</div>
      </details>
    </section>
  );
}
