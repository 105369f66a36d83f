import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readUtcDate, rowError } from '../read';
import type { TableAdapter } from '../types';
import { DISCOURSE, discoursePersonKey, isDiscourseBot } from './common';

/** Columns only a posts query has: the post's text and its own counts. */
const POST_TEXT = new Set(['raw', 'cooked', 'post_raw', 'like_count', 'reply_count', 'reads']);
/** Columns a posts query has, which a likes query may join too (the liked post's topic). */
const TOPIC_COLUMNS = new Set(['topic_title', 'title', 'category', 'categories']);
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
    // Extra columns are kept out of the way (a likes query that also selects topic_id, post_number or
    // the topic's title is still likes), except what only posts have: a file with the post's text or
    // counts is posts, even with a column missing (the posts reader then says which; read as likes,
    // each post would count as a like by its author). The posts query's whole signature (topic_id and
    // post_number), or a topic column, is likes only when the file's name says likes.
    if (header.some((h) => POST_TEXT.has(h))) return 0;
    const postsLike =
      (header.includes('post_number') && header.includes('topic_id')) ||
      header.some((h) => TOPIC_COLUMNS.has(h));
    if (postsLike) return LIKES_NAME.test(fileName) ? 0.97 : 0;
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
