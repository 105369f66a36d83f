import { dateProblem } from '../../parse/dates';
import { cell, columnIndex, headerCoverage } from '../columns';
import { fileStem, IdDamage, ownedString, readDate, rowError, RowKeyer } from '../read';
import type { ActivityRecord } from '../../model/records';
import { KeyHashIndex } from '../../model/key-set';
import type { TableAdapter } from '../types';

export const DISCORD = 'discord';

/** DiscordChatExporter names files `Guild - Category - Channel [channel id].csv`. */
export function discordChannelFromFileName(fileName: string): string {
  return (
    fileStem(fileName)
      .replace(/\s*\[\d+\]\s*(\(.*\))?$/, '')
      .trim() || 'discord'
  );
}

/** Fallback texts DiscordChatExporter writes for system notifications (joins, pins…): not member actions. */
export const DISCORD_SYSTEM_TEXT =
  /^(Joined the server\.|Pinned a message\.|Changed the channel (name|icon)\b.*|Started a call( that lasted .*)?\.?|Added .+ to the group\.|Removed .+ from the group\.|Left the group\.|Boosted the server.*)$/;

/** First characters of DISCORD_SYSTEM_TEXT's texts: other texts skip the regex. */
const SYSTEM_TEXT_FIRST = new Set(['J', 'P', 'C', 'S', 'A', 'R', 'L', 'B'].map((c) => c.charCodeAt(0)));

/**
 * DiscordChatExporter CSV (`AuthorID,Author,Date,Content,Attachments,Reactions`). Each row is a
 * `message` by `discord:<AuthorID>` in the channel named by the file. Without message ids, keys hash
 * channel, author, date and text (identical rows are numbered); exporters that write a `MessageID`
 * column first key each message `discord:m:<MessageID>`, as the JSON export does. `Reactions` are counts
 * only (`👍 (3)`): they are not attributable, so they make no reaction activities.
 */
export const discordCsv: TableAdapter = {
  kind: 'table',
  format: 'discord-chat-exporter',
  label: 'Discord (DiscordChatExporter CSV)',
  detect(header) {
    const c = headerCoverage(header, ['authorid', 'author', 'date', 'content', 'attachments', 'reactions']);
    return c >= 0.8 ? 0.9 + c * 0.05 : 0;
  },
  start(ctx, header) {
    const col = {
      messageId: columnIndex(header, 'messageid'),
      id: columnIndex(header, 'authorid'),
      author: columnIndex(header, 'author'),
      date: columnIndex(header, 'date'),
      content: columnIndex(header, 'content'),
      attachments: columnIndex(header, 'attachments'),
    };
    const channel = discordChannelFromFileName(ctx.fileName);
    const keys = new RowKeyer();
    const damage = new IdDamage();
    // AuthorID → person key, so that each row does not build a new key string: each id's position in
    // `personKeys`, found by the id's 64-bit hash (`KeyHashIndex`: no string comparison a row).
    const authorIds = new KeyHashIndex();
    const personKeys: string[] = [];
    const keyPrefix = `${DISCORD}:m:`;
    return {
      mapRow(row, rowNumber, out, issues) {
        const authorId = cell(row, col.id);
        const author = cell(row, col.author);
        const dateRaw = cell(row, col.date);
        const text = cell(row, col.content);
        if (!authorId) return rowError(ctx, issues, rowNumber, 'AuthorID', 'Missing AuthorID');
        const at = readDate(ctx, 'date', dateRaw);
        if (at === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'Date',
            dateProblem(dateRaw, 'e.g. 01-Jan-20 01:33 AM, 1/1/2020 1:33 AM or ISO 8601'),
          );
        if (
          SYSTEM_TEXT_FIRST.has(text.charCodeAt(0)) &&
          !cell(row, col.attachments) &&
          DISCORD_SYSTEM_TEXT.test(text)
        )
          return false;
        damage.check('AuthorID', authorId, rowNumber);
        const known = authorIds.get(authorId);
        let personKey = known >= 0 ? personKeys[known]! : undefined;
        if (personKey === undefined) {
          personKey = `${DISCORD}:${ownedString(authorId)}`;
          authorIds.set(authorId, personKeys.length);
          personKeys.push(personKey);
          out.persons.push({
            key: personKey,
            source: DISCORD,
            ...(author ? { handle: author, name: author } : {}),
            roster: false,
            bot: false,
          });
        }
        // Newer exporters write each message's id first (`MessageID,AuthorID,…`): the message is then
        // keyed by it, as in the JSON export, so the same message read from both files counts once.
        const messageId = col.messageId >= 0 ? cell(row, col.messageId) : '';
        const key =
          messageId && /^\d+$/.test(messageId)
            ? keyPrefix + messageId
            : keys.key(keyPrefix, [channel, authorId, dateRaw, text]);
        // Built without a conditional spread: this runs for every row of million-row exports.
        const activity: ActivityRecord = { key, source: DISCORD, personKey, kind: 'message', at, channel };
        if (text) activity.text = text;
        out.activities.push(activity);
        return true;
      },
      finish(_out, issues) {
        damage.report(ctx, issues);
      },
      reserve(rows) {
        keys.reserve(rows);
      },
    };
  },
};
