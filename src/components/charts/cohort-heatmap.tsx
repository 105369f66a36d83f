import { useState } from 'react';
import { formatMonth, formatNumber, formatPercent } from '../format';

export interface HeatmapCohort {
  cohort: string;
  size: number;
  active: readonly number[];
  rate: readonly number[];
}

/**
 * The retention heatmap as a grid of buttons (cohort × months since joining). Each cell shows its
 * number as text; the shade only repeats it. Arrow keys move between cells; Enter or a click opens it.
 */
export function CohortHeatmap({
  cohorts,
  mode,
  selected,
  onSelect,
}: {
  cohorts: readonly HeatmapCohort[];
  mode: 'counts' | 'percent';
  selected: { cohort: string; k: number } | null;
  /** `fromKeyboard`: chosen with Enter or Space (the page may then move the focus to what it shows). */
  onSelect: (cell: { cohort: string; k: number }, fromKeyboard: boolean) => void;
}) {
  // One Tab stop for the whole grid (roving tabindex): the cell last focused, else the selected
  // one, else the first; the arrow keys move between cells.
  const [focused, setFocused] = useState<{ row: number; k: number } | null>(null);
  const selectedRow = selected ? cohorts.findIndex((c) => c.cohort === selected.cohort) : -1;
  const anchor =
    focused ?? (selectedRow >= 0 && selected ? { row: selectedRow, k: selected.k } : { row: 0, k: 0 });
  const width = Math.max(0, ...cohorts.map((c) => c.active.length));
  const ks = Array.from({ length: width }, (_, k) => k);
  const move = (e: React.KeyboardEvent<HTMLButtonElement>, row: number, k: number) => {
    const d = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[e.key];
    if (!d) return;
    e.preventDefault();
    const grid = e.currentTarget.closest('table');
    const target = grid?.querySelector<HTMLButtonElement>(
      `button[data-row="${row + d[0]!}"][data-k="${k + d[1]!}"]`,
    );
    target?.focus();
  };
  return (
    <div className="table-wrap">
      <table className="heatmap">
        <caption className="visually-hidden">
          Retention by cohort: {mode === 'counts' ? 'members active' : 'share of the cohort active'} in each
          month since joining
        </caption>
        <thead>
          <tr>
            <th scope="col">Cohort (joined)</th>
            <th scope="col" className="num">
              Size
            </th>
            {ks.map((k) => (
              <th key={k} scope="col" className="num">
                Month {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c, row) => (
            <tr key={c.cohort}>
              <th scope="row">{formatMonth(c.cohort, 'long')}</th>
              <td className="num">{formatNumber(c.size)}</td>
              {ks.map((k) => {
                const active = c.active[k];
                if (active === undefined) return <td key={k} />;
                const rate = c.rate[k] ?? 0;
                const isSel = selected?.cohort === c.cohort && selected.k === k;
                const shown = mode === 'counts' ? formatNumber(active) : formatPercent(rate, 0);
                return (
                  <td key={k} className="cell" style={{ '--rate': String(rate) } as React.CSSProperties}>
                    <button
                      type="button"
                      data-row={row}
                      data-k={k}
                      data-count={active}
                      aria-pressed={isSel}
                      aria-label={`${shown}: ${formatMonth(c.cohort, 'long')} cohort, month ${k}, ${formatNumber(active)} of ${formatNumber(c.size)} members (${formatPercent(rate)})`}
                      className={rate >= 0.5 ? 'strong' : undefined}
                      tabIndex={anchor.row === row && anchor.k === k ? 0 : -1}
                      onFocus={() => setFocused({ row, k })}
                      // A click from Enter or Space has no pointer: detail 0.
                      onClick={(e) => onSelect({ cohort: c.cohort, k }, e.detail === 0)}
                      onKeyDown={(e) => move(e, row, k)}
                    >
                      {shown}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
