import { fmtCountOf } from '../../highlights/format';
import { dayKeyOf } from '../../time/months';
import { normaliseEmail } from '../../identity/email';
import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError } from '../read';
import type { TableAdapter } from '../types';
import {
  eventKey,
  eventNameFromFile,
  eventTitleFromFile,
  inSession,
  dayOf,
  sessionDay,
  UndatedAttendance,
} from './common';

export const LUMA = 'luma';

/**
 * The column that says a guest joined an online event. The issue that dates such guests without an
 * event date (warning) or cannot (error) names it: the import review asks for the event date when
 * it sees one (preview.ts).
 */
export const LUMA_JOINED_COLUMN = 'has_joined_event';

/** `has_joined_event` values that mean the guest joined (Luma writes Yes/No; scripts write true/1). */
const JOINED = /^(yes|true|1)$/i;

/**
 * Luma guest list (`<Event Name> - Guests - <date>.csv`, `guest_id` or older `api_id` first): one file is one event, named from the
 * file. A non-empty `checked_in_at` is an `attend` at that time by `luma:<email>`, with
 * channel = the event key in its session (the earliest check-in's UTC day, `sessionDay`: recurring
 * events share a name) and title = the event's name as the file spells it. A guest of an online
 * event with `has_joined_event` = Yes (true/1) and no `checked_in_at` is an `attend` too, with the
 * same key (a guest with both counts once, at `checked_in_at`); the file has no join time, so these
 * are dated like Eventbrite's check-ins: `ctx.eventDate`, else the day of the latest `created_at`
 * (registration) in the file with a warning. Registrants who neither checked in nor joined are audience (no record).
 */
export const lumaGuests: TableAdapter = {
  kind: 'table',
  format: 'luma-guests',
  label: 'Luma guest list',
  detect(header, fileName) {
    // Newer guest lists name the guest id `guest_id` (older ones `api_id`).
    const id = header.includes('guest_id') ? 'guest_id' : 'api_id';
    const c = headerCoverage(header, [id, 'name', 'email', 'created_at', 'approval_status', 'checked_in_at']);
    if (c < 0.8 || !header.includes('checked_in_at')) return 0;
    return Math.min(1, 0.85 + (/ - guests/i.test(fileName) ? 0.1 : 0));
  },
  start(ctx, header) {
    const col = {
      id: columnIndex(header, 'api_id', 'guest_id'),
      name: columnIndex(header, 'name'),
      first: columnIndex(header, 'first_name'),
      last: columnIndex(header, 'last_name'),
      email: columnIndex(header, 'email'),
      checkedIn: columnIndex(header, 'checked_in_at'),
      joined: columnIndex(header, LUMA_JOINED_COLUMN),
      created: columnIndex(header, 'created_at'),
    };
    const event = eventNameFromFile(ctx.fileName);
    const channel = eventKey(LUMA, event);
    const title = eventTitleFromFile(ctx.fileName);
    const seen = new Set<string>();
    /** Checked-in guests' attendances, and the earliest check-in (the session's day). */
    const checkedIn: { key: string; personKey: string; at: number }[] = [];
    let first: number | null = null;
    // Guests who joined online without checking in: dated at the end of the file.
    const joined = new UndatedAttendance(LUMA, channel, 'created_at', title);
    return {
      mapRow(row, rowNumber, out, issues) {
        const createdRaw = cell(row, col.created);
        if (col.joined >= 0 && createdRaw) joined.seenDate(readDate(ctx, 'created_at', createdRaw));
        const checkedRaw = cell(row, col.checkedIn);
        const joinedOnly = !checkedRaw && JOINED.test(cell(row, col.joined));
        if (!checkedRaw && !joinedOnly) return true; // registered, not attended: audience
        const rawEmail = cell(row, col.email);
        const email = normaliseEmail(rawEmail);
        const id = cell(row, col.id);
        if (!email && !id)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'email',
            `${joinedOnly ? 'Guest who joined' : 'Checked-in guest'} without email or guest id (api_id / guest_id)`,
          );
        const personKey = `${LUMA}:${email ?? id}`;
        const activityKey = `${channel}:attend:${email ?? id}`;
        if (joinedOnly) {
          const name = guestName(row);
          joined.add({
            activityKey,
            personKey,
            person: { ...(name ? { name } : {}), ...(email ? { email } : {}) },
          });
          return true;
        }
        const at = readDate(ctx, 'checked_in_at', checkedRaw);
        if (at === null)
          return rowError(ctx, issues, rowNumber, 'checked_in_at', dateProblem(checkedRaw, 'ISO 8601'));
        if (!seen.has(personKey)) {
          seen.add(personKey);
          const name = guestName(row);
          out.persons.push({
            key: personKey,
            source: LUMA,
            ...(name ? { name } : {}),
            ...(email ? { email } : {}),
            roster: false,
            bot: false,
          });
        }
        // Held until the end: the session (the earliest check-in's day) is part of its key and channel.
        checkedIn.push({ key: activityKey, personKey, at });
        if (first === null || at < first) first = at;
        return true;
      },
      finish(out, issues) {
        const session = first !== null ? sessionDay(first) : null;
        if (session !== null) {
          for (const a of checkedIn) {
            out.activities.push({
              key: inSession(a.key, session),
              source: LUMA,
              personKey: a.personKey,
              kind: 'attend',
              at: a.at,
              channel: inSession(channel, session),
              title,
            });
          }
        }
        if (joined.size === 0) return;
        let at = ctx.eventDate;
        if (at === undefined) {
          const latest = joined.latestSeen;
          if (latest === null) {
            issues.push({
              file: ctx.fileName,
              column: LUMA_JOINED_COLUMN,
              severity: 'error',
              message: `${fmtCountOf(joined.size, 'guest')} joined online (${LUMA_JOINED_COLUMN}) without a check-in time, and the file carries neither a join time nor a created_at to guess the event date from: they are not imported. Enter the event date to import them.`,
            });
            return;
          }
          at = dayOf(latest, ctx.timeZone);
          issues.push({
            file: ctx.fileName,
            column: LUMA_JOINED_COLUMN,
            severity: 'warning',
            message: `${fmtCountOf(joined.size, 'guest')} joined online (${LUMA_JOINED_COLUMN}) without a check-in time, and the file carries no join time: they are dated ${dayKeyOf(at, ctx.timeZone)}, the latest created_at (registration) in the file. Enter the event date if that is wrong.`,
          });
        }
        // Without check-ins, the session is the file's latest registration day (UTC, as Luma writes it),
        // so that re-dating the event and importing again keys the same; else the date entered.
        const latest = joined.latestSeen;
        joined.emit(at, out, session ?? (latest !== null ? sessionDay(latest) : dayKeyOf(at, ctx.timeZone)));
      },
      // Only guests who joined online wait for a date (checked-in guests carry their time).
      needs: () => joined.needs(ctx),
    };

    function guestName(row: string[]): string {
      return cell(row, col.name) || [cell(row, col.first), cell(row, col.last)].filter(Boolean).join(' ');
    }
  },
};
