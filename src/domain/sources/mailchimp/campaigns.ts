import { dateProblem } from '../../parse/dates';
import { parseNumber } from '../../parse/numbers';
import { cell, columnIndex, headerCoverage } from '../columns';
import { readDate, rowError } from '../read';
import type { TableAdapter } from '../types';
import { mailchimpCampaign } from './common';

const SIGNATURE = [
  'title',
  'subject',
  'send date',
  'total recipients',
  'successful deliveries',
  'unique opens',
  'unique clicks',
  'unique id',
  'open rate',
];

/**
 * Mailchimp Reports → "Download all" campaigns. One campaign per row with a `Send Date`:
 * delivered = Successful Deliveries (else Total Recipients − Total Bounces), Unique Opens,
 * Unique Clicks, Unsubscribes. Rates in the file (`27.78%`) are not read: Hearth recomputes them.
 */
export const mailchimpCampaigns: TableAdapter = {
  kind: 'table',
  format: 'mailchimp-campaigns',
  label: 'Mailchimp campaigns report',
  detect(header) {
    const c = headerCoverage(header, SIGNATURE);
    return c >= 0.6 && header.includes('send date') ? 0.6 + c * 0.35 : 0;
  },
  start(ctx, header) {
    const col = {
      title: columnIndex(header, 'title', 'campaign name'),
      subject: columnIndex(header, 'subject', 'subject line'),
      sent: columnIndex(header, 'send date'),
      recipients: columnIndex(header, 'total recipients'),
      delivered: columnIndex(header, 'successful deliveries'),
      bounces: columnIndex(header, 'total bounces'),
      opens: columnIndex(header, 'unique opens'),
      clicks: columnIndex(header, 'unique clicks'),
      unsubs: columnIndex(header, 'unsubscribes'),
    };
    return {
      mapRow(row, rowNumber, out, issues) {
        const count = (i: number) => parseNumber(cell(row, i), ctx.decimalComma);
        const title = cell(row, col.title) || cell(row, col.subject);
        const sentRaw = cell(row, col.sent);
        if (!sentRaw)
          return rowError(ctx, issues, rowNumber, 'Send Date', 'No Send Date (the campaign was not sent)');
        const sentAt = readDate(ctx, 'send date', sentRaw);
        if (sentAt === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'Send Date',
            dateProblem(sentRaw, 'e.g. Jun 09, 2018 09:30 pm'),
          );
        const recipients = count(col.recipients);
        const delivered =
          count(col.delivered) ?? (recipients !== null ? recipients - (count(col.bounces) ?? 0) : null);
        if (delivered === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            'Successful Deliveries',
            'No Successful Deliveries or Total Recipients',
          );
        out.campaigns.push(
          mailchimpCampaign(
            sentAt,
            title,
            {
              recipients,
              delivered,
              uniqueOpens: count(col.opens),
              uniqueClicks: count(col.clicks),
              unsubscribes: count(col.unsubs),
            },
            ctx.timeZone,
          ),
        );
        return true;
      },
    };
  },
};
