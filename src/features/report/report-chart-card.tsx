import { useRef, useState } from 'react';
import { ChartCard } from '../../components/chart-card';
import type { ChartSpec } from '../../domain/export/chart-specs';
import { downloadChartPng } from './chart-png';
import { SpecChart } from './spec-chart';

/** A chart block of the brief: the chart, its definition, and "Download PNG". One per printed block. */
export function ReportChartCard({ spec, fileBase }: { spec: ChartSpec; fileBase: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="report-block" data-chart={spec.id}>
      <ChartCard title={spec.title} definition={<p>{spec.definition}</p>}>
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
      </ChartCard>
    </div>
  );
}
