import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { toCsv } from '../domain/export/csv';
import { downloadCsv } from './download';
import { tableFileName, tableRows } from './table-csv';

export interface Column<T> {
  id: string;
  label: string;
  /** The cell's value, used for sorting and (without `render`) shown as text. */
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
  /** Column header is a sort button (default true). */
  sortable?: boolean;
}

type Dir = 'ascending' | 'descending';

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Whether the element's content is wider than the element (kept up to date as either resizes). */
export function useScrolls(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    check();
    return () => ro.disconnect();
  }, [ref]);
  return scrolls;
}

/**
 * An accessible table. Sortable columns have a button in their header; the sorted column carries
 * `aria-sort`. Nulls sort last either way.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  captionHidden = false,
  csv = true,
}: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  initialSort?: { id: string; dir: Dir };
  captionHidden?: boolean;
  /** "Download CSV" under the table: the table as shown (default on). */
  csv?: boolean;
}) {
  const [sort, setSort] = useState<{ id: string; dir: Dir } | null>(initialSort ?? null);
  const sorted = useMemo(() => {
    const col = sort ? columns.find((c) => c.id === sort.id) : undefined;
    if (!col || !sort) return rows;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...rows].sort((x, y) => {
      const a = col.value(x);
      const b = col.value(y);
      if (a === null || b === null) return compare(a, b);
      return sign * compare(a, b);
    });
  }, [rows, columns, sort]);
  const wrap = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const scrolls = useScrolls(wrap);
  const download = () => {
    if (table.current) downloadCsv(tableFileName(caption), toCsv(tableRows(table.current)));
  };
  return (
    <>
      {/* A table wider than its box scrolls sideways (phones): the box then takes the focus, so the
        keyboard can scroll it too, and is named by the caption. */}
      <div
        ref={wrap}
        className="table-wrap"
        {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': `${caption} (scrolls sideways)` } : {})}
      >
        <table className="data-table" ref={table}>
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.id === c.id;
                const sortable = c.sortable !== false;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={active ? sort.dir : sortable ? 'none' : undefined}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() =>
                          setSort({
                            id: c.id,
                            dir:
                              active && sort.dir === 'descending'
                                ? 'ascending'
                                : active
                                  ? 'descending'
                                  : c.numeric
                                    ? 'descending'
                                    : 'ascending',
                          })
                        }
                      >
                        {c.label}
                        <span aria-hidden="true" className="sort-mark">
                          {active ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                        </span>
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, i) => (
              <tr key={rowKey(row, i)}>
                {columns.map((c, j) => {
                  const content = c.render ? c.render(row) : formatCell(c.value(row));
                  return j === 0 ? (
                    <th key={c.id} scope="row" className={c.numeric ? 'num' : undefined}>
                      {content}
                    </th>
                  ) : (
                    <td key={c.id} className={c.numeric ? 'num' : undefined}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {csv && rows.length > 0 && (
        <p className="table-actions">
          <button
            type="button"
            className="export-button"
            onClick={download}
            aria-label={`Download CSV: ${caption}`}
          >
            Download CSV
          </button>
        </p>
      )}
    </>
  );
}

function formatCell(v: string | number | null): string {
  if (v === null) return '—';
  return typeof v === 'number' ? v.toLocaleString() : v;
}
