/**
 * Generates the Discourse part of sample-data/ (deterministic: same output on every run):
 * - user-list-251231-093000.zip  (Admin → Users → Export: user-list-251231-093000.csv inside)
 * - discourse-posts.csv           (Data Explorer posts query, docs/exports.md)
 * - discourse-likes.csv           (Data Explorer likes query)
 * A fictional community ("Loomcraft", a weaving-software forum) of ~300 members over 2025.
 * Run: npm run sample-data
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { mulberry32 } from './prng.ts';

const OUT = join(import.meta.dirname, '..', 'sample-data');

const rand = mulberry32(20250101);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Esra', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kemi', 'Lars', 'Mina', 'Noah', 'Olu', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Uma', 'Viktor', 'Wen', 'Xavi', 'Yara', 'Zed', 'Amara', 'Bruno', 'Cleo', 'Diego'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Yılmaz', 'Haddad', 'Brown', 'Sato', 'Novak', 'Park', 'Adeyemi', 'Berg', 'Kaur', 'Silva', 'Doe', 'Nguyen', 'Rossi', 'Smith', 'García', 'Müller'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
/** Discourse user-list timestamps: `2024-05-01 18:22:10 UTC`. */
function discourseTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}
function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** Discourse's quirk: name/title/location with a comma get an extra pair of literal quotes. */
function discourseQuoted(v: string): string {
  return v.includes(',') ? csvCell(`"${v}"`) : csvCell(v);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2025, 0, 1);
const END = Date.UTC(2026, 0, 1);

interface User {
  id: number;
  username: string;
  name: string;
  email: string;
  createdAt: number;
  /** 0..1: how active this member is. */
  energy: number;
  /** Last moment the member takes part. */
  leavesAt: number;
  staged: boolean;
}

const users: User[] = [];
const taken = new Set<string>();
for (let i = 0; i < 300; i++) {
  const first = pick(FIRST);
  const last = pick(LAST);
  let username = `${first}_${last}`.toLowerCase().normalize('NFD').replace(/[^a-z_]/g, '');
  while (taken.has(username)) username += int(1, 9);
  taken.add(username);
  // Growth: more sign-ups later in the year; a few founding members from late 2024.
  const createdAt = i < 25 ? Date.UTC(2024, 10, 1) + int(0, 55) * DAY + int(0, 86_399) * 1000 : START + Math.floor(Math.sqrt(rand()) * 364 * DAY) + int(0, 86_399) * 1000;
  const energy = rand() ** 2;
  const leavesAt = i >= 4 && rand() < 0.35 ? createdAt + int(20, 200) * DAY : END;
  users.push({
    id: i + 1,
    username,
    name: rand() < 0.12 ? `${last}, ${first}` : `${first} ${last}`,
    email: `${username.replace(/_/g, '.')}@example.org`,
    createdAt,
    energy,
    leavesAt,
    staged: i % 97 === 96,
  });
}

// ---- user list (zip) ----
const USER_HEADER =
  'id,name,username,email,title,created_at,last_seen_at,last_posted_at,last_emailed_at,trust_level,approved,suspended_at,suspended_till,silenced_till,active,admin,moderator,ip_address,staged,secondary_emails,topics_entered,posts_read_count,time_read,topic_count,post_count,likes_given,likes_received,location,website,views,Favourite loom (custom user field),group_names';
const userLines = [USER_HEADER];
const bots = [
  { id: -1, username: 'system', name: 'system', email: 'no_email_system', createdAt: Date.UTC(2024, 9, 30, 8) },
  { id: -2, username: 'discobot', name: 'discobot', email: 'discobot_email', createdAt: Date.UTC(2024, 9, 30, 8) },
];
for (const b of bots) {
  userLines.push([b.id, b.name, b.username, b.email, '', discourseTime(b.createdAt), '', '', '', 4, 'true', '', '', '', 'true', 'true', 'true', '', 'false', '', 0, 0, 0, 0, 0, 0, 0, '', '', 0, '', ''].map((v) => csvCell(v)).join(','));
}
for (const u of users) {
  const location = pick(['Lagos', 'Berlin', 'Portland, OR', 'Kyoto', 'São Paulo', 'Leeds, UK', '']);
  userLines.push(
    [
      csvCell(u.id), discourseQuoted(u.name), csvCell(u.username), csvCell(`  ${u.email.toUpperCase().slice(0, 1)}${u.email.slice(1)}`), '',
      csvCell(discourseTime(u.createdAt)), csvCell(discourseTime(Math.min(u.leavesAt, END - DAY))), '', '', csvCell(int(0, 3)), 'true', '', '', '',
      'true', 'false', 'false', '', u.staged ? 'true' : 'false', '', csvCell(int(0, 300)), csvCell(int(0, 3000)), csvCell(int(0, 90000)), '0', '0', '0', '0',
      discourseQuoted(location), '', csvCell(int(0, 500)), discourseQuoted(pick(['Jacquard', 'Rigid heddle', 'Floor loom, 8-shaft', ''])),
      discourseQuoted(pick(['trust_level_0', 'trust_level_0,trust_level_1', 'trust_level_0,trust_level_1,makers'])),
    ].join(','),
  );
}
const userCsv = `\uFEFF${userLines.join('\n')}\n`;
writeFileSync(join(OUT, 'user-list-251231-093000.zip'), zipSync({ 'user-list-251231-093000.csv': strToU8(userCsv) }, { mtime: new Date(Date.UTC(2025, 11, 31)) }));

// ---- posts ----
const CATEGORIES = ['Help', 'Show & Tell', 'Feature requests', 'Bugs', 'Patterns'];
const TOPICS: Record<string, { title: string[]; body: string[] }> = {
  Help: {
    title: ['Warp keeps slipping on export', 'How do I import a WIF file?', 'Treadling view is blank', 'Best settings for double weave?', 'Colour palette not saving'],
    body: ['I followed the guide but the preview stays empty. Any idea what I am missing?', 'New here. Trying to set up my first draft, where do I start?', 'This keeps happening after the update and it is really frustrating.', 'Is there a way to do this without redrawing everything?'],
  },
  'Show & Tell': {
    title: ['My first overshot runner!', 'Finished the tartan blanket', 'Rep weave coasters for the market', 'Playing with colour gradients'],
    body: ['So happy with how this turned out, thanks everyone for the tips!', 'Took me three weeks but I love it. Pattern attached.', 'Sharing my latest project, feedback welcome :)'],
  },
  'Feature requests': {
    title: ['Export to PDF with yarn amounts', 'Dark mode please', 'Undo history for the tie-up', 'Metric and imperial toggle'],
    body: ['It would be great to have this built in, I currently do it by hand.', 'Would love to see this in a future release.', 'Is this on the roadmap? Happy to test a beta.'],
  },
  Bugs: {
    title: ['Crash when opening large drafts', 'Zoom resets after saving', 'Wrong thread count in summary', 'App freezes on startup'],
    body: ['The app crashes every time I open a draft over 400 ends. This is killing my workflow.', 'Steps: open a draft, zoom in, save. Zoom goes back to 100%. Annoying but not urgent.', 'Summary says 312 ends but I count 320. Am I wrong?'],
  },
  Patterns: {
    title: ['Free pattern: honeycomb towels', 'Looking for a Summer & Winter pattern', 'Converting a 4-shaft draft to 8'],
    body: ['Here is a pattern I designed, free to use.', 'Does anyone have a good starting point for this?', 'I tried this and got a lovely result.'],
  },
};
const REPLIES = [
  'Thanks, that fixed it!', 'Same here, I see this too.', 'Have you tried resetting the view? That usually works.', 'Beautiful work 😍',
  'This is great, thank you for sharing.', 'I had the same problem, updating to the latest version solved it.', 'Not sure, sorry.',
  'That is not how it should behave, please file a bug.', 'Love it! Which yarn did you use?', 'Still broken for me after the update, really disappointed.',
  '+1 would use this every day', 'Check the docs section on tie-ups, it explains this well.', 'Ugh, I lost an hour of work to this.', 'Works like a charm now, thanks!',
];
const STAFF = users.slice(0, 4); // early members who answer a lot

const postLines = ['post_id,topic_id,post_number,username,created_at,topic_title,category,raw'];
const likeLines = ['post_id,username,created_at'];
let postId = 1000;
let topicId = 1;
const iso = (ms: number) => new Date(ms).toISOString();
interface Post { id: number; at: number; username: string }
const allPosts: Post[] = [];

for (let t = START; t < END; t += DAY) {
  // 2–6 new topics a day, busier in the second half of the year.
  const topicsToday = int(1, 3) + (t > Date.UTC(2025, 5, 1) ? int(0, 3) : 0);
  for (let k = 0; k < topicsToday; k++) {
    const at = t + int(6, 22) * HOUR + int(0, 3599) * 1000;
    const candidates = users.filter((u) => !u.staged && u.createdAt <= at && u.leavesAt > at);
    if (candidates.length === 0) continue;
    const author = candidates.find((u) => rand() < u.energy * 0.2) ?? pick(candidates);
    const category = pick(CATEGORIES);
    const topic = TOPICS[category]!;
    const title = pick(topic.title);
    const id = topicId++;
    let number = 1;
    const first: Post = { id: postId++, at, username: author.username };
    postLines.push([first.id, id, number++, author.username, iso(at), title, category, pick(topic.body)].map(csvCell).join(','));
    allPosts.push(first);
    // discobot greets brand-new members' first topics (a bot reply: not a response).
    if (at - author.createdAt < 3 * DAY) {
      postLines.push([postId++, id, number++, 'discobot', iso(at + 60_000), title, category, 'Hi! Welcome to the community. Type @discobot display help to learn more.'].map(csvCell).join(','));
    }
    // ~12% of topics never get an answer.
    if (rand() < 0.12) continue;
    let replyAt = at + Math.floor((rand() < 0.2 ? rand() * 72 : rand() * 10) * HOUR) + 5 * 60_000;
    const replies = int(1, 6);
    for (let r = 0; r < replies && replyAt < END; r++) {
      const pool = candidates.filter((u) => u.username !== author.username);
      // The author sometimes replies to their own topic first (a self-reply is not a response).
      const replier = r === 0 && rand() < 0.1 ? author : rand() < 0.35 ? pick(STAFF) : pick(pool.length ? pool : candidates);
      const p: Post = { id: postId++, at: replyAt, username: replier.username };
      postLines.push([p.id, id, number++, replier.username, iso(replyAt), title, category, pick(REPLIES)].map(csvCell).join(','));
      allPosts.push(p);
      replyAt += Math.floor(rand() * 30 * HOUR) + 60_000;
    }
  }
}
// A post with a quoted-newline body, a code block and HTML that must stay inert.
postLines.push([postId++, topicId++, 1, users[5]!.username, iso(Date.UTC(2025, 11, 20, 15, 0)), 'Script tags in my notes?', 'Help', 'My note shows <script>alert("x")</script> literally, is that expected?\n\n```\nwarp = 320\n```'].map(csvCell).join(','));

for (const p of allPosts) {
  const likes = int(0, 4);
  const likers = new Set<string>();
  for (let i = 0; i < likes; i++) {
    const u = pick(users);
    if (u.username === p.username || u.staged || likers.has(u.username) || u.createdAt > p.at) continue;
    likers.add(u.username);
    const at = Math.min(p.at + int(1, 96) * HOUR, END - 1000);
    likeLines.push([p.id, u.username, iso(at)].map(csvCell).join(','));
  }
}

writeFileSync(join(OUT, 'discourse-posts.csv'), `${postLines.join('\n')}\n`);
writeFileSync(join(OUT, 'discourse-likes.csv'), `${likeLines.join('\n')}\n`);
process.stdout.write(`sample-data: ${users.length + bots.length} users, ${postLines.length - 1} posts, ${likeLines.length - 1} likes\n`);
