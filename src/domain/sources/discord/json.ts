import {
  emptyBatch,
  type ActivityRecord,
  type ImportIssue,
  type PersonRecord,
  type RecordBatch,
} from '../../model/records';
import { ACCEPTED_DATES, outsideAcceptedYears, parseTimestamp } from '../../parse/dates';
import { findJsonProblem } from '../../parse/json-error';
import { splitJsonArray, stringSource, type JsonArraySplit } from '../../parse/json-split';
import type { AdapterContext, DocumentAdapter } from '../types';
import { DISCORD } from './csv';

interface DceUser {
  id?: string;
  name?: string;
  nickname?: string;
  isBot?: boolean;
}
interface DceMessage {
  id?: string;
  type?: string;
  timestamp?: string;
  content?: string;
  author?: DceUser;
  reference?: { messageId?: string | null } | null;
  reactions?: { emoji?: { id?: string | null; name?: string }; count?: number; users?: DceUser[] }[];
}
interface DceExport {
  guild?: { name?: string };
  channel?: { id?: string; name?: string; category?: string };
  messages?: DceMessage[];
}

/** Why a message's timestamp was refused, for "Message 5 has …". */
function timestampProblem(timestamp: unknown): string {
  const shown = String(timestamp).slice(0, 40);
  return typeof timestamp === 'string' && outsideAcceptedYears(timestamp)
    ? `a timestamp outside ${ACCEPTED_DATES} ("${shown}")`
    : `no valid timestamp ("${shown}")`;
}

/**
 * What is wrong with a DiscordChatExporter JSON that JSON.parse refused, worded the same in the
 * browser and the command (the engines' own messages differ): a cut file, or where the syntax error is.
 */
export function jsonErrorMessage(text: string, e: unknown): string {
  const problem = findJsonProblem(text);
  if (problem?.kind === 'cut')
    return 'Not valid JSON — the file ends in the middle of a message: the export did not finish or was cut; export the channel again.';
  if (problem?.kind === 'syntax') {
    const where = `line ${problem.line.toLocaleString('en-US')}, column ${problem.column.toLocaleString('en-US')}`;
    return `Not valid JSON: unexpected ${JSON.stringify(problem.found)} at ${where} (a stray or missing comma, quote or bracket: the file was edited or damaged); nothing imported. Export the channel again.`;
  }
  return `Not valid JSON (${e instanceof Error ? e.message : String(e)}); nothing imported.`;
}

/** Message types that are member messages; anything else (joins, pins, calls, boosts…) is a system notice. */
const MEMBER_TYPES = new Set(['Default', 'Reply', 'ThreadStarterMessage', '']);

/**
 * The reference reading: `JSON.parse` of the whole text. Used when the text cannot be split into
 * messages (see mapDiscordJsonSplit), so that a broken file gets JSON.parse's own message.
 */
export function mapDiscordJsonWhole(
  ctx: AdapterContext,
  text: string,
  out: RecordBatch,
  issues: ImportIssue[],
): { rows: number; skipped: number } {
  let doc: DceExport;
  try {
    doc = JSON.parse(text) as DceExport;
  } catch (e) {
    issues.push({
      file: ctx.fileName,
      severity: 'error',
      message: jsonErrorMessage(text, e),
    });
    return { rows: 0, skipped: 0 };
  }
  const messages = Array.isArray(doc.messages) ? doc.messages : [];
  const channel = doc.channel?.name || 'discord';
  const byId = new Map<string, DceMessage>();
  for (const m of messages) if (m && typeof m.id === 'string') byId.set(m.id, m);
  const refOf = (m: DceMessage): string | undefined =>
    typeof m.reference?.messageId === 'string' ? m.reference.messageId : undefined;
  /** The first message of a reply chain (stays inside the file; stops on cycles). */
  const rootOf = (id: string): string => {
    let cur = id;
    for (let i = 0; i < 100; i++) {
      const m = byId.get(cur);
      const ref = m ? refOf(m) : undefined;
      if (!ref || ref === cur) break;
      cur = ref;
    }
    return cur;
  };
  const isMember = (m: DceMessage) => MEMBER_TYPES.has(m.type ?? '');
  const threadStarts = new Set<string>();
  for (const m of messages) {
    const ref = m && isMember(m) ? refOf(m) : undefined;
    if (ref) threadStarts.add(rootOf(ref));
  }

  const persons = new Map<string, PersonRecord>();
  const person = (u: DceUser): string => {
    const key = `${DISCORD}:${u.id}`;
    const name = u.nickname || u.name;
    const known = persons.get(key);
    if (!known) {
      persons.set(key, {
        key,
        source: DISCORD,
        ...(u.name ? { handle: u.name } : {}),
        ...(name ? { name } : {}),
        roster: false,
        bot: u.isBot === true,
      });
    } else {
      if (u.nickname && known.name === known.handle) known.name = u.nickname; // a reaction listed the user before one of their messages did
      if (u.isBot === true) known.bot = true; // any appearance flagged as a bot marks the account
    }
    return key;
  };

  let rows = 0;
  let skipped = 0;
  messages.forEach((m, index) => {
    if (!m || typeof m !== 'object') return;
    if (!isMember(m)) return;
    rows++;
    const row = index + 1;
    const at =
      typeof m.timestamp === 'string' ? parseTimestamp(m.timestamp, { timeZone: ctx.timeZone }) : null;
    if (!m.id || !m.author?.id || at === null) {
      skipped++;
      const what = !m.id ? 'no id' : !m.author?.id ? 'no author id' : timestampProblem(m.timestamp);
      issues.push({
        file: ctx.fileName,
        row,
        column: !m.id ? 'id' : !m.author?.id ? 'author.id' : 'timestamp',
        severity: 'error',
        message: `Message ${row} has ${what}; skipped.`,
      });
      return;
    }
    const ref = refOf(m);
    let kind: ActivityRecord['kind'] = 'message';
    let threadKey: string | undefined;
    if (ref) {
      kind = 'reply';
      threadKey = `${DISCORD}:t:${rootOf(ref)}`;
    } else if (threadStarts.has(m.id)) {
      kind = 'post';
      threadKey = `${DISCORD}:t:${m.id}`;
    }
    const content = m.content ?? '';
    out.activities.push({
      key: `${DISCORD}:m:${m.id}`,
      source: DISCORD,
      personKey: person(m.author),
      kind,
      at,
      ...(threadKey ? { threadKey } : {}),
      ...(content ? { text: content } : {}),
      channel,
    });
    for (const r of Array.isArray(m.reactions) ? m.reactions : []) {
      const emoji = r?.emoji?.id || r?.emoji?.name;
      if (!emoji || !Array.isArray(r.users)) continue;
      for (const u of r.users) {
        if (!u || typeof u.id !== 'string') continue;
        out.activities.push({
          key: `${DISCORD}:r:${m.id}:${emoji}:${u.id}`,
          source: DISCORD,
          personKey: person(u),
          kind: 'reaction',
          at,
          channel,
        });
      }
    }
  });
  for (const p of persons.values()) out.persons.push(p);
  if (!Array.isArray(doc.messages))
    issues.push({
      file: ctx.fileName,
      severity: 'error',
      message: 'The file has no "messages" array; nothing imported.',
    });
  else if (messages.length === 0) issues.push(noMessages(ctx, doc));
  return { rows, skipped };
}

/** An export without messages says so (the channel was empty, or nothing was posted in the dates exported). */
function noMessages(ctx: AdapterContext, doc: DceExport): ImportIssue {
  const channel = doc.channel?.name ? `#${doc.channel.name}` : 'the channel';
  return {
    file: ctx.fileName,
    severity: 'warning',
    message: `This export of ${channel} holds no messages, so there is nothing to import. If the channel has messages, export it again and check the date range chosen in DiscordChatExporter (--after / --before).`,
  };
}

/** How mapDiscordJsonSplit hands its records over and reports its progress (all optional). */
export interface SplitStream extends SplitProgress {
  /**
   * Receives the records batch by batch: `out` first, as soon as it holds `batchActivities`
   * activities, then a new batch in its place, and so on; the last batch (possibly without
   * activities) holds every person (their name and bot flag can change until the last message) and
   * is always handed over. Concatenated in order, the batches are what `out` holds without `emit`.
   * The activities are settled in the second pass, so every batch comes after the last message parsed.
   */
  emit?: (batch: RecordBatch) => void;
  /** Activities per batch (default 10,000; `Infinity`: one batch). */
  batchActivities?: number;
}

/** Progress of the first pass over the messages. */
export interface SplitProgress {
  /** Called with the number of messages parsed so far, every `progressEvery` messages and after the last. */
  onParsed?: (done: number) => void;
  /** Default 5,000. */
  progressEvery?: number;
}

/** What the first pass over the messages found (readDiscordJsonMessages). */
export interface DiscordJsonMessages {
  /** Member messages (rows) and those skipped (with an issue each). */
  rows: number;
  skipped: number;
  /** The skipped messages' issues, in message order. */
  issues: ImportIssue[];
  /** Activities the second pass builds: the kept messages and their users' reactions. */
  activities: number;
  /**
   * The second pass: the records in batches of `size` activities, `first` filled first; the last
   * batch (possibly without activities) holds every person and always comes. A generator, so that
   * the caller takes each batch when it can store it and the batches before are no longer held.
   * Call it once.
   */
  batches(size: number, first?: RecordBatch): Generator<RecordBatch, void, undefined>;
}

/**
 * The same reading as mapDiscordJsonWhole, message by message: `split` (parse/json-split.ts) gives the document
 * without its `messages` array and each message's extent; `message(i)` parses message `i` on its own
 * (`JSON.parse` of its text), so the parsed messages die young
 * instead of the whole document being held.
 * Records, persons, issues and their order are mapDiscordJsonWhole's: a first pass (here) parses each
 * message and does everything that depends on that message alone (checks, issues, persons,
 * reactions) and keeps a few values per kept message (id, author, time, reference, text); the second
 * (`batches`), once every message is known, settles replies and thread starts and builds the activities.
 * Returns null when `message` or anything else throws (a message that is not valid JSON), so that
 * the caller can fall back to mapDiscordJsonWhole and its messages. `message(i)` is called once per
 * message, in order. What `progress.onParsed` throws propagates (it is not taken for a message that
 * does not parse).
 */
export function readDiscordJsonMessages(
  ctx: AdapterContext,
  split: JsonArraySplit,
  message: (i: number) => unknown,
  progress?: SplitProgress,
): DiscordJsonMessages | null {
  const doc = split.rest as DceExport;
  const channel = doc.channel?.name || 'discord';
  /** Message id → the id it answers (mapDiscordJsonWhole's byId, reduced to what rootOf reads). */
  const refById = new Map<string, string | undefined>();
  const refOf = (m: DceMessage): string | undefined =>
    typeof m.reference?.messageId === 'string' ? m.reference.messageId : undefined;
  const rootOf = (id: string): string => {
    let cur = id;
    for (let i = 0; i < 100; i++) {
      const ref = refById.get(cur);
      if (!ref || ref === cur) break;
      cur = ref;
    }
    return cur;
  };
  const isMember = (m: DceMessage) => MEMBER_TYPES.has(m.type ?? '');
  const persons = new Map<string, PersonRecord>();
  /** The same records by string `id` (a lookup without building the key; the key returned is the record's, shared). */
  const personById = new Map<string, PersonRecord>();
  const person = (u: DceUser): string => {
    const id = u.id;
    let known = typeof id === 'string' ? personById.get(id) : undefined;
    if (known === undefined) {
      const key = `${DISCORD}:${id}`;
      known = persons.get(key);
      if (!known) {
        const name = u.nickname || u.name;
        known = {
          key,
          source: DISCORD,
          ...(u.name ? { handle: u.name } : {}),
          ...(name ? { name } : {}),
          roster: false,
          bot: u.isBot === true,
        };
        persons.set(key, known);
        if (typeof id === 'string') personById.set(id, known);
        return key;
      }
      if (typeof id === 'string') personById.set(id, known);
    }
    if (u.nickname && known.name === known.handle) known.name = u.nickname;
    if (u.isBot === true) known.bot = true;
    return known.key;
  };
  const dateOptions = { timeZone: ctx.timeZone };
  /** References of member messages: their chains' roots start threads. */
  const answered: string[] = [];
  const found: ImportIssue[] = [];
  // The messages that become activities, column by column (their keys are built in the second pass).
  const ids: string[] = [];
  const personKeys: string[] = [];
  const ats: number[] = [];
  const refs: (string | undefined)[] = [];
  const texts: string[] = [];
  const reactions: (ActivityRecord[] | undefined)[] = [];
  let reactionCount = 0;
  let rows = 0;
  let skipped = 0;
  const count = split.count;
  const onParsed = progress?.onParsed;
  // The first pass in runs of `every` messages, progress reported between runs (outside the try).
  const every = onParsed ? positive(progress?.progressEvery ?? 5_000, 'progressEvery') : count;
  for (let from = 0; from < count; from += every) {
    const to = Math.min(count, from + every);
    try {
      for (let index = from; index < to; index++) {
        const m = message(index) as DceMessage;
        // refOf and isMember are pure: each is asked once per message (mapDiscordJsonWhole asks up to thrice).
        const ref = m ? refOf(m) : undefined;
        const member = m ? isMember(m) : false;
        if (m && typeof m.id === 'string') {
          // Only answers are kept: rootOf stops at a message without a reference as at an unknown one.
          if (ref) refById.set(m.id, ref);
          else if (refById.size > 0) refById.delete(m.id); // a later message with the same id wins, as in byId
        }
        if (member && ref) answered.push(ref);
        if (!m || typeof m !== 'object') continue;
        if (!member) continue;
        rows++;
        const row = index + 1;
        const at = typeof m.timestamp === 'string' ? parseTimestamp(m.timestamp, dateOptions) : null;
        if (!m.id || !m.author?.id || at === null) {
          skipped++;
          const what = !m.id ? 'no id' : !m.author?.id ? 'no author id' : timestampProblem(m.timestamp);
          found.push({
            file: ctx.fileName,
            row,
            column: !m.id ? 'id' : !m.author?.id ? 'author.id' : 'timestamp',
            severity: 'error',
            message: `Message ${row} has ${what}; skipped.`,
          });
          continue;
        }
        ids.push(m.id);
        personKeys.push(person(m.author));
        ats.push(at);
        refs.push(ref);
        texts.push(m.content ?? '');
        let own: ActivityRecord[] | undefined;
        for (const r of Array.isArray(m.reactions) ? m.reactions : []) {
          const emoji = r?.emoji?.id || r?.emoji?.name;
          if (!emoji || !Array.isArray(r.users)) continue;
          for (const u of r.users) {
            if (!u || typeof u.id !== 'string') continue;
            (own ??= []).push({
              key: `${DISCORD}:r:${m.id}:${emoji}:${u.id}`,
              source: DISCORD,
              personKey: person(u),
              kind: 'reaction',
              at,
              channel,
            });
          }
        }
        if (own) reactionCount += own.length;
        reactions.push(own);
      }
    } catch {
      return null;
    }
    onParsed?.(to);
  }

  function* batches(
    size: number,
    first: RecordBatch = emptyBatch(),
  ): Generator<RecordBatch, void, undefined> {
    positive(size, 'batch size');
    const threadStarts = new Set<string>();
    for (const ref of answered) threadStarts.add(rootOf(ref));
    let batch = first;
    let activities = batch.activities;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const key = `${DISCORD}:m:${id}`;
      const personKey = personKeys[k]!;
      const at = ats[k]!;
      const ref = refs[k];
      const text = texts[k]!;
      // Taken as they are built: what has been handed over is no longer held here.
      texts[k] = '';
      let kind: ActivityRecord['kind'] = 'message';
      let threadKey: string | undefined;
      if (ref) {
        kind = 'reply';
        threadKey = `${DISCORD}:t:${rootOf(ref)}`;
      } else if (threadStarts.has(id)) {
        kind = 'post';
        threadKey = `${DISCORD}:t:${id}`;
      }
      // mapDiscordJsonWhole's property order ({ …, at, threadKey?, text?, channel }) without spreading.
      if (threadKey) {
        activities.push(
          text
            ? { key, source: DISCORD, personKey, kind, at, threadKey, text, channel }
            : { key, source: DISCORD, personKey, kind, at, threadKey, channel },
        );
      } else {
        activities.push(
          text
            ? { key, source: DISCORD, personKey, kind, at, text, channel }
            : { key, source: DISCORD, personKey, kind, at, channel },
        );
      }
      const own = reactions[k];
      reactions[k] = undefined;
      if (activities.length >= size) {
        yield batch;
        batch = emptyBatch();
        activities = batch.activities;
      }
      if (own) {
        for (const r of own) {
          activities.push(r);
          if (activities.length >= size) {
            yield batch;
            batch = emptyBatch();
            activities = batch.activities;
          }
        }
      }
    }
    for (const p of persons.values()) batch.persons.push(p);
    yield batch;
  }

  if (split.count === 0) found.push(noMessages(ctx, doc));
  return { rows, skipped, issues: found, activities: ids.length + reactionCount, batches };
}

/**
 * readDiscordJsonMessages and its batches in one call: the records reach `stream.emit` (or all of
 * them `out`), then the issues reach `issues`. Nothing reaches `out` or `issues` before every message
 * has parsed, and null (nothing changed) is returned where readDiscordJsonMessages gives null. What
 * `stream`'s callbacks throw propagates.
 */
export function mapDiscordJsonSplit(
  ctx: AdapterContext,
  split: JsonArraySplit,
  message: (i: number) => unknown,
  out: RecordBatch,
  issues: ImportIssue[],
  stream?: SplitStream,
): { rows: number; skipped: number } | null {
  const emit = stream?.emit;
  const size = emit ? positive(stream?.batchActivities ?? 10_000, 'batchActivities') : Infinity;
  const read = readDiscordJsonMessages(ctx, split, message, stream);
  if (!read) return null;
  for (const batch of read.batches(size, out)) emit?.(batch);
  for (const i of read.issues) issues.push(i);
  return { rows: read.rows, skipped: read.skipped };
}

function positive(n: number, name: string): number {
  if (!(n >= 1)) throw new RangeError(`mapDiscordJsonSplit: ${name} must be at least 1 (got ${n})`);
  return Math.floor(n);
}

/**
 * DiscordChatExporter JSON. A message with `reference.messageId` is a `reply` in the thread of the
 * message it answers (followed up to the first message of the chain: `discord:t:<root id>`); a
 * message that gets replies starts that thread (`post`); others are `message`s. `author.isBot`
 * marks bots. Reactions that list their `users` (recent exporter versions) become `reaction`
 * activities; count-only reactions are not attributable and are ignored.
 */
export const discordJson: DocumentAdapter = {
  kind: 'document',
  format: 'discord-chat-exporter-json',
  label: 'Discord (DiscordChatExporter JSON)',
  detect(fileName, head) {
    const h = head.trimStart();
    if (!h.startsWith('{')) return 0;
    const hasShape =
      /"guild"\s*:/.test(h) &&
      /"channel"\s*:/.test(h) &&
      (/"messages"\s*:/.test(h) || /"messageCount"\s*:/.test(h));
    return hasShape ? (/\.json$/i.test(fileName) ? 0.95 : 0.85) : 0;
  },
  map(ctx, text, out, issues) {
    const split = splitJsonArray(stringSource(text), 'messages');
    if (split) {
      const fast = mapDiscordJsonSplit(
        ctx,
        split,
        (i) => JSON.parse(text.slice(split.start(i), split.end(i))) as unknown,
        out,
        issues,
      );
      if (fast) return fast;
    }
    return mapDiscordJsonWhole(ctx, text, out, issues);
  },
};
