import { ChartPanel } from '../../components/chart-panel';
import { seriesTable } from '../../components/charts/series-table';
import { TimeSeriesChart } from '../../components/charts/time-series-chart';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { formatDateTime, formatHours, formatNumber, formatPercent } from '../../components/format';
import { Definition, DEFINITIONS } from '../../components/metric-definitions';
import type { UnansweredThread } from '../../domain/metrics';
import { allEmpty, ReportPage } from '../filters/report-page';
import { memberHref } from '../members/member-list';
import { useOldestUnanswered } from './api/get-unanswered';

const EMPTY = 'Import a forum export with threads and replies (for example a Discourse posts export) to see response times.';

function UnansweredTable() {
  const q = useOldestUnanswered();
  return (
    <section className="card" aria-labelledby="unanswered-title">
      <h2 id="unanswered-title">Oldest unanswered threads</h2>
      {q.isPending ? (
        <p role="status">Loading…</p>
      ) : q.isError ? (
        <p role="alert">{q.error.message}</p>
      ) : q.data.length === 0 ? (
        <EmptyState title="No unanswered threads">
          <p>Every thread started in this period has a reply from someone other than its author — or no forum export is imported yet.</p>
        </EmptyState>
      ) : (
        <DataTable<UnansweredThread>
          caption="Oldest unanswered threads in the period"
          captionHidden
          rows={q.data}
          rowKey={(t) => t.threadKey}
          initialSort={{ id: 'started', dir: 'ascending' }}
          columns={[
            {
              id: 'title',
              label: 'Thread',
              value: (t) => t.title ?? t.threadKey,
              render: (t) => (t.url ? <a href={t.url} rel="noreferrer noopener" target="_blank">{t.title ?? t.threadKey}</a> : (t.title ?? t.threadKey)),
            },
            { id: 'author', label: 'Started by', value: (t) => t.author.name, render: (t) => <a href={memberHref(t.author.key)}>{t.author.name}</a> },
            { id: 'source', label: 'Source', value: (t) => t.source },
            { id: 'started', label: 'Started', value: (t) => t.startedAt, render: (t) => formatDateTime(t.startedAt) },
          ]}
        />
      )}
      <details className="definition">
        <summary>How is this computed?</summary>
        <Definition>{DEFINITIONS.unanswered_threads}</Definition>
      </details>
    </section>
  );
}

export function ResponsivenessPage() {
  return (
    <ReportPage id="responsiveness" title="Responsiveness">
      {(r) => {
        const ttfr = r.series.median_ttfr_hours;
        const share = r.series.unanswered_share;
        const threads = r.series.threads;
        return (
          <>
            <ChartPanel
              title="Median time to first response"
              definition={<Definition>{DEFINITIONS.median_ttfr_hours}</Definition>}
              empty={allEmpty(ttfr) ? EMPTY : undefined}
              table={seriesTable(r.months, [
                { key: 'ttfr', label: 'Median time to first response', values: ttfr, format: formatHours },
                { key: 'threads', label: 'Threads started', values: threads, format: (v) => formatNumber(v) },
              ])}
            >
              <TimeSeriesChart
                months={r.months}
                unit="hours"
                allowDecimals
                format={(v) => formatNumber(v, 1)}
                series={[{ key: 'ttfr', label: 'Median time to first response (hours)', color: 'var(--c1)', values: ttfr }]}
              />
            </ChartPanel>
            <ChartPanel
              title="Unanswered threads"
              definition={<Definition>{DEFINITIONS.unanswered_share}</Definition>}
              empty={allEmpty(threads) ? EMPTY : undefined}
              table={seriesTable(r.months, [
                { key: 'share', label: 'Unanswered share', values: share, format: (v) => formatPercent(v) },
                { key: 'threads', label: 'Threads started', values: threads, format: (v) => formatNumber(v) },
              ])}
            >
              <TimeSeriesChart
                months={r.months}
                unit="% of threads"
                allowDecimals
                format={(v) => formatPercent(v, 0)}
                series={[{ key: 'share', label: 'Unanswered share', color: 'var(--c2)', values: share, dashed: true }]}
              />
            </ChartPanel>
            <UnansweredTable />
          </>
        );
      }}
    </ReportPage>
  );
}
