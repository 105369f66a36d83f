import { TimeSeriesChart } from '../../components/charts/time-series-chart';
import type { ChartSpec } from '../../domain/export/chart-specs';
import { scaleValue, tickLabel } from '../../domain/export/svg-chart';

function axisLabel(spec: ChartSpec): string {
  if (spec.unit === 'percent') return 'percent';
  if (spec.unit === 'hours') return 'hours';
  return spec.id === 'subscribers' ? 'subscribers' : spec.id === 'events' ? 'count' : 'members';
}

/** A ChartSpec drawn with the shared Recharts wrapper (percents drawn 0–100). */
export function SpecChart({ spec, height }: { spec: ChartSpec; height?: number }) {
  return (
    <TimeSeriesChart
      months={spec.x}
      unit={axisLabel(spec)}
      height={height}
      format={(v) => tickLabel(spec.unit, v)}
      series={spec.lines.map((l) => ({
        key: l.key,
        label: l.label,
        color: `var(--c${l.color})`,
        values: l.values.map((v) => (v === null ? null : scaleValue(spec.unit, v))),
        ...(l.dashed ? { dashed: true } : {}),
      }))}
    />
  );
}
