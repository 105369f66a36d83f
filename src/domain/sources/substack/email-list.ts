import { normaliseEmail } from '../../identity/email';
import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError, truncate } from '../read';
import type { AdapterContext, RowMapper, TableAdapter } from '../types';

export const SUBSTACK = 'substack';

/** Both subscriber lists: each row is a subscribe event of its email at its date (column names normalised; labels as shown). */
function subscribeRows(
  ctx: AdapterContext,
  header: string[],
  names: { email: string; emailLabel: string; date: string; dateLabel: string; example: string },
): RowMapper {
  const col = { email: columnIndex(header, names.email), date: columnIndex(header, names.date) };
  return {
    mapRow(row, rowNumber, out, issues) {
      const raw = cell(row, col.email);
      const email = normaliseEmail(raw);
      if (!email)
        return rowError(
          ctx,
          issues,
          rowNumber,
          names.emailLabel,
          raw ? `"${truncate(raw)}" is not an email address` : 'Missing email',
        );
      const dateRaw = cell(row, col.date);
      const at = readDate(ctx, names.date, dateRaw);
      if (at === null)
        return rowError(ctx, issues, rowNumber, names.dateLabel, dateProblem(dateRaw, names.example));
      out.subscriptions.push({
        key: `${SUBSTACK}:subscribe:${email}:${at}`,
        source: SUBSTACK,
        email,
        type: 'subscribe',
        at,
      });
      return true;
    },
  };
}

/**
 * `email_list.<publication>.csv` (Substack export zip): the publication's current subscribers.
 * Audience, not members. Each row is a subscribe event at `created_at`. The file carries no
 * unsubscribe time (people who unsubscribed are simply absent), and `active_subscription` = false
 * means "no active paid plan" (a free subscriber), not "unsubscribed": such rows are subscribers
 * like any other. `email_disabled` rows are still on the list and are kept (see docs/exports.md).
 */
export const substackEmailList: TableAdapter = {
  kind: 'table',
  format: 'substack-email-list',
  label: 'Substack email list',
  detect(header, fileName) {
    const c = headerCoverage(header, [
      'email',
      'active_subscription',
      'expiry',
      'email_disabled',
      'created_at',
    ]);
    if (c < 0.8) return 0;
    return Math.min(1, 0.8 + (header.includes('plan') ? 0.05 : 0) + (/email_list/i.test(fileName) ? 0.1 : 0));
  },
  start: (ctx, header) =>
    subscribeRows(ctx, header, {
      email: 'email',
      emailLabel: 'email',
      date: 'created_at',
      dateLabel: 'created_at',
      example: 'ISO 8601',
    }),
};

/** Columns only Substack's subscriber export (Subscribers → Export) has beside `Email` and `Start date`. */
const SUBSCRIBERS_EXPORT_HINTS = [
  'stripe plan',
  'cancel date',
  'paid upgrade date',
  'bestseller',
  'emails received (6mo)',
  'num_emails_opened',
  'emails opened (6mo)',
  'subscription source (free)',
  'activity',
  'type',
];

/**
 * Substack's subscriber export from the dashboard (Subscribers → Export, all columns): `Email, Name,
 * Stripe plan, Cancel date, Start date, Paid upgrade date, Bestseller, Emails received (6mo), …,
 * Activity, Type, …`. The same audience as `email_list.<publication>.csv`: a subscribe event at
 * `Start date` (when the subscription was created). `Cancel date` is not read as an unsubscribe: the
 * export lists current subscribers, and a cancelled paid plan leaves a free subscriber.
 */
export const substackSubscribersExport: TableAdapter = {
  kind: 'table',
  format: 'substack-email-list',
  label: 'Substack subscribers export',
  detect(header) {
    if (!header.includes('email') || !header.includes('start date')) return 0;
    const hits = SUBSCRIBERS_EXPORT_HINTS.filter((h) => header.includes(h)).length;
    return hits >= 3 ? Math.min(0.95, 0.75 + hits * 0.02) : 0;
  },
  start: (ctx, header) =>
    subscribeRows(ctx, header, {
      email: 'email',
      emailLabel: 'Email',
      date: 'start date',
      dateLabel: 'Start date',
      example: 'e.g. 2025-01-01T10:00:00.000Z',
    }),
};
