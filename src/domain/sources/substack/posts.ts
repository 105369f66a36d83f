import { fmtCountOf } from '../../highlights/format';
import type { CampaignRecord, ImportIssue } from '../../model/records';
import { parseCsvText } from '../../parse/csv';
import { dateProblem } from '../../parse/dates';
import { decodeBytes, sniffEncoding } from '../../parse/encoding';
import { cell, columnIndex, headerCoverage, normaliseHeader } from '../columns';
import { isTruthy, readDate, rowWarning } from '../read';
import type { AdapterContext, ArchiveAdapter, ArchiveEntry, TableAdapter } from '../types';
import { SUBSTACK } from './email-list';

const POSTS_SIGNATURE = [
  'post_id',
  'post_date',
  'is_published',
  'email_sent_at',
  'type',
  'audience',
  'title',
];
const STATS_FILE = /(?:^|\/)posts\/([^/]+)\.(opens|delivers)\.csv$/i;
/** Each post's body, `posts/<id>.<slug>.html`: part of the export, nothing to import. */
const POST_BODY = /(?:^|\/)posts\/[^/]+\.html?$/i;
/**
 * A post's number: `posts.csv` names a post `186958009.i-deleted-social-media` while its stats
 * files are `posts/186958009.delivers.csv` (some copies keep the slug: `186958009.slug.delivers.csv`).
 */
const postNumber = (id: string) => id.split('.')[0]!.trim();
const baseName = (p: string) => p.split('/').pop() ?? p;

interface SentPost {
  postId: string;
  title: string;
  sentAt: number;
}

/** Rows of posts.csv that were emailed: published with an `email_sent_at`. */
function readPostsRows(
  ctx: AdapterContext,
  header: string[],
  rows: string[][],
  firstRow: number,
  issues: ImportIssue[],
): { posts: SentPost[]; rows: number; skipped: number } {
  const col = {
    id: columnIndex(header, 'post_id'),
    published: columnIndex(header, 'is_published'),
    sent: columnIndex(header, 'email_sent_at'),
    title: columnIndex(header, 'title'),
    type: columnIndex(header, 'type'),
  };
  const posts: SentPost[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    const rowNumber = firstRow + i;
    const postId = cell(row, col.id);
    const sentRaw = cell(row, col.sent);
    if (!postId) {
      skipped++;
      issues.push({
        file: ctx.fileName,
        row: rowNumber,
        column: 'post_id',
        severity: 'error',
        message: 'Missing post_id; row skipped.',
      });
      return;
    }
    if (!sentRaw || (col.published >= 0 && !isTruthy(cell(row, col.published)))) return; // not emailed: not a campaign
    // Pages (About…) carry an email_sent_at in real exports but are never sent to subscribers.
    if (cell(row, col.type).toLowerCase() === 'page') return;
    const sentAt = readDate(ctx, 'email_sent_at', sentRaw);
    if (sentAt === null) {
      skipped++;
      issues.push({
        file: ctx.fileName,
        row: rowNumber,
        column: 'email_sent_at',
        severity: 'error',
        message: `${dateProblem(sentRaw)}; row skipped.`,
      });
      return;
    }
    posts.push({ postId, title: cell(row, col.title), sentAt });
  });
  return { posts, rows: rows.length, skipped };
}

/** A post as a campaign; `stats` null when the export has no delivers file for it (counts unknown: 0). */
function campaignOf(p: SentPost, stats: { delivered: number; uniqueOpens: number } | null): CampaignRecord {
  return {
    key: `${SUBSTACK}:post:${p.postId}`,
    source: SUBSTACK,
    title: p.title,
    sentAt: p.sentAt,
    delivered: stats?.delivered ?? 0,
    uniqueOpens: stats?.uniqueOpens ?? 0,
    uniqueClicks: 0,
    clicksMissing: true,
    ...(stats ? {} : { statsMissing: true as const }),
  };
}

/** Distinct normalised emails of a `posts/<id>.opens.csv` / `.delivers.csv` file. */
function distinctEmails(entry: ArchiveEntry): number {
  const text = decodeBytes(entry.bytes, sniffEncoding(entry.bytes.subarray(0, 4096)));
  const emails = new Set<string>();
  let emailCol = -1;
  let first = true;
  parseCsvText(text, (rows) => {
    for (const row of rows) {
      if (first) {
        first = false;
        emailCol = normaliseHeader(row).indexOf('email');
        continue;
      }
      const e = cell(row, emailCol).toLowerCase();
      if (e) emails.add(e);
    }
  });
  return emails.size;
}

/**
 * The Substack export zip: `posts.csv` plus per-post `posts/<id>.opens.csv` and `.delivers.csv`
 * (`<id>` the number that starts the post's `post_id`) and each post's `posts/<id>.<slug>.html`.
 * Each emailed post is one campaign (key `substack:post:<post_id>`, sent at `email_sent_at`) with
 * delivered = distinct emails in its delivers file and unique opens = distinct emails in its opens
 * file (Substack has no click files: clicks are 0). The email list in the same zip is imported by
 * its own adapter.
 */
export const substackExport: ArchiveAdapter = {
  kind: 'archive',
  format: 'substack-posts',
  label: 'Substack posts and email stats',
  detect(entryNames) {
    const hasPosts = entryNames.some((n) => baseName(n) === 'posts.csv');
    if (!hasPosts) return 0;
    if (entryNames.some((n) => STATS_FILE.test(n))) return 0.9;
    // An export without stats files is still the export (its post bodies or email list say so): read
    // here, it says that the stats are missing rather than asking for "the whole zip" it is.
    const exportFiles = entryNames.some(
      (n) => POST_BODY.test(n) || /^email_list\..*\.csv$/i.test(baseName(n)),
    );
    return exportFiles ? 0.85 : 0;
  },
  claims(entryName) {
    return baseName(entryName) === 'posts.csv' || STATS_FILE.test(entryName) || POST_BODY.test(entryName);
  },
  map(ctx, entries, out, issues) {
    const postsEntry = entries.find((e) => baseName(e.name) === 'posts.csv');
    if (!postsEntry) return { rows: 0, skipped: 0 };
    const all: string[][] = [];
    parseCsvText(decodeBytes(postsEntry.bytes, sniffEncoding(postsEntry.bytes.subarray(0, 4096))), (rows) =>
      all.push(...rows),
    );
    const header = normaliseHeader(all[0] ?? []);
    const postsCtx = { ...ctx, fileName: `${ctx.fileName} › ${postsEntry.name}` };
    const { posts, rows, skipped } = readPostsRows(postsCtx, header, all.slice(1), 2, issues);
    const stats = new Map<string, { opens: number; delivers: number; hasDelivers: boolean }>();
    for (const e of entries) {
      const m = STATS_FILE.exec(e.name);
      if (!m) continue;
      const id = postNumber(m[1]!);
      const s = stats.get(id) ?? { opens: 0, delivers: 0, hasDelivers: false };
      if (m[2]!.toLowerCase() === 'opens') s.opens = distinctEmails(e);
      else {
        s.delivers = distinctEmails(e);
        s.hasDelivers = true;
      }
      stats.set(id, s);
    }
    let missing = 0;
    for (const p of posts) {
      const s = stats.get(postNumber(p.postId));
      if (!s?.hasDelivers) missing++;
      out.campaigns.push(
        campaignOf(p, s?.hasDelivers ? { delivered: s.delivers, uniqueOpens: s.opens } : null),
      );
    }
    if (missing > 0 && stats.size === 0)
      rowWarning(
        postsCtx,
        issues,
        undefined,
        undefined,
        // Read in the import review too, before anything is stored: no "imported" (QA walk).
        `This export holds no per-post stats files (posts/<id>.delivers.csv and .opens.csv): ${fmtCountOf(missing, 'emailed post')} found, ${missing === 1 ? 'counted' : 'each counted'} with 0 delivered and 0 opens, so ${missing === 1 ? 'its open rate' : 'their open rates'} cannot be shown.`,
      );
    else if (missing > 0)
      rowWarning(
        postsCtx,
        issues,
        undefined,
        undefined,
        `${fmtCountOf(missing, 'emailed post has', 'emailed posts have')} no posts/<id>.delivers.csv: ${missing === 1 ? 'its' : 'their'} delivered and open counts are 0.`,
      );
    return { rows, skipped };
  },
};

/**
 * `posts.csv` on its own (outside the zip): emailed posts as campaigns, but without their
 * per-post stats files the delivered/open counts are unknown (0) — import the whole zip instead.
 */
export const substackPostsCsv: TableAdapter = {
  kind: 'table',
  format: 'substack-posts',
  label: 'Substack posts',
  detect(header) {
    const c = headerCoverage(header, POSTS_SIGNATURE);
    return c >= 0.85 ? 0.9 : 0;
  },
  start(ctx, header) {
    let n = 0;
    return {
      mapRow(row, rowNumber, out, issues) {
        const { posts, skipped } = readPostsRows(ctx, header, [row], rowNumber, issues);
        for (const p of posts) {
          n++;
          out.campaigns.push(campaignOf(p, null));
        }
        return skipped === 0;
      },
      finish(_out, issues) {
        if (n > 0)
          rowWarning(
            ctx,
            issues,
            undefined,
            undefined,
            `posts.csv alone has no delivery or open counts (they are in the export's posts/ folder): ${fmtCountOf(n, 'campaign')} found, ${n === 1 ? 'counted' : 'each counted'} with 0 delivered. Import the whole Substack export zip to get them.`,
          );
      },
    };
  },
};

/** A loose `<id>.opens.csv` / `.delivers.csv`: recognised, but only usable inside the export zip. */
export const substackPostStats: TableAdapter = {
  kind: 'table',
  format: 'substack-post-stats',
  label: 'Substack per-post opens/delivers',
  detect(header, fileName) {
    return header.includes('post_id') &&
      header.includes('email') &&
      header.includes('timestamp') &&
      /\.(opens|delivers)\.csv$/i.test(fileName)
      ? 0.85
      : 0;
  },
  start(ctx) {
    let warned = false;
    return {
      mapRow(_row, _rowNumber, _out, issues) {
        if (!warned) {
          warned = true;
          rowWarning(
            ctx,
            issues,
            undefined,
            undefined,
            'Per-post opens/delivers files are counted only when imported with posts.csv in the Substack export zip; this file alone adds nothing.',
          );
        }
        return false;
      },
    };
  },
};
