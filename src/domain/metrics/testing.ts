/** Fixture builders for the metric specs (test-only helpers; not exported from index.ts). */
import { emptyBatch, type ActivityKind, type ActivityRecord, type PersonRecord, type RecordBatch } from '../model/records';
import { computeReport, type BuildOptions } from './report';
import type { PrepareInput } from './dataset';
import type { HearthReport } from './types';

let seq = 0;

/** A person record; roster and bot default to false. */
export function person(key: string, extra: Partial<PersonRecord> = {}): PersonRecord {
  const source = key.slice(0, key.indexOf(':'));
  return { key, source, handle: key.slice(key.indexOf(':') + 1), roster: false, bot: false, ...extra };
}

/** An activity by `personKey` at an ISO instant; source is the key's namespace. */
export function act(personKey: string, kind: ActivityKind, iso: string, extra: Partial<ActivityRecord> = {}): ActivityRecord {
  const source = personKey.slice(0, personKey.indexOf(':'));
  return { key: `${source}:a:${++seq}`, source, personKey, kind, at: Date.parse(iso), ...extra };
}

export function batch(parts: Partial<RecordBatch>): RecordBatch {
  return { ...emptyBatch(), ...parts };
}

/** Scores 'good' +0.5, 'bad' −0.5, anything else 0: the specs do not depend on the real lexicon. */
export function stubScorer(text: string): number {
  if (/\bgood\b/.test(text)) return 0.5;
  if (/\bbad\b/.test(text)) return -0.5;
  return 0;
}

export function report(b: RecordBatch, options: BuildOptions & Omit<PrepareInput, 'records'> = {}): HearthReport {
  return computeReport(b, { scorer: stubScorer, ...options });
}

/** A series as a month → value map, for readable assertions. */
export function byMonth(r: HearthReport, name: keyof HearthReport['series']): Record<string, number | null> {
  return Object.fromEntries(r.months.map((m, i) => [m, r.series[name][i] ?? null]));
}
