import { sourceLabel } from '../../components/source-label';
import { monthLabel } from '../../domain/highlights/format';
import type { DataKind, DataKinds } from '../../domain/metrics/data-kinds';

/** What an empty card or chart is about. */
export interface EmptySpec {
  /** The kinds of data that would fill it (any of them). */
  kinds: readonly DataKind[];
  /** What they are, in the plural: "campaigns", "forum threads". */
  noun: string;
  /** What choosing them gives: "to see open and click rates". */
  goal: string;
  /** The text when nothing of the kind is imported: what to import. */
  importHint: string;
  /** The text when such data is in the period's chosen sources and still nothing shows. */
  otherwise?: string;
}

export interface EmptyReason {
  /** none: nothing of the kind is imported; sources: the sources filter hides all of it; period: it all lies outside the period; other: none of these. */
  reason: 'none' | 'sources' | 'period' | 'other';
  /** "No campaigns yet", "No campaigns from the chosen sources", "No campaigns in this period". */
  title: string;
  text: string;
}

/** "Mailchimp", "Mailchimp and Substack", "Mailchimp, Substack and beehiiv". */
function names(sources: readonly string[]): string {
  const labels = sources.map(sourceLabel);
  return labels.length <= 1
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]!}`;
}

function months(from: string, to: string): string {
  return from === to ? monthLabel(from) : `${monthLabel(from)} to ${monthLabel(to)}`;
}

/**
 * Why a card or chart has nothing to show, and what to say: the import hint only when nothing of
 * the kind is imported; otherwise that the sources filter hides it (naming the sources) or that it
 * lies outside the period (naming its months). `selected`: the filter's sources (empty: all);
 * `period`: the report's months; `kinds`: what the data holds (DataMeta.kinds).
 */
export function emptyReason(
  spec: EmptySpec,
  kinds: DataKinds | undefined,
  selected: readonly string[],
  period: { from: string; to: string } | null,
): EmptyReason {
  const spans = new Map<string, { from: string; to: string }>();
  for (const kind of spec.kinds) {
    for (const [source, span] of Object.entries(kinds?.[kind] ?? {})) {
      const had = spans.get(source);
      spans.set(
        source,
        had
          ? { from: had.from < span.from ? had.from : span.from, to: had.to > span.to ? had.to : span.to }
          : span,
      );
    }
  }
  const holding = [...spans.keys()].sort();
  const fallback: EmptyReason = {
    reason: 'other',
    title: `No ${spec.noun} in this period`,
    text: spec.otherwise ?? `No ${spec.noun} in this period.`,
  };
  if (holding.length === 0) {
    return { reason: 'none', title: `No ${spec.noun} yet`, text: spec.importHint };
  }
  const shown = holding.filter((s) => selected.length === 0 || selected.includes(s));
  const hidden = holding.filter((s) => !shown.includes(s));
  const them = (list: readonly string[]) => (list.length === 1 ? 'it' : 'them');
  if (shown.length === 0) {
    return {
      reason: 'sources',
      title: `No ${spec.noun} from the chosen sources`,
      text: `The sources filter hides ${names(hidden)}: choose ${them(hidden)} in the filter bar ${spec.goal}.`,
    };
  }
  if (!period) return fallback;
  const inPeriod = shown.some((s) => {
    const span = spans.get(s)!;
    return span.from <= period.to && span.to >= period.from;
  });
  if (inPeriod) return fallback;
  const from = shown.map((s) => spans.get(s)!.from).sort()[0]!;
  const to = shown.map((s) => spans.get(s)!.to).sort()[shown.length - 1]!;
  const also = hidden.length ? ` The sources filter hides ${names(hidden)}.` : '';
  return {
    reason: 'period',
    title: `No ${spec.noun} in this period`,
    text: `The ${spec.noun} from ${names(shown)} are from ${months(from, to)}, outside this period: choose a period that includes them in the filter bar ${spec.goal}.${also}`,
  };
}
