/**
 * Identity resolution (metrics.md §2): person records are merged by key, then across sources by
 * normalised email (union-find), then by manual merges applied on top. Bots are not persons: a key
 * that any record marks as a bot is set aside and never joins a merge.
 */
import type { PersonRecord } from '../model/records';

/** A person record after merging every record with the same key. */
export interface KeyedPerson {
  key: string;
  source: string;
  name?: string;
  handle?: string;
  email?: string;
  joinedAt?: number;
  roster: boolean;
  bot: boolean;
}

/** One resolved (merged) person. */
export interface ResolvedPerson {
  /** Index in `Identity.persons`. */
  id: number;
  /** Every person key merged into this person, ascending. */
  keys: string[];
  /** Display name: the first `name` of its records (by key), else the first `handle`, else the key's id part. */
  name: string;
  /** The keyed records, in `keys` order. */
  records: KeyedPerson[];
}

export interface Identity {
  persons: ResolvedPerson[];
  /** Person key → ResolvedPerson.id (bots are absent). */
  idOf: Map<string, number>;
  /** Keys marked as bots. */
  bots: Set<string>;
}

/** Merge records sharing a key: roster = any, bot = any, joinedAt = earliest, name/handle/email from whichever has them. */
export function mergeByKey(records: readonly PersonRecord[]): Map<string, KeyedPerson> {
  const out = new Map<string, KeyedPerson>();
  for (const r of records) {
    const cur = out.get(r.key);
    if (!cur) {
      const p: KeyedPerson = { key: r.key, source: r.source, roster: r.roster, bot: r.bot };
      if (r.name) p.name = r.name;
      if (r.handle) p.handle = r.handle;
      if (r.email) p.email = r.email;
      if (r.joinedAt !== undefined && Number.isFinite(r.joinedAt)) p.joinedAt = r.joinedAt;
      out.set(r.key, p);
      continue;
    }
    cur.roster ||= r.roster;
    cur.bot ||= r.bot;
    if (!cur.name && r.name) cur.name = r.name;
    if (!cur.handle && r.handle) cur.handle = r.handle;
    if (!cur.email && r.email) cur.email = r.email;
    if (r.joinedAt !== undefined && Number.isFinite(r.joinedAt) && (cur.joinedAt === undefined || r.joinedAt < cur.joinedAt))
      cur.joinedAt = r.joinedAt;
  }
  return out;
}

/** Minimal union-find over 0…n−1 with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      const gp = p[p[x] as number] as number;
      p[x] = gp;
      x = gp;
    }
    return x;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
  }
}

/** The part of a key after its source namespace (`discourse:jdoe` → `jdoe`). */
function idPart(key: string): string {
  const i = key.indexOf(':');
  return i >= 0 ? key.slice(i + 1) : key;
}

export interface ResolveInput {
  persons: readonly PersonRecord[];
  /** Keys seen on activities without a person record: they become plain persons (not roster, not bots). */
  extraKeys?: Iterable<string>;
  /** Manual merges: pairs of person keys that are one person. Pairs naming a bot or an unknown key are ignored. */
  merges?: ReadonlyArray<readonly [string, string]>;
}

export function resolveIdentity(input: ResolveInput): Identity {
  const keyed = mergeByKey(input.persons);
  if (input.extraKeys) {
    for (const k of input.extraKeys) {
      if (!keyed.has(k)) keyed.set(k, { key: k, source: k.includes(':') ? k.slice(0, k.indexOf(':')) : k, roster: false, bot: false });
    }
  }
  const bots = new Set<string>();
  const list: KeyedPerson[] = [];
  for (const p of [...keyed.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (p.bot) bots.add(p.key);
    else list.push(p);
  }
  const index = new Map<string, number>();
  list.forEach((p, i) => index.set(p.key, i));
  const uf = new UnionFind(list.length);
  const byEmail = new Map<string, number>();
  list.forEach((p, i) => {
    if (!p.email) return;
    const j = byEmail.get(p.email);
    if (j === undefined) byEmail.set(p.email, i);
    else uf.union(i, j);
  });
  for (const [a, b] of input.merges ?? []) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia !== undefined && ib !== undefined) uf.union(ia, ib);
  }
  // Group by root in key order so ids are deterministic.
  const rootToId = new Map<number, number>();
  const persons: ResolvedPerson[] = [];
  const idOf = new Map<string, number>();
  list.forEach((p, i) => {
    const r = uf.find(i);
    let id = rootToId.get(r);
    if (id === undefined) {
      id = persons.length;
      rootToId.set(r, id);
      persons.push({ id, keys: [], name: '', records: [] });
    }
    const rp = persons[id] as ResolvedPerson;
    rp.keys.push(p.key);
    rp.records.push(p);
    idOf.set(p.key, id);
  });
  for (const rp of persons) {
    rp.name =
      rp.records.find((r) => r.name)?.name ?? rp.records.find((r) => r.handle)?.handle ?? idPart(rp.keys[0] ?? '');
  }
  return { persons, idOf, bots };
}
