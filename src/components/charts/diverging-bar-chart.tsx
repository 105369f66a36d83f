import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../format';
import { downsampleRows, MAX_POINTS } from './downsample';

export interface BarSeries {
  key: string;
  label: string;
  color: string;
  values: readonly (number | null)[];
  /** Drawn below zero (e.g. churned members). */
  negative?: boolean;
  /** SVG pattern so bars differ without colour: solid, hatch, dots or cross. */
  pattern: 'solid' | 'hatch' | 'dots' | 'cross';
}

export interface LineSeries {
  key: string;
  label: string;
  color: string;
  values: readonly (number | null)[];
  unit: string;
  format: (v: number) => string;
}

function Pattern({ id, kind, color }: { id: string; kind: BarSeries['pattern']; color: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8">
      <rect width="8" height="8" fill={color} opacity={kind === 'solid' ? 1 : 0.35} />
      {kind === 'hatch' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={color} strokeWidth="2" />}
      {kind === 'dots' && <circle cx="4" cy="4" r="1.8" fill={color} />}
      {kind === 'cross' && <path d="M0,4 h8 M4,0 v8" stroke={color} strokeWidth="1.5" />}
    </pattern>
  );
}

/**
 * Stacked monthly bars above and below zero (growth accounting), with an optional line on a
 * right-hand axis (the quick ratio). Bars carry patterns as well as colours.
 */
export function DivergingBarChart({
  months,
  bars,
  line,
  unit,
  height = 320,
  idPrefix,
}: {
  months: string[];
  bars: BarSeries[];
  line?: LineSeries;
  unit: string;
  height?: number;
  idPrefix: string;
}) {
  const rows = downsampleRows([...bars.map((b) => b.values), ...(line ? [line.values] : [])], MAX_POINTS);
  const data = rows.map((i) => {
    const row: Record<string, string | number | null> = { month: months[i] ?? '' };
    for (const b of bars) {
      const v = b.values[i] ?? null;
      row[b.key] = v === null ? null : b.negative ? -v : v;
    }
    if (line) row[line.key] = line.values[i] ?? null;
    return row;
  });
  const negatives = new Set(bars.filter((b) => b.negative).map((b) => b.key));
  return (
    <div className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <defs>
            {bars.map((b) => (
              <Pattern key={b.key} id={`${idPrefix}-${b.key}`} kind={b.pattern} color={b.color} />
            ))}
          </defs>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis dataKey="month" tickFormatter={(m: string) => formatMonth(m)} stroke="var(--axis)" />
          <YAxis
            yAxisId="count"
            stroke="var(--axis)"
            allowDecimals={false}
            tickFormatter={(v: number) => Math.abs(v).toLocaleString()}
            label={{ value: unit, angle: -90, position: 'insideLeft', fill: 'var(--axis)' }}
            width={72}
          />
          {line && (
            <YAxis
              yAxisId="ratio"
              orientation="right"
              stroke="var(--axis)"
              tickFormatter={(v: number) => line.format(v)}
              label={{ value: line.unit, angle: 90, position: 'insideRight', fill: 'var(--axis)' }}
            />
          )}
          <ReferenceLine yAxisId="count" y={0} stroke="var(--axis)" />
          <Tooltip
            labelFormatter={(m) => formatMonth(String(m), 'long')}
            formatter={(v, _name, item) => {
              if (typeof v !== 'number') return '—';
              if (line && item.dataKey === line.key) return line.format(v);
              return negatives.has(String(item.dataKey)) ? `${Math.abs(v).toLocaleString()} (below zero)` : v.toLocaleString();
            }}
            contentStyle={{ background: 'var(--surface)', color: 'var(--text)' }}
          />
          <Legend />
          {bars.map((b) => (
            <Bar
              key={b.key}
              yAxisId="count"
              dataKey={b.key}
              name={b.negative ? `${b.label} (below zero)` : b.label}
              stackId="growth"
              fill={`url(#${idPrefix}-${b.key})`}
              stroke={b.color}
              isAnimationActive={false}
            />
          ))}
          {line && (
            <Line
              yAxisId="ratio"
              type="monotone"
              dataKey={line.key}
              name={line.label}
              stroke={line.color}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={data.length <= 24}
              isAnimationActive={false}
              connectNulls={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
