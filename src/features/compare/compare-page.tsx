import { EmptyState } from '../../components/empty-state';
import type { CsvCell } from '../../domain/export/csv';
import { changeTone, fmtChange, formatSeriesValue, monthLabel, SERIES_INFO, seriesHasData } from '../../domain/highlights';
import { CHANGE_KIND, change } from '../../domain/metrics';
import { SERIES_NAMES, type HearthReport, type SeriesName } from '../../domain/metrics/types';
import { useReport } from '../overview/api/get-report';
import { CsvButton } from '../report/csv-button';
import { MonthSelect } from '../report/month-select';
import { useHashParam } from '../report/use-hash-param';

interface Row {
  series: SeriesName;
  a: number | null;
  b: number | null;
  change: number | null;
}

/** Every series with data: month A, month B, and B's change against A (relative for counts, points for rates). */
export function compareMonths(report: HearthReport, a: string, b: string): Row[] {
  const ia = report.months.indexOf(a);
  const ib = report.months.indexOf(b);
  return SERIES_NAMES.filter((s) => seriesHasData(report, s)).map((s) => {
    const va = ia >= 0 ? (report.series[s][ia] ?? null) : null;
    const vb = ib >= 0 ? (report.series[s][ib] ?? null) : null;
    return { series: s, a: va, b: vb, change: change(vb, va, CHANGE_KIND[s]) };
  });
}

/** Month-over-month comparison: two months of the period side by side, every KPI with both values and the change. */
export function ComparePage() {
  const report = useReport();
  const [pa, setA] = useHashParam('a');
  const [pb, setB] = useHashParam('b');
  if (report.isPending) return <p role="status">Computing…</p>;
  if (report.isError) return <p role="alert">The metrics could not be computed: {report.error.message}</p>;
  const r = report.data;
  if (!r || r.months.length === 0) {
    return (
      <EmptyState title="Nothing to compare yet">
        <p>
          <a href="#/import">Import your exports</a> to compare one month with another.
        </p>
      </EmptyState>
    );
  }
  const last = r.months[r.months.length - 1]!;
  const b = pb && r.months.includes(pb) ? pb : last;
  const a = pa && r.months.includes(pa) ? pa : (r.months[r.months.indexOf(b) - 1] ?? r.months[0]!);
  const rows = compareMonths(r, a, b);
  const csv = (): CsvCell[][] => [
    ['figure', 'series', `value_${a}`, `value_${b}`, 'change', 'change_kind'],
    ...rows.map((row) => [SERIES_INFO[row.series].label, row.series, row.a, row.b, row.change, CHANGE_KIND[row.series]]),
  ];
  return (
    <section aria-labelledby="compare-title">
      <div className="page-head">
        <h1 id="compare-title">Compare months</h1>
        <p className="period">
          {monthLabel(b)} against {monthLabel(a)} · period {monthLabel(r.period.from)} – {monthLabel(r.period.to)} ({r.timeZone})
        </p>
      </div>
      <div className="brief-toolbar no-print" role="group" aria-label="Months to compare">
        <MonthSelect label="Compare" months={r.months} value={a} onChange={setA} />
        <MonthSelect label="with" months={r.months} value={b} onChange={setB} />
        <button type="button" className="export-button" onClick={() => window.print()}>
          Print / save as PDF
        </button>
      </div>
      <div className="report-block table-scroll">
        <table className="compare-table" aria-label="Month-over-month comparison">
          <caption>
            {monthLabel(a)} and {monthLabel(b)} side by side. Counts change in percent; rates and shares in percentage points.
          </caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                {monthLabel(a, 'short')}
              </th>
              <th scope="col" className="num">
                {monthLabel(b, 'short')}
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const tone = changeTone(row.series, row.change);
              return (
                <tr key={row.series} data-series={row.series}>
                  <th scope="row">{SERIES_INFO[row.series].label}</th>
                  <td className="num">{formatSeriesValue(row.series, row.a)}</td>
                  <td className="num">{formatSeriesValue(row.series, row.b)}</td>
                  <td className={`num change ${tone}`}>
                    {row.change !== null && <span aria-hidden="true">{row.change > 0 ? '▲ ' : row.change < 0 ? '▼ ' : '■ '}</span>}
                    {fmtChange(row.change, CHANGE_KIND[row.series])}
                    {tone !== 'neutral' && <span className="visually-hidden"> ({tone === 'good' ? 'better' : 'worse'})</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="table-actions">
          <CsvButton fileName={`hearth-compare-${a}-${b}.csv`} rows={csv} label="Download comparison (CSV)" />
        </p>
      </div>
    </section>
  );
}
