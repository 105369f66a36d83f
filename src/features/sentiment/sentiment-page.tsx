import { ChartPanel, type TableAlternative } from '../../components/chart-panel';
import { seriesTable } from '../../components/charts/series-table';
import { EmptyState } from '../../components/empty-state';
import { formatNumber, formatPercent, formatPercentFixed, formatPeriod } from '../../components/format';
import { useFilters } from '../../app/filters';
import type { SentimentBreakdown } from '../../domain/listening';
import { useSentimentBreakdown } from './api/get-sentiment';
import { HowSentimentIsComputed, ShareDefinition } from './how-computed';
import { NetSentimentChart, SentimentBySourceChart, SentimentSharesChart } from './sentiment-charts';
import { sourceLabel } from '../../components/source-label';
import { ComputingStatus } from '../filters/computing-status';
import { useEmptyReason } from '../filters/use-empty-reason';
import type { EmptyReason, EmptySpec } from '../filters/empty-reason';

export const SENTIMENT_EMPTY = 'Import Discourse posts, Slack or Discord messages to see how members feel.';

/** What sentiment and listening read: messages with text. */
export const TEXTS: EmptySpec = {
  kinds: ['texts'],
  noun: 'messages with text',
  goal: 'to see how members feel',
  importHint: SENTIMENT_EMPTY,
};

/** No message to read: what to import, or which filter hides them (the import hint only when none is imported). */
export function NoMessages({ why, title = 'No messages to read yet' }: { why: EmptyReason; title?: string }) {
  return (
    <EmptyState title={why.reason === 'none' ? title : why.title}>
      <p>{why.text}</p>
      {why.reason === 'none' && (
        <p>
          <a className="button primary" href="#/import">
            Import your exports
          </a>
        </p>
      )}
    </EmptyState>
  );
}

const pct = (v: number | null) => formatPercentFixed(v);

const count = (v: number | null) => formatNumber(v);

/**
 * The "Show as table" alternatives of the three charts. The shares' table also holds the counts
 * behind them — the month's messages with text and how many read positive, neutral, negative — so
 * no second table ("Numbers per month") repeats its shares.
 */
function sharesTable(data: SentimentBreakdown) {
  const m = data.monthly;
  return seriesTable(data.months, [
    { key: 'texts', label: 'Messages with text', values: m.map((c) => c.texts), format: count },
    { key: 'positive', label: 'Positive', values: m.map((c) => c.positiveShare), format: pct },
    { key: 'neutral', label: 'Neutral', values: m.map((c) => c.neutralShare), format: pct },
    { key: 'negative', label: 'Negative', values: m.map((c) => c.negativeShare), format: pct },
    { key: 'positive-count', label: 'Positive messages', values: m.map((c) => c.positive), format: count },
    { key: 'neutral-count', label: 'Neutral messages', values: m.map((c) => c.neutral), format: count },
    { key: 'negative-count', label: 'Negative messages', values: m.map((c) => c.negative), format: count },
  ]);
}

function sourceTable(data: SentimentBreakdown): TableAlternative<SentimentBreakdown['bySource'][number]> {
  return {
    rows: data.bySource,
    rowKey: (r) => r.source,
    columns: [
      { id: 'source', label: 'Source', value: (r) => sourceLabel(r.source) },
      { id: 'texts', label: 'Messages with text', numeric: true, value: (r) => r.texts, render: (r) => formatNumber(r.texts) },
      { id: 'positive', label: 'Positive', numeric: true, value: (r) => r.positiveShare, render: (r) => pct(r.positiveShare) },
      { id: 'neutral', label: 'Neutral', numeric: true, value: (r) => r.neutralShare, render: (r) => pct(r.neutralShare) },
      { id: 'negative', label: 'Negative', numeric: true, value: (r) => r.negativeShare, render: (r) => pct(r.negativeShare) },
    ],
  };
}

export function SentimentPage() {
  const { resolved, query } = useSentimentBreakdown();
  const why = useEmptyReason()(TEXTS);
  const { filters } = useFilters();
  if (resolved.status === 'pending' || (resolved.status === 'ready' && query.isPending)) return <ComputingStatus />;
  if (query.isError) return <p role="alert">Sentiment could not be computed: {query.error.message}</p>;
  const data = query.data;
  const head = (
    <div className="page-head">
      <h1 id="sentiment-title">Sentiment</h1>
      {data && data.months.length > 0 && (
        <p className="period">
          {formatPeriod({ from: data.months[0]!, to: data.months[data.months.length - 1]! })} ({filters.timeZone})
          {/* No "0 messages with text · — negative" above the empty state that says so. */}
          {data.total.texts > 0 &&
            ` · ${formatNumber(data.total.texts)} messages with text · ${formatPercent(data.total.negativeShare)} negative`}
        </p>
      )}
    </div>
  );
  if (resolved.status === 'empty' || !data || data.total.texts === 0) {
    return (
      <section aria-labelledby="sentiment-title">
        {head}
        <NoMessages why={why} />
      </section>
    );
  }
  return (
    <section aria-labelledby="sentiment-title">
      {head}
      <ChartPanel
        title="How members feel, per month"
        table={sharesTable(data)}
        definition={
          <>
            <ShareDefinition />
            <HowSentimentIsComputed />
          </>
        }
      >
        <SentimentSharesChart data={data} />
      </ChartPanel>
      <ChartPanel
        title="Net sentiment per month"
        table={seriesTable(data.months, [{ key: 'net', label: 'Net sentiment', values: data.monthly.map((m) => m.net), format: pct }])}
        definition={
          <>
            <p>
              <strong>Net sentiment</strong> = positive share − negative share of the month’s messages with text, from
              −100 (every message negative) to +100 percentage points (every message positive). A month without
              messages has no value.
            </p>
            <HowSentimentIsComputed />
          </>
        }
      >
        <NetSentimentChart data={data} />
      </ChartPanel>
      <ChartPanel
        title="Sentiment by source"
        table={sourceTable(data)}
        definition={
          <>
            <p>
              For each source (forum, chat…), the shares of positive, neutral and negative messages over the whole
              period shown. Sources without messages with text are left out.
            </p>
            <HowSentimentIsComputed />
          </>
        }
      >
        <SentimentBySourceChart data={data} sourceLabel={sourceLabel} />
      </ChartPanel>
    </section>
  );
}
