import { fmtCountOf } from '../../highlights/format';
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
 * Discourse writes `is_pm` in the forum's language (`I18n.t("csv_export.boolean_yes"/"boolean_no")`
 * in export_user_archive.rb): `Ja`/`Nein` on a German forum, `Oui`/`Non` on a French one, English
 * where a locale has no translation. Lower case, for the locales Discourse ships (de, es, fr and ja
 * checked against its server.*.yml; the others are those languages' usual yes/no), plus
 * `true`/`false` and `1`/`0` for files made by hand.
 */
const NO_WORDS = new Set(
  (
    'no false 0 f n nein non não nao nee nej nei ei nie ne nē nu nem hayır hayir jo tidak không hapana ' +
    'нет ні не όχι לא لا خیر نه نہیں ոչ ไม่ ไม่ใช่ いいえ 아니요 아니오 否 కాదు లేదు ياق ئەمەس'
  ).split(' '),
);
const YES_WORDS = new Set(
  (
    'yes true 1 t y ja oui sí si sì sim kyllä jah tak ano áno da igen evet po ya có ndiyo taip jā ' +
    'да так ναι כן نعم بله ہاں այո ใช่ はい 예 네 是 అవును ھەئە'
  ).split(' '),
);

type RowPrivacy = 'public' | 'pm' | 'hidden' | 'unknown';

/**
 * Whether a row is a public post. Discourse writes `categories` = `-` for a topic without a category
 * the owner can see — every private message, in every language and version — so `-` is never public;
 * otherwise `is_pm` decides, and a value that is neither a known yes nor a known no is not trusted
 * (it could be a private message in a language Hearth does not know).
 */
function rowPrivacy(isPm: string, category: string): RowPrivacy {
  const v = isPm.normalize('NFC').toLowerCase();
  if (YES_WORDS.has(v)) return 'pm';
  if (category === '-') return NO_WORDS.has(v) ? 'hidden' : 'pm';
  return NO_WORDS.has(v) ? 'public' : 'unknown';
}

/**
 * A member's own "Download all" (`user_archive.csv`): their posts, owner from the archive name.
 * Only public posts are read: private messages (`is_pm` = Yes in the forum's language, or category
 * `-`) and rows whose `is_pm` is not a yes/no Hearth knows are skipped, with a warning. Post 1 of a
 * topic is a `post`, any other a `reply`; keys match the posts query's
 * (`discourse:p:<topic>:<post number>`), so both files together add nothing twice.
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
    let hidden = 0;
    /** Rows skipped for an `is_pm` value Hearth does not know: the values, in order, and the first row. */
    const unknown = { rows: 0, values: [] as string[], firstRow: 0 };
    /** Few distinct `is_pm`/category pairs per file: classified once each. */
    const privacy = new Map<string, RowPrivacy>();
    let personDone = false;
    return {
      mapRow(row, rowNumber, out, issues) {
        const isPm = cell(row, col.isPm);
        const categoryCell = cell(row, col.category);
        const pair = `${isPm}\u0000${categoryCell === '-' ? '-' : ''}`;
        let kind = privacy.get(pair);
        if (kind === undefined) {
          kind = rowPrivacy(isPm, categoryCell);
          if (privacy.size < 64) privacy.set(pair, kind);
        }
        if (kind !== 'public') {
          if (kind === 'pm') pms++;
          else if (kind === 'hidden') hidden++;
          else {
            if (unknown.rows++ === 0) unknown.firstRow = rowNumber;
            if (unknown.values.length < 3 && !unknown.values.includes(isPm)) unknown.values.push(isPm);
          }
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
        const category = categoryCell;
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
            `${fmtCountOf(pms, 'private message')} skipped: Hearth reads public posts only.`,
          );
        if (hidden > 0)
          rowWarning(
            ctx,
            issues,
            undefined,
            'categories',
            `${fmtCountOf(hidden, 'post')} skipped: ${hidden === 1 ? 'its' : 'their'} category is "-", which Discourse writes for a private category the archive's owner cannot see. Hearth reads public posts only.`,
          );
        if (unknown.rows > 0) {
          const shown = unknown.values.map((v) => (v ? `"${truncate(v)}"` : 'nothing')).join(', ');
          const first = unknown.values[0] ?? '';
          issues.push({
            file: ctx.fileName,
            row: unknown.firstRow,
            column: 'is_pm',
            severity: 'warning',
            message:
              `${fmtCountOf(unknown.rows, 'row')} skipped: is_pm holds ${shown}, which Hearth does not know as a yes or a no, ` +
              `so ${unknown.rows === 1 ? 'it could be a private message' : 'these could be private messages'}. ` +
              (first
                ? `If "${truncate(first)}" means "no" in your forum's language, replace it with No in the is_pm column and import the file again.`
                : 'Fill the is_pm column with Yes (private message) or No (public post) and import the file again.'),
          });
        }
      },
    };
  },
};
