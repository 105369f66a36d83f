import { useId, useMemo, useState, type ReactNode } from 'react';
import { ChartPanel } from '../../components/chart-panel';
import { TimeSeriesChart } from '../../components/charts/time-series-chart';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { formatChange, formatMonth } from '../../components/format';
import { Definition } from '../../components/metric-definitions';
import { headlineSeries, type DailySeriesView } from '../../domain/metrics/daily-reports';
import { sourceLabel } from '../../components/source-label';
import { useDailyReports } from './api/get-daily-reports';

/** What each platform's daily export is called in its own product. */
const GROUP_TITLES: Record<string, string> = {
  discourse: 'Discourse dashboard reports',
  x: 'X account analytics',
  linkedin: 'LinkedIn page analytics',
};

export function groupTitle(source: string): string {
  return GROUP_TITLES[source] ?? `${sourceLabel(source)} reports`;
}

/** A platform's value as exported: whole numbers as counts, fractions (rates, shares) with their decimals. */
export function formatDailyValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString(undefined, { maximumFractionDigits: Math.abs(v) < 1 ? 4 : 2 });
}

/** A calendar day (`2025-12-01`) as `1 Dec 2025`, in the reader's language. */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The change of the period's last month: relative for summed series, a signed difference for averaged ones. */
export function formatDailyChange(s: Pick<DailySeriesView, 'aggregation' | 'change'>): string {
  if (s.change === null) return '—';
  if (s.aggregation === 'sum') return formatChange(s.change, 'relative');
  const sign = s.change > 0 ? '+' : s.change < 0 ? '−' : '±';
  return `${sign}${formatDailyValue(Math.abs(s.change))}`;
}

const DEFINITION =
  'The platform’s own daily figures, as its export gives them; Hearth does not recompute them. A month adds up its days for counts, and averages them for percentages, rates and averages (series named so). The line joins the days the export gives; a day it leaves out counts as nothing, not as a zero.';

const EMPTY_HINT =
  'Import a Discourse admin dashboard report, an X account overview or LinkedIn page analytics (Metrics or New followers, saved as CSV) to see the platforms’ own daily figures.';

function SourceReports({
  source,
  series,
  months,
}: {
  source: string;
  series: DailySeriesView[];
  months: string[];
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const current = series.find((s) => s.name === chosen) ?? headlineSeries(series) ?? series[0]!;
  // Only the days the export gives: a time axis places them by date (LinkedIn's can be weeks apart).
  const lines = useMemo(
    () => [{ key: 'value', label: current.label, color: 'var(--c1)', values: current.values }],
    [current],
  );
  const selectId = useId();
  const title = groupTitle(source);
  const last = months[months.length - 1];
  const prev = months[months.length - 2];
  const days = current.days;
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
              value: (r: { day: string; value: number | null }) => r.day,
              render: (r) => formatDay(r.day),
            },
            {
              id: 'value',
              label: current.label,
              numeric: true,
              value: (r) => r.value,
              render: (r) => formatDailyValue(r.value),
            },
          ],
          rows: current.days.map((day, i) => ({ day, value: current.values[i] ?? null })),
          rowKey: (r) => r.day,
        }}
      >
        <p className="hint">
          {current.label}: {days.length.toLocaleString()} {days.length === 1 ? 'day' : 'days'} from{' '}
          {formatDay(days[0]!)} to {formatDay(days[days.length - 1]!)} ·{' '}
          {current.aggregation === 'sum'
            ? `total ${formatDailyValue(current.overall)}`
            : `daily average ${formatDailyValue(current.overall)}`}
        </p>
        <TimeSeriesChart
          months={current.days}
          unit={current.aggregation === 'sum' ? `${current.label} per day` : current.label}
          format={formatDailyValue}
          minStep={0}
          series={lines}
        />
      </ChartPanel>
      <section className="card" aria-label={`${title}: every series`}>
        <DataTable<DailySeriesView>
          caption={`${title}: every series in the period`}
          rows={series}
          rowKey={(s) => s.name}
          columns={[
            {
              id: 'series',
              label: 'Series',
              value: (s) => s.label,
              render: (s) => (
                <button
                  type="button"
                  className="link-like"
                  aria-pressed={s.name === current.name}
                  onClick={() => setChosen(s.name)}
                >
                  {s.label}
                </button>
              ),
            },
            { id: 'days', label: 'Days', numeric: true, value: (s) => s.days.length },
            {
              id: 'overall',
              label: 'Period (total or daily average)',
              numeric: true,
              value: (s) => s.overall,
              render: (s) => `${formatDailyValue(s.overall)}${s.aggregation === 'mean' ? ' avg' : ''}`,
            },
            ...(last
              ? [
                  {
                    id: 'last',
                    label: formatMonth(last),
                    numeric: true,
                    value: (s: DailySeriesView) => s.monthly[s.monthly.length - 1] ?? null,
                    render: (s: DailySeriesView) => formatDailyValue(s.monthly[s.monthly.length - 1]),
                  },
                ]
              : []),
            ...(prev
              ? [
                  {
                    id: 'change',
                    label: `Change vs ${formatMonth(prev)}`,
                    numeric: true,
                    value: (s: DailySeriesView) => s.change,
                    render: (s: DailySeriesView) => formatDailyChange(s),
                  },
                ]
              : []),
          ]}
        />
      </section>
    </>
  );
}

/**
 * The platforms' own daily series for the period (formats.md: shown beside Hearth's charts), one
 * chart and one summary table per platform; `sources` limits it (the Social page shows X and LinkedIn).
 */
export function DailyReportsSection({ sources, empty }: { sources?: readonly string[]; empty?: ReactNode }) {
  const q = useDailyReports();
  if (q.isPending) return <p role="status">Loading the platforms’ daily reports…</p>;
  if (q.isError) return <p role="alert">The daily reports could not be read: {q.error.message}</p>;
  const shown = sources ? q.data.series.filter((s) => sources.includes(s.source)) : q.data.series;
  if (shown.length === 0)
    return empty === undefined ? (
      <EmptyState title="No daily reports in this period">
        <p>{EMPTY_HINT}</p>
      </EmptyState>
    ) : (
      <>{empty}</>
    );
  const groups = new Map<string, DailySeriesView[]>();
  for (const s of shown) groups.set(s.source, [...(groups.get(s.source) ?? []), s]);
  return (
    <>
      {[...groups].map(([source, list]) => (
        <SourceReports key={source} source={source} series={list} months={q.data.months} />
      ))}
    </>
  );
}
