import { useId, useMemo, useState, type ReactNode } from 'react';
import { ChartPanel } from '../../components/chart-panel';
import { TimeSeriesChart } from '../../components/charts/time-series-chart';
import { DataTable, type Column } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { formatMonth } from '../../components/format';
import { Definition } from '../../components/metric-definitions';
import { sourceLabel } from '../../components/source-label';
import {
  chartPoints,
  coverageNotes,
  headlineSeries,
  platformTitle,
  type DailyReports,
  type DailySeriesView,
} from '../../domain/metrics/daily-reports';
import { useDailyReports } from './api/get-daily-reports';
import {
  dailyAxisTitle,
  formatDailyChange,
  formatDailyTick,
  formatDailyValue,
  formatDay,
} from '../../domain/metrics/daily-format';

const DEFINITION =
  'The platform’s own daily figures, as its export gives them; Hearth does not recompute them. A month adds up its days for counts (a day the export leaves out counts 0), and averages the days it gives for percentages, rates, averages and unique counts (series named so). The change compares the period’s last month with the month before: relative for counts, in points for percentages and rates; none for a count whose last month the export cuts short.';

const EMPTY_HINT =
  'Import a Discourse admin dashboard report, an X account overview or LinkedIn page analytics (Metrics or New followers, saved as CSV) to see the platforms’ own daily figures.';

/** The summary table's columns: the last month and its change first (what a monthly report needs), then the period. */
function summaryColumns(
  months: string[],
  prev: string | null,
  chosen: string,
  choose: (name: string) => void,
): Column<DailySeriesView>[] {
  const last = months[months.length - 1];
  const lastOf = (s: DailySeriesView) => s.monthly[s.monthly.length - 1] ?? null;
  return [
    {
      id: 'series',
      label: 'Series',
      value: (s) => s.label,
      render: (s) => (
        <button
          type="button"
          className="link-like"
          aria-pressed={s.name === chosen}
          onClick={() => choose(s.name)}
        >
          {s.label}
        </button>
      ),
    },
    ...(last
      ? [
          {
            id: 'last',
            label: formatMonth(last),
            numeric: true,
            value: lastOf,
            render: (s: DailySeriesView) => formatDailyValue(lastOf(s), s.unit),
          },
        ]
      : []),
    ...(prev
      ? [
          {
            id: 'change',
            label: `Change vs ${formatMonth(prev)}`,
            numeric: true,
            // Sorted by the relative change, the one measure every unit has.
            value: (s: DailySeriesView) => (s.change === null ? null : s.relativeChange),
            render: (s: DailySeriesView) => formatDailyChange(s),
          },
        ]
      : []),
    {
      id: 'overall',
      label: 'Period: sum or daily average',
      numeric: true,
      value: (s) => s.overall,
      render: (s) => `${formatDailyValue(s.overall, s.unit)}${s.aggregation === 'mean' ? ' avg' : ''}`,
    },
    { id: 'days', label: 'Days', numeric: true, value: (s) => s.days.length },
  ];
}

function SourceReports({
  source,
  series,
  months,
  previous,
}: {
  source: string;
  series: DailySeriesView[];
  months: string[];
  previous: string | null;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const current = series.find((s) => s.name === chosen) ?? headlineSeries(series) ?? series[0]!;
  const points = useMemo(() => chartPoints(current), [current]);
  const lines = useMemo(
    () => [{ key: 'value', label: current.label, color: 'var(--c1)', values: points.values }],
    [current, points],
  );
  const format = useMemo(() => (v: number) => formatDailyValue(v, current.unit), [current.unit]);
  const tick = useMemo(() => (v: number) => formatDailyTick(v, current.unit), [current.unit]);
  const columns = useMemo(
    () => summaryColumns(months, previous, current.name, setChosen),
    [months, previous, current.name],
  );
  const selectId = useId();
  const title = platformTitle(source);
  const days = current.days;
  const notes = coverageNotes(series, months);
  return (
    <>
      <ChartPanel
        title={title}
        definition={
          <Definition source="Hearth (docs/metrics.md, “Platform reports”)">{DEFINITION}</Definition>
        }
        actions={
          <span className="series-select">
            <label htmlFor={selectId}>Series</label>{' '}
            <select id={selectId} value={current.name} onChange={(e) => setChosen(e.target.value)}>
              {series.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.label}
                </option>
              ))}
            </select>
          </span>
        }
        table={{
          columns: [
            {
              id: 'day',
              label: 'Day',
              value: (r: { day: string; value: number }) => r.day,
              render: (r) => formatDay(r.day),
            },
            {
              id: 'value',
              label: current.label,
              numeric: true,
              value: (r) => r.value,
              render: (r) => format(r.value),
            },
          ],
          rows: points.days.map((day, i) => ({ day, value: points.values[i]! })),
          rowKey: (r) => r.day,
        }}
      >
        <p className="hint">
          {current.label}: {days.length.toLocaleString()} {days.length === 1 ? 'day' : 'days'} from{' '}
          {formatDay(days[0]!)} to {formatDay(days[days.length - 1]!)} ·{' '}
          {current.aggregation === 'sum'
            ? `sum ${format(current.overall)}`
            : `daily average ${format(current.overall)}`}
        </p>
        {/* Keyed by series: a new series is a new chart (Recharts would keep the old tooltip). */}
        <TimeSeriesChart
          key={current.name}
          months={points.days}
          unit={dailyAxisTitle(current.unit)}
          format={tick}
          valueFormat={format}
          minStep={0}
          series={lines}
        />
      </ChartPanel>
      <section className="card" aria-label={`${title}: every series`}>
        {notes.map((n) => {
          const all = n.labels.length === series.length;
          const held = n.months.map(
            (m) => `${formatMonth(m.month, 'long')} holds ${m.days} of its ${m.of} days`,
          );
          return (
            <p
              key={n.months.map((m) => `${m.month}:${m.days}`).join('|')}
              className="hint"
              role="note"
              data-testid="partial-month"
            >
              {all ? `The ${sourceLabel(source)} export` : n.labels.join(', ')}: {held.join(', ')}, so{' '}
              {all || n.labels.length === 1 ? 'its' : 'their'} counts are not compared.
            </p>
          );
        })}
        <DataTable<DailySeriesView>
          caption={`${title}: every series in the period`}
          rows={series}
          rowKey={(s) => s.name}
          columns={columns}
        />
      </section>
    </>
  );
}

function EmptyReports({ data }: { data: DailyReports }) {
  if (data.filteredOut)
    return (
      <EmptyState title="No daily reports from the chosen sources">
        <p>
          Your platforms’ daily reports come from sources the filter above leaves out: tick them under
          Sources.
        </p>
      </EmptyState>
    );
  if (data.available)
    return (
      <EmptyState title="No daily reports in this period">
        <p>
          Your platforms’ daily reports cover {formatMonth(data.available.from, 'long')}
          {data.available.to !== data.available.from ? ` – ${formatMonth(data.available.to, 'long')}` : ''}:
          choose a period that includes them.
        </p>
      </EmptyState>
    );
  return (
    <EmptyState title="No daily reports yet">
      <p>{EMPTY_HINT}</p>
    </EmptyState>
  );
}

/**
 * The platforms' own daily series for the period (formats.md: shown beside Hearth's charts), one
 * chart and one summary table per platform; `sources` limits it (the Social page shows X and
 * LinkedIn), and `empty` replaces the empty state (null: nothing).
 */
export function DailyReportsSection({ sources, empty }: { sources?: readonly string[]; empty?: ReactNode }) {
  const q = useDailyReports();
  if (q.isPending) return <p role="status">Loading the platforms’ daily reports…</p>;
  if (q.isError) return <p role="alert">The daily reports could not be read: {q.error.message}</p>;
  const shown = sources ? q.data.series.filter((s) => sources.includes(s.source)) : q.data.series;
  if (shown.length === 0) return empty === undefined ? <EmptyReports data={q.data} /> : <>{empty}</>;
  const groups = new Map<string, DailySeriesView[]>();
  for (const s of shown) groups.set(s.source, [...(groups.get(s.source) ?? []), s]);
  return (
    <>
      {[...groups].map(([source, list]) => (
        <SourceReports
          key={source}
          source={source}
          series={list}
          months={q.data.months}
          previous={q.data.previous}
        />
      ))}
    </>
  );
}
