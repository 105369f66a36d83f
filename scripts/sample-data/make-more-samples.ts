/**
 * Generates the one-small-file-per-format samples of sample-data/ that the other generators do not
 * write (deterministic: same output on every run). Same community ("Loomcraft"), same year (2025),
 * same people as the existing samples:
 * - `Loomcraft - Text Channels - patterns [1100000000000000004].json`  discord-chat-exporter-json
 * - `posts-251231-093000-17.csv`                                       discourse-report (`Count,Day`)
 * - `user_archive-quinn_sato-251231-234500-58.zip`                     discourse-user-archive
 * - `loomcraft_content_1767139200.csv`                                 linkedin-posts
 * - `Loomcraft_digest_October_report.csv`                              mailchimp-campaign-report
 * - `account_analytics_content_2025-10-01_2025-12-31.csv`              x-account-content
 * - `account_overview_analytics_2025-12-01_2025-12-31.csv`             x-account-overview
 * The Discourse report and user archive are derived from sample-data/discourse-posts.csv and
 * discourse-likes.csv, the Mailchimp report from campaigns.csv and the X posts from the legacy tweet
 * activity file, so they agree with (and dedupe against) those files. Run after `npm run sample-data`:
 *   npx tsx scripts/sample-data/make-more-samples.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { parseCsvText } from '../../src/domain/parse/csv';
import { mulberry32 } from '../prng.ts';

const OUT = join(import.meta.dirname, '..', '..', 'sample-data');
const BOM = '\uFEFF';

const rand = mulberry32(20251231);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells: (string | number)[]) => cells.map(csvCell).join(',');
/** `1,204` as the exporters (and Excel) write counts of a thousand and more. */
const thousands = (n: number) => n.toLocaleString('en-US');

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(join(OUT, name), 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  parseCsvText(text, (chunk) => rows.push(...chunk), ',');
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** X analytics: `Tue, Jul 14, 2026`. */
const xDay = (ms: number) => {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
};
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Discord: DiscordChatExporter JSON of the #patterns channel (the CSV sample is #showcase).
// ---------------------------------------------------------------------------------------------

const GUILD = { id: '1100000000000000000', name: 'Loomcraft', iconUrl: 'https://cdn.discordapp.com/embed/avatars/0.png' };
const CHANNEL_ID = '1100000000000000004';

/** Members of the showcase CSV sample (same ids), with their server display names. */
const DISCORD_USERS = {
  tara: { id: '400000000000300922', name: 'tara_adeyemi', nickname: 'Tara Adeyemi' },
  rosa: { id: '400000000000197975', name: 'rosa_park', nickname: 'Rosa Park' },
  hana: { id: '400000000000213813', name: 'hana_muller', nickname: 'Hana Müller' },
  uma: { id: '400000000000182137', name: 'uma_moreau', nickname: 'Uma Moreau' },
  farah: { id: '400000000000261327', name: 'farah_kaur', nickname: 'Farah' },
  bruno: { id: '400000000000221732', name: 'bruno_garcia', nickname: 'Bruno García' },
  quinn: { id: '400000000000205894', name: 'quinn_sato', nickname: 'Quinn Sato' },
  jun: { id: '400000000000174218', name: 'jun_muller', nickname: 'Jun' },
  olu: { id: '400000000000285084', name: 'olu_silva', nickname: 'Olu Silva' },
  wen: { id: '400000000000348436', name: 'wen_sato9', nickname: 'Wen' },
  newbie: { id: '400000000000361204', name: 'cleo_berg', nickname: 'Cleo Berg' },
  bot: { id: '1150000000000000777', name: 'Loomcraft Bot', nickname: 'Loomcraft Bot', isBot: true },
} as const;
type DiscordUserKey = keyof typeof DISCORD_USERS;

function discordUser(k: DiscordUserKey) {
  const u = DISCORD_USERS[k];
  const avatar = Number(BigInt(u.id) % 5n);
  return {
    id: u.id,
    name: u.name,
    discriminator: k === 'bot' ? '4821' : '0000',
    nickname: u.nickname,
    color: k === 'bot' ? '#5865F2' : null,
    isBot: 'isBot' in u ? u.isBot : false,
    roles: k === 'bot' ? [{ id: '1100000000000000021', name: 'Bots', color: '#5865F2', position: 3 }] : [],
    avatarUrl: `https://cdn.discordapp.com/embed/avatars/${avatar}.png`,
  };
}

/** A Discord snowflake for a moment (ms since the Discord epoch in the top 42 bits). */
const snowflake = (ms: number, seq: number) => String(((BigInt(ms) - 1420070400000n) << 22n) | BigInt(seq));

/**
 * DiscordChatExporter run on a UK machine: local time with the London offset (BST from Mar 30 to
 * Oct 26, 2025), written as System.Text.Json writes a DateTimeOffset (no fraction when it is zero,
 * else trailing zeros trimmed: `2025-03-11T21:02:51.48+00:00`).
 */
function dceTime(ms: number): string {
  const bst = ms >= Date.UTC(2025, 2, 30, 1) && ms < Date.UTC(2025, 9, 26, 1);
  const local = new Date(ms + (bst ? 3_600_000 : 0)).toISOString();
  const fraction = local.slice(20, 23).replace(/0+$/, '');
  return `${local.slice(0, 19)}${fraction ? `.${fraction}` : ''}${bst ? '+01:00' : '+00:00'}`;
}

const EMOJI: Record<string, { code: string; hex: string }> = {
  '👍': { code: 'thumbsup', hex: '1f44d' },
  '❤️': { code: 'heart', hex: '2764' },
  '🙏': { code: 'pray', hex: '1f64f' },
  '🎉': { code: 'tada', hex: '1f389' },
  '😍': { code: 'heart_eyes', hex: '1f60d' },
};

interface DiscordMessageSpec {
  at: string; // UTC
  by: DiscordUserKey;
  text: string;
  type?: string;
  replyTo?: number; // index in DISCORD_MESSAGES
  reactions?: [string, DiscordUserKey[]][];
  attachment?: { fileName: string; bytes: number };
  edited?: string;
  pinned?: boolean;
}

const DISCORD_MESSAGES: DiscordMessageSpec[] = [
  /* 0 */ { at: '2025-02-03T19:12:44Z', by: 'bot', text: '📌 **Pattern of the week:** Monk\'s belt table runner. Share your versions in this channel!', pinned: true, reactions: [['🎉', ['uma', 'farah']]] },
  /* 1 */ { at: '2025-02-04T08:31:02Z', by: 'uma', text: 'Started the monk\'s belt runner last night, 8/2 cotton in navy and mustard', attachment: { fileName: 'monks-belt-wip.jpg', bytes: 482113 }, reactions: [['😍', ['farah', 'rosa', 'hana']]] },
  /* 2 */ { at: '2025-03-11T20:45:19Z', by: 'tara', text: 'Does anyone have a WIF for the honeycomb towels from the forum? The link in that thread is dead for me' },
  /* 3 */ { at: '2025-03-11T21:02:51Z', by: 'rosa', text: 'Here you go, I re-uploaded it. Treadled as drawn in, 8 shafts', replyTo: 2, attachment: { fileName: 'honeycomb-towels.wif', bytes: 6240 }, reactions: [['🙏', ['tara', 'hana']], ['👍', ['olu']]] },
  /* 4 */ { at: '2025-03-11T21:10:07Z', by: 'tara', text: 'Perfect, thank you!! Opens fine in the app', replyTo: 3 },
  /* 5 */ { at: '2025-03-12T07:58:40Z', by: 'hana', text: 'Works for me too. Has anyone tried it on 4 shafts? The tie-up editor won\'t let me collapse it', replyTo: 4 },
  /* 6 */ { at: '2025-03-12T09:26:13Z', by: 'rosa', text: 'You can\'t really, honeycomb needs the extra shafts for the cells. Try the 4-shaft waffle weave instead', replyTo: 5, reactions: [['👍', ['hana']]] },
  /* 7 */ { at: '2025-04-02T17:05:00Z', by: 'newbie', text: 'Joined the server.', type: 'GuildMemberJoin' },
  /* 8 */ { at: '2025-04-02T17:40:33Z', by: 'newbie', text: 'Hi all! Just got a table loom, where do I find beginner patterns?' },
  /* 9 */ { at: '2025-04-02T18:02:15Z', by: 'farah', text: 'Welcome! The pinned message has the pattern of the week, and the forum\'s Patterns category has loads of free drafts', replyTo: 8, reactions: [['❤️', ['newbie']]] },
  /* 10 */ { at: '2025-05-19T12:14:51Z', by: 'bot', text: '📌 **Pattern of the week:** Overshot "Whig Rose" (16 blocks). Post your drawdowns!', reactions: [['👍', ['jun', 'quinn']]] },
  /* 11 */ { at: '2025-05-20T16:33:08Z', by: 'jun', text: '', attachment: { fileName: 'whig-rose-drawdown.png', bytes: 211904 }, reactions: [['😍', ['uma', 'wen']], ['🎉', ['bruno']]] },
  /* 12 */ { at: '2025-06-30T10:21:45Z', by: 'olu', text: 'Is there a way to import a draft from a photo of an old pattern book? Asking for my grandmother\'s notebook', edited: '2025-06-30T10:23:02Z' },
  /* 13 */ { at: '2025-06-30T11:47:30Z', by: 'bruno', text: 'Not from a photo, but the profile draft editor is quick once you get the threading in. I did 3 pages in an evening', replyTo: 12 },
  /* 14 */ { at: '2025-06-30T12:05:09Z', by: 'olu', text: 'Good to know, I\'ll give it a go this weekend', replyTo: 13, reactions: [['👍', ['bruno']]] },
  /* 15 */ { at: '2025-09-08T18:55:27Z', by: 'quinn', text: 'Sharing my first 8-shaft draft, converted from a 4-shaft twill. Feedback welcome!', attachment: { fileName: 'twill-8-shaft.wif', bytes: 7815 }, reactions: [['❤️', ['rosa', 'tara', 'uma']]] },
  /* 16 */ { at: '2025-09-08T19:20:44Z', by: 'rosa', text: 'Lovely! Try a broken twill treadling on it, it hides the diagonal nicely', replyTo: 15 },
  /* 17 */ { at: '2025-10-14T08:00:00Z', by: 'bot', text: '📌 **Pattern of the week:** Rosepath rag rug. Scraps welcome 🧵' },
  /* 18 */ { at: '2025-11-21T20:12:36Z', by: 'wen', text: 'Christmas towels in rosepath, pattern in the forum: Patterns → Rosepath variations', reactions: [['🎉', ['farah', 'hana', 'quinn', 'tara']]] },
  /* 19 */ { at: '2025-12-15T14:33:11Z', by: 'hana', text: 'Anyone weaving along over the holidays? I\'m doing the honeycomb towels again, in linen this time' },
  /* 20 */ { at: '2025-12-15T15:01:58Z', by: 'tara', text: 'Yes! Same WIF Rosa posted back in March 😄', replyTo: 19 },
];

function makeDiscordJson(): string {
  // Snowflakes carry milliseconds: give each message some, so ids and timestamps agree.
  const times = DISCORD_MESSAGES.map((m) => Date.parse(m.at) + int(0, 999));
  const ids = times.map((at, i) => snowflake(at, i));
  const messages = DISCORD_MESSAGES.map((m, i) => {
    const at = times[i]!;
    const replied = m.replyTo !== undefined ? DISCORD_MESSAGES[m.replyTo]! : undefined;
    return {
      id: ids[i],
      type: m.type ?? (replied ? 'Reply' : 'Default'),
      timestamp: dceTime(at),
      timestampEdited: m.edited ? dceTime(Date.parse(m.edited)) : null,
      callEndedTimestamp: null,
      isPinned: m.pinned ?? false,
      content: m.text,
      author: discordUser(m.by),
      attachments: m.attachment
        ? [{ id: snowflake(at, 900 + i), url: `https://cdn.discordapp.com/attachments/${CHANNEL_ID}/${snowflake(at, 900 + i)}/${m.attachment.fileName}`, fileName: m.attachment.fileName, fileSizeBytes: m.attachment.bytes }]
        : [],
      embeds: [],
      stickers: [],
      reactions: (m.reactions ?? []).map(([emoji, users]) => ({
        emoji: { id: '', name: emoji, code: EMOJI[emoji]!.code, isAnimated: false, imageUrl: `https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/${EMOJI[emoji]!.hex}.svg` },
        count: users.length,
        users: users.map((u) => {
          const { roles: _roles, color: _color, ...rest } = discordUser(u);
          return rest;
        }),
      })),
      mentions: replied ? [discordUser(replied.by)] : [],
      inlineEmojis: [],
      ...(m.replyTo !== undefined ? { reference: { messageId: ids[m.replyTo], channelId: CHANNEL_ID, guildId: GUILD.id } } : {}),
    };
  });
  const doc = {
    guild: GUILD,
    channel: { id: CHANNEL_ID, type: 'GuildTextChat', categoryId: '1100000000000000010', category: 'Text Channels', name: 'patterns', topic: 'Drafts, WIFs and pattern of the week' },
    dateRange: { after: null, before: null },
    exportedAt: '2025-12-31T10:05:12.441+00:00',
    messages,
    messageCount: messages.length,
  };
  return JSON.stringify(doc, null, 2);
}

// ---------------------------------------------------------------------------------------------
// Discourse: dashboard report (posts, December) and Quinn Sato's own user archive.
// ---------------------------------------------------------------------------------------------

const posts = readCsv('discourse-posts.csv');
const likes = readCsv('discourse-likes.csv');

/** Admin → Reports → Posts → Export, December 2025: the posts report writes `Count,Day`. */
function makePostsReport(): string {
  const perDay = new Map<string, number>();
  for (const p of posts) {
    const day = p.created_at!.slice(0, 10);
    if (day >= '2025-12-01') perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const lines = ['Count,Day'];
  for (let t = Date.UTC(2025, 11, 1); t <= Date.UTC(2025, 11, 31); t += DAY) lines.push(csvLine([perDay.get(isoDay(t)) ?? 0, isoDay(t)]));
  return `${lines.join('\n')}\n`;
}

const FORUM = 'https://forum.loomcraft.example.org';
const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
/** `user_archive.csv` timestamps: `2025-09-04 08:23:18 UTC` (Ruby's Time#to_s in UTC). */
const rubyUtc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
const cooked = (raw: string) => `<p>${raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</p>`;

function makeUserArchive(username: string): Uint8Array {
  const likeCount = new Map<string, number>();
  for (const l of likes) likeCount.set(l.post_id!, (likeCount.get(l.post_id!) ?? 0) + 1);
  const topicPosts = new Map<string, number>();
  for (const p of posts) topicPosts.set(p.topic_id!, (topicPosts.get(p.topic_id!) ?? 0) + 1);
  const mine = posts.filter((p) => p.username === username);
  const rows = mine.map((p) => {
    const n = Number(p.post_number);
    const url = `${FORUM}/t/${slugOf(p.topic_title!)}/${p.topic_id}${n === 1 ? '' : `/${n}`}`;
    const replies = n === 1 ? topicPosts.get(p.topic_id!)! - 1 + (p.topic_id === '978' ? 1 : 0) : 0;
    return { at: p.created_at!, cells: [p.topic_title!, p.category!, 'No', p.raw!, cooked(p.raw!), likeCount.get(p.post_id!) ?? 0, replies, url, rubyUtc(p.created_at!)] };
  });
  // Downloaded after the Data Explorer posts query was run: Quinn's last post of the year is in the
  // archive only (the one record it adds; the others are the query's posts and count once).
  const lastTopic = posts.filter((p) => p.topic_id === '978');
  const lastRaw = 'Fixed in today\'s update, the summary shows the right thread count now. Thanks all!';
  const lastAt = '2025-12-31T23:12:40.000Z';
  rows.push({
    at: lastAt,
    cells: [lastTopic[0]!.topic_title!, lastTopic[0]!.category!, 'No', lastRaw, cooked(lastRaw), 0, 0, `${FORUM}/t/${slugOf(lastTopic[0]!.topic_title!)}/978/${lastTopic.length + 1}`, rubyUtc(lastAt)],
  });
  // A private message with a moderator: in the archive, but not a public post (skipped on import).
  const pmRaw = 'Thanks for the heads-up! I\'ll attach the sample draft to the topic so others can test it too.';
  rows.push({
    at: '2025-12-14T09:41:05.000Z',
    cells: ['About the thread count bug', '', 'Yes', pmRaw, cooked(pmRaw), 0, 0, `${FORUM}/t/about-the-thread-count-bug/1052/2`, rubyUtc('2025-12-14T09:41:05.000Z')],
  });
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const header = ['topic_title', 'categories', 'is_pm', 'post_raw', 'post_cooked', 'like_count', 'reply_count', 'url', 'created_at'];
  const csv = `${BOM}${[header, ...rows.map((r) => r.cells)].map(csvLine).join('\n')}\n`;
  return zipSync({ 'user_archive.csv': strToU8(csv) }, { mtime: new Date(Date.UTC(2025, 11, 31, 23, 45)) });
}

// ---------------------------------------------------------------------------------------------
// LinkedIn page: the "All posts" sheet of the content export, saved as CSV from Excel.
// ---------------------------------------------------------------------------------------------

interface LinkedinSpec {
  day: string; // MM/DD/YYYY as LinkedIn writes it
  title: string;
  type: 'Text' | 'Image' | 'Video' | 'Document' | 'Article';
  impressions: number;
}
const LINKEDIN_POSTS: LinkedinSpec[] = [
  { day: '01/14/2025', title: 'Happy new weaving year! Here is what is coming to Loomcraft in 2025', type: 'Image', impressions: 842 },
  { day: '02/20/2025', title: 'Our forum now has a Patterns category: free drafts from the community', type: 'Text', impressions: 611 },
  { day: '03/18/2025', title: 'Spring Meetup, April 12: "bring a draft, leave with a friend"', type: 'Image', impressions: 1288 },
  { day: '04/15/2025', title: 'Thank you to everyone who came to the Spring Meetup!\nPhotos and notes in the forum', type: 'Image', impressions: 1935 },
  { day: '05/27/2025', title: 'How a weaver in Leeds turned her grandmother\'s notebook into drafts', type: 'Article', impressions: 2417 },
  { day: '06/24/2025', title: 'Summer Weave-along: sign-ups are open', type: 'Document', impressions: 1502 },
  { day: '07/29/2025', title: 'Weave-along week 3, your towels so far', type: 'Video', impressions: 3106 },
  { day: '09/16/2025', title: 'We\'re hiring a community lead (remote, UK/EU)', type: 'Text', impressions: 4870 },
  { day: '10/21/2025', title: 'Autumn Workshop recap: 22 weavers, 1 very full room', type: 'Image', impressions: 1744 },
  { day: '11/13/2025', title: 'Tip: the tie-up editor now supports 24 shafts', type: 'Video', impressions: 2283 },
  { day: '12/18/2025', title: 'A year of Loomcraft in numbers, thank you all', type: 'Document', impressions: 3951 },
];

/** LinkedIn activity ids carry their creation time in the top 41 bits, like snowflakes. */
const linkedinActivity = (ms: number) => String((BigInt(ms) << 22n) | BigInt(int(0, 4_194_303)));

function makeLinkedinContent(): string {
  const header = ['Post title', 'Post link', 'Post type', 'Campaign name', 'Posted by', 'Created date', 'Campaign start date', 'Campaign end date', 'Audience', 'Impressions', 'Views (excluding off-site video views)', 'Off-site views', 'Clicks', 'Click through rate (CTR)', 'Likes', 'Comments', 'Reposts', 'Follows', 'Engagement rate', 'Content Type'];
  const lines = [csvLine(['All posts, their metrics and the campaign they belong to. Data for the last 365 days.']), csvLine(header)];
  for (const p of [...LINKEDIN_POSTS].reverse()) {
    const [mm, dd, yyyy] = p.day.split('/').map(Number) as [number, number, number];
    const ms = Date.UTC(yyyy, mm - 1, dd, int(8, 16), int(0, 59), int(0, 59));
    const clicks = Math.round(p.impressions * (0.012 + rand() * 0.03));
    const likesN = Math.round(p.impressions * (0.01 + rand() * 0.025));
    const comments = int(0, 9);
    const reposts = int(0, 6);
    const follows = int(0, 4);
    const engagement = (clicks + likesN + comments + reposts + follows) / p.impressions;
    const views = p.type === 'Video' ? Math.round(p.impressions * 0.41) : '';
    lines.push(
      csvLine([
        p.title,
        `https://www.linkedin.com/feed/update/urn:li:activity:${linkedinActivity(ms)}`,
        'Organic',
        '',
        'Yara Okafor',
        p.day,
        '',
        '',
        'All followers',
        thousands(p.impressions),
        views === '' ? '' : thousands(views),
        p.type === 'Video' ? 0 : '',
        clicks,
        (clicks / p.impressions).toFixed(4),
        likesN,
        comments,
        reposts,
        follows,
        engagement.toFixed(4),
        p.type,
      ]),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Mailchimp: the single-campaign report of the October digest (also a row of campaigns.csv).
// ---------------------------------------------------------------------------------------------

function makeCampaignReport(title: string): string {
  const c = readCsv('campaigns.csv').find((r) => r.Title === title)!;
  const n = (k: string) => Number(c[k]!.replace(/,/g, ''));
  const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1)}%`;
  const delivered = n('Successful Deliveries');
  const bounces = n('Total Bounces');
  const opens = n('Unique Opens');
  const clicks = n('Unique Clicks');
  const totalClicks = n('Total Clicks');
  const urls: [string, number, number][] = [
    ['https://forum.loomcraft.example.org/c/patterns', Math.round(totalClicks * 0.5), Math.round(clicks * 0.52)],
    ['https://lu.ma/loomcraft-autumn-workshop', Math.round(totalClicks * 0.3), Math.round(clicks * 0.32)],
    ['https://loomcraft.example.org/blog/tie-up-editor-24-shafts', 0, 0],
  ];
  urls[2]![1] = totalClicks - urls[0]![1] - urls[1]![1];
  urls[2]![2] = Math.max(1, clicks - urls[0]![2] - urls[1]![2]);
  const rows: string[][] = [
    ['Email Campaign Report'],
    ['Title:', c.Title!],
    ['Subject Line:', c.Subject!],
    ['Delivery Date/Time:', c['Send Date']!],
    [''],
    ['Overall Stats'],
    ['Total Recipients:', thousands(n('Total Recipients'))],
    ['Successful Deliveries:', thousands(delivered)],
    ['Bounces:', `${bounces} (${pct(bounces, n('Total Recipients'))})`],
    ['Times Forwarded:', c['Times Forwarded']!],
    ['Forwarded Opens:', c['Forwarded Opens']!],
    ['Recipients Who Opened:', `${opens} (${pct(opens, delivered)})`],
    ['Total Opens:', thousands(n('Total Opens'))],
    ['Last Open Date:', 'Oct 19, 2025 08:12 pm'],
    ['Recipients Who Clicked:', `${clicks} (${pct(clicks, delivered)})`],
    ['Total Clicks:', thousands(totalClicks)],
    ['Last Click Date:', 'Oct 17, 2025 07:44 am'],
    ['Total Purchases:', '0'],
    ['Total Amount Spent:', '0'],
    ['Unsubscribes:', c.Unsubscribes!],
    ['Abuse Complaints:', c['Abuse Complaints']!],
    ['Times Liked on Facebook:', c['Times Liked on Facebook']!],
    [''],
    ['Clicks by URL'],
    ['URL', 'Total Clicks', 'Unique Clicks'],
    ...urls.map(([u, t, q]) => [u, String(t), String(q)]),
  ];
  // Mailchimp quotes every value of this report.
  return `${rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// X: the newer account analytics exports (posts of Q4, account overview of December).
// ---------------------------------------------------------------------------------------------

const tweets = readCsv('tweet_activity_metrics_loomcraft_20250101_20251231_en.csv');
const xNum = (v: string) => Math.round(Number(v));

function makeXContent(): string {
  const header = ['Post id', 'Date', 'Post text', 'Post Link', 'Impressions', 'Likes', 'Engagements', 'Bookmarks', 'Shares', 'New follows', 'Replies', 'Reposts', 'Profile visits', 'Detail Expands', 'URL Clicks', 'Hashtag Clicks', 'Permalink Clicks'];
  const q4 = tweets.filter((t) => t.time! >= '2025-10-01').sort((a, b) => (a.time! < b.time! ? 1 : -1)); // newest first
  const lines = [csvLine(header)];
  for (const t of q4) {
    const impressions = xNum(t.impressions!);
    const engagements = xNum(t.engagements!);
    const likesN = xNum(t.likes!);
    const replies = xNum(t.replies!);
    const reposts = xNum(t.retweets!);
    let left = Math.max(0, engagements - likesN - replies - reposts);
    const take = (max: number) => {
      const v = Math.min(left, int(0, max));
      left -= v;
      return v;
    };
    const bookmarks = take(6);
    const shares = take(3);
    const follows = take(2);
    const visits = take(12);
    const urlClicks = take(15);
    const permalink = take(4);
    const expands = left;
    const day = Date.parse(`${t.time!.slice(0, 10)}T00:00:00Z`);
    lines.push(
      csvLine([t['Tweet id']!, xDay(day), t['Tweet text']!, `https://x.com/loomcraft/status/${t['Tweet id']}`, thousands(impressions), likesN, engagements, bookmarks, shares, follows, replies, reposts, visits, expands, urlClicks, 0, permalink]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function makeXOverview(): string {
  const header = ['Date', 'Impressions', 'Likes', 'Engagements', 'Bookmarks', 'Shares', 'New follows', 'Unfollows', 'Replies', 'Reposts', 'Profile visits', 'Create Post', 'Video views', 'Media views'];
  const byDay = new Map<string, { impressions: number; engagements: number; likes: number; replies: number; reposts: number }>();
  for (const t of tweets) {
    if (t.time! < '2025-12-01') continue;
    byDay.set(t.time!.slice(0, 10), { impressions: xNum(t.impressions!), engagements: xNum(t.engagements!), likes: xNum(t.likes!), replies: xNum(t.replies!), reposts: xNum(t.retweets!) });
  }
  const lines = [csvLine(header)];
  let carry = 0; // a post keeps drawing impressions for a few days
  for (let d = Date.UTC(2025, 11, 1); d <= Date.UTC(2025, 11, 31); d += DAY) {
    const post = byDay.get(isoDay(d));
    const base = int(90, 260) + Math.round(carry);
    carry *= 0.45;
    const postShare = post ? Math.round(post.impressions * 0.6) : 0;
    if (post) carry += post.impressions * 0.25;
    const impressions = base + postShare;
    const likesN = (post?.likes ?? 0) + int(0, 4);
    const replies = (post?.replies ?? 0) + int(0, 1);
    const reposts = (post?.reposts ?? 0) + int(0, 1);
    const bookmarks = int(0, 2);
    const shares = int(0, 1);
    const visits = int(2, 14) + (post ? int(5, 20) : 0);
    const engagements = likesN + replies + reposts + bookmarks + shares + visits + int(0, 8) + (post ? Math.round(post.engagements * 0.5) : 0);
    lines.push(
      csvLine([xDay(d), thousands(impressions), likesN, engagements, bookmarks, shares, int(0, 3) + (post ? int(1, 4) : 0), int(0, 2), replies, reposts, visits, post ? 1 : 0, 0, Math.round(impressions * (0.05 + rand() * 0.05))]),
    );
  }
  return `${lines.join('\n')}\n`;
}

const files: [string, string | Uint8Array][] = [
  ['Loomcraft - Text Channels - patterns [1100000000000000004].json', makeDiscordJson()],
  ['posts-251231-093000-17.csv', makePostsReport()],
  ['user_archive-quinn_sato-251231-234500-58.zip', makeUserArchive('quinn_sato')],
  ['loomcraft_content_1767139200.csv', makeLinkedinContent()],
  ['Loomcraft_digest_October_report.csv', makeCampaignReport('Loomcraft digest October')],
  ['account_analytics_content_2025-10-01_2025-12-31.csv', makeXContent()],
  ['account_overview_analytics_2025-12-01_2025-12-31.csv', makeXOverview()],
];
for (const [name, data] of files) {
  writeFileSync(join(OUT, name), data);
  console.log(`wrote sample-data/${name}`);
}
