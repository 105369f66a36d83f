import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../format';
import { downsampleRows, MAX_POINTS } from './downsample';
import { isDailyKeys, keyTime, pointLabel, tickLabel, timeTicks } from './time-axis';

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
 * Up to this many monthly points the x axis is a category axis (a label per month, thinned by
 * Recharts); beyond it, or for daily keys, a numeric time axis with ~6–10 precomputed ticks —
 * a category axis formats and measures a label for every point (451 ms for 1,333 points).
 */
export const CATEGORY_MAX = 36;

type Row = Record<string, string | number | null>;

interface Prepared {
  data: Row[];
  /** Numeric time axis (long or daily series); otherwise the category axis on `month`. */
  timeAxis: boolean;
  daily: boolean;
  ticks: number[];
  tickFormat: (t: number) => string;
}

/**
 * The last prepared data per `months` array: pages usually pass new `series` objects on each
 * render but the same value arrays, so the cache compares the arrays, not the objects.
 */
const cache = new WeakMap<readonly string[], { series: Series[]; maxPoints: number; prepared: Prepared }>();

function sameSeries(a: Series[], b: Series[]): boolean {
  return a.length === b.length && a.every((s, i) => s.key === b[i]!.key && s.values === b[i]!.values);
}

/** Downsampled rows (`month`, `t` in UTC ms, one column per series) and the x axis ticks. */
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
  let ticks: number[] = [];
  let tickFormat = (t: number) => String(t);
  if (timeAxis && data.length > 0) {
    const { ticks: tt, step } = timeTicks(data[0]!.t as number, data[data.length - 1]!.t as number, 10);
    ticks = tt;
    const labels = new Map(tt.map((t) => [t, tickLabel(t, step)]));
    tickFormat = (t: number) => labels.get(t) ?? tickLabel(t, step);
  }
  const prepared = { data, timeAxis, daily, ticks, tickFormat };
  cache.set(months, { series, maxPoints, prepared });
  return prepared;
}

/**
 * A monthly line chart with ready data (umami's habit: charts receive data, never compute it).
 * Months on the x axis in the user's locale; `unit` labels the y axis. Long histories are
 * downsampled to at most 1,500 points per series and drawn on a numeric time axis.
 */
export function TimeSeriesChart({
  months,
  series,
  unit,
  format = (v) => v.toLocaleString(),
  height = 280,
  allowDecimals = false,
  maxPoints = MAX_POINTS,
}: {
  months: string[];
  series: Series[];
  unit: string;
  format?: (v: number) => string;
  height?: number;
  allowDecimals?: boolean;
  maxPoints?: number;
}) {
  const { data, timeAxis, daily, ticks, tickFormat } = useMemo(
    () => prepareChart(months, series, maxPoints),
    [months, series, maxPoints],
  );
  return (
    <div className="chart" style={{ height, display: 'flex', flexDirection: 'column' }}>
      <div style={{ flex: '1 1 auto', minHeight: 0 }}>
        <LineChart
          responsive
          style={{ width: '100%', height: '100%' }}
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          {timeAxis ? (
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              ticks={ticks}
              interval={0}
              tickFormatter={tickFormat}
              stroke="var(--axis)"
            />
          ) : (
            <XAxis dataKey="month" tickFormatter={(m: string) => formatMonth(m)} stroke="var(--axis)" />
          )}
          <YAxis
            stroke="var(--axis)"
            tickFormatter={(v: number) => format(v)}
            label={{ value: unit, angle: -90, position: 'insideLeft', fill: 'var(--axis)' }}
            allowDecimals={allowDecimals}
            width={72}
          />
          <Tooltip
            labelFormatter={(label) =>
              timeAxis ? pointLabel(Number(label), daily) : formatMonth(String(label), 'long')
            }
            formatter={(v) => (typeof v === 'number' ? format(v) : '—')}
            contentStyle={{ background: 'var(--surface)', color: 'var(--text)' }}
          />
          {series.map((s) => (
            <Line
              key={s.key}
              // Smoothing is invisible at more than a point per few pixels, and a cubic path is what
              // Recharts measures (getTotalLength) on every render: straight segments when long.
              type={timeAxis ? 'linear' : 'monotone'}
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
