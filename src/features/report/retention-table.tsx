import type { CsvCell } from '../../domain/export/csv';
import { monthLabel } from '../../domain/highlights';
import type { HearthReport } from '../../domain/metrics/types';
import { CsvButton } from './csv-button';

const MAX_OFFSETS = 7;

/** Retention cohorts as a table: share of each month's newcomers active k months later. */
export function RetentionTable({ report }: { report: HearthReport }) {
  if (report.retention.length === 0) return null;
  const width = Math.min(MAX_OFFSETS, Math.max(...report.retention.map((c) => c.rate.length)));
  const offsets = Array.from({ length: width }, (_, k) => k);
  const rows = (): CsvCell[][] => {
    const all = Math.max(...report.retention.map((c) => c.rate.length));
    return [
      ['cohort', 'size', ...Array.from({ length: all }, (_, k) => `rate_month_${k}`)],
      ...report.retention.map((c) => [c.cohort, c.size, ...Array.from({ length: all }, (_, k) => c.rate[k] ?? null)]),
    ];
  };
  return (
    <div className="report-block table-scroll">
      <table className="retention-table" aria-label="Retention by joining month">
        <caption>Share of each month's newcomers active in the months after joining</caption>
        <thead>
          <tr>
            <th scope="col">Joined</th>
            <th scope="col" className="num">
              Members
            </th>
            {offsets.map((k) => (
              <th key={k} scope="col" className="num">
                {k === 0 ? 'Joining month' : `+${k} mo`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.retention.map((c) => (
            <tr key={c.cohort}>
              <th scope="row">{monthLabel(c.cohort, 'short')}</th>
              <td className="num">{c.size.toLocaleString()}</td>
              {offsets.map((k) => {
                const r = c.rate[k];
                return (
                  <td key={k} className="num heat" style={r === undefined ? undefined : { backgroundColor: `color-mix(in srgb, var(--c3) calc(${r.toFixed(3)} * var(--heat-c3-max, 55%)), transparent)` }}>
                    {r === undefined ? '' : `${Math.round(r * 100)}%`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-actions">
        <CsvButton fileName={`hearth-retention-${report.period.from}-to-${report.period.to}.csv`} rows={rows} label="Download retention (CSV)" />
      </p>
    </div>
  );
}
