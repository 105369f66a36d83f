import { normaliseEmail } from '../../identity/email';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError } from '../read';
import type { TableAdapter } from '../types';
import { eventKey, eventNameFromFile, eventTitleFromFile, UndatedAttendance } from './common';

export const EVENTBRITE = 'eventbrite';

/**
 * Eventbrite attendee report. `Attendee Status` = Checked In is an `attend` by
 * `eventbrite:<email>`; other statuses are registrants (audience). The file has no event date:
 * `ctx.eventDate`, else the latest `Order Date` with a warning. Event = `Event Name` column when
 * present, else the file name (its title without the export suffix: `eventTitleFromFile`).
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
    let attendance: UndatedAttendance | null = null;
    return {
      mapRow(row, rowNumber, _out, issues) {
        const orderRaw = cell(row, col.orderDate);
        const orderAt = orderRaw ? readDate(ctx, 'order date', orderRaw) : null;
        if (!attendance) {
          const named = cell(row, col.event);
          const name = named || eventNameFromFile(ctx.fileName);
          const title = named ? named.replace(/\s+/g, ' ') : eventTitleFromFile(ctx.fileName);
          attendance = new UndatedAttendance(EVENTBRITE, eventKey(EVENTBRITE, name), 'Order Date', title);
        }
        attendance.seenDate(orderAt);
        if (!/^checked\s*in$/i.test(cell(row, col.status))) return true; // registrant: audience
        const email = normaliseEmail(cell(row, col.email));
        const attendeeId = cell(row, col.attendee) || `${cell(row, col.order)}:${email ?? ''}`;
        if (!email && !cell(row, col.attendee))
          return rowError(ctx, issues, rowNumber, 'Email', 'Checked-in attendee without Email or Attendee #');
        const name = [cell(row, col.first), cell(row, col.last)].filter(Boolean).join(' ');
        const personKey = `${EVENTBRITE}:${email ?? `attendee:${attendeeId}`}`;
        attendance.add({
          activityKey: `${EVENTBRITE}:attend:${attendeeId}`,
          personKey,
          person: { ...(name ? { name } : {}), ...(email ? { email } : {}) },
        });
        return true;
      },
      finish(out, issues) {
        attendance?.finish(ctx, out, issues);
      },
    };
  },
};
