import { normaliseEmail } from '../../identity/email';
import { cell, columnIndex } from '../columns';
import { readDate, rowError, rowWarning, truncate } from '../read';
import type { TableAdapter } from '../types';

export const BEEHIIV = 'beehiiv';

/**
 * Beehiiv subscribers export (`email,…,status,tier,created_at,…,unsubscribed_at,…`). Audience: a
 * subscribe event at `created_at`, and an unsubscribe event at `unsubscribed_at` when set.
 */
export const beehiivSubscribers: TableAdapter = {
  kind: 'table',
  format: 'beehiiv-subscribers',
  label: 'Beehiiv subscribers',
  detect(header, fileName) {
    if (!header.includes('email') || !header.includes('created_at')) return 0;
    const hits = ['status', 'tier', 'unsubscribed_at', 'utm_source', 'referral_code', 'subscription_tier', 'acquisition_source'].filter((h) => header.includes(h)).length;
    if (hits < 2) return 0;
    return Math.min(0.95, 0.7 + hits * 0.05 + (/beehiiv|subscriber/i.test(fileName) ? 0.05 : 0));
  },
  start(ctx, header) {
    const col = { email: columnIndex(header, 'email'), created: columnIndex(header, 'created_at'), unsub: columnIndex(header, 'unsubscribed_at') };
    return {
      mapRow(row, rowNumber, out, issues) {
        const raw = cell(row, col.email);
        const email = normaliseEmail(raw);
        if (!email) return rowError(ctx, issues, rowNumber, 'email', raw ? `"${truncate(raw)}" is not an email address` : 'Missing email');
        const createdRaw = cell(row, col.created);
        const at = readDate(ctx, 'created_at', createdRaw);
        if (at === null) return rowError(ctx, issues, rowNumber, 'created_at', `"${truncate(createdRaw)}" is not a date (expected e.g. 2023-03-24 10:23:10 UTC)`);
        out.subscriptions.push({ key: `${BEEHIIV}:subscribe:${email}:${at}`, source: BEEHIIV, email, type: 'subscribe', at });
        const unsubRaw = cell(row, col.unsub);
        if (unsubRaw) {
          const end = readDate(ctx, 'unsubscribed_at', unsubRaw);
          if (end === null) rowWarning(ctx, issues, rowNumber, 'unsubscribed_at', `"${truncate(unsubRaw)}" is not a date; the unsubscribe event is not imported`);
          else out.subscriptions.push({ key: `${BEEHIIV}:unsubscribe:${email}:${end}`, source: BEEHIIV, email, type: 'unsubscribe', at: end });
        }
        return true;
      },
    };
  },
};
