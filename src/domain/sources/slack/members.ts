import { normaliseEmail } from '../../identity/email';
import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError, rowWarning } from '../read';
import type { TableAdapter } from '../types';

export const SLACK = 'slack';

const SIGNATURE = [
  'user id',
  'account type',
  'account created (utc)',
  'days active',
  'messages posted',
  'email',
  'name',
];

/**
 * Slack Workspace analytics → Members → Export: a roster. Person key `slack:<User ID>` (the same
 * id as the workspace export's messages); join = `Account created (UTC)` (date-only, `Feb 16, 2026`:
 * a value without a zone, so midnight in the import time zone — metrics.md §1, whose own example
 * `May 1, 2024` is this shape; the header's "(UTC)" is not part of the value). Account type `Bot`/`App` marks bots.
 */
export const slackMembers: TableAdapter = {
  kind: 'table',
  format: 'slack-members',
  label: 'Slack member analytics',
  detect(header) {
    const c = headerCoverage(header, SIGNATURE);
    if (!header.includes('account created (utc)') && !header.includes('days active')) return 0;
    return c >= 0.55 ? Math.min(1, 0.5 + c * 0.45) : 0;
  },
  start(ctx, header) {
    const col = {
      id: columnIndex(header, 'user id', 'userid'),
      name: columnIndex(header, 'name', 'full name'),
      username: columnIndex(header, 'username'),
      display: columnIndex(header, 'display name'),
      email: columnIndex(header, 'email', 'email address'),
      type: columnIndex(header, 'account type'),
      created: columnIndex(header, 'account created (utc)', 'account created'),
    };
    return {
      mapRow(row, rowNumber, out, issues) {
        const id = cell(row, col.id);
        const email = normaliseEmail(cell(row, col.email));
        const username = cell(row, col.username) || cell(row, col.display);
        const stable = id || (email ? `email:${email}` : username ? `@${username.toLowerCase()}` : '');
        if (!stable)
          return rowError(ctx, issues, rowNumber, 'User ID', 'Missing User ID, Email and Username');
        const createdRaw = cell(row, col.created);
        const joinedAt = createdRaw ? readDate(ctx, 'account created (utc)', createdRaw) : null;
        if (createdRaw && joinedAt === null)
          rowWarning(
            ctx,
            issues,
            rowNumber,
            'Account created (UTC)',
            `${dateProblem(createdRaw, 'e.g. Feb 16, 2026')}; member kept without a join date.`,
          );
        const name = cell(row, col.name);
        out.persons.push({
          key: `${SLACK}:${stable}`,
          source: SLACK,
          ...(name ? { name } : {}),
          ...(username ? { handle: username } : {}),
          ...(email ? { email } : {}),
          ...(joinedAt !== null ? { joinedAt } : {}),
          roster: true,
          bot: /\b(bot|app)\b/i.test(cell(row, col.type)) || name.toLowerCase() === 'slackbot',
        });
        return true;
      },
    };
  },
};
