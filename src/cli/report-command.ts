import { writeFile } from 'node:fs/promises';
import { buildReport, prepareDataset, reportJson } from '../domain/metrics';
import { dailyReports, platformFigures as figuresFor } from '../domain/metrics/daily-reports';
import { zonedMidnight } from '../domain/time/months';
import { checkMonth, checkZone, parseArgs, UsageError } from './args';
import { expandInputs, readExports } from './inputs';

/**
 * `hearth report`: exports in, hearth.report/1 out (stdout), problems on stderr. `--sources a,b`
 * limits the report to some source namespaces (as the app's Sources filter does). With
 * `--html OUT.html` it writes the self-contained HTML report instead (aggregates only; `--names`
 * opts in to the top contributors' names). `--dates day-first|month-first` reads date columns
 * that cannot tell day from month (03/04/2025) as the browser's import question would, and
 * `--event-date YYYY-MM-DD` dates the attendances of attendee lists that carry no date (Eventbrite,
 * Meetup, Luma online joins) as the browser's event-date question does.
 */
export async function reportCommand(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const args = parseArgs(argv, ['tz', 'from', 'to', 'html', 'sources', 'dates', 'event-date'], ['names']);
  const timeZone = checkZone(args.flags.get('tz'));
  const dates = args.flags.get('dates');
  if (dates !== undefined && dates !== 'day-first' && dates !== 'month-first')
    throw new UsageError(`--dates must be day-first or month-first, not "${dates}"`);
  const eventDay = args.flags.get('event-date');
  if (eventDay !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(eventDay))
    throw new UsageError(`--event-date must be a day like 2025-03-14, not "${eventDay}"`);
  const eventDate = eventDay === undefined ? undefined : zonedMidnight(eventDay, timeZone);
  const from = checkMonth('from', args.flags.get('from'));
  const to = checkMonth('to', args.flags.get('to'));
  const html = args.flags.get('html');
  const includeNames = args.flags.has('names');
  if (includeNames && !html) throw new UsageError('--names only applies to --html reports');
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  if (args.positionals.length === 0) throw new UsageError('name at least one export file or folder');
  const files = await expandInputs(args.positionals, err);
  const { records, sources } = await readExports(
    files,
    timeZone,
    err,
    dates === undefined ? undefined : dates === 'day-first',
    eventDate,
  );
  if (sources.length === 0) {
    err('hearth: no file could be read; no report.');
    return 1;
  }
  const wanted = args.flags
    .get('sources')
    ?.split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  if (wanted) {
    const present = new Set(
      [
        ...records.persons,
        ...records.activities,
        ...records.campaigns,
        ...records.subscriptions,
        ...records.socialPosts,
        ...records.dailyValues,
      ].map((r) => r.source),
    );
    const unknown = wanted.filter((w) => !present.has(w));
    if (unknown.length)
      err(
        `hearth: --sources: no data from ${unknown.join(', ')} (present: ${[...present].sort().join(', ')})`,
      );
  }
  const filters = {
    timeZone,
    ...(wanted ? { sources: wanted } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const ds = prepareDataset({ records });
  const report = buildReport(ds, { ...filters, sourceSummaries: sources });
  if (html) {
    const { renderHtmlReport } = await import('../domain/export/html-report');
    const month = report.months[report.months.length - 1];
    const platformFigures = month ? figuresFor(dailyReports(ds, filters), month) : [];
    try {
      await writeFile(html, renderHtmlReport(report, { includeNames, platformFigures }), 'utf8');
    } catch (e) {
      err(`hearth: cannot write ${html} (${e instanceof Error ? e.message : String(e)})`);
      return 1;
    }
    err(
      `hearth: wrote ${html} (${report.period.from} to ${report.period.to}${includeNames ? ', with contributor names' : ', aggregates only'})`,
    );
    return 0;
  }
  out(reportJson(report));
  return 0;
}
