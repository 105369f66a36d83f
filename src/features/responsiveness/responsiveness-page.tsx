import { sourceLabel } from '../../components/source-label';
import { When } from '../../components/when';
import { ChartPanel } from '../../components/chart-panel';
import { seriesTable } from '../../components/charts/series-table';
import { TimeSeriesChart } from '../../components/charts/time-series-chart';
import { DataTable } from '../../components/data-table';
import { QueryCard } from '../../components/query-card';
import { formatHours, formatNumber, formatPercent, formatPercentFixed } from '../../components/format';
import { Definition, DEFINITIONS } from '../../components/metric-definitions';
import { SeriesPanel } from '../../components/series-panel';
import { forumRepliesMissing, type UnansweredThread } from '../../domain/metrics';
import { allEmpty, ReportPage } from '../filters/report-page';
import { memberHref } from '../members/member-list';
import { useOldestUnanswered } from './api/get-unanswered';
import { ExternalLink } from '../../components/external-link';
import { useEmptyReason } from '../filters/use-empty-reason';
import type { EmptySpec } from '../filters/empty-reason';

const EMPTY =
  'Import a forum export with threads and replies (for example a Discourse posts export) to see response times.';
const THREADS: EmptySpec = {
  kinds: ['threads'],
  noun: 'threads',
  goal: 'to see response times',
  importHint: EMPTY,
};

function UnansweredTable() {
  const q = useOldestUnanswered();
  const why = useEmptyReason()({
    ...THREADS,
    goal: 'to see unanswered threads',
    otherwise: 'Every thread started in this period has a reply from someone other than its author.',
  });
  return (
    <QueryCard
      title="Oldest unanswered threads"
      query={q}
      emptyTitle={why.reason === 'other' ? 'No unanswered threads' : why.title}
      empty={why.text}
      footer={
        <details className="definition">
          <summary>How is this computed?</summary>
          <Definition>{DEFINITIONS.unanswered_threads}</Definition>
        </details>
      }
    >
      {(rows) => (
        <DataTable<UnansweredThread>
          caption="Oldest unanswered threads in the period"
          captionHidden
          rows={rows}
          rowKey={(t) => t.threadKey}
          initialSort={{ id: 'started', dir: 'ascending' }}
          columns={[
            {
              id: 'title',
              label: 'Thread',
              value: (t) => t.title ?? t.threadKey,
              render: (t) => <ExternalLink url={t.url}>{t.title ?? t.threadKey}</ExternalLink>,
            },
            {
              id: 'author',
              label: 'Started by',
              value: (t) => t.author.name,
              render: (t) => <a href={memberHref(t.author.key)}>{t.author.name}</a>,
            },
            { id: 'source', label: 'Source', value: (t) => sourceLabel(t.source) },
            {
              id: 'started',
              label: 'Started',
              value: (t) => t.startedAt,
              render: (t) => <When at={t.startedAt} />,
            },
          ]}
        />
      )}
    </QueryCard>
  );
}

export function ResponsivenessPage() {
  const why = useEmptyReason();
  return (
    <ReportPage id="responsiveness" title="Responsiveness">
      {(r) => {
        const ttfr = r.series.median_ttfr_hours;
        const share = r.series.unanswered_share;
        const threads = r.series.threads;
        return (
          <>
            {forumRepliesMissing(r.sources) && !allEmpty(threads) && (
              <p className="hint" role="note" data-testid="archive-only">
                The forum data here is a member’s own Discourse archive (user_archive.csv): it holds only that
                member’s posts, not the replies others wrote, so their topics read as unanswered. For response
                times, import a Discourse posts export.
              </p>
            )}
            <ChartPanel
              title="Median time to first response"
              definition={<Definition>{DEFINITIONS.median_ttfr_hours}</Definition>}
              empty={
                allEmpty(ttfr)
                  ? why({
                      ...THREADS,
                      otherwise:
                        'No thread started in this period has a reply from someone other than its author yet.',
                    }).text
                  : undefined
              }
              table={seriesTable(r.months, [
                { key: 'ttfr', label: 'Median time to first response', values: ttfr, format: formatHours },
                { key: 'threads', label: 'Threads started', values: threads, format: (v) => formatNumber(v) },
              ])}
            >
              <TimeSeriesChart
                months={r.months}
                unit="hours"
                minStep={0.1}
                format={(v) => formatNumber(v, 1)}
                // The tooltip as the cards and the table say it: "6.7 h", "45 min", "2.1 days".
                valueFormat={(v) => formatHours(v)}
                series={[
                  {
                    key: 'ttfr',
                    label: 'Median time to first response',
                    color: 'var(--c1)',
                    values: ttfr,
                  },
                ]}
              />
            </ChartPanel>
            <SeriesPanel
              title="Unanswered threads"
              definition={<Definition>{DEFINITIONS.unanswered_share}</Definition>}
              empty={allEmpty(threads) ? why(THREADS).text : undefined}
              months={r.months}
              unit="% of threads"
              minStep={0.01}
              format={(v) => formatPercent(v, 0)}
              series={[
                {
                  key: 'share',
                  label: 'Unanswered share',
                  color: 'var(--c2)',
                  values: share,
                  format: (v) => formatPercentFixed(v),
                  dashed: true,
                },
                { key: 'threads', label: 'Threads started', values: threads, tableOnly: true },
              ]}
            />
            <UnansweredTable />
          </>
        );
      }}
    </ReportPage>
  );
}
