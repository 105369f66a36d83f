import type { CsvCell } from '../../domain/export/csv';
import {
  changeArrow,
  changeTone,
  formatSeriesChange,
  formatSeriesValue,
  HEADLINE_KPIS,
  kpisForMonth,
  monthLabel,
  SERIES_INFO,
  seriesHasData,
} from '../../domain/highlights';
import type { HearthReport } from '../../domain/metrics/types';
import { useNote } from './api/notes';
import { CsvButton } from './csv-button';

/** The month's headline figures with the month before and the change (relative or points). */
export function KpiTable({ report, month }: { report: HearthReport; month: string }) {
  // The month's note travels with the figures (escaped by toCsv like every cell).
  const note = useNote(month).data ?? '';
  const kpis = kpisForMonth(report, month);
  const i = report.months.indexOf(month);
  const prev = i > 0 ? report.months[i - 1]! : null;
  const shown = HEADLINE_KPIS.filter((s) => seriesHasData(report, s));
  const rows = (): CsvCell[][] => [
    ['figure', 'series', 'month', 'value', 'previous_month', 'previous_value', 'change', 'change_kind'],
    ...shown.map((s) => {
      const k = kpis[s];
      return [SERIES_INFO[s].label, s, month, k.value, prev ?? '', k.previous, k.change, k.changeKind];
    }),
    ...(note.trim() ? [['Note', '', month, note.trim()]] : []),
  ];
  if (shown.length === 0)
    return (
      <div className="report-block">
        <p className="hint" data-testid="no-key-figures">
          No key figures for {monthLabel(month)}: the data holds none of Hearth’s own measures yet (only the
          platforms’ reports, if any, below). Import a forum, chat, newsletter, social-post or event export to
          see them.
        </p>
      </div>
    );
  return (
    <div className="report-block table-scroll">
      <table className="kpi-table" aria-label={`Key figures for ${monthLabel(month)}`}>
        <caption>Key figures for {monthLabel(month)}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              {monthLabel(month, 'short')}
            </th>
            <th scope="col" className="num">
              {prev ? monthLabel(prev, 'short') : 'Month before'}
            </th>
            <th scope="col" className="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => {
            const k = kpis[s];
            const tone = changeTone(s, k.change);
            return (
              <tr key={s} data-series={s}>
                <th scope="row">{SERIES_INFO[s].label}</th>
                <td className="num kpi-value-cell">{formatSeriesValue(s, k.value)}</td>
                <td className="num">{formatSeriesValue(s, k.previous)}</td>
                <td className={`num change ${tone}`}>
                  {k.change !== null && <span aria-hidden="true">{changeArrow(s, k.change)} </span>}
                  {formatSeriesChange(s, k.change, k.changeKind)}
                  {tone !== 'neutral' && (
                    <span className="visually-hidden"> ({tone === 'good' ? 'better' : 'worse'})</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="table-actions">
        <CsvButton
          fileName={`hearth-key-figures-${month}.csv`}
          rows={rows}
          label="Download key figures (CSV)"
        />
      </p>
    </div>
  );
}
