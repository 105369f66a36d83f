import { useMemo } from 'react';
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { downsampleRows } from './downsample';

/** A tiny trend line for a KPI card (decorative: the card states the values in text). */
export function Sparkline({
  values,
  color = 'var(--c1)',
}: {
  values: readonly (number | null)[];
  color?: string;
}) {
  const data = useMemo(
    () => downsampleRows([values], 200).map((i) => ({ i, v: values[i] ?? null })),
    [values],
  );
  if (data.filter((d) => d.v !== null).length < 2) return null;
  return (
    <div className="sparkline" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        {/* No accessibility layer: the chart is aria-hidden, so it must not take keyboard focus either. */}
        <LineChart data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
          <YAxis hide domain={['dataMin', 'dataMax']} />
          <Line
            type="monotone"
            dataKey="v"
            stroke={color}
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
