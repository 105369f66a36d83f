import { normaliseEmail } from '../../identity/email';
import { dateProblem } from '../../parse/dates';
import { cell, columnIndex } from '../columns';
import { readDate, rowError, rowWarning, truncate } from '../read';
import type { TableAdapter } from '../types';

export const BEEHIIV = 'beehiiv';

/**
 * Header names compared with spaces as underscores, so that `Created At` / `Unsubscribed At` /
 * `Subscription Tier` read as `created_at` / `unsubscribed_at` / `subscription_tier`. Beehiiv writes
 * its own fields in snake_case and custom fields as the user named them (`First Name`).
 */
function snake(header: string[]): string[] {
  return header.map((h) => h.replace(/\s+/g, '_'));
}

const HINTS = [
  'status',
  'tier',
  'unsubscribed_at',
  'utm_source',
  'referral_code',
  'subscription_tier',
  'acquisition_source',
];

/**
 * Beehiiv subscribers export (`email,…,status,tier,created_at,…,unsubscribed_at,…`). Audience: a
 * subscribe event at `created_at`, and an unsubscribe event at `unsubscribed_at` when set.
 */
export const beehiivSubscribers: TableAdapter = {
  kind: 'table',
  format: 'beehiiv-subscribers',
  label: 'Beehiiv subscribers',
  detect(header, fileName) {
    const names = snake(header);
    if (!names.includes('email') || !names.includes('created_at')) return 0;
    const hits = HINTS.filter((h) => names.includes(h)).length;
    if (hits < 2) return 0;
    return Math.min(0.95, 0.7 + hits * 0.05 + (/beehiiv|subscriber/i.test(fileName) ? 0.05 : 0));
  },
  start(ctx, header) {
    const names = snake(header);
    const col = {
      email: columnIndex(names, 'email'),
      created: columnIndex(names, 'created_at'),
      unsub: columnIndex(names, 'unsubscribed_at'),
    };
    // Day/month order is settled per column under the header's own (normalised) name; issues name the column as the file writes it.
    const dateColumn = (i: number, fallback: string) => header[i] ?? fallback;
    const label = (i: number, fallback: string) => ctx.headerLabels?.[i] || fallback;
    return {
      mapRow(row, rowNumber, out, issues) {
        const raw = cell(row, col.email);
        const email = normaliseEmail(raw);
        if (!email)
          return rowError(
            ctx,
            issues,
            rowNumber,
            label(col.email, 'email'),
            raw ? `"${truncate(raw)}" is not an email address` : 'Missing email',
          );
        const createdRaw = cell(row, col.created);
        const at = readDate(ctx, dateColumn(col.created, 'created_at'), createdRaw);
        if (at === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            label(col.created, 'created_at'),
            dateProblem(createdRaw, 'e.g. 2023-03-24 10:23:10 UTC'),
          );
        out.subscriptions.push({
          key: `${BEEHIIV}:subscribe:${email}:${at}`,
          source: BEEHIIV,
          email,
          type: 'subscribe',
          at,
        });
        const unsubRaw = cell(row, col.unsub);
        if (unsubRaw) {
          const end = readDate(ctx, dateColumn(col.unsub, 'unsubscribed_at'), unsubRaw);
          if (end === null)
            rowWarning(
              ctx,
              issues,
              rowNumber,
              label(col.unsub, 'unsubscribed_at'),
              `${dateProblem(unsubRaw)}; the unsubscribe event is not imported`,
            );
          else
            out.subscriptions.push({
              key: `${BEEHIIV}:unsubscribe:${email}:${end}`,
              source: BEEHIIV,
              email,
              type: 'unsubscribe',
              at: end,
            });
        }
        return true;
      },
    };
  },
};
