import { fmtCountOf } from '../../highlights/format';
import { normaliseEmail } from '../../identity/email';
import { ACTIVITY_KINDS, type ActivityKind } from '../../model/records';
import { dateProblem } from '../../parse/dates';
import { cell } from '../columns';
import { readDate, rowError, RowKeyer, truncate } from '../read';
import type { TableAdapter } from '../types';

export const GENERIC = 'generic';

/** The user's column choices (column names as in the header; matched trimmed and case-insensitively). */
export interface GenericMapping {
  when: string;
  who: string;
  email?: string;
  kind?: string;
  text?: string;
  thread?: string;
  defaultKind: ActivityKind;
}

const KIND_WORDS: Record<string, ActivityKind> = {
  post: 'post',
  topic: 'post',
  thread: 'post',
  question: 'post',
  issue: 'post',
  'new topic': 'post',
  reply: 'reply',
  comment: 'reply',
  answer: 'reply',
  response: 'reply',
  message: 'message',
  chat: 'message',
  msg: 'message',
  reaction: 'reaction',
  like: 'reaction',
  upvote: 'reaction',
  vote: 'reaction',
  react: 'reaction',
  star: 'reaction',
  attend: 'attend',
  attended: 'attend',
  attendance: 'attend',
  'checked in': 'attend',
  checkin: 'attend',
  'check-in': 'attend',
};

/** A kind cell (`Comment`, `likes`, `reply`) → an activity kind, or null when unknown. */
export function kindFromCell(value: string): ActivityKind | null {
  const v = value.trim().toLowerCase();
  if ((ACTIVITY_KINDS as readonly string[]).includes(v)) return v as ActivityKind;
  return KIND_WORDS[v] ?? KIND_WORDS[v.replace(/s$/, '')] ?? null;
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * An adapter for any CSV from the user's column mapping (formats.md "generic"). Persons are keyed
 * `generic:<who>` (lower-cased) with the mapped email; activities are keyed by a hash of the row. A
 * `kind` cell maps through common words (comment → reply, like → reaction…); unknown or empty cells
 * use `defaultKind`. A `thread` value puts posts and replies in `generic:t:<value>`.
 */
export function makeGenericAdapter(mapping: GenericMapping): TableAdapter {
  const wanted = [mapping.when, mapping.who, mapping.email, mapping.kind, mapping.text, mapping.thread]
    .filter((c): c is string => !!c)
    .map(norm);
  return {
    kind: 'table',
    format: GENERIC,
    label: 'Generic CSV (your column mapping)',
    detect(header) {
      return wanted.every((c) => header.includes(c)) ? 1 : 0;
    },
    start(ctx, header) {
      const idx = (c?: string) => (c ? header.indexOf(norm(c)) : -1);
      const col = {
        when: idx(mapping.when),
        who: idx(mapping.who),
        email: idx(mapping.email),
        kind: idx(mapping.kind),
        text: idx(mapping.text),
        thread: idx(mapping.thread),
      };
      const whenName = norm(mapping.when);
      const keys = new RowKeyer();
      const seen = new Set<string>();
      let unknownKinds = 0;
      let example = '';
      return {
        mapRow(row, rowNumber, out, issues) {
          if (col.when < 0 || col.who < 0)
            return rowError(
              ctx,
              issues,
              rowNumber,
              mapping.when,
              `The mapped columns "${mapping.when}" / "${mapping.who}" are not in this file`,
            );
          const who = cell(row, col.who);
          if (!who) return rowError(ctx, issues, rowNumber, mapping.who, `Missing ${mapping.who}`);
          const whenRaw = cell(row, col.when);
          const at = readDate(ctx, whenName, whenRaw);
          if (at === null) return rowError(ctx, issues, rowNumber, mapping.when, dateProblem(whenRaw));
          const kindRaw = cell(row, col.kind);
          let kind = mapping.defaultKind;
          if (kindRaw) {
            const k = kindFromCell(kindRaw);
            if (k) kind = k;
            else {
              unknownKinds++;
              example ||= kindRaw;
            }
          }
          const personKey = `${GENERIC}:${who.toLowerCase()}`;
          if (!seen.has(personKey)) {
            seen.add(personKey);
            const email = normaliseEmail(cell(row, col.email)) ?? normaliseEmail(who);
            out.persons.push({
              key: personKey,
              source: GENERIC,
              handle: who,
              ...(email ? { email } : {}),
              roster: false,
              bot: false,
            });
          }
          const text = cell(row, col.text);
          const thread = cell(row, col.thread);
          out.activities.push({
            key: keys.key(
              `${GENERIC}:`,
              row.map((c) => c.trim()),
            ),
            source: GENERIC,
            personKey,
            kind,
            at,
            ...(thread && (kind === 'post' || kind === 'reply')
              ? { threadKey: `${GENERIC}:t:${thread}` }
              : {}),
            ...(text ? { text } : {}),
          });
          return true;
        },
        finish(_out, issues) {
          if (unknownKinds > 0)
            issues.push({
              file: ctx.fileName,
              column: mapping.kind,
              severity: 'warning',
              message: `${fmtCountOf(unknownKinds, 'row has', 'rows have')} a kind Hearth does not know (e.g. "${truncate(example)}"): read as ${mapping.defaultKind}.`,
            });
        },
        reserve(rows) {
          keys.reserve(rows);
        },
      };
    },
  };
}

const GUESSES: Record<Exclude<keyof GenericMapping, 'defaultKind'>, RegExp[]> = {
  when: [
    /^(created_at|created at|timestamp|date ?time|datetime|time|date|created|posted_at|sent_at|published_at|when)$/,
    /(date|time|_at$)/,
  ],
  who: [
    /^(username|user name|user|author|handle|login|member|name|sender|from)$/,
    /(user|author|member|name)/,
  ],
  email: [/^(e-?mail|email address)$/, /e-?mail/],
  kind: [/^(kind|type|action|event|activity|activity type|event type)$/],
  text: [/^(text|content|body|message|raw|comment|post)$/, /(text|content|body|message)/],
  thread: [
    /^(thread|thread_id|thread id|topic|topic_id|topic id|conversation|conversation_id|parent|parent_id)$/,
    /(thread|topic|conversation)/,
  ],
};

/**
 * A first guess at the mapping from the header (shown in the mapping preview for the user to
 * correct). `when`/`who` are '' when no column fits; a column is used for one role only.
 */
export function suggestMapping(header: string[]): GenericMapping {
  const labels = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const normalised = labels.map((h) => h.toLowerCase());
  const used = new Set<number>();
  const pick = (role: keyof typeof GUESSES): string | undefined => {
    for (const re of GUESSES[role]) {
      const i = normalised.findIndex((h, j) => !used.has(j) && h !== '' && re.test(h));
      if (i >= 0) {
        used.add(i);
        return labels[i];
      }
    }
    return undefined;
  };
  const email = pick('email');
  const when = pick('when') ?? '';
  const who = pick('who') ?? email ?? '';
  const kind = pick('kind');
  const thread = pick('thread');
  const text = pick('text');
  return {
    when,
    who,
    ...(email ? { email } : {}),
    ...(kind ? { kind } : {}),
    ...(text ? { text } : {}),
    ...(thread ? { thread } : {}),
    defaultKind: thread ? 'reply' : 'message',
  };
}
