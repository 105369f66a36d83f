import { ChartPanel } from '../../components/chart-panel';
import { seriesTable } from '../../components/charts/series-table';
import { formatHours, formatNumber, formatPercentFixed } from '../../components/format';
import type { ChartSpec, ChartUnit } from '../../domain/export/chart-specs';
import { SpecChart } from './spec-chart';

const FORMAT: Record<ChartUnit, (v: number | null) => string> = {
  count: (v) => formatNumber(v),
  percent: (v) => formatPercentFixed(v),
  hours: formatHours,
};

/**
 * A chart block of the brief: the chart, its definition, the same data as a table ("Show as
 * table"), and "Download PNG" (ChartPanel's, named after the brief's month). One per printed block.
 */
export function ReportChartCard({ spec, fileBase }: { spec: ChartSpec; fileBase: string }) {
  return (
    <div className="report-block" data-chart={spec.id}>
      <ChartPanel
        title={spec.title}
        definition={<p>{spec.definition}</p>}
        table={seriesTable(
          spec.x,
          spec.lines.map((l) => ({
            key: l.key,
            label: l.label,
            values: l.values,
            format: FORMAT[spec.unit],
          })),
        )}
        png={`${fileBase}-${spec.id}.png`}
      >
        <SpecChart spec={spec} />
      </ChartPanel>
    </div>
  );
}
