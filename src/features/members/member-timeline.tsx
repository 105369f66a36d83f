import { sourceLabel } from '../../components/source-label';
import { When } from '../../components/when';
import { DataTable } from '../../components/data-table';
import type { TimelineResult } from '../../workers/compute-queries';
import { TIMELINE_LIMIT, useMemberTimeline } from './api/get-members';
import { ExternalLink } from '../../components/external-link';

type Row = TimelineResult['activities'][number];

const KIND_LABEL: Record<string, string> = {
  post: 'Started a thread',
  reply: 'Replied',
  message: 'Chat message',
  reaction: 'Reaction',
  attend: 'Attended an event',
};

/** `#/members/<key>`: one member's identities and activities across every source. */
export function MemberTimelinePage({ memberKey }: { memberKey: string }) {
  const q = useMemberTimeline(memberKey);
  return (
    <section aria-labelledby="timeline-title" data-page="member">
      <p>
        <a href="#/members">← All members</a>
      </p>
      {q.isPending ? (
        <p role="status">Loading…</p>
      ) : q.isError ? (
        <p role="alert">{q.error.message}</p>
      ) : !q.data ? (
        <>
          <h1 id="timeline-title">Member not found</h1>
          <p>
            No member has the key “{memberKey}” in the imported data (it may be a bot, or its import was
            undone).
          </p>
        </>
      ) : (
        <>
          <h1 id="timeline-title">{q.data.member.name}</h1>
          <section className="card" aria-labelledby="identities-title">
            <h2 id="identities-title">Identities across sources</h2>
            <ul>
              {q.data.identities.map((i) => (
                <li key={i.key}>
                  <strong>{sourceLabel(i.source)}</strong>: {i.name ?? i.handle ?? i.key}
                  {i.handle && i.name ? ` (@${i.handle})` : ''}
                  {i.roster ? ' · in the member roster' : ''}
                  {i.joinedAt !== undefined && (
                    <>
                      {' · joined '}
                      <When at={i.joinedAt} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="activity-title">
            <h2 id="activity-title">
              Activity ({q.data.total.toLocaleString()}
              {q.data.total > TIMELINE_LIMIT ? `, newest ${TIMELINE_LIMIT} shown` : ''})
            </h2>
            {q.data.activities.length === 0 ? (
              <p>No community activity yet: this member is in a roster only.</p>
            ) : (
              <DataTable<Row>
                caption={`Activity of ${q.data.member.name}, newest first`}
                captionHidden
                rows={q.data.activities}
                rowKey={(a) => a.key}
                columns={[
                  { id: 'at', label: 'When', value: (a) => a.at, render: (a) => <When at={a.at} /> },
                  { id: 'kind', label: 'What', value: (a) => KIND_LABEL[a.kind] ?? a.kind },
                  { id: 'source', label: 'Source', value: (a) => sourceLabel(a.source) },
                  {
                    id: 'where',
                    label: 'Where',
                    value: (a) => a.title ?? a.channel ?? '',
                    render: (a) => (
                      <ExternalLink url={a.url}>{a.title ?? a.channel ?? (a.url ? 'Open' : '')}</ExternalLink>
                    ),
                  },
                ]}
              />
            )}
          </section>
        </>
      )}
    </section>
  );
}
