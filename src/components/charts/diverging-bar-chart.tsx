import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useMemo, useRef } from 'react';
import { formatMonth } from '../format';
import { yAxisTitle } from './axis-room';
import { niceTicks } from './axis-ticks';
import { downsampleRows, MAX_POINTS } from './downsample';
import { useMonthAxis } from './month-axis';
import { inListedOrder } from './series-order';

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
  /** The finest step of its axis that `format` can print (0.1 for one decimal); any when unset. */
  minStep?: number;
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

const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
/**
 * A count axis tick: below zero with a minus sign (`−100`), as the bars there are drawn (churned
 * members, whom the legend names "(below zero)").
 */
export function countTick(v: number): string {
  return v < 0 ? `−${Math.abs(v).toLocaleString()}` : v.toLocaleString();
}

/**
 * A bar's value in the tooltip: the count itself (`10` churned), without a sign; its name already
 * says "(below zero)".
 */
export function barValueLabel(v: number): string {
  return Math.abs(v).toLocaleString();
}

/** A bar's name in the legend and tooltip: one drawn below zero says so. */
const barName = (b: BarSeries) => (b.negative ? `${b.label} (below zero)` : b.label);

/** The lowest and highest ends of the stacks: negatives stack down from 0, positives up. */
function stackRange(
  data: Record<string, string | number | null>[],
  keys: readonly string[],
): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const row of data) {
    let down = 0;
    let up = 0;
    for (const k of keys) {
      const v = row[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      if (v < 0) down += v;
      else up += v;
    }
    lo = Math.min(lo, down);
    hi = Math.max(hi, up);
  }
  return [lo, hi];
}

function finiteRange(values: readonly (number | null)[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

/**
 * Stacked monthly bars above and below zero (growth accounting), with an optional line on a
 * right-hand axis (the quick ratio). Bars carry patterns as well as colours. Both value axes step
 * by round values (`niceTicks`); months are labelled as on the line charts (`monthAxisLayout`).
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
  const countTicks = useMemo(() => {
    const [lo, hi] = stackRange(
      data,
      bars.map((b) => b.key),
    );
    return niceTicks(lo, hi, { minStep: 1 });
  }, [data, bars]);
  const lineTicks = useMemo(() => {
    if (!line) return [];
    const [lo, hi] = finiteRange(line.values);
    return niceTicks(lo, hi, { minStep: line.minStep ?? 0 });
  }, [line]);
  const order = inListedOrder([...bars.map((b) => b.key), ...(line ? [line.key] : [])]);
  const ref = useRef<HTMLDivElement>(null);
  const axes = useMonthAxis(ref, {
    months: data.map((r) => String(r.month)),
    yLabels: line
      ? [countTicks.map(countTick), lineTicks.map((v) => line.format(v))]
      : [countTicks.map(countTick)],
    // A right-hand axis keeps its own room: the plot need not stop short of the edge.
    margin: line ? { ...MARGIN, right: 4 } : MARGIN,
    band: true,
  });
  const [countWidth, lineWidth] = axes.yWidths;
  return (
    <div ref={ref} className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={data}
          stackOffset="sign"
          margin={axes.margin}
          // The chart is a keyboard stop (Recharts' accessibility layer): its <title> names it.
          title={`${[...bars.map(barName), ...(line ? [line.label] : [])].join(', ')} (${unit})`}
        >
          <defs>
            {bars.map((b) => (
              <Pattern key={b.key} id={`${idPrefix}-${b.key}`} kind={b.pattern} color={b.color} />
            ))}
          </defs>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis dataKey="month" {...axes.xAxis} stroke="var(--axis)" />
          <YAxis
            yAxisId="count"
            stroke="var(--axis)"
            domain={[countTicks[0]!, countTicks[countTicks.length - 1]!]}
            ticks={countTicks}
            interval={0}
            tickFormatter={countTick}
            label={yAxisTitle(unit)}
            width={countWidth}
          />
          {line && (
            <YAxis
              yAxisId="ratio"
              orientation="right"
              stroke="var(--axis)"
              domain={[lineTicks[0]!, lineTicks[lineTicks.length - 1]!]}
              ticks={lineTicks}
              interval={0}
              tickFormatter={(v: number) => line.format(v)}
              label={yAxisTitle(line.unit, 'right')}
              width={lineWidth}
            />
          )}
          <ReferenceLine yAxisId="count" y={0} stroke="var(--axis)" />
          <Tooltip
            labelFormatter={(m) => formatMonth(String(m), 'long')}
            formatter={(v, _name, item) => {
              if (typeof v !== 'number') return '—';
              if (line && item.dataKey === line.key) return line.format(v);
              return barValueLabel(v);
            }}
            contentStyle={{ background: 'var(--surface)', color: 'var(--text)' }}
            itemSorter={order}
          />
          <Legend itemSorter={order} />
          {bars.map((b) => (
            <Bar
              key={b.key}
              yAxisId="count"
              dataKey={b.key}
              name={barName(b)}
              stackId="growth"
              fill={`url(#${idPrefix}-${b.key})`}
              stroke={b.color}
              isAnimationActive={false}
            />
          ))}
          {line && (
            <Line
              yAxisId="ratio"
              type="linear"
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
