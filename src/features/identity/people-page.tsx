import { sourceLabel } from '../../components/source-label';
import { peopleByName } from './people-order';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { formatDateTime } from '../../components/format';
import { useMerge, useMerges, usePeople, useUnmerge, type PersonRow } from './api';
import { accountLabel, accountsByKey } from './account-label';

function matches(p: PersonRow, q: string): boolean {
  if (!q) return true;
  const s = q.toLowerCase();
  return (
    p.name.toLowerCase().includes(s) ||
    p.keys.some((k) => k.toLowerCase().includes(s)) ||
    p.emails.some((e) => e.includes(s))
  );
}

/**
 * People across sources. Hearth merges persons with the same email automatically; here the user
 * merges two persons it could not link (e.g. a Slack account and a forum account with different
 * emails) and undoes merges.
 */
export function PeoplePage() {
  const people = usePeople();
  const merges = useMerges();
  const merge = useMerge();
  const unmerge = useUnmerge();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [message, setMessage] = useState('');
  const sorted = useMemo(() => peopleByName(people.data ?? []), [people.data]);
  const found = useMemo(() => sorted.filter((p) => matches(p, query)), [sorted, query]);
  const list = found.slice(0, 100);
  const byId = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p])), [people.data]);
  // Merges and messages name accounts (name, source, handle), not raw keys or a name two accounts share.
  const accounts = useMemo(() => accountsByKey(people.data ?? []), [people.data]);
  const account = (key: string) => accountLabel(key, accounts.get(key));

  if (people.isPending) return <p role="status">Loading people…</p>;
  if (!people.data || people.data.length === 0) {
    return (
      <EmptyState title="No people yet">
        <p>
          Import a member list or activity export (forum, chat, events) on the <a href="#/import">Import</a>{' '}
          page to see the people of your community here.
        </p>
      </EmptyState>
    );
  }
  // Two at most: a third tick used to untick the first without a word; the others are disabled instead.
  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 2 ? s : [...s, id]));
  const chosen = selected.map((id) => byId.get(id)).filter((p): p is PersonRow => !!p);

  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <p>
        Hearth treats accounts with the same email as one person. When one person uses different emails on
        different platforms, select both here and merge them. Merges apply to every number and can be undone.
      </p>
      <label>
        Search by name, handle or email{' '}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {/* With a search, how many match it (was: the total, "348 people", beside three rows). */}
      <p className="muted">
        {query
          ? `${found.length.toLocaleString()} of ${people.data.length.toLocaleString()} people match “${query}”`
          : `${people.data.length.toLocaleString()} people`}
        {list.length < found.length ? ' (showing the first 100)' : ''}
      </p>
      <div className="merge-bar">
        <span>
          Selected: {chosen.length ? chosen.map((p) => p.name).join(' and ') : 'none'} ({chosen.length}/2)
          {selected.length >= 2 ? ' — unselect one to choose another' : ''}
        </span>{' '}
        <button
          type="button"
          className="primary"
          disabled={chosen.length !== 2 || merge.isPending}
          onClick={() => {
            const [a, b] = chosen as [PersonRow, PersonRow];
            const [ka, kb] = [a.keys[0]!, b.keys[0]!];
            const said = `Merged ${account(ka)} and ${account(kb)}.`;
            merge.mutate(
              { a: ka, b: kb },
              {
                onSuccess: () => {
                  setMessage(said);
                  setSelected([]);
                },
              },
            );
          }}
        >
          Merge selected
        </button>
      </div>
      <p role="status">{message}</p>
      <div className="table-scroll">
        <table>
          <caption>People</caption>
          <thead>
            <tr>
              <th scope="col">Select</th>
              <th scope="col">Name</th>
              <th scope="col">Sources</th>
              <th scope="col">Accounts</th>
              <th scope="col">Emails</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <td>
                  <input
                    type="checkbox"
                    checked={selected.includes(p.id)}
                    disabled={selected.length >= 2 && !selected.includes(p.id)}
                    onChange={() => toggle(p.id)}
                    aria-label={`Select ${p.name}`}
                  />
                </td>
                <td>{p.name}</td>
                <td>{p.sources.map(sourceLabel).join(', ')}</td>
                <td>{p.keys.join(', ')}</td>
                <td>{p.emails.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Manual merges</h2>
      {merges.data && merges.data.length > 0 ? (
        <ul className="merges">
          {merges.data.map((m) => {
            const [a, b] = [account(m.a), account(m.b)];
            return (
              <li key={m.id}>
                {a} = {b} <span className="muted">({formatDateTime(m.createdAt)})</span>{' '}
                <button
                  type="button"
                  onClick={() =>
                    unmerge.mutate(m.id, {
                      onSuccess: () => setMessage(`Undid the merge of ${a} and ${b}.`),
                    })
                  }
                  aria-label={`Undo merge of ${a} and ${b}`}
                >
                  Undo
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No manual merges.</p>
      )}
    </section>
  );
}
