import { ChartCard } from '../../components/chart-card';
import { EmptyState } from '../../components/empty-state';
import { formatMonth, formatNumber, formatPercent } from '../../components/format';
import type { SentimentBreakdown } from '../../domain/listening';
import { useSentimentBreakdown } from './api/get-sentiment';
import { HowSentimentIsComputed, ShareDefinition } from './how-computed';
import { NetSentimentChart, SentimentBySourceChart, SentimentSharesChart } from './sentiment-charts';
import { sourceLabel } from './source-label';

export const SENTIMENT_EMPTY = 'Import Discourse posts, Slack or Discord messages to see how members feel.';

function NoMessages({ filtered }: { filtered: boolean }) {
  return (
    <EmptyState title="No messages to read yet">
      <p>{SENTIMENT_EMPTY}</p>
      {filtered && <p>If you have imported some, widen the period or pick other sources in the filters above.</p>}
      <p>
        <a className="button primary" href="#/import">
          Import your exports
        </a>
      </p>
    </EmptyState>
  );
}

const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatPercent(Math.abs(v))}`);

function MonthlyTable({ data }: { data: SentimentBreakdown }) {
  return (
    <details className="numbers">
      <summary>Numbers per month</summary>
      <table className="sentiment-table" aria-label="Sentiment per month">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Messages with text</th>
            <th scope="col">Positive</th>
            <th scope="col">Neutral</th>
            <th scope="col">Negative</th>
            <th scope="col">Net</th>
          </tr>
        </thead>
        <tbody>
          {data.months.map((m, i) => {
            const c = data.monthly[i]!;
            return (
              <tr key={m} data-month={m}>
                <th scope="row">{formatMonth(m, 'long')}</th>
                <td data-col="texts">{formatNumber(c.texts)}</td>
                <td data-col="positive">
                  {formatPercent(c.positiveShare)} ({formatNumber(c.positive)})
                </td>
                <td data-col="neutral">
                  {formatPercent(c.neutralShare)} ({formatNumber(c.neutral)})
                </td>
                <td data-col="negative">
                  {formatPercent(c.negativeShare)} ({formatNumber(c.negative)})
                </td>
                <td data-col="net">{signed(c.net)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

export function SentimentPage() {
  const { resolved, query } = useSentimentBreakdown();
  if (resolved.status === 'pending' || (resolved.status === 'ready' && query.isPending)) return <p role="status">Computing…</p>;
  if (query.isError) return <p role="alert">Sentiment could not be computed: {query.error.message}</p>;
  const data = query.data;
  const head = (
    <div className="page-head">
      <h1 id="sentiment-title">Sentiment</h1>
      {data && data.months.length > 0 && (
        <p className="period">
          {formatMonth(data.months[0]!, 'long')} – {formatMonth(data.months[data.months.length - 1]!, 'long')} ·{' '}
          {formatNumber(data.total.texts)} messages with text · {formatPercent(data.total.negativeShare)} negative
        </p>
      )}
    </div>
  );
  if (resolved.status === 'empty' || !data || data.total.texts === 0) {
    return (
      <section aria-labelledby="sentiment-title">
        {head}
        <NoMessages filtered={resolved.status === 'ready'} />
      </section>
    );
  }
  return (
    <section aria-labelledby="sentiment-title">
      {head}
      <ChartCard
        title="How members feel, per month"
        definition={
          <>
            <ShareDefinition />
            <HowSentimentIsComputed />
          </>
        }
      >
        <SentimentSharesChart data={data} />
        <MonthlyTable data={data} />
      </ChartCard>
      <ChartCard
        title="Net sentiment per month"
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
      </ChartCard>
      <ChartCard
        title="Sentiment by source"
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
      </ChartCard>
    </section>
  );
}
