import { ChartPanel } from '../../components/chart-panel';
import { DivergingBarChart } from '../../components/charts/diverging-bar-chart';
import { seriesTable } from '../../components/charts/series-table';
import { formatNumber } from '../../components/format';
import { Definition, DEFINITIONS } from '../../components/metric-definitions';
import { SeriesPanel } from '../../components/series-panel';
import { allEmpty, ReportPage } from '../filters/report-page';
import { selectGrowth, type GrowthData } from './api/get-growth';
import { useEmptyReason } from '../filters/use-empty-reason';
import type { EmptySpec } from '../filters/empty-reason';
import { SERIES_INFO } from '../../domain/highlights/series-info';

const num = (v: number | null) => formatNumber(v);
/** The growth-accounting names used everywhere (Compare, Brief, slides, report): SERIES_INFO's. */
const LABEL = {
  new: SERIES_INFO.new_active.label,
  retained: SERIES_INFO.retained.label,
  resurrected: SERIES_INFO.resurrected.label,
  churned: SERIES_INFO.churned.label,
};
const ratio = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 2)}×`);
const EMPTY_ACTIVITY = 'Import a forum, chat or event export (for example a Discourse posts export or a Slack workspace export) to see active and new members.';
/** Members come from activity and roster join dates; growth accounting from activity only. */
const MEMBERS: EmptySpec = { kinds: ['activity', 'roster'], noun: 'members', goal: 'to see active and new members', importHint: EMPTY_ACTIVITY };
const ACTIVITY: EmptySpec = {
  kinds: ['activity'],
  noun: 'community activities',
  goal: 'to see members retained, returning and gone quiet',
  importHint: 'Import a forum, chat or event export (for example a Discourse posts export or a Slack workspace export) to see members retained, returning and gone quiet.',
};

function ActiveChart({ g }: { g: GrowthData }) {
  const why = useEmptyReason();
  return (
    <SeriesPanel
      title="Active and new members"
      definition={
        <>
          <Definition>{DEFINITIONS.active_members}</Definition>
          <Definition>{DEFINITIONS.new_members}</Definition>
        </>
      }
      empty={allEmpty(g.active, g.newMembers) ? why(MEMBERS).text : undefined}
      months={g.months}
      unit="members"
      series={[
        { key: 'active', label: 'Active members', color: 'var(--c1)', values: g.active },
        { key: 'new', label: 'New members', color: 'var(--c2)', values: g.newMembers, dashed: true },
      ]}
    />
  );
}

function AccountingChart({ g }: { g: GrowthData }) {
  const why = useEmptyReason();
  return (
    <ChartPanel
      title="Growth accounting"
      definition={
        <>
          <Definition>{DEFINITIONS.growth}</Definition>
          <Definition>{DEFINITIONS.quick_ratio}</Definition>
        </>
      }
      empty={allEmpty(g.newActive, g.retained, g.resurrected, g.churned) ? why(ACTIVITY).text : undefined}
      table={seriesTable(g.months, [
        // Not 'New members' (first seen, roster included): members whose first activity ever is this month.
        { key: 'new', label: LABEL.new, values: g.newActive, format: num },
        { key: 'retained', label: LABEL.retained, values: g.retained, format: num },
        { key: 'resurrected', label: LABEL.resurrected, values: g.resurrected, format: num },
        { key: 'churned', label: LABEL.churned, values: g.churned, format: num },
        { key: 'quick', label: 'Quick ratio', values: g.quickRatio, format: ratio },
      ])}
    >
      <DivergingBarChart
        idPrefix="growth"
        months={g.months}
        unit="members"
        bars={[
          { key: 'retained', label: LABEL.retained, color: 'var(--c3)', values: g.retained, pattern: 'cross' },
          { key: 'new', label: LABEL.new, color: 'var(--c2)', values: g.newActive, pattern: 'solid' },
          { key: 'resurrected', label: LABEL.resurrected, color: 'var(--c4)', values: g.resurrected, pattern: 'dots' },
          { key: 'churned', label: LABEL.churned, color: 'var(--bad)', values: g.churned, pattern: 'hatch', negative: true },
        ]}
        line={{ key: 'quick', label: 'Quick ratio', color: 'var(--c5)', values: g.quickRatio, unit: 'quick ratio (×)', format: (v) => `${formatNumber(v, 1)}×`, minStep: 0.1 }}
      />
    </ChartPanel>
  );
}

export function GrowthPage() {
  return (
    <ReportPage id="growth" title="Growth">
      {(r) => {
        const g = selectGrowth(r);
        return (
          <>
            <ActiveChart g={g} />
            <AccountingChart g={g} />
          </>
        );
      }}
    </ReportPage>
  );
}
