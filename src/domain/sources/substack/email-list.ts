import { normaliseEmail } from '../../identity/email';
import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError, truncate } from '../read';
import type { TableAdapter } from '../types';

export const SUBSTACK = 'substack';

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
    const c = headerCoverage(header, ['email', 'active_subscription', 'expiry', 'email_disabled', 'created_at']);
    if (c < 0.8) return 0;
    return Math.min(1, 0.8 + (header.includes('plan') ? 0.05 : 0) + (/email_list/i.test(fileName) ? 0.1 : 0));
  },
  start(ctx, header) {
    const col = { email: columnIndex(header, 'email'), created: columnIndex(header, 'created_at') };
    return {
      mapRow(row, rowNumber, out, issues) {
        const raw = cell(row, col.email);
        const email = normaliseEmail(raw);
        if (!email) return rowError(ctx, issues, rowNumber, 'email', raw ? `"${truncate(raw)}" is not an email address` : 'Missing email');
        const createdRaw = cell(row, col.created);
        const at = readDate(ctx, 'created_at', createdRaw);
        if (at === null) return rowError(ctx, issues, rowNumber, 'created_at', dateProblem(createdRaw, 'ISO 8601'));
        out.subscriptions.push({ key: `${SUBSTACK}:subscribe:${email}:${at}`, source: SUBSTACK, email, type: 'subscribe', at });
        return true;
      },
    };
  },
};
