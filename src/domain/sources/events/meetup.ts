import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { IdDamage, readDate, rowError, rowWarning } from '../read';
import type { TableAdapter } from '../types';
import { eventKey, eventNameFromFile, eventTitleFromFile, UndatedAttendance } from './common';

export const MEETUP = 'meetup';

/** Meetup's `Attendance` values that mean the member came (RSVP alone is not attendance). */
const ATTENDED = /^(attended|yes|present|checked[\s-]?in)$/i;

/**
 * Meetup event attendee list (`Name, Attendance, User ID, …, RSVP, RSVPed on, …`). Attendance =
 * Attended is an `attend` by `meetup:<User ID>`; the file has no event date: `ctx.eventDate`, else
 * the latest `RSVPed on` with a warning.
 */
export const meetupAttendees: TableAdapter = {
  kind: 'table',
  format: 'meetup-attendees',
  label: 'Meetup attendees',
  detect(header) {
    const c = headerCoverage(header, [
      'name',
      'attendance',
      'user id',
      'rsvp',
      'guests',
      'rsvped on',
      'joined group on',
      'url of member profile',
    ]);
    return c >= 0.6 && header.includes('rsvp') && header.includes('user id') ? 0.6 + c * 0.35 : 0;
  },
  start(ctx, header) {
    const col = {
      name: columnIndex(header, 'name'),
      attendance: columnIndex(header, 'attendance'),
      id: columnIndex(header, 'user id'),
      rsvpOn: columnIndex(header, 'rsvped on'),
    };
    const attendance = new UndatedAttendance(
      MEETUP,
      eventKey(MEETUP, eventNameFromFile(ctx.fileName)),
      'RSVPed on',
      eventTitleFromFile(ctx.fileName),
    );
    const damage = new IdDamage();
    return {
      mapRow(row, rowNumber, _out, issues) {
        const rsvpRaw = cell(row, col.rsvpOn);
        attendance.seenDate(rsvpRaw ? readDate(ctx, 'rsvped on', rsvpRaw) : null);
        if (!ATTENDED.test(cell(row, col.attendance))) return true; // RSVP / no-show: audience
        const id = cell(row, col.id);
        if (!id) return rowError(ctx, issues, rowNumber, 'User ID', 'Attendee without User ID');
        damage.check('User ID', id, rowNumber);
        const name = cell(row, col.name);
        attendance.add({
          activityKey: `${MEETUP}:attend:${eventNameFromFile(ctx.fileName).toLowerCase()}:${id}`,
          personKey: `${MEETUP}:${id}`,
          person: name ? { name } : {},
        });
        return true;
      },
      finish(out, issues) {
        // A Meetup file names its event only: each date is a session of it (recurring meetups share a name).
        attendance.finish(ctx, out, issues, true);
        damage.report(ctx, issues);
      },
      needs: () => attendance.needs(ctx),
    };
  },
};

/**
 * Meetup member list (tab-separated `.xls`): a roster keyed `meetup:<User ID>`, join =
 * `Joined Group on` (`MM/DD/YYYY`: month first is fixed by the format, unless the values show days
 * first — a list saved again by a day-first spreadsheet; see TableImport.startMapping).
 */
export const meetupMembers: TableAdapter = {
  kind: 'table',
  format: 'meetup-members',
  label: 'Meetup member list',
  dateOrder: { 'joined group on': false, 'last visited group on': false, 'last attended': false },
  detect(header) {
    const c = headerCoverage(header, [
      'name',
      'user id',
      'title',
      'member id',
      'location',
      'joined group on',
      'last visited group on',
      'url of member profile',
    ]);
    return c >= 0.6 && header.includes('joined group on') && !header.includes('rsvp') ? 0.6 + c * 0.35 : 0;
  },
  start(ctx, header) {
    const col = {
      name: columnIndex(header, 'name'),
      id: columnIndex(header, 'user id', 'member id'),
      joined: columnIndex(header, 'joined group on'),
    };
    const damage = new IdDamage();
    return {
      mapRow(row, rowNumber, out, issues) {
        const id = cell(row, col.id);
        if (!id) return rowError(ctx, issues, rowNumber, 'User ID', 'Missing User ID');
        damage.check('User ID', id, rowNumber);
        const joinedRaw = cell(row, col.joined);
        const joinedAt = joinedRaw ? readDate(ctx, 'joined group on', joinedRaw) : null;
        if (joinedRaw && joinedAt === null)
          rowWarning(
            ctx,
            issues,
            rowNumber,
            'Joined Group on',
            `${dateProblem(joinedRaw, 'MM/DD/YYYY')}; member kept without a join date.`,
          );
        const name = cell(row, col.name);
        out.persons.push({
          key: `${MEETUP}:${id}`,
          source: MEETUP,
          ...(name ? { name } : {}),
          ...(joinedAt !== null ? { joinedAt } : {}),
          roster: true,
          bot: false,
        });
        return true;
      },
      finish(_out, issues) {
        damage.report(ctx, issues);
      },
    };
  },
};
