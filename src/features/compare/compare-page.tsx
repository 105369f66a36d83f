import { useId } from 'react';
import { EmptyState } from '../../components/empty-state';
import type { CsvCell } from '../../domain/export/csv';
import { changeArrow, changeTone, compareMonths, comparePeriods, formatSeriesChange, formatSeriesValue, monthLabel, SERIES_INFO, type CompareRow } from '../../domain/highlights';
import { useReport } from '../overview/api/get-report';
import { CsvButton } from '../report/csv-button';
import { MonthSelect } from '../report/month-select';
import { useHashParam } from '../report/use-hash-param';
import { ComputingStatus } from '../filters/computing-status';

function CompareTable({ rows, labelA, labelB, caption, averaged }: { rows: CompareRow[]; labelA: string; labelB: string; caption: string; averaged: boolean }) {
  // An average month of a period keeps one decimal (3.2 posts a month), a single month none.
  const digits = averaged ? 1 : 0;
  return (
    <table className="compare-table" aria-label="Month-over-month comparison">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" className="num">
            {labelA}
          </th>
          <th scope="col" className="num">
            {labelB}
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
              <td className="num">{formatSeriesValue(row.series, row.a, digits)}</td>
              <td className="num">{formatSeriesValue(row.series, row.b, digits)}</td>
              <td className={`num change ${tone}`}>
                {row.change !== null && <span aria-hidden="true">{changeArrow(row.series, row.change)} </span>}
                {formatSeriesChange(row.series, row.change, row.changeKind)}
                {tone !== 'neutral' && <span className="visually-hidden"> ({tone === 'good' ? 'better' : 'worse'})</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Month-over-month comparison: two months (or two periods, each as its average month) side by
 * side, every KPI with both values and the change — relative for counts, points for rates.
 */
export function ComparePage() {
  const report = useReport();
  const [mode, setMode] = useHashParam('mode');
  const [pa, setA] = useHashParam('a');
  const [pb, setB] = useHashParam('b');
  const [pa2, setA2] = useHashParam('a2');
  const [pb2, setB2] = useHashParam('b2');
  const modeId = useId();
  if (report.isPending) return <ComputingStatus />;
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
  const months = r.months;
  const pick = (v: string | null, fallback: string) => (v && months.includes(v) ? v : fallback);
  const last = months[months.length - 1]!;
  const periods = mode === 'periods';
  // Months: B defaults to the last month, A to the month before. Periods: the two halves of the report.
  const half = Math.max(0, Math.floor(months.length / 2) - 1);
  const b = pick(pb, periods ? months[half + 1] ?? last : last);
  const a = pick(pa, periods ? months[0]! : (months[months.indexOf(b) - 1] ?? months[0]!));
  const a2 = pick(pa2, months[half]!);
  const b2 = pick(pb2, last);
  const rangeA = { from: a <= a2 ? a : a2, to: a <= a2 ? a2 : a };
  const rangeB = { from: b <= b2 ? b : b2, to: b <= b2 ? b2 : b };
  const rangeLabel = (x: { from: string; to: string }) => (x.from === x.to ? monthLabel(x.from, 'short') : `${monthLabel(x.from, 'short')} – ${monthLabel(x.to, 'short')}`);
  const rows = periods ? comparePeriods(r, rangeA, rangeB) : compareMonths(r, a, b);
  const [labelA, labelB] = periods ? [rangeLabel(rangeA), rangeLabel(rangeB)] : [monthLabel(a, 'short'), monthLabel(b, 'short')];
  const caption = periods
    ? `${labelA} and ${labelB} side by side, each as its average month (subscribers at the period's end). Counts change in percent; rates and shares in percentage points.`
    : `${monthLabel(a)} and ${monthLabel(b)} side by side. Counts change in percent; rates and shares in percentage points.`;
  const [keyA, keyB] = periods ? [`${rangeA.from}_to_${rangeA.to}`, `${rangeB.from}_to_${rangeB.to}`] : [a, b];
  const fileTag = `${keyA}-vs-${keyB}`;
  const csv = (): CsvCell[][] => [
    ['figure', 'series', `value_${keyA}`, `value_${keyB}`, 'change', 'change_kind'],
    ...rows.map((row) => [SERIES_INFO[row.series].label, row.series, row.a, row.b, row.change, row.changeKind]),
  ];
  return (
    <section aria-labelledby="compare-title">
      <div className="page-head">
        <h1 id="compare-title">Compare {periods ? 'periods' : 'months'}</h1>
        <p className="period">
          {labelB} against {labelA} · period {monthLabel(r.period.from)} – {monthLabel(r.period.to)} ({r.timeZone})
        </p>
      </div>
      <div className="brief-toolbar no-print" role="group" aria-label="What to compare">
        <span className="month-select">
          <label htmlFor={modeId}>Compare</label>{' '}
          <select id={modeId} value={periods ? 'periods' : 'months'} onChange={(e) => setMode(e.target.value)}>
            <option value="months">two months</option>
            <option value="periods">two periods</option>
          </select>
        </span>
        {periods ? (
          <>
            <MonthSelect label="First period from" months={months} value={rangeA.from} onChange={setA} />
            <MonthSelect label="to" months={months} value={rangeA.to} onChange={setA2} />
            <MonthSelect label="Second period from" months={months} value={rangeB.from} onChange={setB} />
            <MonthSelect label="to" months={months} value={rangeB.to} onChange={setB2} />
          </>
        ) : (
          <>
            <MonthSelect label="Month" months={months} value={a} onChange={setA} />
            <MonthSelect label="with" months={months} value={b} onChange={setB} />
          </>
        )}
        <button type="button" className="export-button" onClick={() => window.print()}>
          Print / save as PDF
        </button>
      </div>
      <div className="report-block table-scroll">
        <CompareTable rows={rows} labelA={labelA} labelB={labelB} caption={caption} averaged={periods} />
        <p className="table-actions">
          <CsvButton fileName={`hearth-compare-${fileTag}.csv`} rows={csv} label="Download comparison (CSV)" />
        </p>
      </div>
    </section>
  );
}
