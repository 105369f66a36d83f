import { useEffect, useId, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { QueryCard } from '../../components/query-card';
import { formatMonth } from '../../components/format';
import { Definition, DEFINITIONS } from '../../components/metric-definitions';
import { previousMonth } from '../../domain/time';
import type { ContributorRow } from '../../workers/compute-queries';
import { ReportPage } from '../filters/report-page';
import { useEmptyReason } from '../filters/use-empty-reason';
import { useNewMembers, useQuietMembers, useTopContributors } from './api/get-members';
import { memberHref, MemberList } from './member-list';
import { MemberTimelinePage } from './member-timeline';

function TopContributors() {
  const q = useTopContributors();
  const why = useEmptyReason()({
    kinds: ['activity'],
    noun: 'contributions',
    goal: 'to see who contributes most',
    importHint:
      'Import a forum or chat export (Discourse posts, Slack or Discord) to see who contributes most.',
  });
  return (
    <QueryCard
      title="Top contributors in the period"
      query={q}
      emptyTitle={why.title}
      empty={why.text}
      footer={
        <details className="definition">
          <summary>How is this computed?</summary>
          <Definition>{DEFINITIONS.top_contributors}</Definition>
        </details>
      }
    >
      {(rows) => (
        <DataTable<ContributorRow & { rank: number }>
          caption="Top contributors in the period"
          captionHidden
          rows={rows.map((c, i) => ({ ...c, rank: i + 1 }))}
          rowKey={(c) => c.key}
          columns={[
            { id: 'rank', label: 'Rank', numeric: true, value: (c) => c.rank },
            {
              id: 'name',
              label: 'Member',
              value: (c) => c.name,
              render: (c) => <a href={memberHref(c.key)}>{c.name}</a>,
            },
            { id: 'activities', label: 'Activities', numeric: true, value: (c) => c.activities },
          ]}
        />
      )}
    </QueryCard>
  );
}

function MonthLists({ months }: { months: string[] }) {
  const last = months[months.length - 1] ?? null;
  const [month, setMonth] = useState<string | null>(last);
  const id = useId();
  const current = month && months.includes(month) ? month : last;
  const fresh = useNewMembers(current);
  const quiet = useQuietMembers(current);
  if (!current) return null;
  return (
    <>
      <div className="field inline">
        <label htmlFor={`${id}-month`}>Month</label>
        <select id={`${id}-month`} value={current} onChange={(e) => setMonth(e.target.value)}>
          {[...months].reverse().map((m) => (
            <option key={m} value={m}>
              {formatMonth(m, 'long')}
            </option>
          ))}
        </select>
      </div>
      <div className="two-col">
        <section className="card" aria-labelledby="new-title">
          <h2 id="new-title">
            New members in {formatMonth(current, 'long')}
            {fresh.data ? ` (${fresh.data.length})` : ''}
          </h2>
          {fresh.isPending ? (
            <p role="status">Loading…</p>
          ) : fresh.isError ? (
            <p role="alert">{fresh.error.message}</p>
          ) : (
            <MemberList members={fresh.data} label="New members" />
          )}
          <details className="definition">
            <summary>How is this computed?</summary>
            <Definition>{DEFINITIONS.new_members}</Definition>
          </details>
        </section>
        <section className="card" aria-labelledby="quiet-title">
          <h2 id="quiet-title">
            Went quiet in {formatMonth(current, 'long')}
            {quiet.data ? ` (${quiet.data.length})` : ''}
          </h2>
          <p className="muted">
            Active in {formatMonth(previousMonth(current), 'long')}, not in {formatMonth(current, 'long')}.
          </p>
          {quiet.isPending ? (
            <p role="status">Loading…</p>
          ) : quiet.isError ? (
            <p role="alert">{quiet.error.message}</p>
          ) : (
            <MemberList members={quiet.data} label="Members who went quiet" />
          )}
          <details className="definition">
            <summary>How is this computed?</summary>
            <Definition>{DEFINITIONS.quiet}</Definition>
          </details>
        </section>
      </div>
    </>
  );
}

function memberKeyFromHash(): string | null {
  const m = /^#\/members\/(.+)$/.exec(window.location.hash);
  return m ? decodeURIComponent(m[1] as string) : null;
}

export function MembersPage() {
  const [key, setKey] = useState(memberKeyFromHash);
  useEffect(() => {
    const on = () => setKey(memberKeyFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  if (key) return <MemberTimelinePage memberKey={key} />;
  return (
    <ReportPage id="members" title="Members">
      {(r) => (
        <>
          <TopContributors />
          <MonthLists months={r.months} />
        </>
      )}
    </ReportPage>
  );
}
