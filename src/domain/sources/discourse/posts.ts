import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import type { TableAdapter } from '../types';
import { readUtcDate } from '../read';
import { DISCOURSE, discoursePersonKey, discoursePostKey, isDiscourseBot } from './common';

const SIGNATURE = ['post_id', 'topic_id', 'post_number', 'username', 'created_at'];

/**
 * Data Explorer posts query (docs/exports.md): `post_number` 1 starts a topic (`post`), any other
 * is a `reply` in topic `topic_id`. `created_at` is UTC (formats.md), also when a query selects the
 * raw column, which the Data Explorer writes without a zone (`2025-03-31 23:30:00.123456`).
 */
export const discoursePosts: TableAdapter = {
  kind: 'table',
  format: 'discourse-posts',
  label: 'Discourse posts (Data Explorer)',
  detect(header) {
    const c = headerCoverage(header, SIGNATURE);
    return c === 1 ? 0.95 : 0;
  },
  start(ctx, header) {
    const col = {
      postId: columnIndex(header, 'post_id'),
      topicId: columnIndex(header, 'topic_id'),
      postNumber: columnIndex(header, 'post_number'),
      username: columnIndex(header, 'username'),
      created: columnIndex(header, 'created_at'),
      title: columnIndex(header, 'topic_title'),
      category: columnIndex(header, 'category'),
      raw: columnIndex(header, 'raw'),
      url: columnIndex(header, 'url'),
    };
    const seenPersons = new Set<string>();
    return {
      mapRow(row, rowNumber, out, issues) {
        const fail = (column: string, message: string) => {
          issues.push({
            file: ctx.fileName,
            row: rowNumber,
            column,
            severity: 'error',
            message: `${message}; row skipped.`,
          });
          return false;
        };
        const postId = cell(row, col.postId);
        const topicId = cell(row, col.topicId);
        const username = cell(row, col.username);
        const createdRaw = cell(row, col.created);
        const postNumber = Number(cell(row, col.postNumber));
        if (!postId) return fail('post_id', 'Missing post_id');
        if (!topicId) return fail('topic_id', 'Missing topic_id');
        if (!username) return fail('username', 'Missing username');
        if (!Number.isInteger(postNumber) || postNumber < 1)
          return fail(
            'post_number',
            `"${cell(row, col.postNumber)}" is not a post number (expected 1, 2, 3…)`,
          );
        const at = readUtcDate(ctx, 'created_at', createdRaw);
        if (at === null)
          return fail(
            'created_at',
            dateProblem(createdRaw, 'ISO 8601, e.g. 2025-03-01T10:00:00Z', {
              shown: createdRaw.slice(0, 40),
            }),
          );
        const personKey = discoursePersonKey(username);
        if (!seenPersons.has(personKey)) {
          seenPersons.add(personKey);
          out.persons.push({
            key: personKey,
            source: DISCOURSE,
            handle: username,
            roster: false,
            bot: isDiscourseBot(username),
          });
        }
        const text = cell(row, col.raw);
        const title = cell(row, col.title);
        const category = cell(row, col.category);
        const url = cell(row, col.url);
        out.activities.push({
          key: discoursePostKey(topicId, postNumber),
          source: DISCOURSE,
          personKey,
          kind: postNumber === 1 ? 'post' : 'reply',
          at,
          threadKey: `${DISCOURSE}:t:${topicId}`,
          ...(text ? { text } : {}),
          ...(title && postNumber === 1 ? { title } : {}),
          ...(category ? { channel: category } : {}),
          ...(url ? { url } : {}),
        });
        return true;
      },
    };
  },
};
