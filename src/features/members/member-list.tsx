import type { MemberRef } from '../../domain/metrics';

export function memberHref(key: string): string {
  return `#/members/${encodeURIComponent(key)}`;
}

/** A list of members, each linking to its timeline across sources. */
export function MemberList({ members, label }: { members: readonly MemberRef[]; label: string }) {
  if (members.length === 0) return <p className="muted">Nobody.</p>;
  return (
    <ul className="member-list" aria-label={label}>
      {members.map((m) => (
        <li key={m.key}>
          <a href={memberHref(m.key)}>{m.name || m.key}</a>
        </li>
      ))}
    </ul>
  );
}
