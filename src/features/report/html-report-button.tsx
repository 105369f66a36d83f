import { useId, useState } from 'react';
import { renderHtmlReport } from '../../domain/export/html-report';
import type { PlatformFigure } from '../../domain/metrics/daily-reports';
import type { HearthReport } from '../../domain/metrics/types';
import { getDb } from '../../storage';
import { allNotes } from '../../storage/notes-repo';
import { downloadText } from '../../components/download';

/**
 * "Download HTML report": one self-contained file (aggregates only) — the same document as
 * `npm run hearth -- report --html`. Contributor names only when the box is ticked.
 */
export function HtmlReportButton({
  report,
  month,
  platformFigures,
}: {
  report: HearthReport;
  month?: string;
  platformFigures?: readonly PlatformFigure[];
}) {
  const [includeNames, setIncludeNames] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <span className="html-report-export">
      <button
        type="button"
        className="export-button primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          void allNotes(getDb())
            .then((notes) => {
              const html = renderHtmlReport(report, {
                includeNames,
                notes,
                ...(month ? { month } : {}),
                ...(platformFigures ? { platformFigures } : {}),
              });
              downloadText(htmlReportFileName(report, month), html, 'text/html;charset=utf-8');
            })
            .catch((e: unknown) =>
              setError(`The report could not be made: ${e instanceof Error ? e.message : String(e)}`),
            )
            .finally(() => setBusy(false));
        }}
      >
        Download HTML report
      </button>{' '}
      <input
        id={id}
        type="checkbox"
        checked={includeNames}
        onChange={(e) => setIncludeNames(e.target.checked)}
      />{' '}
      <label htmlFor={id}>Include top contributors' names</label>
      {error && <span role="alert"> {error}</span>}
    </span>
  );
}

/**
 * The report's file name: the month it describes when one is chosen (the brief's month), so the
 * reports of two months of one period do not overwrite each other; else the period.
 */
export function htmlReportFileName(report: Pick<HearthReport, 'period'>, month?: string): string {
  return month
    ? `hearth-report-${month}.html`
    : `hearth-report-${report.period.from}-to-${report.period.to}.html`;
}
