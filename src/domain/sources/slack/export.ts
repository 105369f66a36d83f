import { fmtCountOf } from '../../highlights/format';
import { normaliseEmail } from '../../identity/email';
import type { ActivityRecord, ImportIssue, PersonRecord, RecordBatch } from '../../model/records';
import { decodeBytes, sniffEncoding } from '../../parse/encoding';
import { findJsonProblem } from '../../parse/json-error';
import { parseTimestamp } from '../../parse/dates';
import type { AdapterContext, ArchiveAdapter, ArchiveEntry } from '../types';
import { SLACK } from './members';

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  is_app_user?: boolean;
  profile?: { real_name?: string; display_name?: string; email?: string };
}

interface SlackMessage {
  type?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  username?: string;
  ts?: string;
  thread_ts?: string;
  reply_count?: number;
  replies?: unknown[];
  text?: string;
  reactions?: { name?: string; users?: string[]; count?: number }[];
}

/** System messages that are not member actions. */
const SKIPPED_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'group_topic',
  'group_purpose',
  'group_name',
  'group_archive',
  'group_unarchive',
  'pinned_item',
  'unpinned_item',
  'tombstone',
  'bot_add',
  'bot_remove',
  'reminder_add',
  'channel_convert_to_private',
]);

const DAY_FILE = /(?:^|\/)([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;
const baseName = (p: string) => p.split('/').pop() ?? p;
/** Enterprise Grid exports name the user list `org_users.json`. */
const USER_FILES = ['users.json', 'org_users.json'];
const CONVERSATION_FILES = ['channels.json', 'groups.json', 'dms.json', 'mpims.json'];

/**
 * Folders of direct messages: `dms.json` lists 1:1 conversations (folder = id), `mpims.json` group
 * DMs (folder = name). Private conversations between members are not community activity.
 */
function directMessageFolders(
  entries: ArchiveEntry[],
  ctx: AdapterContext,
  issues: ImportIssue[],
): Set<string> {
  const folders = new Set<string>();
  for (const entry of entries) {
    const base = baseName(entry.name);
    if (base !== 'dms.json' && base !== 'mpims.json') continue;
    const list = readJson(entry, ctx, issues);
    if (!Array.isArray(list)) continue;
    for (const c of list as { id?: unknown; name?: unknown }[]) {
      if (!c || typeof c !== 'object') continue;
      if (base === 'dms.json' && typeof c.id === 'string') folders.add(c.id);
      if (base === 'mpims.json' && typeof c.name === 'string') folders.add(c.name);
    }
  }
  return folders;
}

function readJson(entry: ArchiveEntry, ctx: AdapterContext, issues: ImportIssue[]): unknown {
  const text = decodeBytes(entry.bytes, sniffEncoding(entry.bytes.subarray(0, 4096)));
  try {
    return JSON.parse(text);
  } catch (e) {
    // Where it goes wrong, worked out here: Node and Chromium word the error differently.
    const problem = findJsonProblem(text);
    const what =
      problem?.kind === 'cut'
        ? 'the file ends in the middle of the data (it was cut or damaged)'
        : problem?.kind === 'syntax'
          ? `unexpected ${JSON.stringify(problem.found)} at line ${problem.line.toLocaleString('en-US')}, column ${problem.column.toLocaleString('en-US')} (the file was edited or damaged)`
          : e instanceof Error
            ? e.message
            : String(e);
    issues.push({
      file: `${ctx.fileName} › ${entry.name}`,
      ...(problem?.kind === 'syntax' ? { row: problem.line } : {}),
      severity: 'error',
      message: `Not valid JSON: ${what}; file skipped.`,
    });
    return undefined;
  }
}

/**
 * The standard Slack workspace export (zip): `users.json`, `channels.json` and `<channel>/<day>.json`.
 * Messages with `thread_ts` ≠ `ts` are replies in thread `slack:t:<channel>:<thread_ts>`; a message
 * with replies (`thread_ts` = `ts`, `reply_count` > 0) starts that thread (`post`); any other is a
 * `message`. Reactions become `reaction` activities by each user listed (at the message's time: the
 * export has no reaction times). Join/leave and other system subtypes are not member actions.
 * users.json (Enterprise Grid: org_users.json) gives names, emails and bot flags; it is not used as a
 * roster (it has no join dates). Direct messages (the folders dms.json and mpims.json list) are
 * skipped, with a warning: private conversations are not community activity.
 */
export const slackExport: ArchiveAdapter = {
  kind: 'archive',
  format: 'slack-export',
  label: 'Slack workspace export',
  detect(entryNames) {
    const bases = new Set(entryNames.map(baseName));
    const days = entryNames.some((n) => DAY_FILE.test(n));
    const users = USER_FILES.some((f) => bases.has(f));
    const conversations = CONVERSATION_FILES.some((f) => bases.has(f));
    // A user list and channel list without day files is a Slack export of nothing: recognised, so
    // that the import says why it holds nothing instead of "not a supported export".
    if (!days) return users && conversations ? 0.7 : 0;
    if (users) return conversations ? 0.95 : 0.8;
    // An export without a user list (seen in the wild): the day files with Slack's channel lists.
    return conversations ? 0.75 : 0;
  },
  map(ctx, entries, out, issues) {
    const persons = new Map<string, PersonRecord>();
    const users = new Map<string, SlackUser>();
    const userFiles = entries.filter((e) => USER_FILES.includes(baseName(e.name)));
    if (userFiles.length === 0)
      issues.push({
        file: ctx.fileName,
        severity: 'warning',
        message:
          'The export has no users.json (or org_users.json): members are known by their Slack ids only, without names or emails, so they cannot be matched with other sources.',
      });
    const privateFolders = directMessageFolders(entries, ctx, issues);
    for (const entry of userFiles) {
      const list = readJson(entry, ctx, issues);
      if (!Array.isArray(list)) continue;
      for (const u of list as SlackUser[]) {
        if (!u || typeof u.id !== 'string') continue;
        users.set(u.id, u);
        const name = u.profile?.real_name || u.real_name;
        const email = normaliseEmail(u.profile?.email);
        persons.set(u.id, {
          key: `${SLACK}:${u.id}`,
          source: SLACK,
          ...(name ? { name } : {}),
          ...(u.name ? { handle: u.name } : {}),
          ...(email ? { email } : {}),
          roster: false,
          bot: u.is_bot === true || u.id === 'USLACKBOT',
        });
      }
    }
    const personKey = (id: string, bot: boolean): string => {
      // Slackbot posts as USLACKBOT even when users.json does not list it.
      if (!persons.has(id))
        persons.set(id, {
          key: `${SLACK}:${id}`,
          source: SLACK,
          roster: false,
          bot: bot || id === 'USLACKBOT',
        });
      return `${SLACK}:${id}`;
    };

    let rows = 0;
    let skipped = 0;
    const dayFiles = entries.filter((e) => DAY_FILE.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
    const skippedPrivate = new Set<string>();
    for (const entry of dayFiles) {
      const channel = DAY_FILE.exec(entry.name)![1]!;
      if (privateFolders.has(channel)) {
        skippedPrivate.add(channel);
        continue;
      }
      const file = `${ctx.fileName} › ${entry.name}`;
      const list = readJson(entry, ctx, issues);
      if (!Array.isArray(list)) {
        if (list !== undefined)
          issues.push({ file, severity: 'error', message: 'Expected an array of messages; file skipped.' });
        continue;
      }
      (list as SlackMessage[]).forEach((m, index) => {
        const row = index + 1;
        if (!m || typeof m !== 'object' || Array.isArray(m)) {
          rows++;
          skipped++;
          issues.push({
            file,
            row,
            severity: 'error',
            message: `Item ${row} is not a message (${JSON.stringify(m)}); skipped.`,
          });
          return;
        }
        if (m.subtype && SKIPPED_SUBTYPES.has(m.subtype)) return;
        rows++;
        const ts = typeof m.ts === 'string' ? m.ts : '';
        const at = ts ? parseTimestamp(ts, { timeZone: 'UTC' }) : null;
        if (at === null) {
          skipped++;
          issues.push({
            file,
            row,
            column: 'ts',
            severity: 'error',
            message: `Message ${row} has no valid ts ("${ts}"); skipped.`,
          });
          return;
        }
        const isBotMessage = m.subtype === 'bot_message' || typeof m.bot_id === 'string';
        let actorId = isBotMessage
          ? m.bot_id || m.user || (m.username ? `bot:${m.username}` : '')
          : m.user || '';
        // A bot message is never a member's action, even when it carries a member's user id (and no
        // bot_id): it is keyed as its own bot account instead.
        if (isBotMessage && persons.get(actorId)?.bot === false) actorId = `bot:${m.username || actorId}`;
        if (!actorId) {
          skipped++;
          issues.push({
            file,
            row,
            column: 'user',
            severity: 'error',
            message: `Message at ts ${ts} names no user; skipped.`,
          });
          return;
        }
        const actor = personKey(actorId, isBotMessage);
        if (isBotMessage && !users.has(actorId)) persons.get(actorId)!.bot = true;
        const threadTs = typeof m.thread_ts === 'string' ? m.thread_ts : '';
        const hasReplies = (m.reply_count ?? 0) > 0 || (Array.isArray(m.replies) && m.replies.length > 0);
        let kind: ActivityRecord['kind'] = 'message';
        let threadKey: string | undefined;
        if (threadTs && threadTs !== ts) {
          kind = 'reply';
          threadKey = `${SLACK}:t:${channel}:${threadTs}`;
        } else if (hasReplies) {
          kind = 'post';
          threadKey = `${SLACK}:t:${channel}:${ts}`;
        }
        const text = typeof m.text === 'string' ? m.text : '';
        out.activities.push({
          key: `${SLACK}:m:${channel}:${ts}`,
          source: SLACK,
          personKey: actor,
          kind,
          at,
          ...(threadKey ? { threadKey } : {}),
          ...(text ? { text } : {}),
          channel,
        });
        for (const r of Array.isArray(m.reactions) ? m.reactions : []) {
          if (!r || typeof r.name !== 'string' || !Array.isArray(r.users)) continue;
          for (const u of r.users) {
            if (typeof u !== 'string' || !u) continue;
            out.activities.push({
              key: `${SLACK}:r:${channel}:${ts}:${r.name}:${u}`,
              source: SLACK,
              personKey: personKey(u, false),
              kind: 'reaction',
              at,
              channel,
            });
          }
        }
      });
    }
    if (skippedPrivate.size > 0)
      issues.push({
        file: ctx.fileName,
        severity: 'warning',
        message: `${fmtCountOf(skippedPrivate.size, 'direct-message conversation')} (dms.json, mpims.json) ${skippedPrivate.size === 1 ? 'is' : 'are'} not imported: private messages between members are not community activity.`,
      });
    if (dayFiles.length === 0) {
      // Nothing to count: its user list alone is not stored either (not a roster, no activity).
      issues.push({
        file: ctx.fileName,
        severity: 'warning',
        message:
          'This Slack export holds no channel messages (no <channel>/<YYYY-MM-DD>.json files), so there is nothing to count. Slack writes them only for channels with messages in the date range exported: export again with a range that covers them.',
      });
      return { rows, skipped };
    }
    pushPersons(out, persons);
    return { rows, skipped };
  },
};

function pushPersons(out: RecordBatch, persons: Map<string, PersonRecord>): void {
  for (const p of persons.values()) out.persons.push(p);
}
