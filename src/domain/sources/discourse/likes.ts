import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readUtcDate, rowError } from '../read';
import type { TableAdapter } from '../types';
import { DISCOURSE, discoursePersonKey, isDiscourseBot } from './common';

/** Columns only a posts query has: its text, title and category. */
const POST_COLUMNS = new Set(['raw', 'cooked', 'post_raw', 'topic_title', 'title', 'category', 'categories']);
/** `likes.csv`, `post-likes@forum-…dcqresult.csv`: the word "like(s)", not "liked" (`most-liked-posts`). */
const LIKES_NAME = /(?:^|[^a-z])likes?(?:[^a-z]|$)/i;

/**
 * Data Explorer likes query (docs/exports.md): `post_id,username,created_at`, other columns ignored.
 * `username` gave the like: a `reaction` by that member at `created_at`. Key: post + liker (a member
 * likes a post once).
 */
export const discourseLikes: TableAdapter = {
  kind: 'table',
  format: 'discourse-likes',
  label: 'Discourse likes (Data Explorer)',
  detect(header, fileName) {
    if (headerCoverage(header, ['post_id', 'username', 'created_at']) < 1) return 0;
    // Extra columns are kept out of the way (a likes query that also selects topic_id or
    // post_number is still likes), except the posts query's whole signature: with topic_id and
    // post_number both, the file is posts, unless it holds no post text and its name says likes
    // (then likes must beat discoursePosts' 0.95).
    // A file with post text (raw, cooked, a topic title…) is posts, even with a column missing: the
    // posts reader then says which (a likes reading would count its posts as likes).
    if (header.some((h) => POST_COLUMNS.has(h))) return 0;
    if (header.includes('post_number') && header.includes('topic_id'))
      return LIKES_NAME.test(fileName) ? 0.97 : 0;
    return /like/i.test(fileName) ? 0.95 : 0.85;
  },
  start(ctx, header) {
    const col = {
      postId: columnIndex(header, 'post_id'),
      username: columnIndex(header, 'username'),
      created: columnIndex(header, 'created_at'),
    };
    const seen = new Set<string>();
    return {
      mapRow(row, rowNumber, out, issues) {
        const postId = cell(row, col.postId);
        const username = cell(row, col.username);
        const createdRaw = cell(row, col.created);
        if (!postId) return rowError(ctx, issues, rowNumber, 'post_id', 'Missing post_id');
        if (!username) return rowError(ctx, issues, rowNumber, 'username', 'Missing username');
        const at = readUtcDate(ctx, 'created_at', createdRaw);
        if (at === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'created_at',
            dateProblem(createdRaw, 'ISO 8601, e.g. 2025-03-01T10:00:00Z'),
          );
        const personKey = discoursePersonKey(username);
        if (!seen.has(personKey)) {
          seen.add(personKey);
          out.persons.push({
            key: personKey,
            source: DISCOURSE,
            handle: username,
            roster: false,
            bot: isDiscourseBot(username),
          });
        }
        out.activities.push({
          key: `${DISCOURSE}:like:${postId}:${username.trim().toLowerCase()}`,
          source: DISCOURSE,
          personKey,
          kind: 'reaction',
          at,
        });
        return true;
      },
    };
  },
};
