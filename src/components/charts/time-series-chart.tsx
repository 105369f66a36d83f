import { useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { inListedOrder } from './series-order';
import { formatMonth } from '../format';
import { yAxisTitle } from './axis-room';
import { ASSUMED_WIDTH, LABEL_GAP, niceTicks } from './axis-ticks';
import { downsampleRows, MAX_POINTS } from './downsample';
import { useMonthAxis } from './month-axis';
import { fittedTimeTicks, isDailyKeys, keyTime, pointLabel, tickLabel, tickLabels } from './time-axis';

export interface Series {
  key: string;
  label: string;
  color: string;
  values: (number | null)[];
  /** Dashed lines tell series apart without colour. */
  dashed?: boolean;
  /** A custom dash pattern (SVG stroke-dasharray), e.g. '2 3' for dots. */
  dash?: string;
}

/**
 * Up to this many monthly points the x axis is a category axis (every month labelled when the
 * labels fit, else every 2nd, 3rd, 6th… month: `monthTicks`); beyond it, or for daily keys, a
 * numeric time axis with 2–10 precomputed ticks — a category axis formats and measures a label for
 * every point (451 ms for 1,333 points).
 */
export const CATEGORY_MAX = 36;

type Row = Record<string, string | number | null>;

interface Prepared {
  data: Row[];
  /** Numeric time axis (long or daily series); otherwise the category axis on `month`. */
  timeAxis: boolean;
  daily: boolean;
  /** The months of the category axis (empty for a time axis). */
  categories: string[];
  /** For a time axis, the widest kind of label it draws (`Sep 2019`), to measure. */
  timeLabels: string[] | undefined;
  /** The smallest and largest value drawn (±Infinity when none). */
  min: number;
  max: number;
}

/**
 * The last prepared data per `months` array: pages usually pass new `series` objects on each
 * render but the same value arrays, so the cache compares the arrays, not the objects.
 */
const cache = new WeakMap<readonly string[], { series: Series[]; maxPoints: number; prepared: Prepared }>();

function sameSeries(a: Series[], b: Series[]): boolean {
  return a.length === b.length && a.every((s, i) => s.key === b[i]!.key && s.values === b[i]!.values);
}

/** Downsampled rows (`month`, `t` in UTC ms, one column per series), the x labels and the value range. */
export function prepareChart(months: readonly string[], series: Series[], maxPoints: number): Prepared {
  const hit = cache.get(months);
  if (hit && hit.maxPoints === maxPoints && sameSeries(hit.series, series)) return hit.prepared;
  const rows = downsampleRows(
    series.map((s) => s.values),
    maxPoints,
  );
  const daily = isDailyKeys(months);
  const timeAxis = daily || rows.length > CATEGORY_MAX;
  const data = rows.map((i) => {
    const month = months[i] ?? '';
    const row: Row = { month, t: keyTime(month) };
    for (const s of series) row[s.key] = s.values[i] ?? null;
    return row;
  });
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of series)
    for (const v of s.values) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  // The widest labels a time axis draws are months (`Sep 2019`) — years and days are shorter — or,
  // for days across a new year, a day with its year (`tickLabels`).
  const month = { unit: 'month', n: 1 } as const;
  const first = data[0]?.t as number;
  const lastT = data[data.length - 1]?.t as number;
  const timeLabels = timeAxis
    ? data.length > 0
      ? [
          tickLabel(first, month),
          tickLabel(lastT, month),
          ...(daily ? tickLabels([first, lastT], { unit: 'day', n: 1 }).slice(1) : []),
        ]
      : []
    : undefined;
  const categories = timeAxis ? [] : data.map((r) => r.month as string);
  const prepared = { data, timeAxis, daily, categories, timeLabels, min, max };
  cache.set(months, { series, maxPoints, prepared });
  return prepared;
}

const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };

/**
 * A monthly line chart with ready data (umami's habit: charts receive data, never compute it).
 * Months on the x axis in the user's locale, every one when they fit the width, else an evenly
 * spaced subset; `unit` titles the y axis, whose ticks are round steps (`niceTicks`) no finer than
 * `minStep`. Long histories are downsampled to at most 1,500 points per series and drawn on a
 * numeric time axis.
 */
export function TimeSeriesChart({
  months,
  series,
  unit,
  format = (v) => v.toLocaleString(),
  valueFormat,
  tooltip = true,
  height = 280,
  minStep = 1,
  maxPoints = MAX_POINTS,
}: {
  months: string[];
  series: Series[];
  unit: string;
  format?: (v: number) => string;
  /**
   * The tooltip's value format, given the series key: as the cards and the table show the value
   * (one decimal for percents), where the axis `format` may round to round steps. `format` by default.
   */
  valueFormat?: (v: number, key: string) => string;
  /** False: no hover tooltip (slides on a projector, where it would cover the chart). */
  tooltip?: boolean;
  height?: number;
  /**
   * The finest y step `format` can print: 1 (whole counts, the default), 0.01 (fractions shown as
   * whole percents), 0.1 (one decimal)…; 0 for any.
   */
  minStep?: number;
  maxPoints?: number;
}) {
  const { data, timeAxis, daily, categories, timeLabels, min, max } = useMemo(
    () => prepareChart(months, series, maxPoints),
    [months, series, maxPoints],
  );
  const yTicks = useMemo(() => niceTicks(min, max, { minStep }), [min, max, minStep]);
  const yLabels = useMemo(() => [yTicks.map((v) => format(v))], [yTicks, format]);
  const ref = useRef<HTMLDivElement>(null);
  const axes = useMonthAxis(ref, { months: categories, yLabels, margin: MARGIN, xLabels: timeLabels });
  const yWidth = axes.yWidths[0]!;
  const plotWidth = (axes.width ?? ASSUMED_WIDTH) - axes.margin.left - axes.margin.right - yWidth;
  const time = useMemo(() => {
    if (!timeAxis || data.length === 0) return { ticks: [] as number[], format: (t: number) => String(t) };
    const { ticks, step } = fittedTimeTicks(
      data[0]!.t as number,
      data[data.length - 1]!.t as number,
      plotWidth,
      axes.xLabelWidth,
      LABEL_GAP,
    );
    const texts = tickLabels(ticks, step);
    const labels = new Map(ticks.map((t, i) => [t, texts[i]!]));
    return { ticks, format: (t: number) => labels.get(t) ?? tickLabel(t, step) };
  }, [timeAxis, data, plotWidth, axes.xLabelWidth]);
  return (
    <div ref={ref} className="chart" style={{ height, display: 'flex', flexDirection: 'column' }}>
      <div style={{ flex: '1 1 auto', minHeight: 0 }}>
        <LineChart
          responsive
          style={{ width: '100%', height: '100%' }}
          data={data}
          margin={axes.margin}
          // The chart is a keyboard stop (Recharts' accessibility layer): its <title> names it.
          title={`${series.map((s) => s.label).join(', ')} (${unit})`}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          {timeAxis ? (
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              ticks={time.ticks}
              interval={0}
              tickFormatter={time.format}
              stroke="var(--axis)"
            />
          ) : (
            <XAxis dataKey="month" {...axes.xAxis} stroke="var(--axis)" />
          )}
          <YAxis
            stroke="var(--axis)"
            domain={[yTicks[0]!, yTicks[yTicks.length - 1]!]}
            ticks={yTicks}
            interval={0}
            tickFormatter={(v: number) => format(v)}
            label={yAxisTitle(unit)}
            width={yWidth}
          />
          {tooltip && (
            <Tooltip
              labelFormatter={(label) =>
                timeAxis ? pointLabel(Number(label), daily) : formatMonth(String(label), 'long')
              }
              formatter={(v, _name, item) =>
                typeof v !== 'number'
                  ? '—'
                  : valueFormat
                    ? valueFormat(v, String(item.dataKey ?? ''))
                    : format(v)
              }
              contentStyle={{ background: 'var(--surface)', color: 'var(--text)' }}
              itemSorter={inListedOrder(series.map((s) => s.key))}
            />
          )}
          {series.map((s) => (
            <Line
              key={s.key}
              // Straight segments: a month's value is one number, and a curve between months would
              // suggest values in between (and is what Recharts measures on every render).
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash ?? (s.dashed ? '6 4' : undefined)}
              dot={data.length <= 24}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </div>
      <SeriesLegend series={series} />
    </div>
  );
}

/**
 * The legend under the chart, as Recharts draws it (a line swatch, dashed like its series, and the
 * name in the series colour) but in plain HTML: Recharts' own legend measures itself after the
 * first paint and lays the whole chart out again (every point of every line once more).
 */
function SeriesLegend({ series }: { series: Series[] }) {
  return (
    <ul
      className="recharts-default-legend"
      style={{ padding: 0, margin: 0, textAlign: 'center', flex: '0 0 auto' }}
    >
      {series.map((s) => (
        <li key={s.key} className="recharts-legend-item" style={{ display: 'inline-block', marginRight: 10 }}>
          <svg
            width="14"
            height="14"
            viewBox="0 0 32 32"
            aria-hidden="true"
            style={{ display: 'inline-block', verticalAlign: 'middle', marginRight: 4 }}
          >
            <path
              d="M0,16h32"
              fill="none"
              stroke={s.color}
              strokeWidth={4}
              strokeDasharray={s.dash ?? (s.dashed ? '6 4' : undefined)}
            />
          </svg>
          <span className="recharts-legend-item-text" style={{ color: s.color }}>
            {s.label}
          </span>
        </li>
      ))}
    </ul>
  );
}
