import { normaliseEmail } from '../../identity/email';
import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError } from '../read';
import type { TableAdapter } from '../types';
import { eventKey, eventNameFromFile, eventTitleFromFile } from './common';

export const LUMA = 'luma';

/**
 * Luma guest list (`<Event Name> - Guests - <date>.csv`, `guest_id` or older `api_id` first): one file is one event, named from the
 * file. A non-empty `checked_in_at` is an `attend` at that time by `luma:<email>`, with
 * channel = the event key and title = the event's name as the file spells it; registrants who never
 * checked in are audience (no record).
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
    };
    const event = eventNameFromFile(ctx.fileName);
    const channel = eventKey(LUMA, event);
    const title = eventTitleFromFile(ctx.fileName);
    const seen = new Set<string>();
    return {
      mapRow(row, rowNumber, out, issues) {
        const checkedRaw = cell(row, col.checkedIn);
        if (!checkedRaw) return true; // registered, not attended: audience
        const rawEmail = cell(row, col.email);
        const email = normaliseEmail(rawEmail);
        const id = cell(row, col.id);
        if (!email && !id)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'email',
            'Checked-in guest without email or guest id (api_id / guest_id)',
          );
        const at = readDate(ctx, 'checked_in_at', checkedRaw);
        if (at === null)
          return rowError(ctx, issues, rowNumber, 'checked_in_at', dateProblem(checkedRaw, 'ISO 8601'));
        const personKey = `${LUMA}:${email ?? id}`;
        if (!seen.has(personKey)) {
          seen.add(personKey);
          const name =
            cell(row, col.name) || [cell(row, col.first), cell(row, col.last)].filter(Boolean).join(' ');
          out.persons.push({
            key: personKey,
            source: LUMA,
            ...(name ? { name } : {}),
            ...(email ? { email } : {}),
            roster: false,
            bot: false,
          });
        }
        out.activities.push({
          key: `${channel}:attend:${email ?? id}`,
          source: LUMA,
          personKey,
          kind: 'attend',
          at,
          channel,
          title,
        });
        return true;
      },
    };
  },
};
