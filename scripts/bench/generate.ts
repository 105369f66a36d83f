/**
 * Deterministic large inputs for the bench, written into bench-out/ (gitignored; never commit them).
 * The same seed always writes the same bytes, so figures compare across runs and machines.
 * - DiscordChatExporter CSV (`AuthorID,Author,Date,Content,Attachments,Reactions`), ~160 bytes/row.
 * - DiscordChatExporter JSON (indented, as DCE writes it), ~550 bytes/message.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { mulberry32 } from '../prng.ts';

export const OUT_DIR = resolve(import.meta.dirname, '../../bench-out');

const WORDS = (
  'the a to and is it that for you of in on this with have just but not be are was so can do if my what ' +
  'build release docs error thanks great help issue deploy config server plugin update version fix bug ' +
  'love broken slow fast question answer meetup event welcome everyone anyone still same after before ' +
  'works nice awesome terrible confusing simple proxy cache test merge branch review today tomorrow week'
).split(' ');
const EMOJI = ['👍', '❤️', '😂', '🎉', '👀', '🔥'];

function sentence(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min));
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  let s = w.join(' ');
  s = s.charAt(0).toUpperCase() + s.slice(1);
  const end = rand();
  return s + (end < 0.6 ? '.' : end < 0.8 ? '!' : '?');
}

/** A chat message text: one or two sentences, sometimes with a comma or a quote (CSV quoting). */
function messageText(rand: () => number, min = 4, max = 16): string {
  let t = sentence(rand, min, max);
  if (rand() < 0.35) t += `, ${sentence(rand, 2, 8).toLowerCase()}`;
  if (rand() < 0.05) t = `"${t}" he said`;
  return t;
}

const MEMBERS = 20_000;
const START = Date.UTC(2021, 0, 1);
const SPAN = 4 * 365 * 86_400_000;

function memberId(i: number): string {
  return String(100_000_000_000_000_000n + BigInt(i) * 7_919n);
}

function memberName(i: number): string {
  return `member_${i.toString(36)}`;
}

/** Message i of n: times increase through four years (with jitter), members follow a skewed draw. */
function draw(rand: () => number, i: number, n: number): { member: number; at: number } {
  const member = Math.floor(Math.pow(rand(), 2.2) * MEMBERS);
  const at = START + Math.floor(((i + rand()) / n) * SPAN);
  return { member, at };
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Buffered file writer that waits for the stream to drain (so a 1 GB file never sits in memory). */
class Writer {
  private readonly out;
  private buf: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.out = createWriteStream(path);
  }
  async emit(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const ok = this.out.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!ok) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Writes a DiscordChatExporter CSV with `rows` messages (unless it is already there). */
export async function discordCsv(rows: number, seed = 7): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = resolve(OUT_DIR, `Hearth Bench - General - chat-${rows} [90000000000000${seed}].csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const rand = mulberry32(seed);
  const w = new Writer(`${path}.part`);
  {
    await w.emit('AuthorID,Author,Date,Content,Attachments,Reactions\n');
    for (let i = 0; i < rows; i++) {
      const { member, at } = draw(rand, i, rows);
      const r = rand();
      const reactions = r < 0.2 ? `${EMOJI[Math.floor(rand() * EMOJI.length)]} (${1 + Math.floor(rand() * 5)})` : '';
      const attach = r > 0.98 ? `https://cdn.discordapp.com/attachments/1/${i}/image.png` : '';
      const date = new Date(at).toISOString().replace('Z', '+00:00');
      await w.emit(`${memberId(member)},${memberName(member)},${date},${csvCell(messageText(rand, 8, 24))},${attach},${csvCell(reactions)}\n`);
    }
  }
  await w.close();
  renameSync(`${path}.part`, path);
  return path;
}

/**
 * Writes a Mailchimp audience export (`subscribed_members_export_<id>.csv`, the columns of
 * tests/fixtures/formats/mailchimp-audience) with `rows` subscribers who opted in over two years.
 */
export async function mailchimpAudience(rows: number, seed = 5): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = resolve(OUT_DIR, `subscribed_members_export_bench${rows}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const rand = mulberry32(seed);
  const w = new Writer(`${path}.part`);
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  await w.emit(
    `${['Email Address', 'First Name', 'Last Name', 'MEMBER_RATING', 'OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP', 'LATITUDE', 'LONGITUDE', 'GMTOFF', 'DSTOFF', 'TIMEZONE', 'CC', 'REGION', 'LAST_CHANGED', 'LEID', 'EUID', 'NOTES', 'TAGS'].map(q).join(', ')}\n`,
  );
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const optin = start + Math.floor(rand() * 730 * 86_400_000);
    const at = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
    const row = [`reader${i}@example.org`, `Reader${i}`, `Bench`, String(1 + Math.floor(rand() * 5)), at(optin), '', at(optin + 300_000), '', '', '', '', '', '', '', '', at(optin + 300_000), String(10_000 + i), `e${i}`, '', ''];
    await w.emit(`${row.map(q).join(', ')}\n`);
  }
  await w.close();
  renameSync(`${path}.part`, path);
  return path;
}

/** Writes a DiscordChatExporter JSON export of one channel with `messages` messages. */
export async function discordJson(messages: number, seed = 11): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = resolve(OUT_DIR, `Hearth Bench - General - chat-${messages} [90000000000001${seed}].json`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const rand = mulberry32(seed);
  const w = new Writer(`${path}.part`);
  {
    await w.emit(
      `{\n  "guild": {\n    "id": "900000000000000001",\n    "name": "Hearth Bench",\n    "iconUrl": "https://cdn.discordapp.com/embed/avatars/0.png"\n  },\n` +
        `  "channel": {\n    "id": "90000000000001${seed}",\n    "type": "GuildTextChat",\n    "categoryId": "900000000000000002",\n    "category": "Text Channels",\n    "name": "general",\n    "topic": null\n  },\n` +
        `  "dateRange": {\n    "after": null,\n    "before": null\n  },\n  "messages": [\n`,
    );
    for (let i = 0; i < messages; i++) {
      const { member, at } = draw(rand, i, messages);
      const id = String(1_000_000_000_000_000_000n + BigInt(i) * 4_194_304n);
      const replyTo = i > 10 && rand() < 0.15 ? String(1_000_000_000_000_000_000n + BigInt(i - 1 - Math.floor(rand() * 10)) * 4_194_304n) : null;
      const reactions =
        rand() < 0.2
          ? `[\n        {\n          "emoji": {\n            "id": "",\n            "name": "${EMOJI[Math.floor(rand() * EMOJI.length)]}",\n            "isAnimated": false,\n            "imageUrl": "https://twemoji.maxcdn.com/2/svg/1f44d.svg"\n          },\n          "count": ${1 + Math.floor(rand() * 5)}\n        }\n      ]`
          : '[]';
      const msg =
        `    {\n      "id": "${id}",\n      "type": "${replyTo ? 'Reply' : 'Default'}",\n      "timestamp": "${new Date(at).toISOString().replace('Z', '+00:00')}",\n` +
        `      "timestampEdited": null,\n      "content": ${JSON.stringify(messageText(rand))},\n` +
        `      "author": {\n        "id": "${memberId(member)}",\n        "name": "${memberName(member)}",\n        "discriminator": "0000",\n        "nickname": "${memberName(member)}",\n        "isBot": false,\n        "avatarUrl": "https://cdn.discordapp.com/embed/avatars/${member % 5}.png"\n      },\n` +
        `      "attachments": [],\n      "stickers": [],\n      "reactions": ${reactions},\n      "mentions": []` +
        (replyTo ? `,\n      "reference": {\n        "messageId": "${replyTo}",\n        "channelId": "90000000000001${seed}",\n        "guildId": "900000000000000001"\n      }` : '') +
        `\n    }${i + 1 < messages ? ',' : ''}\n`;
      await w.emit(msg);
    }
    await w.emit(`  ],\n  "messageCount": ${messages}\n}\n`);
  }
  await w.close();
  renameSync(`${path}.part`, path);
  return path;
}

export function mb(path: string): number {
  return statSync(path).size / 1024 / 1024;
}

if (process.argv[1] === import.meta.filename) {
  const t0 = performance.now();
  const csv = await discordCsv(Number(process.argv[2] ?? 1_000_000));
  console.log(csv, mb(csv).toFixed(1), 'MB', ((performance.now() - t0) / 1000).toFixed(1), 's');
  const json = await discordJson(Number(process.argv[3] ?? 200_000));
  console.log(json, mb(json).toFixed(1), 'MB');
}
