import { describe, expect, it } from 'vitest';
import { importFixture, importText } from '../testing';
import { SLACK_MANAGE_MEMBERS_MESSAGE } from './manage-members';

// Header from Slack's admin "Manage members → Export member list" (as read by users.admin.fetchTeamUsersCsv
// clients); older files end at `displayname`.
const HEADER =
  'username,email,status,billing-active,has-2fa,has-sso,userid,fullname,displayname,expiration-timestamp';
const ROWS = [
  'jane,jane@example.org,Member,1,1,0,U01JANE,Jane Doe,jane,',
  'carol,carol@example.org,Admin,1,1,0,U02CAROL,"Carol Ng",cng,',
  'beep,beep@example.org,Bot,0,0,0,U03BEEP,Beep Bot,beep,',
  'bob,bob@example.org,Deactivated,0,0,0,U04BOB,Bob Stone,bstone,',
];

describe('slack-manage-members (the admin member list, not the analytics Members export)', () => {
  it('is recognised and refused with the export to use instead; nothing is imported', () => {
    const { batch, outcomes } = importText('slack-hearth-members.csv', `${HEADER}\n${ROWS.join('\n')}\n`);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      format: 'slack-manage-members',
      label: 'Slack member list (Manage members)',
      rows: 4,
      imported: 0,
      skipped: 4,
    });
    expect(outcomes[0]!.issues).toEqual([
      { file: 'slack-hearth-members.csv', severity: 'error', message: SLACK_MANAGE_MEMBERS_MESSAGE },
    ]);
    expect(SLACK_MANAGE_MEMBERS_MESSAGE).toContain('Analytics → Members → Export');
    expect(batch.persons).toEqual([]);
    expect(batch.activities).toEqual([]);
    expect(batch.subscriptions).toEqual([]);
  });

  it('recognises the older header without expiration-timestamp, quoted or with a BOM', () => {
    const old = HEADER.replace(',expiration-timestamp', '');
    const { outcomes } = importText(
      'members.csv',
      `\uFEFF${old
        .split(',')
        .map((h) => `"${h}"`)
        .join(',')}\n${ROWS[0]!.replace(/,$/, '')}\n`,
    );
    expect(outcomes[0]).toMatchObject({ format: 'slack-manage-members', imported: 0 });
    expect(outcomes[0]!.issues.map((i) => i.message)).toEqual([SLACK_MANAGE_MEMBERS_MESSAGE]);
  });

  it('leaves the analytics Members export to slack-members', () => {
    const { outcomes } = importFixture('slack-members/Hearth Friends Members - Mar 1, 2025.csv');
    expect(outcomes[0]!.format).toBe('slack-members');
  });
});
