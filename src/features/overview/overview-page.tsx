import { useMemo } from 'react';
import { SeriesPanel } from '../../components/series-panel';
import { useResolvedFilters } from '../filters/api/get-data-meta';
import { EmptyState } from '../../components/empty-state';
import { formatMonth, formatPeriod } from '../../components/format';
import { ImportStatus } from '../import/import-status';
import { useImport } from '../import/import-provider';
import { DownloadMetricsButton } from '../report/download-metrics-button';
import { useReport } from './api/get-report';
import type { HearthReport } from '../../domain/metrics/types';
import { KpiCards } from './kpi-cards';
import { ComputingStatus } from '../filters/computing-status';
import { useEmptyReason } from '../filters/use-empty-reason';

function Welcome() {
  const { run, startSample, cancel } = useImport();
  return (
    <EmptyState title="Welcome to Hearth">
      <p>
        Hearth shows whether your community is growing, whether members stay, how they feel and how fast your
        team answers — from the exports you already have. Everything is computed in this browser; nothing is
        uploaded.
      </p>
      <p>
        <a className="button primary" href="#/import">
          Import your exports
        </a>{' '}
        <button type="button" disabled={run.running} onClick={startSample}>
          Load sample data
        </button>
      </p>
      <ImportStatus run={run} onCancel={cancel} />
    </EmptyState>
  );
}

export function OverviewPage() {
  const report = useReport();
  const compare = useReport('compare');
  const comparing = useResolvedFilters().compare !== null;
  const r = report.data;
  const compareReport = comparing ? (compare.data ?? null) : null;
  // While a filter change is computed the query keeps the previous report (placeholderData): the
  // same report object then gives the same elements, so React skips redrawing KPIs and chart twice.
  const body = useMemo(
    () => (r ? <OverviewBody report={r} compare={compareReport} /> : null),
    [r, compareReport],
  );
  if (report.isPending) return <ComputingStatus />;
  if (report.isError) return <p role="alert">The metrics could not be computed: {report.error.message}</p>;
  // The page's h1 before the welcome (axe's page-has-heading-one), read but not shown.
  if (!r)
    return (
      <>
        <h1 className="visually-hidden">Overview</h1>
        <Welcome />
      </>
    );
  // aria-busy while a filter change recomputes (the previous report stays on screen until then).
  return <div aria-busy={report.isFetching}>{body}</div>;
}

function OverviewBody({ report: r, compare }: { report: HearthReport; compare: HearthReport | null }) {
  const last = r.months[r.months.length - 1]!;
  const why = useEmptyReason();
  return (
    <section aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">Overview</h1>
        <p className="period">
          {formatPeriod(r.period)} · key figures for {formatMonth(last, 'long')} ({r.timeZone})
        </p>
        <DownloadMetricsButton report={r} />
        <nav className="report-links" aria-label="Reporting">
          <a href="#/brief">Monthly brief</a> · <a href="#/present">Present</a> ·{' '}
          <a href="#/compare">Compare months</a>
        </nav>
      </div>
      <KpiCards report={r} compare={compare} />
      <SeriesPanel
        title="Active and new members per month"
        definition={
          <p>
            <strong>Active members</strong>: distinct members with at least one community activity (post,
            reply, chat message, reaction, event attendance) in the month. <strong>New members</strong>:
            members whose first appearance — roster join date or first activity, whichever is earlier — falls
            in the month. Bots are excluded.
          </p>
        }
        empty={
          r.series.active_members.every((v) => !v) && r.series.new_members.every((v) => !v)
            ? why({
                kinds: ['activity', 'roster'],
                noun: 'members',
                goal: 'to see active and new members',
                importHint:
                  'Import a forum, chat or event export (for example a Discourse posts export) or a member roster to see active and new members.',
              }).text
            : undefined
        }
        months={r.months}
        unit="members"
        series={[
          { key: 'active', label: 'Active members', color: 'var(--c1)', values: r.series.active_members },
          {
            key: 'new',
            label: 'New members',
            color: 'var(--c2)',
            values: r.series.new_members,
            dashed: true,
          },
        ]}
      />
    </section>
  );
}
