import { fmtCountOf } from '../../highlights/format';
import { dayKeyOf } from '../../time/months';
import type { ImportIssue, RecordBatch } from '../../model/records';
import { normaliseEmail } from '../../identity/email';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError } from '../read';
import type { AdapterContext, ImportNeeds, TableAdapter } from '../types';
import {
  dayOf,
  eventKey,
  eventNameFromFile,
  eventTitleFromFile,
  UndatedAttendance,
  type PendingAttend,
} from './common';

export const EVENTBRITE = 'eventbrite';

/** One `Event Name` of the report (or the rows without one), as read so far. */
interface EventRows {
  /** `Event Name` as first written (spaces collapsed); '' for the rows without one. */
  title: string;
  latest: number | null;
}

/**
 * Eventbrite attendee report. `Attendee Status` = Checked In is an `attend` by
 * `eventbrite:<email>`; other statuses are registrants (audience). Event = `Event Name` column when
 * present, else the file name (its title without the export suffix: `eventTitleFromFile`). A report
 * may cover several events: each distinct `Event Name` is its own event (channel and title); rows
 * without one belong to the report's only named event, else to the file's (and, in a report of
 * several named events, cannot be placed: an error). The file has no event date: for a single event,
 * `ctx.eventDate`, else the latest `Order Date` with a warning; for several events one entered date
 * cannot be right for all, so each is dated at the day of the latest `Order Date` among its own rows, with a
 * warning naming the events and their dates (and saying so when a date was entered).
 */
export const eventbriteAttendees: TableAdapter = {
  kind: 'table',
  format: 'eventbrite-attendees',
  label: 'Eventbrite attendees',
  detect(header) {
    const c = headerCoverage(header, [
      'order #',
      'order date',
      'first name',
      'last name',
      'email',
      'quantity',
      'ticket type',
      'attendee #',
      'attendee status',
    ]);
    return c >= 0.7 && header.includes('attendee status') ? 0.6 + c * 0.35 : 0;
  },
  start(ctx, header) {
    const col = {
      order: columnIndex(header, 'order #'),
      orderDate: columnIndex(header, 'order date'),
      first: columnIndex(header, 'first name'),
      last: columnIndex(header, 'last name'),
      email: columnIndex(header, 'email'),
      attendee: columnIndex(header, 'attendee #'),
      status: columnIndex(header, 'attendee status'),
      event: columnIndex(header, 'event name'),
    };
    /** By event key (`eventKey` of the Event Name); '' = rows without an Event Name. */
    const events = new Map<string, EventRows>();
    /** Check-ins in file order, with the key of their row's event. */
    const pending: { event: string; row: number; attend: PendingAttend }[] = [];
    let needs: ImportNeeds | undefined;
    return {
      mapRow(row, rowNumber, _out, issues) {
        const orderRaw = cell(row, col.orderDate);
        const orderAt = orderRaw ? readDate(ctx, 'order date', orderRaw) : null;
        const named = cell(row, col.event);
        const event = named ? eventKey(EVENTBRITE, named) : '';
        let rows = events.get(event);
        if (!rows) {
          rows = { title: named.replace(/\s+/g, ' '), latest: null };
          events.set(event, rows);
        }
        if (orderAt !== null && (rows.latest === null || orderAt > rows.latest)) rows.latest = orderAt;
        if (!/^checked[\s-]?in$/i.test(cell(row, col.status))) return true; // registrant: audience ("Checked In", "Checked-In", "CheckedIn")
        const email = normaliseEmail(cell(row, col.email));
        const attendeeId = cell(row, col.attendee) || `${cell(row, col.order)}:${email ?? ''}`;
        if (!email && !cell(row, col.attendee))
          return rowError(ctx, issues, rowNumber, 'Email', 'Checked-in attendee without Email or Attendee #');
        const name = [cell(row, col.first), cell(row, col.last)].filter(Boolean).join(' ');
        pending.push({
          event,
          row: rowNumber,
          attend: {
            activityKey: `${EVENTBRITE}:attend:${attendeeId}`,
            personKey: `${EVENTBRITE}:${email ?? `attendee:${attendeeId}`}`,
            person: { ...(name ? { name } : {}), ...(email ? { email } : {}) },
          },
        });
        return true;
      },
      finish(out, issues) {
        needs = finishEvents(ctx, events, pending, out, issues);
      },
      needs: () => needs,
    };
  },
};

function finishEvents(
  ctx: AdapterContext,
  events: Map<string, EventRows>,
  pending: { event: string; row: number; attend: PendingAttend }[],
  out: RecordBatch,
  issues: ImportIssue[],
): ImportNeeds | undefined {
  if (pending.length === 0) return undefined;
  const named = [...events.entries()].filter(([key]) => key !== '');
  const unnamed = events.get('');
  if (named.length <= 1) {
    // One event, as before: the named one (else the file's) holds every row; an entered date applies.
    const only = named[0];
    const attendance = only
      ? new UndatedAttendance(EVENTBRITE, only[0], 'Order Date', only[1].title)
      : new UndatedAttendance(
          EVENTBRITE,
          eventKey(EVENTBRITE, eventNameFromFile(ctx.fileName)),
          'Order Date',
          eventTitleFromFile(ctx.fileName),
        );
    attendance.seenDate(only?.[1].latest ?? null);
    attendance.seenDate(unnamed?.latest ?? null);
    for (const p of pending) attendance.add(p.attend);
    attendance.finish(ctx, out, issues);
    return attendance.needs(ctx);
  }
  // No event-date question: one date cannot be right for every event of the report.
  // Several events: each dated at its own latest Order Date; an entered date is not applied to all.
  const lost = pending.filter((p) => p.event === '');
  if (lost.length > 0)
    issues.push({
      file: ctx.fileName,
      column: 'Event Name',
      severity: 'error',
      message: `${fmtCountOf(lost.length, 'checked-in attendee')} (row${lost.length === 1 ? '' : 's'} ${lost.map((p) => p.row).join(', ')}) ${lost.length === 1 ? 'has' : 'have'} no Event Name, and the file holds ${named.length} events: Hearth cannot tell which event they attended, so they are not imported.`,
    });
  const dated: string[] = [];
  for (const [key, rows] of named) {
    const attendance = new UndatedAttendance(EVENTBRITE, key, 'Order Date', rows.title);
    for (const p of pending) if (p.event === key) attendance.add(p.attend);
    if (attendance.size === 0) continue;
    if (rows.latest === null) {
      issues.push({
        file: ctx.fileName,
        column: 'Event Name',
        severity: 'error',
        message: `The file carries no event date and "${rows.title}" has no Order Date to guess one from: ${attendance.size === 1 ? 'its attendance is' : `its ${fmtCountOf(attendance.size, 'attendance')} are`} not imported. Export that event's attendee report on its own and enter its date.`,
      });
      continue;
    }
    attendance.emit(dayOf(rows.latest, ctx.timeZone), out);
    dated.push(`"${rows.title}" ${dayKeyOf(rows.latest, ctx.timeZone)}`);
  }
  if (dated.length === 0) return undefined;
  const names = named.map(([, rows]) => `"${rows.title}"`).join(', ');
  issues.push({
    file: ctx.fileName,
    column: 'Event Name',
    severity: 'warning',
    message: `${
      ctx.eventDate !== undefined
        ? `This file holds ${named.length} events (${names}), and one event date cannot be right for all of them: the date entered (${dayKeyOf(ctx.eventDate, ctx.timeZone)}) was not used.`
        : `The file carries no event dates and holds ${named.length} events (${names}).`
    } Attendances are dated at each event's latest Order Date: ${dated.join(', ')}. To date them exactly, export each event's attendee report on its own and enter its date.`,
  });
  return undefined;
}
