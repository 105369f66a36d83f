export const MAILCHIMP = 'mailchimp';

/**
 * A campaign's key from its send minute and title (`mailchimp:campaign:2025-03-04T09:30:<title>`):
 * the all-campaigns report and a single-campaign report name the same campaign the same way, so
 * importing both counts it once. (The single-campaign report carries no campaign id.)
 */
export function mailchimpCampaignKey(sentAt: number, title: string): string {
  return `${MAILCHIMP}:campaign:${new Date(sentAt).toISOString().slice(0, 16)}:${title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}
