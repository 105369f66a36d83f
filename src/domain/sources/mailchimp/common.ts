import { wallOf } from '../../time/zone';
import type { CampaignRecord } from '../../model/records';

export const MAILCHIMP = 'mailchimp';

/**
 * A campaign's key from its send minute and title (`mailchimp:campaign:2025-03-04T09:30:<title>`):
 * the all-campaigns report and a single-campaign report name the same campaign the same way, so
 * importing both counts it once. (The single-campaign report carries no campaign id.)
 */
export function mailchimpCampaignKey(sentAt: number, title: string, timeZone = 'UTC'): string {
  // The send minute as the report writes it (its wall clock, zone-less): the same key whichever
  // import zone read it, so importing a report again in another zone adds nothing (in UTC, as ever).
  return `${MAILCHIMP}:campaign:${new Date(wallOf(sentAt, timeZone)).toISOString().slice(0, 16)}:${title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
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
  timeZone = 'UTC',
): CampaignRecord {
  return {
    key: mailchimpCampaignKey(sentAt, title, timeZone),
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
