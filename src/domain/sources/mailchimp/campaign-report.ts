import { parseCsvText } from '../../parse/csv';
import { dateProblem } from '../../parse/dates';
import { parseNumber } from '../../parse/numbers';
import { readDate } from '../read';
import type { DocumentAdapter } from '../types';
import { mailchimpCampaign } from './common';

const label = (k: string) => k.trim().replace(/:$/, '').trim().toLowerCase();

/**
 * A single-campaign report: a key/value document (`"Total Recipients:","1,751"`,
 * `"Bounces:","9 (0.5%)"`, `"Recipients Who Opened:","595 (34.2%)"`) followed by click tables.
 * One campaign record, keyed like the all-campaigns report's row for the same campaign.
 */
export const mailchimpCampaignReport: DocumentAdapter = {
  kind: 'document',
  format: 'mailchimp-campaign-report',
  label: 'Mailchimp campaign report',
  detect(_fileName, head) {
    if (!/^\W*Total Recipients:\W*[,;\t]/im.test(head)) return 0;
    return /(Successful Deliveries|Recipients Who Opened|Bounces):/i.test(head) ? 0.9 : 0.6;
  },
  map(ctx, text, out, issues) {
    const values = new Map<string, string>();
    parseCsvText(text, (rows) => {
      for (const row of rows) {
        if (row.length < 2 || !/:\s*$/.test(row[0] ?? '')) continue;
        const k = label(row[0]!);
        if (!values.has(k)) values.set(k, (row[1] ?? '').trim());
      }
    });
    const first = (...keys: string[]) => keys.map((k) => values.get(k)).find((v) => v !== undefined && v !== '') ?? '';
    const num = (...keys: string[]) => parseNumber(first(...keys));
    const fail = (column: string, message: string) => {
      issues.push({ file: ctx.fileName, column, severity: 'error', message: `${message}; nothing imported.` });
      return { rows: 1, skipped: 1 };
    };
    const title = first('title', 'campaign name', 'name', 'subject line', 'subject');
    const sentRaw = first('delivery date/time', 'send date', 'sent', 'date sent', 'delivery date', 'sent on');
    if (!sentRaw) return fail('Delivery Date/Time', 'The report has no delivery date (expected a "Delivery Date/Time:" line)');
    const sentAt = readDate(ctx, 'delivery date/time', sentRaw);
    if (sentAt === null) return fail('Delivery Date/Time', dateProblem(sentRaw, undefined, { shown: sentRaw.slice(0, 40) }));
    const recipients = num('total recipients');
    const delivered = num('successful deliveries') ?? (recipients !== null ? recipients - (num('bounces', 'total bounces') ?? 0) : null);
    if (delivered === null) return fail('Successful Deliveries', 'The report has no "Successful Deliveries:" or "Total Recipients:" line');
    out.campaigns.push(
      mailchimpCampaign(sentAt, title, {
        recipients,
        delivered,
        uniqueOpens: num('recipients who opened', 'unique opens'),
        uniqueClicks: num('recipients who clicked', 'unique clicks'),
        unsubscribes: num('unsubscribes', 'total unsubscribes', 'unsubscribed'),
      }),
    );
    return { rows: 1, skipped: 0 };
  },
};
