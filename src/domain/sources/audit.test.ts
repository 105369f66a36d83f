/**
 * Audit of the adapters' mapping against shared/spec/metrics.md §1–§3 where it changes numbers.
 * Each `it` cites the sentence it checks.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytesForTest, importText, utc } from './testing';

describe('§1 "A value without one (`2024-05-01 10:00`, `May 1, 2024`) is read in the import time zone … Date-only values are midnight of that day in that zone"', () => {
  it('slack-members: `Account created (UTC)` values are date-only without a zone, so midnight in the import zone', () => {
    // "Feb 1, 2025" with import zone America/New_York → 2025-02-01 00:00 −05:00 = 05:00Z, which is
    // February in New York (read as UTC midnight it would be Jan 31, 19:00 there: the wrong month).
    const csv =
      'Name,User ID,Username,Email,Account type,Account created (UTC),Days active,Messages posted\nJane Doe,U01,jane,jane@example.org,Member,"Feb 1, 2025",3,4\n';
    const { batch } = importText('Members.csv', csv, { timeZone: 'America/New_York' });
    expect(batch.persons[0]!.joinedAt).toBe(utc('2025-02-01T05:00:00Z'));
    expect(importText('Members.csv', csv).batch.persons[0]!.joinedAt).toBe(utc('2025-02-01T00:00:00Z'));
  });
});

describe('§2 "Bots are not persons … so is any account a source marks as a bot" (slack-export)', () => {
  const zip = (messages: unknown[], users: unknown[]) =>
    zipSync({
      'users.json': strToU8(JSON.stringify(users)),
      'channels.json': strToU8(JSON.stringify([{ id: 'C1', name: 'general' }])),
      'general/2025-01-02.json': strToU8(JSON.stringify(messages)),
    });

  it('Slackbot (USLACKBOT) is a bot even when users.json does not list it', () => {
    // Slack exports write Slackbot's messages as user USLACKBOT; the existing rule (USLACKBOT is a bot)
    // applied only when users.json listed it. Two messages: ann's (an activity) and Slackbot's (none).
    const { batch } = importBytesForTest(
      'slack.zip',
      zip(
        [
          { type: 'message', user: 'U1', text: 'hi', ts: '1735819200.000100' },
          { type: 'message', user: 'USLACKBOT', text: 'Reminder: standup', ts: '1735819300.000100' },
        ],
        [{ id: 'U1', name: 'ann', profile: { real_name: 'Ann' } }],
      ),
    );
    expect(batch.persons.find((p) => p.key === 'slack:USLACKBOT')?.bot).toBe(true);
    expect(batch.persons.find((p) => p.key === 'slack:U1')?.bot).toBe(false);
  });

  it("a bot_message naming a human user id is still a bot message (not that member's activity)", () => {
    // formats.md: "bot messages (`subtype: bot_message`, `bot_id`) are bots". U1 is a person in
    // users.json; a `bot_message` carrying `user: U1` and no bot_id must not become U1's activity.
    const { batch } = importBytesForTest(
      'slack.zip',
      zip(
        [
          { type: 'message', user: 'U1', text: 'hi', ts: '1735819200.000100' },
          {
            type: 'message',
            subtype: 'bot_message',
            user: 'U1',
            username: 'RSS',
            text: 'New post',
            ts: '1735819300.000100',
          },
        ],
        [{ id: 'U1', name: 'ann', profile: { real_name: 'Ann' } }],
      ),
    );
    const bots = new Set(batch.persons.filter((p) => p.bot).map((p) => p.key));
    const human = batch.activities.filter((a) => !bots.has(a.personKey));
    expect(human.map((a) => a.text)).toEqual(['hi']);
  });
});

describe('§2 "so is any account a source marks as a bot" (discord-chat-exporter-json)', () => {
  it('an author marked isBot is a bot even when a reaction listed the account first without the flag', () => {
    // The bot's user object first appears in a reaction's `users` without `isBot`, then as the author
    // of a message with `isBot: true`: the account is marked as a bot, so its message is no activity.
    const doc = {
      guild: { name: 'G' },
      channel: { id: '1', name: 'general' },
      messages: [
        {
          id: '10',
          type: 'Default',
          timestamp: '2025-01-02T10:00:00+00:00',
          content: 'hello',
          author: { id: 'A', name: 'ann' },
          reactions: [{ emoji: { name: '👍' }, count: 1, users: [{ id: 'B', name: 'helper' }] }],
        },
        {
          id: '11',
          type: 'Default',
          timestamp: '2025-01-02T10:05:00+00:00',
          content: 'I am a bot',
          author: { id: 'B', name: 'helper', isBot: true },
        },
      ],
    };
    const { batch } = importText('general.json', JSON.stringify(doc));
    expect(batch.persons.find((p) => p.key === 'discord:B')?.bot).toBe(true);
  });
});

describe('§3 "An unsubscribed or cleaned subscriber also has a subscribe event, and an unsubscribe event at its unsubscribe/clean time" (mailchimp-audience)', () => {
  const head =
    'Email Address,First Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,GMTOFF,LEID,EUID';
  it('unsubscribed: subscribe at CONFIRM_TIME (else OPTIN_TIME), unsubscribe at UNSUB_TIME; zone-less times in the import zone', () => {
    // ann: confirm 2025-01-05 10:00 → subscribe then; unsub 2025-03-01 00:30 → unsubscribe.
    // bob: no confirm time → subscribe at opt-in 2025-02-01 08:00; unsub 2025-02-20 09:00.
    // Import zone Europe/Berlin (+01:00 in winter): every time is one hour earlier in UTC.
    const csv = `${head},UNSUB_TIME,UNSUB_CAMPAIGN_TITLE\nann@x.org,Ann,2,2025-01-05 09:00:00,,2025-01-05 10:00:00,,0,1,a,2025-03-01 00:30:00,\nbob@x.org,Bob,2,2025-02-01 08:00:00,,,,0,2,b,2025-02-20 09:00:00,\n`;
    const { batch } = importText('unsubscribed_members_export_x.csv', csv, { timeZone: 'Europe/Berlin' });
    expect(batch.subscriptions.map((s) => [s.email, s.type, s.at])).toEqual([
      ['ann@x.org', 'subscribe', utc('2025-01-05T09:00:00Z')],
      ['ann@x.org', 'unsubscribe', utc('2025-02-28T23:30:00Z')],
      ['bob@x.org', 'subscribe', utc('2025-02-01T07:00:00Z')],
      ['bob@x.org', 'unsubscribe', utc('2025-02-20T08:00:00Z')],
    ]);
    expect(batch.persons).toEqual([]);
  });

  it('cleaned: subscribe and a clean event at CLEAN_TIME', () => {
    const csv = `${head},CLEAN_TIME,CLEAN_CAMPAIGN_TITLE\ncy@x.org,Cy,1,2025-01-01 00:00:00,,2025-01-02 00:00:00,,0,3,c,2025-04-01 12:00:00,\n`;
    const { batch } = importText('cleaned_members_export_x.csv', csv);
    expect(batch.subscriptions.map((s) => [s.type, s.at])).toEqual([
      ['subscribe', utc('2025-01-02T00:00:00Z')],
      ['unsubscribe', utc('2025-04-01T12:00:00Z')],
    ]);
  });
});
