import { seriesHasData } from '../../domain/highlights';
import { useEffect, useRef, useState } from 'react';
import { ChartPanel } from '../../components/chart-panel';
import { CohortHeatmap } from '../../components/charts/cohort-heatmap';
import type { Column } from '../../components/data-table';
import { formatMonth, formatNumber, formatPercentFixed } from '../../components/format';
import { Definition, DEFINITIONS } from '../../components/metric-definitions';
import { addMonths } from '../../domain/time';
import type { RetentionCohort } from '../../domain/metrics/types';
import { ReportPage } from '../filters/report-page';
import { useEmptyReason } from '../filters/use-empty-reason';
import type { EmptyReason } from '../filters/empty-reason';
import { MemberList } from '../members/member-list';
import { useCohortMembers, type CohortCell } from './api/get-cohort-members';

function CellMembers({ cell, count, focus }: { cell: CohortCell; count: number; focus: boolean }) {
  const q = useCohortMembers(cell);
  const month = addMonths(cell.cohort, cell.k);
  const heading = useRef<HTMLHeadingElement>(null);
  // Chosen from the keyboard: the list is below the grid, often off screen — go there and say it.
  useEffect(() => {
    if (!focus) return;
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [focus, cell.cohort, cell.k]);
  return (
    <section className="card" aria-labelledby="cell-members-title" data-testid="cell-members">
      <h2 id="cell-members-title" ref={heading} tabIndex={-1}>
        {formatMonth(cell.cohort, 'long')} cohort active in {formatMonth(month, 'long')} (month {cell.k}):{' '}
        {formatNumber(count)} members
      </h2>
      {q.isPending ? (
        <p role="status">Loading members…</p>
      ) : q.isError ? (
        <p role="alert">{q.error.message}</p>
      ) : (
        <MemberList members={q.data} label="Members in this cell" />
      )}
    </section>
  );
}

function tableFor(cohorts: RetentionCohort[]) {
  const width = Math.max(0, ...cohorts.map((c) => c.active.length));
  const columns: Column<RetentionCohort>[] = [
    { id: 'cohort', label: 'Cohort', value: (c) => c.cohort, render: (c) => formatMonth(c.cohort, 'long') },
    { id: 'size', label: 'Size', numeric: true, value: (c) => c.size },
    ...Array.from({ length: width }, (_, k): Column<RetentionCohort> => ({
      id: `m${k}`,
      label: `Month ${k}`,
      numeric: true,
      value: (c) => c.active[k] ?? null,
      render: (c) =>
        c.active[k] === undefined
          ? ''
          : `${formatNumber(c.active[k])} (${formatPercentFixed(c.rate[k] ?? 0)})`,
    })),
  ];
  return { columns, rows: cohorts, rowKey: (c: RetentionCohort) => c.cohort };
}

/** Cohorts from join dates only: why no one can be seen coming back. */
function noActivity(why: EmptyReason): string {
  return why.reason === 'none'
    ? 'These cohorts come from join dates only: no activity is imported, so nobody can be seen coming back. Import a forum, chat or event export with activity (for example Discourse posts or a Slack export) to see retention.'
    : `These cohorts come from join dates only, so nobody can be seen coming back. ${why.text}`;
}

export function RetentionPage() {
  const [mode, setMode] = useState<'counts' | 'percent'>('percent');
  const [cell, setCell] = useState<CohortCell | null>(null);
  const [fromKeyboard, setFromKeyboard] = useState(false);
  const why = useEmptyReason();
  const activity = {
    kinds: ['activity'],
    noun: 'community activities',
    goal: 'to see retention',
    importHint:
      'Import a forum, chat or event export with activity (for example Discourse posts or a Slack export) to see cohorts.',
  } as const;
  return (
    <ReportPage id="retention" title="Retention">
      {(r) => {
        const selected = cell && r.retention.find((c) => c.cohort === cell.cohort);
        const count = selected?.active[cell?.k ?? 0];
        return (
          <>
            <ChartPanel
              png={false}
              title="Retention by cohort"
              definition={<Definition>{DEFINITIONS.retention}</Definition>}
              empty={
                r.retention.length === 0
                  ? why({
                      ...activity,
                      kinds: ['activity', 'roster'],
                      noun: 'members',
                      goal: 'to see cohorts',
                    }).text
                  : // A roster alone makes cohorts (join dates) but says nothing of who came back: every cell would read 0%.
                    !seriesHasData(r, 'active_members')
                    ? noActivity(why(activity))
                    : undefined
              }
              table={tableFor(r.retention)}
              actions={
                <div role="group" aria-label="Show cells as" className="segmented">
                  <button type="button" aria-pressed={mode === 'counts'} onClick={() => setMode('counts')}>
                    Counts
                  </button>
                  <button type="button" aria-pressed={mode === 'percent'} onClick={() => setMode('percent')}>
                    Percent
                  </button>
                </div>
              }
            >
              <p className="hint">
                Select a cell to list its members: click it, or Tab to the grid, move with the arrow keys and
                press Enter.
              </p>
              <CohortHeatmap
                cohorts={r.retention}
                mode={mode}
                selected={cell}
                onSelect={(c, keyboard) => {
                  setCell(c);
                  setFromKeyboard(keyboard);
                }}
              />
            </ChartPanel>
            {cell && count !== undefined && <CellMembers cell={cell} count={count} focus={fromKeyboard} />}
          </>
        );
      }}
    </ReportPage>
  );
}
