import { reportJson } from '../../domain/metrics/report-json';
import type { HearthReport } from '../../domain/metrics/types';
import { downloadText } from '../../components/download';

/** "Download metrics (JSON)": the same hearth.report/1 that `npm run hearth -- report` prints. */
export function DownloadMetricsButton({ report }: { report: HearthReport }) {
  return (
    <button
      type="button"
      onClick={() =>
        downloadText(`hearth-report-${report.period.from}-to-${report.period.to}.json`, reportJson(report), 'application/json')
      }
    >
      Download metrics (JSON)
    </button>
  );
}
