import { ReportPage } from '../filters/report-page';
import { DailyReportsSection } from './daily-reports-section';

/** The platforms' own daily figures (Discourse admin reports, X account overview, LinkedIn page analytics). */
export function PlatformReportsPage() {
  return (
    <ReportPage id="platform-reports" title="Platform reports">
      {() => (
        <>
          <p className="section-intro">
            The daily figures your platforms’ own dashboards export — Discourse admin reports, the X account
            overview, LinkedIn page analytics — for the period and sources chosen above, as the platforms
            counted them.
          </p>
          <DailyReportsSection />
        </>
      )}
    </ReportPage>
  );
}
