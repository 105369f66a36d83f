import { EmptyState } from '../../components/empty-state';
import { reportCharts } from '../../domain/export/chart-specs';
import { generateHighlights, monthLabel, reportThrough } from '../../domain/highlights';
import { useReport } from '../overview/api/get-report';
import { HighlightsList } from '../report/highlights-list';
import { HtmlReportButton } from '../report/html-report-button';
import { KpiTable } from '../report/kpi-table';
import { MonthSelect } from '../report/month-select';
import { NotesBox } from '../report/notes-box';
import { ReportChartCard } from '../report/report-chart-card';
import { RetentionTable } from '../report/retention-table';
import { useHashParam } from '../report/use-hash-param';
import { enterFullscreen } from '../presentation/fullscreen';
import { focusOnReturn } from '../presentation/return-focus';
import { ComputingStatus } from '../filters/computing-status';
import { platformFigures } from '../../domain/metrics/daily-reports';
import { useDailyReports } from '../platform-reports/api/get-daily-reports';
import { PlatformFigures } from '../platform-reports/platform-figures';

/** The monthly brief: one page telling one month's story, ready to print, present or export. */
export function BriefPage() {
  const report = useReport();
  const [chosen, setMonth] = useHashParam('month');
  const daily = useDailyReports();
  if (report.isPending) return <ComputingStatus />;
  if (report.isError) return <p role="alert">The metrics could not be computed: {report.error.message}</p>;
  const r = report.data;
  if (!r || r.months.length === 0) {
    // The page's h1 (axe's page-has-heading-one), read but not shown above the empty state.
    return (
      <>
        <h1 className="visually-hidden">Monthly brief</h1>
        <EmptyState title="No brief yet">
          <p>
            Import your exports first: the brief tells the story of a month from them.{' '}
            <a href="#/import">Import</a>
          </p>
        </EmptyState>
      </>
    );
  }
  const month = chosen && r.months.includes(chosen) ? chosen : r.months[r.months.length - 1]!;
  const period = `${monthLabel(r.period.from)} – ${monthLabel(r.period.to)}`;
  // A brief for an earlier month of the period tells that month's story: its charts stop there.
  const upTo = reportThrough(r, month);
  const charts = reportCharts(upTo);
  const fileBase = `hearth-${month}`;
  const figures = daily.data ? platformFigures(daily.data, month) : [];
  return (
    <section aria-labelledby="brief-title" className="brief">
      <div className="page-head">
        <h1 id="brief-title">Monthly brief: {monthLabel(month)}</h1>
        <p className="period">
          Period {period} ({r.timeZone})
        </p>
      </div>
      <div className="brief-toolbar no-print" role="group" aria-label="Brief actions">
        <MonthSelect label="Month" months={r.months} value={month} onChange={setMonth} />
        <a
          className="button primary"
          href={`#/present?month=${month}`}
          onClick={() => enterFullscreen()}
          ref={focusOnReturn}
        >
          Present
        </a>
        <a className="button" href="#/compare">
          Compare months
        </a>
        <button type="button" className="export-button" onClick={() => window.print()}>
          Print / save as PDF
        </button>
        <HtmlReportButton report={r} month={month} platformFigures={figures} />
      </div>
      <section className="card report-block" aria-labelledby="highlights-title">
        <h2 id="highlights-title">Highlights</h2>
        <HighlightsList highlights={generateHighlights(r, month)} />
      </section>
      <KpiTable report={r} month={month} />
      <PlatformFigures figures={figures} month={month} previous={r.months[r.months.indexOf(month) - 1]} />
      <NotesBox key={month} month={month} />
      {upTo !== r && (
        <p className="hint" data-testid="charts-through">
          The charts run to {monthLabel(month)}, the brief’s month (the period goes on to{' '}
          {monthLabel(r.period.to)}).
        </p>
      )}
      <div className="brief-charts">
        {charts.map((c) => (
          <ReportChartCard key={c.id} spec={c} fileBase={fileBase} />
        ))}
      </div>
      <RetentionTable report={upTo} />
      <p className="print-footer print-only">
        Hearth · {period} · brief for {monthLabel(month)}
      </p>
    </section>
  );
}
