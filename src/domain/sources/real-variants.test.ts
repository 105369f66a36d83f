/**
 * Real-world variants of the supported exports (tests/fixtures/real/). Each fixture is written from
 * what the exporter's own source or public sample files show (no personal data); see the comment on
 * each case for where the shape comes from.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytesForTest, importText, utc } from './testing';

const REAL = join(process.cwd(), 'tests/fixtures/real');

function importReal(path: string, ctx: Parameters<typeof importBytesForTest>[2] = {}) {
  const bytes = new Uint8Array(readFileSync(join(REAL, path)));
  return importBytesForTest(path.split('/').pop()!, bytes, ctx);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Zips a folder of tests/fixtures/real in memory (entry names relative to it, as the exporter writes them). */
function importFolderAsZip(folder: string, zipName: string) {
  const dir = join(REAL, folder);
  const entries: Zippable = {};
  for (const f of filesUnder(dir).sort())
    entries[relative(dir, f).split('\\').join('/')] = new Uint8Array(readFileSync(f));
  return importBytesForTest(zipName, zipSync(entries, { mtime: new Date('2025-04-01T00:00:00Z') }));
}

const errors = (o: { issues: { severity: string }[] }[]) =>
  o.flatMap((x) => x.issues).filter((i) => i.severity === 'error');

describe('DiscordChatExporter CSV written with a ja-JP/zh-CN locale (Tyrrrz/DiscordChatExporter CsvMessageWriter.cs + ExportContext.FormatDate: culture "g" pattern)', () => {
  // Header line unquoted, values quoted (CsvEncode); Date = the culture's short date + short time: yyyy/MM/dd H:mm.
  const { batch, outcomes } = importReal(
    'discord/Loomcraft JP - Text Channels - general [1100000000000000002].csv',
  );
  it('reads yyyy/MM/dd H:mm dates instead of skipping every row', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discord-chat-exporter', rows: 3, imported: 3, skipped: 0 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.activities.map((a) => [a.personKey, a.kind, a.at])).toEqual([
      ['discord:417700000000000001', 'message', utc('2025-03-01T09:05:00Z')],
      ['discord:417700000000000002', 'message', utc('2025-03-01T18:40:00Z')],
      ['discord:417700000000000001', 'message', utc('2025-03-13T07:02:00Z')],
    ]);
  });
  it('reads the zone-less local times in the import time zone', () => {
    const { batch: b } = importReal(
      'discord/Loomcraft JP - Text Channels - general [1100000000000000002].csv',
      { timeZone: 'Asia/Tokyo' },
    );
    expect(b.activities[0]!.at).toBe(utc('2025-03-01T00:05:00Z'));
  });
});

describe('DiscordChatExporter CSV written with a ko-KR locale (culture "g" = CLDR ko short date `y. M. d.` + short time `a h:mm`)', () => {
  // .NET widens the year to 4 digits: `2025. 3. 1. 오전 9:05`; 오전/오후 are ko's AM/PM designators.
  const { batch, outcomes } = importReal(
    'discord/Loomcraft KR - Text Channels - general [1100000000000000004].csv',
  );
  it('reads yyyy. M. d. tt h:mm dates (12-hour clock, designator first) instead of skipping every row', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discord-chat-exporter', rows: 3, imported: 3, skipped: 0 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.activities.map((a) => [a.personKey, a.at])).toEqual([
      ['discord:417700000000000011', utc('2025-03-01T09:05:00Z')],
      ['discord:417700000000000012', utc('2025-03-01T12:40:00Z')],
      ['discord:417700000000000011', utc('2025-03-13T19:02:00Z')],
    ]);
  });
  it('reads the zone-less local times in the import time zone', () => {
    const { batch: b } = importReal(
      'discord/Loomcraft KR - Text Channels - general [1100000000000000004].csv',
      { timeZone: 'Asia/Seoul' },
    );
    expect(b.activities[2]!.at).toBe(utc('2025-03-13T10:02:00Z'));
  });
});

describe('DiscordChatExporter CSV written with a zh-HK locale (culture "g" = CLDR zh-Hant-HK short date `d/M/y` + short time `ah:mm`)', () => {
  // Day first, and the 上午/下午 designator glued to the hour: `13/3/2025 下午6:40`.
  const { batch, outcomes } = importReal(
    'discord/Loomcraft HK - Text Channels - general [1100000000000000005].csv',
  );
  it('settles day/month order from the column (13/3) and reads the 12-hour times', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discord-chat-exporter', rows: 2, imported: 2, skipped: 0 });
    expect(outcomes[0]!.issues).toEqual([]);
    expect(batch.activities.map((a) => a.at)).toEqual([
      utc('2025-03-02T09:05:00Z'),
      utc('2025-03-13T18:40:00Z'),
    ]);
  });
});

describe('Beehiiv subscribers export (TryGhost/migrate packages/mg-beehiiv-members/src/test/fixtures/members.csv)', () => {
  // Beehiiv's own fields in snake_case; custom fields (`First Name`, `Free Tier`, a Substack import date) as named.
  const { batch, outcomes } = importReal('beehiiv/subscribers_export.csv');
  it('subscribe at created_at, unsubscribe at unsubscribed_at; custom date columns are not read', () => {
    expect(outcomes[0]).toMatchObject({ format: 'beehiiv-subscribers', rows: 4, imported: 4, skipped: 0 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.subscriptions.map((s) => [s.email, s.type, s.at])).toEqual([
      ['lorem@example.com', 'subscribe', utc('2023-03-24T10:23:10Z')],
      ['ipsum@example.com', 'subscribe', utc('2023-03-24T10:36:47Z')],
      ['unsub@example.com', 'subscribe', utc('2023-04-11T14:02:46Z')],
      ['unsub@example.com', 'unsubscribe', utc('2024-03-13T11:33:53Z')],
      ['fromsubstack@example.com', 'subscribe', utc('2023-04-11T14:02:46Z')],
    ]);
  });
});

describe('DiscordChatExporter JSON (Tyrrrz/DiscordChatExporter JsonMessageWriter.cs)', () => {
  // Message kinds outside DCE's MessageKind enum are written as their number ("20" = slash-command reply, by a bot).
  const { batch, outcomes } = importReal(
    'discord/Loomcraft - Text Channels - help [1100000000000000003].json',
  );
  it('keeps member messages and replies, with offsets, and no bot or system activity', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discord-chat-exporter-json' });
    expect(errors(outcomes)).toEqual([]);
    const acts = batch.activities.map((a) => [a.key, a.kind, a.personKey, a.at]);
    expect(acts).toEqual([
      [
        'discord:m:1200000000000000001',
        'post',
        'discord:417700000000000001',
        utc('2025-03-01T09:05:00.123Z'),
      ],
      [
        'discord:r:1200000000000000001:👀:417700000000000002',
        'reaction',
        'discord:417700000000000002',
        utc('2025-03-01T09:05:00.123Z'),
      ],
      ['discord:m:1200000000000000003', 'reply', 'discord:417700000000000002', utc('2025-03-01T09:30:00Z')],
    ]);
    expect(batch.persons.filter((p) => p.bot)).toEqual([]);
  });
});

describe('Substack posts.csv with pages and threads (TryGhost/migrate packages/mg-substack/test/fixtures/posts.csv)', () => {
  // post_id is `<id>.<slug>`, is_published TRUE/FALSE, and `page` rows carry an email_sent_at too.
  const { batch, outcomes } = importReal('substack/posts.csv');
  it('a page is not an emailed campaign; published newsletters and threads are', () => {
    expect(outcomes[0]).toMatchObject({ format: 'substack-posts' });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.campaigns.map((c) => [c.key, c.sentAt])).toEqual([
      ['substack:post:123401.plain-text', utc('2025-02-03T08:00:12.814Z')],
      ['substack:post:123402.talk-to-us', utc('2025-02-10T12:12:23.230Z')],
    ]);
  });
});

describe('Discourse user list with SSO, custom field and group_names columns (discourse/discourse app/jobs/regular/export_csv_file.rb)', () => {
  // escape_comma wraps values holding a comma in literal quotes; system (-1) and discobot (-2) come first.
  const { batch, outcomes } = importReal('discourse/user-list-250401-080000.csv');
  it('reads every user, strips the extra quotes, marks bots and staged users', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discourse-user-list', rows: 5, imported: 5, skipped: 0 });
    expect(errors(outcomes)).toEqual([]);
    expect(
      batch.persons.map((p) => [p.key, p.name ?? null, p.email ?? null, p.joinedAt ?? null, p.roster, p.bot]),
    ).toEqual([
      ['discourse:discobot', 'discobot', null, utc('2024-01-10T09:00:00Z'), true, true],
      ['discourse:system', 'system', null, utc('2024-01-10T09:00:00Z'), true, true],
      ['discourse:ada', 'Weaver, Ada', 'ada@example.org', utc('2024-01-10T09:05:12Z'), true, false],
      ['discourse:bo', 'Bo Lind', 'bo@example.org', utc('2025-02-03T17:45:00Z'), true, false],
      ['discourse:guest-lee', null, 'lee@example.org', null, false, false],
    ]);
  });
});

describe('Discourse 1.9 exports, gzipped (discourse/discourse app/jobs/regular/export_csv_file.rb, 2017: `gzip -5`, report header `date,value`)', () => {
  it('a gzipped user list is read as the CSV inside: roster, join dates, bots', () => {
    const { batch, outcomes } = importReal('discourse-2017/user-list-171203-101500-5.csv.gz');
    expect(outcomes[0]).toMatchObject({
      file: 'user-list-171203-101500-5.csv.gz',
      format: 'discourse-user-list',
      rows: 3,
      imported: 3,
    });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.persons.map((p) => [p.key, p.joinedAt ?? null, p.bot])).toEqual([
      ['discourse:system', utc('2017-01-01T00:00:00Z'), true],
      ['discourse:ada', utc('2017-01-05T10:00:00Z'), false],
      ['discourse:bo', utc('2017-03-02T14:30:00Z'), false],
    ]);
  });
  it('a `date,value` report is a daily series named by its export number', () => {
    const { batch, outcomes } = importReal('discourse-2017/report-171203-101600-6.csv.gz');
    expect(outcomes[0]).toMatchObject({ format: 'discourse-report', rows: 4, imported: 4 });
    expect(
      batch.dailyValues.map((d) => [d.series, new Date(d.day).toISOString().slice(0, 10), d.value]),
    ).toEqual([
      ['discourse: report 6', '2017-11-28', 14],
      ['discourse: report 6', '2017-11-29', 9],
      ['discourse: report 6', '2017-11-30', 21],
      ['discourse: report 6', '2017-12-01', 17],
    ]);
  });
  it('a damaged gzip says so, and nothing is imported', () => {
    const bytes = new Uint8Array(readFileSync(join(REAL, 'discourse-2017/user-list-171203-101500-5.csv.gz')));
    const cut = importBytesForTest('user-list-171203-101500-5.csv.gz', bytes.subarray(0, bytes.length - 30));
    expect(cut.outcomes.map((o) => [o.format, o.issues.map((i) => i.message)])).toEqual([
      [
        null,
        [
          expect.stringMatching(
            /^The gzip file cannot be decompressed \(.+\); it may be truncated or damaged\.$/,
          ),
        ],
      ],
    ]);
    expect(cut.batch.persons).toEqual([]);
  });
});

describe('Slack workspace export with real message shapes (slack export: users.json, channels.json, <channel>/<day>.json)', () => {
  // bot_profile/app messages with both user and bot_id, subtype bot_message without user, USLACKBOT,
  // thread parents with reply_count/replies/reply_users, replies with parent_user_id, thread_broadcast,
  // channel_join, a deleted user without email, reactions listing a bot.
  const { batch, outcomes } = importFolderAsZip(
    'slack-export/src',
    'Loomcraft Slack export Mar 1 2025 - Mar 31 2025.zip',
  );
  it('maps posts, replies, messages and reactions; bots and Slackbot are bots', () => {
    expect(outcomes[0]).toMatchObject({ format: 'slack-export' });
    expect(errors(outcomes)).toEqual([]);
    const human = new Set(batch.persons.filter((p) => !p.bot).map((p) => p.key));
    // `ts` is seconds with a microsecond sequence part (.000200): the instant is the whole second.
    const acts = batch.activities
      .filter((a) => human.has(a.personKey))
      .sort((a, b) => a.at - b.at)
      .map((a) => [a.kind, a.personKey, a.at, a.threadKey ?? null]);
    expect(acts).toEqual([
      ['post', 'slack:U01ADA', utc('2025-03-03T12:00:00Z'), 'slack:t:general:1741003200.000200'],
      ['reaction', 'slack:U02BO', utc('2025-03-03T12:00:00Z'), null],
      ['reply', 'slack:U02BO', utc('2025-03-03T13:00:00Z'), 'slack:t:general:1741003200.000200'],
      ['reply', 'slack:U01ADA', utc('2025-03-03T14:00:00Z'), 'slack:t:general:1741003200.000200'],
      ['message', 'slack:U01ADA', utc('2025-03-04T11:00:00Z'), null],
    ]);
    expect(
      batch.persons
        .filter((p) => p.bot)
        .map((p) => p.key)
        .sort(),
    ).toEqual(['slack:B07GH', 'slack:B09CI', 'slack:U07GH', 'slack:USLACKBOT']);
    expect(batch.persons.find((p) => p.key === 'slack:U01ADA')).toMatchObject({
      email: 'ada@example.org',
      name: 'Ada Weaver',
    });
    expect(batch.persons.find((p) => p.key === 'slack:U02BO')).toMatchObject({ name: 'Bo Lind', bot: false });
  });
});

describe('Mailchimp audience files with merge fields, quoted TAGS and stray spaces (Mailchimp audience export)', () => {
  it('subscribed: a subscribe at CONFIRM_TIME, else OPTIN_TIME', () => {
    const { batch, outcomes } = importReal('mailchimp/subscribed_members_export_3f2a1b9c0d.csv');
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-audience', rows: 2, imported: 2 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.subscriptions.map((s) => [s.email, s.type, s.at])).toEqual([
      ['ada@example.org', 'subscribe', utc('2024-01-10T09:05:12Z')],
      ['bo@example.org', 'subscribe', utc('2025-02-03T17:45:00Z')],
    ]);
  });
  it('unsubscribed: UNSUB_TIME in place of LAST_CHANGED', () => {
    const { batch, outcomes } = importReal('mailchimp/unsubscribed_members_export_3f2a1b9c0d.csv', {
      timeZone: 'Europe/London',
    });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.subscriptions.map((s) => [s.type, s.at])).toEqual([
      ['subscribe', utc('2024-06-01T11:01:00Z')],
      ['unsubscribe', utc('2025-03-10T08:30:00Z')],
    ]);
  });
});

describe('Mailchimp list export whose merge fields repeat Mailchimp column names (header quoted in code-dot-org pegasus scripts)', () => {
  // `UNSUB_CAMPAIGN_ID` and `UNSUB_REASON` appear twice (a merge field and Mailchimp's own column);
  // one file for the whole list: UNSUB_TIME empty for current subscribers.
  const { batch, outcomes } = importReal('mailchimp/loomcraft_volunteers.csv');
  it('imports: the repeated columns are ones no adapter reads', () => {
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-audience', rows: 3, imported: 3, skipped: 0 });
    expect(outcomes[0]!.issues).toEqual([]);
  });
  it('every row subscribes (CONFIRM_TIME, else OPTIN_TIME); the row with an UNSUB_TIME also unsubscribes', () => {
    expect(batch.subscriptions.map((s) => [s.email, s.type, s.at])).toEqual([
      ['ada@example.org', 'subscribe', utc('2013-06-25T17:38:27Z')],
      ['bo@example.org', 'subscribe', utc('2013-06-25T18:29:10Z')],
      ['cy@example.org', 'subscribe', utc('2013-06-20T10:00:00Z')],
      ['cy@example.org', 'unsubscribe', utc('2013-09-02T08:00:00Z')],
    ]);
  });
});

describe('Slack member analytics with every current column (Slack admin analytics → Members export)', () => {
  // BOM, "Days using Slack Connect", "Files uploaded", "Slack Huddles", "Last active (Desktop) (UTC)"…; dates "Jan 10, 2024".
  const { batch, outcomes } = importReal(
    'slack-members/Loomcraft Member Analytics Prior 30 days - Mar 31, 2025.csv',
  );
  it('is a roster with join = Account created (UTC); guests and owners are people', () => {
    expect(outcomes[0]).toMatchObject({ format: 'slack-members', rows: 3, imported: 3 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.persons.map((p) => [p.key, p.joinedAt, p.roster, p.bot])).toEqual([
      ['slack:U01ADA', utc('2024-01-10T00:00:00Z'), true, false],
      ['slack:U02BO', utc('2025-02-03T00:00:00Z'), true, false],
      ['slack:U03CAL', utc('2025-03-02T00:00:00Z'), true, false],
    ]);
  });
});

describe('Meetup attendee list (Name, Attendance, User ID, Title, Event Host, RSVP, Guests, RSVPed on, Joined Group on, URL of Member Profile, Notes)', () => {
  const { batch, outcomes } = importReal('meetup/Loomcraft Leeds - March Weave Night.csv', {
    eventDate: utc('2025-03-06T18:00:00Z'),
  });
  it('Attended rows are attendances on the event date; no-shows are not', () => {
    expect(outcomes[0]).toMatchObject({ format: 'meetup-attendees', rows: 3 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.activities.map((a) => [a.personKey, a.kind, a.at])).toEqual([
      ['meetup:user 101', 'attend', utc('2025-03-06T18:00:00Z')],
      ['meetup:user 103', 'attend', utc('2025-03-06T18:00:00Z')],
    ]);
  });
});

describe('Luma guest lists as downloaded today (guest_id first, luma.com QR links; a sync client’s underscored file name)', () => {
  // Shapes from public Luma importers' tests (e.g. "guest_id,name,first_name,last_name,email,phone_number,created_at,
  // approval_status,checked_in_at,qr_code_url,ticket_name,<question>…" and file names
  // "<Event>_-_Guests_-_2026-05-18-14-30-15.csv" next to "<Event> - Guests - 2026-05-18-22-00-10.csv").
  const early = importReal('luma/Loomcraft_Spinning_Circle_-_Guests_-_2026-05-18-14-30-15.csv');
  const late = importReal('luma/Loomcraft Spinning Circle - Guests - 2026-05-19-09-00-00.csv');
  it('reads the underscored download as the same event as the spaced one, and a guest without email by guest_id', () => {
    expect(early.outcomes[0]).toMatchObject({ format: 'luma-guests', rows: 4, imported: 4, skipped: 0 });
    expect(errors(early.outcomes)).toEqual([]);
    expect(early.batch.activities.map((a) => [a.key, a.personKey, a.at, a.channel, a.title])).toEqual([
      [
        'luma:event:loomcraft spinning circle:attend:ada@example.org#2026-05-18',
        'luma:ada@example.org',
        utc('2026-05-18T18:04:51.902Z'),
        'luma:event:loomcraft spinning circle#2026-05-18',
        'Loomcraft Spinning Circle',
      ],
      [
        'luma:event:loomcraft spinning circle:attend:gst-Lc7aQ2wErT9yUi3#2026-05-18',
        'luma:gst-Lc7aQ2wErT9yUi3',
        utc('2026-05-18T18:30:00Z'),
        'luma:event:loomcraft spinning circle#2026-05-18',
        'Loomcraft Spinning Circle',
      ],
    ]);
  });
  it('a later export of the same event adds only the new check-in (Ada is attended once)', () => {
    expect(late.outcomes[0]).toMatchObject({ format: 'luma-guests', rows: 2, imported: 2 });
    const keys = new Set([...early.batch.activities, ...late.batch.activities].map((a) => a.key));
    expect([...keys].sort()).toEqual([
      'luma:event:loomcraft spinning circle:attend:ada@example.org#2026-05-18',
      'luma:event:loomcraft spinning circle:attend:bo@example.org#2026-05-18',
      'luma:event:loomcraft spinning circle:attend:gst-Lc7aQ2wErT9yUi3#2026-05-18',
    ]);
  });
});

describe('Mailchimp single-campaign reports as Mailchimp writes them ("Total Unsubs:"; an A/B test’s "Combination N Stats")', () => {
  // Line names from public parsers of these files: "Total Recipients:", …, "Recipients Who Clicked:", "Total Unsubs:",
  // "Total Abuse Complaints:", "Times Liked on Facebook:"; "Delivery Date/Time:","Mon, Apr 26, 2021 12:25".
  it('reads the unsubscribes from "Total Unsubs:"', () => {
    const { batch, outcomes } = importReal('mailchimp/Loomcraft_April_notes.csv');
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-campaign-report', rows: 1, imported: 1 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.campaigns).toEqual([
      {
        key: 'mailchimp:campaign:2021-04-26T12:25:loomcraft april notes',
        source: 'mailchimp',
        title: 'Loomcraft April notes',
        sentAt: utc('2021-04-26T12:25:00Z'),
        recipients: 1000,
        delivered: 995,
        uniqueOpens: 350,
        uniqueClicks: 100,
        unsubscribes: 5,
      },
    ]);
  });
  it('an A/B test without overall figures is the sum of its combinations', () => {
    const { batch, outcomes } = importReal('mailchimp/Loomcraft_May_AB_test.csv');
    expect(errors(outcomes)).toEqual([]);
    // 1,751 + 1,750 recipients; 1,742 + 1,742 delivered; 141 + 125 opened; 20 + 27 clicked; 1 + 2 unsubscribed.
    expect(batch.campaigns).toEqual([
      {
        key: 'mailchimp:campaign:2021-05-01T10:15:loomcraft may ab test',
        source: 'mailchimp',
        title: 'Loomcraft May AB test',
        sentAt: utc('2021-05-01T10:15:00Z'),
        recipients: 3501,
        delivered: 3484,
        uniqueOpens: 266,
        uniqueClicks: 47,
        unsubscribes: 3,
      },
    ]);
  });
  it('with an Overall Stats section after the combinations, its figures are the campaign’s', () => {
    const text = readFileSync(join(REAL, 'mailchimp/Loomcraft_May_AB_test.csv'), 'utf8');
    const overall = [
      '',
      '"Overall Stats"',
      '"Total Recipients:","3,501"',
      '"Successful Deliveries:","3,480"',
      '"Recipients Who Opened:","270 (7.8%)"',
      '"Recipients Who Clicked:","50 (1.4%)"',
      '"Total Unsubs:","4"',
      '',
    ].join('\n');
    const { batch } = importText('Loomcraft_May_AB_test.csv', text.replace(/\n+$/, '\n') + overall);
    expect(
      batch.campaigns.map((c) => [c.recipients, c.delivered, c.uniqueOpens, c.uniqueClicks, c.unsubscribes]),
    ).toEqual([[3501, 3480, 270, 50, 4]]);
  });
});

describe('X account analytics content export with a Japanese interface (ポストID,日付,ポスト本文,ポストのリンク,インプレッション数,…)', () => {
  // Header as public X-analytics importers' tests give it; values (dates included) stay as in the English export.
  const { batch, outcomes } = importReal('x/account_analytics_content_2026-09-01_2026-09-30.csv');
  it('is the content export: one post per row, keyed like the English file', () => {
    expect(outcomes[0]).toMatchObject({ format: 'x-account-content', rows: 2, imported: 2, skipped: 0 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.socialPosts.map((p) => [p.key, p.publishedAt, p.impressions, p.engagements, p.url])).toEqual(
      [
        [
          'x:2030000000000000001',
          utc('2026-09-01T00:00:00Z'),
          1234,
          96,
          'https://x.com/loomcraft_jp/status/2030000000000000001',
        ],
        [
          'x:2030000000000000002',
          utc('2026-09-02T00:00:00Z'),
          57,
          2,
          'https://x.com/loomcraft_jp/status/2030000000000000002',
        ],
      ],
    );
    expect(batch.socialPosts[1]!.text).toBe('ありがとうございました！ "また来月"');
  });
});

describe('X account analytics overview with a Japanese interface (日付,インプレッション数,…; column names as the content export’s)', () => {
  it('names its series in English, as its keys are: one series whichever language the export was taken in', () => {
    const header = '日付,インプレッション数,いいね,エンゲージメント,新しいフォロー,フォロー解除';
    const ja = importText(
      'account_overview_analytics_2026-09-01_2026-09-30.csv',
      `${header}\n"Tue, Sep 1, 2026",238,3,13,2,1\n`,
    );
    const en = importText(
      'account_overview_analytics_2026-09-01_2026-09-30.csv',
      'Date,Impressions,Likes,Engagements,New follows,Unfollows\n"Tue, Sep 1, 2026",238,3,13,2,1\n',
    );
    expect(ja.outcomes[0]).toMatchObject({ format: 'x-account-overview', imported: 1, issues: [] });
    const pairs = (b: typeof ja.batch) => b.dailyValues.map((d) => [d.key, d.series, d.value]);
    expect(pairs(ja.batch)).toEqual(pairs(en.batch));
    expect(pairs(ja.batch).map((p) => p[1])).toEqual([
      'x: Impressions',
      'x: Likes',
      'x: Engagements',
      'x: New follows',
      'x: Unfollows',
    ]);
  });
});

describe('DiscordChatExporter CSV with a MessageID column first (MessageID,AuthorID,Author,Date,Content,Attachments,Reactions)', () => {
  // Header and 7-digit-fraction ISO dates as in DiscordChatExporter's CsvMessageWriter/CsvExportMerger specs.
  const { batch, outcomes } = importReal(
    'discord/Loomcraft - Text Channels - general [1100000000000000006].csv',
  );
  it('keys each message by its id, as the JSON export does; system notices are still skipped', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discord-chat-exporter', rows: 3, imported: 2, skipped: 1 });
    expect(errors(outcomes)).toEqual([]);
    expect(batch.activities.map((a) => [a.key, a.personKey, a.kind, a.at])).toEqual([
      ['discord:m:1300000000000000001', 'discord:417700000000000021', 'message', utc('2025-03-01T09:05:00Z')],
      [
        'discord:m:1300000000000000002',
        'discord:417700000000000022',
        'message',
        utc('2025-03-01T09:40:12.500Z'),
      ],
    ]);
  });
});

describe('Substack subscriber export from the dashboard (Email,Name,Stripe plan,Cancel date,Start date,Paid upgrade date,…,Type,Sections)', () => {
  // Column names as several public Substack importers list them (Subscribers → Export, all columns); ISO times.
  const { batch, outcomes } = importReal('substack/Loomcraft Notes subscribers.csv');
  it('is the publication’s audience: a subscribe at Start date per subscriber, no persons or activities', () => {
    expect(outcomes[0]).toMatchObject({
      format: 'substack-email-list',
      label: 'Substack subscribers export',
      rows: 3,
      imported: 2,
      skipped: 1,
    });
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 4, column: 'Email', severity: 'error' }),
    ]);
    expect(batch.subscriptions.map((s) => [s.email, s.type, s.at])).toEqual([
      ['ada@example.org', 'subscribe', utc('2024-11-02T08:15:30.120Z')],
      ['bo@example.org', 'subscribe', utc('2025-02-14T21:03:09.004Z')],
    ]);
    expect(batch.persons).toEqual([]);
    expect(batch.activities).toEqual([]);
  });
});

describe('Eventbrite attendee report with custom questions and M/D/YY order dates (public Eventbrite → badge converter’s sample header)', () => {
  // "Order #,Order Date,…,Attendee Status,Home Address 1,…,How did you hear about this event?,Job Title,Company"; "11/29/24 22:28".
  const { batch, outcomes } = importReal('eventbrite/Loomcraft Winter Weave-in - Attendees.csv', {
    eventDate: utc('2024-12-07T18:00:00Z'),
  });
  it('Checked In rows are attendances on the event date; order dates with two-digit years are read', () => {
    expect(outcomes[0]).toMatchObject({ format: 'eventbrite-attendees', rows: 3, imported: 3, skipped: 0 });
    expect(outcomes[0]!.issues).toEqual([]);
    expect(batch.activities.map((a) => [a.key, a.personKey, a.at, a.title])).toEqual([
      [
        'eventbrite:attend:18400000001',
        'eventbrite:ada@example.org',
        utc('2024-12-07T18:00:00Z'),
        'Loomcraft Winter Weave-in',
      ],
      [
        'eventbrite:attend:18400000003',
        'eventbrite:cal@example.org',
        utc('2024-12-07T18:00:00Z'),
        'Loomcraft Winter Weave-in',
      ],
    ]);
  });
  it('without an event date, the day of the latest Order Date (Dec 3, 2024 17:40) dates them', () => {
    const { batch: b } = importReal('eventbrite/Loomcraft Winter Weave-in - Attendees.csv');
    expect(b.activities.map((a) => a.at)).toEqual([utc('2024-12-03T00:00:00Z'), utc('2024-12-03T00:00:00Z')]);
  });
});

describe('Meetup member list as downloaded in 2015 (tab-separated .xls: …,Total RSVPs,RSVPed Yes,…,Meetups attended,No shows,…)', () => {
  // Header and value shapes (" 14", a trailing space after the profile URL) from a public Meetup growth-plot script's README.
  const { batch, outcomes } = importReal('meetup/Loomcraft-Leeds_Member_List_on_07-30-15.xls');
  it('is a roster keyed by User ID, join = Joined Group on (MM/DD/YYYY)', () => {
    expect(outcomes[0]).toMatchObject({ format: 'meetup-members', rows: 2, imported: 2 });
    expect(outcomes[0]!.issues).toEqual([]);
    expect(batch.persons.map((p) => [p.key, p.name, p.joinedAt, p.roster])).toEqual([
      ['meetup:user 12500001', 'Ada Weaver', utc('2014-04-24T00:00:00Z'), true],
      ['meetup:user 12500002', 'Bo Lind', utc('2015-05-02T00:00:00Z'), true],
    ]);
  });
});

describe('Substack export zip as Substack writes it (posts/<number>.delivers.csv, posts/<number>.<slug>.html; Substack export consumers’ notes on real zips)', () => {
  // posts.csv names a post `186958009.i-deleted-…`; its stats files are `posts/186958009.delivers.csv`
  // and `.opens.csv`, and every post (drafts too) has its body as `posts/<number>.<slug>.html`.
  const { batch, outcomes } = importFolderAsZip('substack-export', 'loomnotes-export.zip');
  it('matches each emailed post with its stats files by the post’s number', () => {
    expect(batch.campaigns.map((c) => [c.key, c.title, c.sentAt, c.delivered, c.uniqueOpens])).toEqual([
      // delivers: a, b, c → 3; opens: a twice, b → 2 distinct
      [
        'substack:post:186958009.i-deleted-social-media-because-i',
        'I deleted social media because I',
        utc('2026-01-15T10:00:05Z'),
        3,
        2,
      ],
      // delivers: a, b → 2; no opens file → 0 (the draft between them was never emailed)
      ['substack:post:187100002.february-notes', 'February notes', utc('2026-02-02T09:00:03.120Z'), 2, 0],
    ]);
  });
  it('the posts’ .html bodies are part of the export, not unknown files; nothing is left unread', () => {
    expect(outcomes.map((o) => o.format).sort()).toEqual(['substack-email-list', 'substack-posts']);
    expect(outcomes.flatMap((o) => o.issues)).toEqual([]);
    expect(batch.subscriptions).toHaveLength(3);
  });
});

describe('Slack Enterprise Grid export (org_users.json instead of users.json; dms.json / mpims.json; hfaran/slack-export-viewer #224 and PR #233)', () => {
  const { batch, outcomes } = importFolderAsZip(
    'slack-enterprise-grid',
    'Loomcraft Slack export Mar 3 2025.zip',
  );
  it('reads org_users.json as the user list: names, emails, and the channel’s posts, replies and messages', () => {
    expect(outcomes.map((o) => o.format)).toEqual(['slack-export']);
    const ada = batch.persons.find((p) => p.key === 'slack:W01ADA');
    expect(ada).toMatchObject({ name: 'Ada Weaver', handle: 'ada', email: 'ada@example.org', bot: false });
    expect(batch.activities.map((a) => [a.personKey, a.kind, a.at, a.channel])).toEqual([
      // 1741003200 = 2025-03-03T12:00:00Z: Ada's question with a reply starts a thread
      ['slack:W01ADA', 'post', utc('2025-03-03T12:00:00Z'), 'general'],
      // thread_broadcast: a reply also shown in the channel (thread_ts ≠ ts)
      ['slack:W02BO', 'reply', utc('2025-03-03T13:00:00Z'), 'general'],
      // a file shared without text is still a message
      ['slack:W02BO', 'message', utc('2025-03-03T14:00:00Z'), 'general'],
      // a huddle's thread is Slackbot's (a bot: not a member's action in any metric)
      ['slack:USLACKBOT', 'post', utc('2025-03-03T15:00:00Z'), 'general'],
    ]);
    expect(batch.persons.find((p) => p.key === 'slack:USLACKBOT')?.bot).toBe(true);
  });
  it('direct messages (1:1 and group) are not imported, and the import says how many conversations were left out', () => {
    expect(batch.activities.some((a) => a.channel === 'D0ADA1BO' || a.channel === 'mpdm-ada--bo--cy-1')).toBe(
      false,
    );
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining(
          '2 direct-message conversations (dms.json, mpims.json) are not imported',
        ),
      }),
    ]);
  });
  it('without any user list, the messages are still read, keyed by Slack id, with a warning', () => {
    const dir = join(REAL, 'slack-enterprise-grid');
    const entries: Zippable = {};
    for (const f of filesUnder(dir).sort()) {
      const name = relative(dir, f).split('\\').join('/');
      if (name !== 'org_users.json') entries[name] = new Uint8Array(readFileSync(f));
    }
    const r = importBytesForTest(
      'no-users.zip',
      zipSync(entries, { mtime: new Date('2025-04-01T00:00:00Z') }),
    );
    expect(r.outcomes.map((o) => o.format)).toEqual(['slack-export']);
    expect(r.batch.activities.filter((a) => a.personKey === 'slack:W02BO')).toHaveLength(2);
    expect(r.batch.persons.find((p) => p.key === 'slack:W01ADA')).toEqual({
      key: 'slack:W01ADA',
      source: 'slack',
      roster: false,
      bot: false,
    });
    expect(r.outcomes[0]!.issues.map((i) => i.message)).toContainEqual(
      expect.stringContaining('no users.json'),
    );
  });
});

describe('Data Explorer CSV of a query selecting the raw created_at (discourse-data-explorer query_controller.rb: `CSV.generate`, raw PostgreSQL text)', () => {
  // Discourse stores `timestamp without time zone` in UTC; the Data Explorer writes it as PostgreSQL
  // prints it, with no zone. A manager in New York importing with --tz America/New_York must not move
  // the post to 03:30 the next day (April).
  const ctx = { timeZone: 'America/New_York' };
  it('posts: a zone-less created_at is UTC, whatever the import time zone', () => {
    const { batch } = importText(
      'posts-query@forum-example-org-2025-04-02.dcqresult.csv',
      'post_id,topic_id,post_number,username,created_at,topic_title,category,raw\n' +
        '101,11,1,ada,2025-03-31 23:30:00.123456,"Warping boards, again",General,Who has one?\n',
      ctx,
    );
    expect(batch.activities.map((a) => a.at)).toEqual([utc('2025-03-31T23:30:00.123Z')]);
  });
  it('likes: the same', () => {
    const { batch } = importText(
      'likes@forum-example-org-2025-04-02.dcqresult.csv',
      'post_id,username,created_at\n101,bo,2025-03-31 23:45:10.5\n',
      ctx,
    );
    expect(batch.activities.map((a) => a.at)).toEqual([utc('2025-03-31T23:45:10.500Z')]);
  });
  it('a value with its zone keeps it', () => {
    const { batch } = importText(
      'posts.csv',
      'post_id,topic_id,post_number,username,created_at,topic_title,category,raw\n' +
        '102,11,2,bo,2025-03-31T20:00:00-04:00,,General,Me\n',
      ctx,
    );
    expect(batch.activities.map((a) => a.at)).toEqual([utc('2025-04-01T00:00:00Z')]);
  });
});
