import { TimeSeriesChart } from '../../components/charts/time-series-chart';
import { formatHours, formatNumber, formatPercent } from '../../components/format';
import type { ChartSpec } from '../../domain/export/chart-specs';
import { scaleValue, tickLabel } from '../../domain/export/svg-chart';

function axisLabel(spec: ChartSpec): string {
  if (spec.unit === 'percent') return 'percent';
  if (spec.unit === 'hours') return 'hours';
  return spec.id === 'subscribers' ? 'subscribers' : spec.id === 'events' ? 'count' : 'members';
}

/**
 * A drawn value (percents scaled to 0–100) as the tooltip shows it: as the table and the KPI cards
 * (one decimal for percents, `7.3 h`), not the axis ticks' two decimals.
 */
export function specValueLabel(unit: ChartSpec['unit'], drawn: number): string {
  if (unit === 'percent') return formatPercent(drawn / 100);
  return unit === 'hours' ? formatHours(drawn) : formatNumber(drawn);
}

/**
 * A ChartSpec drawn with the shared Recharts wrapper (percents drawn 0–100). `tooltip={false}`: no
 * hover tooltip (the slides).
 */
export function SpecChart({
  spec,
  height,
  tooltip,
}: {
  spec: ChartSpec;
  height?: number;
  tooltip?: boolean;
}) {
  return (
    <TimeSeriesChart
      months={spec.x}
      unit={axisLabel(spec)}
      height={height}
      tooltip={tooltip}
      format={(v) => tickLabel(spec.unit, v)}
      valueFormat={(v) => specValueLabel(spec.unit, v)}
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
