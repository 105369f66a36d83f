import { fmtCountOf } from '../../highlights/format';
import { wallOf } from '../../time/zone';
import { normaliseEmail } from '../../identity/email';
import { dateProblem } from '../../parse/dates';
import { cell, columnIndex } from '../columns';
import { readDate, rowError, rowWarning, truncate } from '../read';
import type { AdapterContext, RowMapper, TableAdapter } from '../types';
import { MAILCHIMP } from './common';

const MARKERS = [
  'member_rating',
  'optin_time',
  'optin_ip',
  'confirm_time',
  'confirm_ip',
  'leid',
  'euid',
  'last_changed',
  'unsub_time',
  'clean_time',
  'gmtoff',
];

/** Mailchimp's own columns, written in English whatever the account's language. */
const SYSTEM = ['member_rating', 'optin_time', 'confirm_time', 'leid', 'euid'];

/**
 * The email column's label when it is not `Email Address`: the audience's label in the account's
 * language or as the user renamed it (`E-Mail-Adresse`, `Adresse e-mail`, `Email`, `Courriel`,
 * `Correo electrónico`, `E-postadress`…). Not `Mailing Address`.
 */
const EMAIL_LABEL = /(?:^|[^a-z])e-?(?:mail|post)|courriel|correo|sähköposti|メール|이메일|邮件|郵件|邮箱/;

/**
 * The email column: `Email Address`, else the first column labelled like one, else -1 (then the
 * rows tell: see the mapper). Looking past `Email Address` reads every header name.
 */
function emailColumn(header: string[]): number {
  const i = columnIndex(header, 'email address');
  return i >= 0 ? i : header.findIndex((h) => EMAIL_LABEL.test(h));
}

/**
 * The audience files of an export. `nonsubscribed` lists contacts who never subscribed to the emails
 * (shop customers, imported contacts: `nonsubscribed_members_export_…`,
 * `nonsubscribed_email_audience_export_…`), `sms-only` contacts subscribed to text messages only
 * (`sms_only_audience_export_…`): neither holds newsletter subscribers.
 */
export type AudienceFile = 'subscribed' | 'unsubscribed' | 'cleaned' | 'nonsubscribed' | 'sms-only';

/** Which audience file the file name says this is (`unsubscribed_members_export_…`), or null. */
export function audienceKindFromName(fileName: string): AudienceFile | null {
  const base = (fileName.split(/[/›]/).pop() ?? fileName).toLowerCase();
  // Before /subscribed/, which `nonsubscribed_…` also matches.
  if (/non[\s_-]?subscribed/.test(base)) return 'nonsubscribed';
  if (/sms[\s_-]?only/.test(base)) return 'sms-only';
  if (/unsubscribed/.test(base)) return 'unsubscribed';
  if (/cleaned/.test(base)) return 'cleaned';
  if (/subscribed/.test(base)) return 'subscribed';
  return null;
}

/**
 * Which audience file this is: from the file name, else from the columns present. A renamed
 * non-subscribed file has the subscribed file's columns and cannot be told apart from it.
 */
export function audienceFileKind(fileName: string, header: string[]): AudienceFile {
  const named = audienceKindFromName(fileName);
  if (named) return named;
  if (header.includes('unsub_time')) return 'unsubscribed';
  if (header.includes('clean_time')) return 'cleaned';
  return 'subscribed';
}

/**
 * The mapper of a file of contacts who are not email subscribers: every row is left out (a subscribe
 * event would count them as subscribers), and one line at the end says how many and why.
 */
function notSubscribers(ctx: AdapterContext, kind: 'nonsubscribed' | 'sms-only'): RowMapper {
  let contacts = 0;
  return {
    mapRow() {
      contacts++;
      return false;
    },
    finish(_out, issues) {
      if (contacts === 0) return;
      rowWarning(
        ctx,
        issues,
        undefined,
        undefined,
        kind === 'nonsubscribed'
          ? `${fmtCountOf(contacts, 'non-subscribed contact')} left out: this file lists contacts who never subscribed to your emails (such as shop customers or imported contacts), so they do not count as newsletter subscribers.`
          : `${fmtCountOf(contacts, 'SMS-only contact')} left out: this file lists contacts who subscribed to text messages only, not to your emails, so they do not count as newsletter subscribers.`,
      );
    },
  };
}

/**
 * Mailchimp Audience → Export (zip of `subscribed_…`, `unsubscribed_…`, `cleaned_…` CSVs, and
 * `nonsubscribed_…`, whose contacts are left out). Audience,
 * not members: no persons, no activities. Every row is a subscribe event at CONFIRM_TIME (else
 * OPTIN_TIME); unsubscribed and cleaned rows add an unsubscribe event at UNSUB_TIME / CLEAN_TIME.
 * Times are zone-less (import time zone). Keys hold email and time, so a later export adds only
 * what is new (a re-subscription is a new event).
 */
export const mailchimpAudience: TableAdapter = {
  kind: 'table',
  format: 'mailchimp-audience',
  label: 'Mailchimp audience export',
  detect(header, fileName) {
    const hits = MARKERS.filter((m) => header.includes(m)).length;
    if (hits < 2) return 0;
    // The email column's label is the audience's own (translated, renamed): Mailchimp's own columns
    // then tell the file, three of them at least.
    if (!header.includes('email address') && SYSTEM.filter((m) => header.includes(m)).length < 3) return 0;
    return Math.min(
      1,
      0.7 + hits * 0.04 + (/(un)?subscribed|cleaned|members_export/i.test(fileName) ? 0.05 : 0),
    );
  },
  start(ctx, header) {
    const kind = audienceFileKind(ctx.fileName, header);
    if (kind === 'nonsubscribed' || kind === 'sms-only') return notSubscribers(ctx, kind);
    // A renamed file (older exports: one list whose UNSUB_TIME is empty for current subscribers) is
    // told apart by its columns only: a row without an end time is then a subscriber, not a problem.
    const endExpected = audienceKindFromName(ctx.fileName) !== null;
    const col = {
      email: emailColumn(header),
      optin: columnIndex(header, 'optin_time'),
      confirm: columnIndex(header, 'confirm_time'),
      end: columnIndex(header, kind === 'cleaned' ? 'clean_time' : 'unsub_time'),
    };
    const endName = kind === 'cleaned' ? 'CLEAN_TIME' : 'UNSUB_TIME';
    const emailLabel = () => (col.email >= 0 && ctx.headerLabels?.[col.email]) || 'Email Address';
    return {
      mapRow(row, rowNumber, out, issues) {
        if (col.email < 0) {
          // No column is labelled like an email: the one whose value is an address (first rows only).
          col.email = row.findIndex((v) => normaliseEmail(v) !== undefined);
          if (col.email < 0)
            return rowError(
              ctx,
              issues,
              rowNumber,
              'Email Address',
              'No column of this row holds an email address, and no column is named "Email Address"',
            );
        }
        const rawEmail = cell(row, col.email);
        const email = normaliseEmail(rawEmail);
        if (!email)
          return rowError(
            ctx,
            issues,
            rowNumber,
            emailLabel(),
            rawEmail ? `"${truncate(rawEmail)}" is not an email address` : 'Missing email address',
          );
        const confirmRaw = cell(row, col.confirm);
        const optinRaw = cell(row, col.optin);
        const [column, raw] = confirmRaw ? ['confirm_time', confirmRaw] : ['optin_time', optinRaw];
        const at = raw ? readDate(ctx, column, raw) : null;
        if (at === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            column.toUpperCase(),
            raw
              ? dateProblem(raw, 'e.g. 2025-03-01 10:00:00')
              : 'No CONFIRM_TIME or OPTIN_TIME, so the subscription cannot be dated',
          );
        out.subscriptions.push({
          key: `${MAILCHIMP}:subscribe:${email}:${wallOf(at, ctx.timeZone)}`,
          source: MAILCHIMP,
          email,
          type: 'subscribe',
          at,
        });
        if (kind !== 'subscribed') {
          const endRaw = cell(row, col.end);
          const end = endRaw ? readDate(ctx, endName.toLowerCase(), endRaw) : null;
          if (end === null && (endExpected || endRaw)) {
            rowWarning(
              ctx,
              issues,
              rowNumber,
              endName,
              endRaw
                ? `${dateProblem(endRaw)}; the subscribe event is kept, the ${kind === 'cleaned' ? 'clean' : 'unsubscribe'} event is not`
                : `No ${endName}: the subscribe event is kept, the ${kind === 'cleaned' ? 'clean' : 'unsubscribe'} event is not`,
            );
          } else if (end !== null) {
            out.subscriptions.push({
              key: `${MAILCHIMP}:unsubscribe:${email}:${wallOf(end, ctx.timeZone)}`,
              source: MAILCHIMP,
              email,
              type: 'unsubscribe',
              at: end,
            });
          }
        }
        return true;
      },
    };
  },
};
