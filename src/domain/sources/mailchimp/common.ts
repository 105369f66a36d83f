import type { CampaignRecord } from '../../model/records';

export const MAILCHIMP = 'mailchimp';

/**
 * A campaign's key from its send minute and title (`mailchimp:campaign:2025-03-04T09:30:<title>`):
 * the all-campaigns report and a single-campaign report name the same campaign the same way, so
 * importing both counts it once. (The single-campaign report carries no campaign id.)
 */
export function mailchimpCampaignKey(sentAt: number, title: string): string {
  return `${MAILCHIMP}:campaign:${new Date(sentAt).toISOString().slice(0, 16)}:${title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/** A campaign's figures as a report gives them; null where the report has no such figure. */
export interface MailchimpCampaignFigures {
  recipients: number | null;
  delivered: number;
  uniqueOpens: number | null;
  uniqueClicks: number | null;
  unsubscribes: number | null;
}

/**
 * The campaign record of both campaign reports (all-campaigns rows and single-campaign reports), so
 * that the same campaign reads the same from either: missing opens and clicks count 0, missing
 * recipients and unsubscribes are left out.
 */
export function mailchimpCampaign(
  sentAt: number,
  title: string,
  f: MailchimpCampaignFigures,
): CampaignRecord {
  return {
    key: mailchimpCampaignKey(sentAt, title),
    source: MAILCHIMP,
    title,
    sentAt,
    ...(f.recipients !== null ? { recipients: f.recipients } : {}),
    delivered: f.delivered,
    uniqueOpens: f.uniqueOpens ?? 0,
    uniqueClicks: f.uniqueClicks ?? 0,
    ...(f.unsubscribes !== null ? { unsubscribes: f.unsubscribes } : {}),
  };
}
