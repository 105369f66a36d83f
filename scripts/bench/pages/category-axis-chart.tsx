/**
 * The baseline of the chart bench: TimeSeriesChart as it was before the numeric time axis (a
 * category x axis on `month` for every length). Bench only; never part of the app.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../../../src/components/format';
import { downsampleRows, MAX_POINTS } from '../../../src/components/charts/downsample';

interface Series {
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
 * A monthly line chart with ready data (umami's habit: charts receive data, never compute it).
 * Months on the x axis in the user's locale; `unit` labels the y axis. Long histories are
 * downsampled to at most 1,500 points per series.
 */
export function CategoryAxisChart({
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
  const rows = downsampleRows(
    series.map((s) => s.values),
    maxPoints,
  );
  const data = rows.map((i) => {
    const row: Record<string, string | number | null> = { month: months[i] ?? '' };
    for (const s of series) row[s.key] = s.values[i] ?? null;
    return row;
  });
  return (
    <div className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis dataKey="month" tickFormatter={(m: string) => formatMonth(m)} stroke="var(--axis)" />
          <YAxis
            stroke="var(--axis)"
            tickFormatter={(v: number) => format(v)}
            label={{ value: unit, angle: -90, position: 'insideLeft', fill: 'var(--axis)' }}
            allowDecimals={allowDecimals}
            width={72}
          />
          <Tooltip
            labelFormatter={(m) => formatMonth(String(m), 'long')}
            formatter={(v) => (typeof v === 'number' ? format(v) : '—')}
            contentStyle={{ background: 'var(--surface)', color: 'var(--text)' }}
          />
          <Legend />
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
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
      </ResponsiveContainer>
    </div>
  );
}
