import { useRef, useState } from 'react';
import { ChartPanel } from '../../components/chart-panel';
import { seriesTable } from '../../components/charts/series-table';
import { formatHours, formatNumber, formatPercent } from '../../components/format';
import type { ChartSpec, ChartUnit } from '../../domain/export/chart-specs';
import { downloadChartPng } from './chart-png';
import { SpecChart } from './spec-chart';

const FORMAT: Record<ChartUnit, (v: number | null) => string> = {
  count: (v) => formatNumber(v),
  percent: (v) => formatPercent(v),
  hours: formatHours,
};

/**
 * A chart block of the brief: the chart, its definition, the same data as a table ("Show as
 * table"), and "Download PNG". One per printed block.
 */
export function ReportChartCard({ spec, fileBase }: { spec: ChartSpec; fileBase: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="report-block" data-chart={spec.id}>
      <ChartPanel
        title={spec.title}
        definition={<p>{spec.definition}</p>}
        table={seriesTable(
          spec.x,
          spec.lines.map((l) => ({ key: l.key, label: l.label, values: l.values, format: FORMAT[spec.unit] })),
        )}
      >
        <div ref={ref}>
          <SpecChart spec={spec} />
        </div>
        <p className="chart-actions">
          <button
            type="button"
            className="export-button"
            aria-label={`Download PNG: ${spec.title}`}
            onClick={() => {
              setError(null);
              if (ref.current) downloadChartPng(ref.current, spec, `${fileBase}-${spec.id}.png`).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
            }}
          >
            Download PNG
          </button>
          {error && <span role="alert"> {error}</span>}
        </p>
      </ChartPanel>
    </div>
  );
}
