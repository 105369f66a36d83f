import { headerCoverage } from '../columns';
import type { TableAdapter } from '../types';

const SIGNATURE = [
  'username',
  'email',
  'status',
  'billing-active',
  'has-2fa',
  'has-sso',
  'userid',
  'fullname',
  'displayname',
];

export const SLACK_MANAGE_MEMBERS_MESSAGE =
  'This is the member list from Slack\'s "Manage members" page (username, email, status, billing-active, …). ' +
  'It has no join dates, so Hearth does not import it: without them it cannot tell when anyone joined. ' +
  'Export the member analytics instead: Workspace settings → Analytics → Members → Export (CSV). ' +
  'That file has the same user ids and emails, and each member\'s "Account created" date.';

/**
 * Slack's admin member list (Manage members → Export member list):
 * `username,email,status,billing-active,has-2fa,has-sso,userid,fullname,displayname[,expiration-timestamp]`.
 * Recognised so that it is refused with a message naming the export to use instead (the Workspace
 * analytics Members export, `slack-members`), rather than reported as unknown and mapped by hand as
 * a generic file. It has no join dates: as a roster it would add members Hearth cannot place in any
 * month, and its `status` mixes members, guests, bots and deactivated accounts. Every row is skipped.
 */
export const slackManageMembers: TableAdapter = {
  kind: 'table',
  format: 'slack-manage-members',
  label: 'Slack member list (Manage members)',
  detect(header) {
    if (!header.includes('userid') || !header.includes('billing-active')) return 0;
    return headerCoverage(header, SIGNATURE) >= 0.8 ? 0.95 : 0;
  },
  start(ctx) {
    return {
      mapRow() {
        return false;
      },
      finish(_out, issues) {
        issues.push({ file: ctx.fileName, severity: 'error', message: SLACK_MANAGE_MEMBERS_MESSAGE });
      },
    };
  },
};
