import { sourceLabel } from '../../components/source-label';
import type { PersonAccount } from '../../workers/compute-queries';

/** The source and id parts of a person key (`discourse:ada_kaur` → `discourse`, `ada_kaur`). */
function keyParts(key: string): { source: string; id: string } {
  const i = key.indexOf(':');
  return i >= 0 ? { source: key.slice(0, i), id: key.slice(i + 1) } : { source: '', id: key };
}

/**
 * An account as people read it, for merges: the name with its source and handle —
 * `Ada Kaur (Discourse, ada_kaur)` — so two accounts of the same name are told apart. Without the
 * account (no longer imported), from its key alone: `ada_kaur (Discourse)`.
 */
export function accountLabel(key: string, account?: PersonAccount): string {
  const { source, id } = keyParts(key);
  const handle = account?.handle ?? id;
  const name = account?.name ?? handle;
  const from = sourceLabel(account?.source ?? source);
  const details = [from, ...(name === handle ? [] : [handle])].filter((d) => d !== '');
  return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}

/** Every account of the people listed, by key. */
export function accountsByKey(
  people: readonly { accounts: readonly PersonAccount[] }[],
): Map<string, PersonAccount> {
  return new Map(people.flatMap((p) => p.accounts.map((a) => [a.key, a] as const)));
}
