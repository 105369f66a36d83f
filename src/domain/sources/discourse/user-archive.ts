import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError, rowWarning, truncate } from '../read';
import type { AdapterContext, TableAdapter } from '../types';
import { DISCOURSE, discoursePersonKey, discoursePostKey, isDiscourseBot } from './common';

/** `user_archive-<username>-YYMMDD-HHMMSS…`: Discourse names the archive after its owner. */
export function archiveOwner(...names: (string | undefined)[]): string | null {
  for (const raw of names) {
    if (!raw) continue;
    for (const part of raw.split(/[/\\›]/).map((p) => p.trim())) {
      const m = /^user_archive-(.+?)-\d{6}-\d{6}/i.exec(part) ?? /^user_archive-([^-.\s]+)/i.exec(part);
      if (m?.[1]) return m[1];
    }
  }
  return null;
}

/** `/t/<slug>/<topic id>[/<post number>]`: post 1 has no number in its URL. */
export function topicFromUrl(url: string): { topicId: string; postNumber: number } | null {
  const m = /\/t\/(?:[^/?#]+\/)?(\d+)(?:\/(\d+))?\/?(?:[?#].*)?$/.exec(url.trim());
  if (!m) return null;
  return { topicId: m[1]!, postNumber: m[2] ? Number(m[2]) : 1 };
}

const CURRENT = ['topic_title', 'categories', 'is_pm', 'post_raw', 'url', 'created_at'];
const OLDER = ['topic_title', 'category', 'is_pm', 'post', 'url', 'created_at'];

/**
 * A member's own "Download all" (`user_archive.csv`): their posts, owner from the archive name.
 * Private messages (`is_pm` = Yes) are skipped. Post 1 of a topic is a `post`, any other a `reply`;
 * keys match the posts query's (`discourse:p:<topic>:<post number>`), so both files together add nothing twice.
 */
export const discourseUserArchive: TableAdapter = {
  kind: 'table',
  format: 'discourse-user-archive',
  label: 'Discourse user archive',
  detect(header, fileName) {
    const c = Math.max(headerCoverage(header, CURRENT), headerCoverage(header, OLDER));
    if (c < 0.8) return 0;
    return Math.min(1, c * 0.85 + (/user_archive/i.test(fileName) ? 0.1 : 0));
  },
  start(ctx: AdapterContext, header) {
    const col = {
      title: columnIndex(header, 'topic_title'),
      category: columnIndex(header, 'categories', 'category'),
      isPm: columnIndex(header, 'is_pm'),
      raw: columnIndex(header, 'post_raw', 'post'),
      url: columnIndex(header, 'url'),
      created: columnIndex(header, 'created_at'),
    };
    const owner = archiveOwner(ctx.archiveName, ctx.fileName);
    let pms = 0;
    let personDone = false;
    return {
      mapRow(row, rowNumber, out, issues) {
        if (cell(row, col.isPm).toLowerCase() === 'yes' || cell(row, col.isPm).toLowerCase() === 'true') {
          pms++;
          return false;
        }
        if (!owner)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'url',
            'The archive owner is unknown (the file or zip name should be user_archive-<username>-…)',
          );
        const url = cell(row, col.url);
        const where = topicFromUrl(url);
        if (!where)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'url',
            `"${truncate(url)}" is not a topic URL (expected …/t/<slug>/<topic id>/<post number>)`,
          );
        const createdRaw = cell(row, col.created);
        const at = readDate(ctx, header[col.created] ?? 'created_at', createdRaw);
        if (at === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'created_at',
            dateProblem(createdRaw, 'e.g. 2025-03-01 10:00:00 UTC'),
          );
        const personKey = discoursePersonKey(owner);
        if (!personDone) {
          personDone = true;
          out.persons.push({
            key: personKey,
            source: DISCOURSE,
            handle: owner,
            roster: false,
            bot: isDiscourseBot(owner),
          });
        }
        const text = cell(row, col.raw);
        const title = cell(row, col.title);
        const category = cell(row, col.category);
        out.activities.push({
          key: discoursePostKey(where.topicId, where.postNumber),
          source: DISCOURSE,
          personKey,
          kind: where.postNumber === 1 ? 'post' : 'reply',
          at,
          threadKey: `${DISCOURSE}:t:${where.topicId}`,
          ...(text ? { text } : {}),
          ...(title && where.postNumber === 1 ? { title } : {}),
          ...(category ? { channel: category } : {}),
          url,
        });
        return true;
      },
      finish(_out, issues) {
        if (pms > 0)
          rowWarning(
            ctx,
            issues,
            undefined,
            'is_pm',
            `${pms} private message(s) skipped: Hearth reads public posts only.`,
          );
      },
    };
  },
};
