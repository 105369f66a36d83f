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
          <p className="section-intro">
            They count by the platforms’ own definitions, so they differ from Hearth’s: Discourse’s DAU/MAU
            counts every signed-in visitor, Hearth’s stickiness only members who took part (bots never); X’s
            account impressions cover everything the account showed, the Social page’s only the posts in your
            post exports.
          </p>
          <DailyReportsSection />
        </>
      )}
    </ReportPage>
  );
}
