import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { formatMonth, formatNumber, formatPercent, formatPeriod } from '../../components/format';
import type { ListeningView } from '../../domain/listening';
import type { RisingTerm } from '../../domain/listening/terms';
import { DataTable } from '../../components/data-table';
import { HowSentimentIsComputed } from '../sentiment/how-computed';
import { NoMessages, TEXTS } from '../sentiment/sentiment-page';
import { useEmptyReason } from '../filters/use-empty-reason';
import { useFilters } from '../../app/filters';
import { sourceLabel } from '../../components/source-label';
import { useListening } from './api/get-listening';
import { restorePlace } from './keep-focus';
import { ListeningItemView } from './listening-item';
import { ComputingStatus } from '../filters/computing-status';

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  // After every render: a relabelled text may have left the list (keep-focus.ts).
  useLayoutEffect(() => restorePlace(ref.current));
  return (
    <section ref={ref} className="card listening-section" aria-labelledby={id} data-keep-focus>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      <p className="section-intro">{intro}</p>
      {children}
    </section>
  );
}

function RisingTerms({ v }: { v: ListeningView }) {
  if (!v.thisMonth || !v.lastMonth) return null;
  const now = formatMonth(v.thisMonth, 'long');
  const before = formatMonth(v.lastMonth, 'long');
  return (
    <Section
      id="rising-terms"
      title={`Rising in negative posts: ${now} vs ${before}`}
      intro={`Words in more of ${now}’s ${formatNumber(v.thisMonthNegatives)} negative messages than ${before} (${formatNumber(v.lastMonthNegatives)} negative messages) would predict — counted once per message, in at least 3 messages, common words left out.`}
    >
      {v.rising.length === 0 ? (
        <p className="hint">No word rises in {now}’s negative messages.</p>
      ) : (
        // DataTable: counts right-aligned, a "Download CSV" (formula-like terms escaped), sortable.
        <DataTable<RisingTerm>
          caption="Rising terms in negative messages"
          captionHidden
          rows={v.rising}
          rowKey={(t) => t.term}
          columns={[
            { id: 'term', label: 'Term', value: (t) => t.term },
            { id: 'count', label: `Negative messages in ${now}`, numeric: true, value: (t) => t.count },
            { id: 'previous', label: `In ${before}`, numeric: true, value: (t) => t.previousCount },
          ]}
        />
      )}
      <details className="definition">
        <summary>How is this computed?</summary>
        <p>
          Each negative message is split into words (quotes, code, links and common words removed). For each
          word, the number of negative messages containing it last month is scaled to this month’s number of
          negative messages; a word rises when it appears in more messages than that (score ln((count + ½) ÷
          (expected + ½)) above 0).
        </p>
      </details>
    </Section>
  );
}

export function ListeningPage() {
  const { resolved, query } = useListening();
  const why = useEmptyReason()(TEXTS);
  const { filters } = useFilters();
  if (resolved.status === 'pending' || (resolved.status === 'ready' && query.isPending))
    return <ComputingStatus />;
  if (query.isError)
    return <p role="alert">The listening lists could not be computed: {query.error.message}</p>;
  const v = query.data;
  const head = (
    <div className="page-head">
      <h1 id="listening-title">Listening</h1>
      {v?.period && (
        <p className="period">
          {formatPeriod(v.period)} ({filters.timeZone})
          {/* No "0 negative of 0 messages (—)" above the empty state that says so. */}
          {v.texts > 0 &&
            ` · ${formatNumber(v.negatives)} negative of ${formatNumber(v.texts)} messages (${formatPercent(v.negatives / v.texts)})`}
        </p>
      )}
    </div>
  );
  if (resolved.status === 'empty' || !v || v.texts === 0) {
    return (
      <section aria-labelledby="listening-title">
        {head}
        <NoMessages why={why} title="Nothing to listen to yet" />
        {v && v.corrections.length > 0 && <Corrections v={v} />}
      </section>
    );
  }
  return (
    <section aria-labelledby="listening-title">
      {head}
      <p className="listening-hint">
        Texts are shown as written, as plain text. Is a label wrong? Relabel it: every metric uses your
        correction.
      </p>
      <Section
        id="negative-messages"
        title="Most negative messages"
        intro="The messages of the period the scorer finds most negative (or that you marked negative), most negative first."
      >
        <ol className="listening-list" aria-label="Most negative messages">
          {v.messages.map((m) => (
            <li key={m.key}>
              <ListeningItemView item={m} />
            </li>
          ))}
        </ol>
      </Section>
      <Section
        id="negative-threads"
        title="Threads with the most negative messages"
        intro="Threads ranked by their negative messages in the period, with the most negative one."
      >
        {v.threads.length === 0 ? (
          <p className="hint">No thread holds a negative message in this period.</p>
        ) : (
          <ol className="listening-list" aria-label="Threads with the most negative messages">
            {v.threads.map((t) => (
              <li key={t.threadKey}>
                <h3 className="thread-head">
                  {t.title ?? 'Untitled thread'}{' '}
                  <span className="hint">
                    · {sourceLabel(t.source)} · {formatNumber(t.negatives)} negative of{' '}
                    {formatNumber(t.texts)} messages
                  </span>
                </h3>
                <ListeningItemView item={t.worst} showThread={false} />
              </li>
            ))}
          </ol>
        )}
      </Section>
      <RisingTerms v={v} />
      <Section
        id="unanswered-negative"
        title="Negative posts without a response"
        intro="Threads where a negative post or reply got no later reply from anyone else (the author’s own replies and bots do not count). Newest first."
      >
        {v.unanswered.length === 0 ? (
          <p className="hint">Every negative post of the period got a response.</p>
        ) : (
          <ol className="listening-list" aria-label="Negative posts without a response">
            {v.unanswered.map((u) => (
              <li key={u.threadKey}>
                <h3 className="thread-head">
                  {u.title ?? 'Untitled thread'}
                  {u.unanswered > 1 && (
                    <span className="hint"> · {u.unanswered} negative posts unanswered</span>
                  )}
                </h3>
                <ListeningItemView item={u.item} showThread={false} />
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Corrections v={v} />
      <details className="card definition">
        <summary>How is this computed?</summary>
        <HowSentimentIsComputed />
      </details>
    </section>
  );
}

function Corrections({ v }: { v: ListeningView }) {
  return (
    <Section
      id="corrections"
      title="Your corrections"
      intro="Every label you changed, in any period or source. They are stored in this browser, included in backups, and used by every metric."
    >
      {v.corrections.length === 0 ? (
        <p className="hint">No corrections yet.</p>
      ) : (
        <ol className="listening-list" aria-label="Corrections">
          {v.corrections.map((c) => (
            <li key={c.key}>
              <ListeningItemView item={c} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
