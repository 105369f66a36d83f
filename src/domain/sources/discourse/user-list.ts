import { normaliseEmail } from '../../identity/email';
import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate } from '../read';
import type { TableAdapter } from '../types';
import { DISCOURSE, discoursePersonKey, isDiscourseBot, stripExtraQuotes } from './common';

const SIGNATURE = [
  'id',
  'name',
  'username',
  'email',
  'created_at',
  'last_seen_at',
  'trust_level',
  'topic_count',
  'post_count',
];

/**
 * Discourse Admin → Users → Export (`user-list-*.csv`): a roster. join = `created_at`.
 * `id` ≤ 0 (`system`, `discobot`) are bots; `staged` users are placeholders, not members.
 */
export const discourseUserList: TableAdapter = {
  kind: 'table',
  format: 'discourse-user-list',
  label: 'Discourse user list',
  detect(header, fileName) {
    const c = headerCoverage(header, SIGNATURE);
    if (c < 0.75) return 0;
    return Math.min(1, c * 0.9 + (/user[-_]list/i.test(fileName) ? 0.1 : 0));
  },
  start(ctx, header) {
    const col = {
      id: columnIndex(header, 'id'),
      name: columnIndex(header, 'name'),
      username: columnIndex(header, 'username'),
      email: columnIndex(header, 'email'),
      created: columnIndex(header, 'created_at'),
      staged: columnIndex(header, 'staged'),
    };
    return {
      mapRow(row, rowNumber, out, issues) {
        const username = cell(row, col.username);
        if (!username) {
          issues.push({
            file: ctx.fileName,
            row: rowNumber,
            column: 'username',
            severity: 'error',
            message: 'Missing username; row skipped.',
          });
          return false;
        }
        const createdRaw = cell(row, col.created);
        const joinedAt = createdRaw ? readDate(ctx, 'created_at', createdRaw) : null;
        if (createdRaw && joinedAt === null) {
          issues.push({
            file: ctx.fileName,
            row: rowNumber,
            column: 'created_at',
            severity: 'error',
            message: `${dateProblem(createdRaw, 'e.g. 2024-05-01 18:22:10 UTC', { shown: createdRaw.slice(0, 40) })}; row skipped.`,
          });
          return false;
        }
        const staged = cell(row, col.staged).toLowerCase() === 'true';
        const name = stripExtraQuotes(cell(row, col.name));
        out.persons.push({
          key: discoursePersonKey(username),
          source: DISCOURSE,
          handle: username,
          ...(name ? { name } : {}),
          ...(normaliseEmail(cell(row, col.email)) ? { email: normaliseEmail(cell(row, col.email))! } : {}),
          ...(joinedAt !== null && !staged ? { joinedAt } : {}),
          roster: !staged,
          bot: isDiscourseBot(username, cell(row, col.id)),
        });
        return true;
      },
    };
  },
};
