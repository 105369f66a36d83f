import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { formatPeriod } from '../../components/format';
import type { HearthReport } from '../../domain/metrics/types';
import { useReport } from '../overview/api/get-report';
import { ComputingStatus } from './computing-status';

/** A page drawn from the current report: its heading, loading, error and no-data states. */
export function ReportPage({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: (report: HearthReport) => ReactNode;
}) {
  const report = useReport();
  const head = (r?: HearthReport) => (
    <div className="page-head">
      <h1 id={`${id}-title`}>{title}</h1>
      {r && (
        <p className="period">
          {formatPeriod(r.period)} ({r.timeZone})
        </p>
      )}
    </div>
  );
  let body: ReactNode;
  if (report.isPending) body = <ComputingStatus />;
  else if (report.isError)
    body = <p role="alert">The metrics could not be computed: {report.error.message}</p>;
  else if (!report.data)
    body = (
      <EmptyState title="Nothing imported yet">
        <p>
          This page fills in once you import your community’s exports.{' '}
          <a href="#/import">Import your exports</a> or load the sample data from the{' '}
          <a href="#/overview">Overview</a>.
        </p>
      </EmptyState>
    );
  else body = children(report.data);
  return (
    // aria-busy while a filter change recomputes: the previous report stays on screen until then.
    <section aria-labelledby={`${id}-title`} data-page={id} aria-busy={report.isFetching}>
      {head(report.data ?? undefined)}
      {body}
    </section>
  );
}

/** True when every value is 0 or null (a chart with nothing to show). */
export function allEmpty(...series: ReadonlyArray<readonly (number | null)[]>): boolean {
  return series.every((s) => s.every((v) => v === null || v === 0));
}
