/**
 * Reliability in the real browser: an import interrupted by closing the tab is rolled back at the
 * next start (and the user is told), Cancel keeps nothing, and backup → delete all → restore gives
 * identical numbers. Compared through the downloaded metrics JSON, as a user would.
 */
import { createWriteStream } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './support/app-page';
import { foreignRequests, launchBrowser, watchPage } from './support/browser';
import { runHearth, SAMPLE_DIR } from './support/cli';
import { serveStatic } from './support/static-server';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const SMALL = resolve(SAMPLE_DIR, 'discourse-posts.csv');
let browser: Browser;
let dir: string;
let big: string;
let strayQuote: string;

/**
 * A Discourse posts CSV of about `mb` megabytes (new ids, so nothing overlaps the small file). With
 * `strayQuoteAt`, that data row (0-based) opens a quoted value it never closes.
 */
async function writeBigPosts(path: string, mb: number, strayQuoteAt = -1): Promise<void> {
  const out = createWriteStream(path);
  out.write('post_id,topic_id,post_number,username,created_at,topic_title,category,raw\n');
  const text = 'A longer reply so the file is big: the quick brown fox jumps over the lazy dog, again and again.';
  let bytes = 0;
  for (let i = 0; bytes < mb * 1024 * 1024; i++) {
    const topic = 100_000 + Math.floor(i / 20);
    const at = new Date(Date.UTC(2024, 0, 1) + i * 37_000).toISOString();
    // With a stray quote, no other value is quoted: the open quote then runs to the end of the file.
    const raw = strayQuoteAt < 0 ? `"${text} #${i}"` : i === strayQuoteAt ? `"${text.replace(/,/g, '')} #${i}` : `${text.replace(/,/g, '')} #${i}`;
    const line = `${900_000 + i},${topic},${(i % 20) + 1},user_${i % 997},${at},Topic ${topic},General,${raw}\n`;
    bytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function newContext(): Promise<{ context: BrowserContext; page: Page; app: AppPage; watch: ReturnType<typeof watchPage> }> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watch = watchPage(page);
  return { context, page, app: new AppPage(page, baseUrl), watch };
}

async function metrics(app: AppPage): Promise<unknown> {
  await app.goto('overview');
  return JSON.parse((await app.download('Download metrics (JSON)')).text);
}

/** Starts importing the big file and waits until the progress bar passes `percent`. */
async function startBigImport(app: AppPage, percent: number): Promise<void> {
  await app.importFiles([big]);
  await app.page.waitForFunction((p) => Number(document.querySelector<HTMLProgressElement>('#import-progress')?.value ?? 0) > p, percent, {
    timeout: 60_000,
    polling: 100,
  });
  // The bar's percentage is written next to it.
  expect(await app.page.locator('.progress-row .progress-percent').textContent()).toMatch(/^\d{1,3}%$/);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-reliability-'));
  big = join(dir, 'big-discourse-posts.csv');
  await writeBigPosts(big, 64);
  strayQuote = join(dir, 'stray-quote-posts.csv');
  await writeBigPosts(strayQuote, 12, 49_999);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('reliability', () => {
  it('leaving the Import page mid-import and coming back: the progress bar, then the result line, are still there', async () => {
    const { context, page, app, watch } = await newContext();
    await startBigImport(app, 5);
    await app.goto('growth');
    await page.getByRole('heading', { level: 1, name: 'Growth' }).waitFor();
    await app.goto('import');
    // (Was: an idle Import page — the run's state lived in the page left behind.)
    const bar = page.locator('#import-progress');
    await bar.waitFor();
    expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(5);
    expect(await page.getByRole('button', { name: /^Cancel/ }).count()).toBe(1);
    const results = await app.waitForImport(1);
    expect(results[0]).toMatch(/^Imported [\d,]+ records from big-discourse-posts\.csv/);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('closing the tab mid-import: the import is rolled back at the next start, the user is told, the data is as before', async () => {
    const { context, page, app } = await newContext();
    await app.importFiles([SMALL]);
    await app.waitForImport(1);
    const before = await metrics(app);

    await startBigImport(app, 10);
    await page.close(); // kills the page and its import worker mid-write

    const again = await context.newPage();
    const watch = watchPage(again);
    const app2 = new AppPage(again, baseUrl);
    await app2.goto('overview');
    const alert = again.getByRole('alert').filter({ hasText: 'was interrupted' });
    await alert.waitFor();
    expect(await alert.locator('p').textContent()).toBe(
      'The import of big-discourse-posts.csv was interrupted before it finished. It has been rolled back: your other data is exactly as it was. Import the file again to add it.',
    );
    expect(await metrics(app2)).toEqual(before);
    await app2.goto('import');
    const rows = await app2.importHistoryRows();
    expect(await rows.allTextContents()).toHaveLength(1);
    expect(await rows.first().textContent()).toContain('discourse-posts.csv');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('another tab opened mid-import neither rolls it back nor imports the same file twice: it waits its turn', async () => {
    const { context, app, watch } = await newContext();
    await startBigImport(app, 10);
    // Tab B opens while A imports: its start-up recovery must not take A's running import for an
    // unfinished one (Web Locks: it waits for A instead).
    const other = await context.newPage();
    const watchOther = watchPage(other);
    const appB = new AppPage(other, baseUrl);
    // B drops the same file: it waits for A's import, then finds nothing new.
    await appB.importFiles([big]);
    await other.getByText('Waiting for an import in another Hearth tab to finish before importing big-discourse-posts.csv…').waitFor();
    const resultsA = await app.waitForImport(1);
    expect(resultsA).toEqual([expect.stringMatching(/^Imported [\d,]+ records from big-discourse-posts\.csv$/)]);
    const resultsB = await appB.waitForImport(1);
    expect(resultsB).toEqual([expect.stringMatching(/^Nothing new in big-discourse-posts\.csv/)]);
    expect(await other.getByRole('alert').filter({ hasText: 'was interrupted' }).count()).toBe(0);
    // One history row, with A's records; the same numbers in both tabs.
    await app.goto('import');
    const rows = await app.importHistoryRows();
    expect(await rows.allTextContents()).toHaveLength(1);
    expect(await metrics(appB)).toEqual(await metrics(app));
    expect(watch.errors).toEqual([]);
    expect(watchOther.errors).toEqual([]);
    await context.close();
  });

  it('while an import runs, every page and every Hearth tab says its figures will change; the notice goes when it ends', async () => {
    const { context, page, app, watch } = await newContext();
    const notice = (p: Page) => p.getByRole('status').filter({ hasText: 'Importing… the figures will change until it finishes.' });
    // Idle: no notice.
    await app.goto('overview');
    await page.getByRole('button', { name: 'Load sample data' }).waitFor();
    await page.waitForTimeout(1_500);
    expect(await notice(page).count()).toBe(0);
    await startBigImport(app, 5);
    await notice(page).waitFor();
    // The pages that show figures say so, with a way back to the import's progress.
    for (const label of ['Overview', 'Brief']) {
      await app.nav(label);
      await notice(page).waitFor();
      expect(await notice(page).getByRole('link', { name: 'See the import’s progress' }).getAttribute('href')).toBe('#/import');
    }
    // A tab opened meanwhile says so too (it sees the other tab's import lock).
    const other = await context.newPage();
    const watchOther = watchPage(other);
    await other.goto(`${baseUrl}#/overview`);
    await notice(other).waitFor({ timeout: 10_000 });
    // The import ends: the notice goes, in both tabs.
    await notice(page).waitFor({ state: 'detached', timeout: 120_000 });
    await notice(other).waitFor({ state: 'detached', timeout: 10_000 });
    await app.goto('import');
    expect(await (await app.importHistoryRows()).count()).toBe(1);
    expect(await notice(page).count()).toBe(0);

    // The slides cover the page: there the notice shows above them. Tab A holds the import lock as
    // an import would; tab B opens the slides meanwhile.
    await page.evaluate(() => {
      const w = window as unknown as { releaseLock?: () => void };
      void navigator.locks.request('hearth-import', () => new Promise<void>((r) => (w.releaseLock = r)));
    });
    await other.goto(`${baseUrl}#/present`);
    await other.reload(); // opened anew (a hash change alone is no new page)
    await other.locator('.presentation').waitFor({ timeout: 30_000 });
    await notice(other).waitFor({ timeout: 10_000 });
    expect(
      await notice(other).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      }),
    ).toBe(true);
    await page.evaluate(() => (window as unknown as { releaseLock: () => void }).releaseLock());
    await notice(other).waitFor({ state: 'detached', timeout: 10_000 });
    expect(watch.errors).toEqual([]);
    expect(watchOther.errors).toEqual([]);
    await context.close();
  });

  it('files chosen while an import runs are imported after it, not dropped', async () => {
    const { context, app, watch } = await newContext();
    await startBigImport(app, 5);
    // The review of a file chosen now; its Import waits for the running one.
    await app.page.locator('input[type=file]').setInputFiles([SMALL]);
    await app.confirmReview();
    const results = await app.waitForImport(2);
    expect(results).toEqual([
      expect.stringMatching(/^Imported [\d,]+ records from big-discourse-posts\.csv$/),
      expect.stringMatching(/^Imported [\d,]+ records from discourse-posts\.csv/),
    ]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('Cancel mid-import keeps nothing', async () => {
    const { context, page, app, watch } = await newContext();
    await app.importFiles([SMALL]);
    await app.waitForImport(1);
    const before = await metrics(app);

    await startBigImport(app, 5);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const results = await app.waitForImport(1);
    expect(results).toContain('Import of big-discourse-posts.csv cancelled; nothing was kept.');
    expect(await metrics(app)).toEqual(before);
    // Nothing pending is left for the next start to roll back.
    await page.reload();
    await app.goto('overview');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'was interrupted' }).count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a large file (streamed) with a quote that never closes is refused like the command refuses it, keeping nothing', async () => {
    const { context, app, watch } = await newContext();
    await app.importFiles([SMALL]);
    await app.waitForImport(1);
    const before = await metrics(app);
    await app.importFiles([strayQuote]);
    const results = await app.waitForImport(1);
    expect(results).toContain(
      'stray-quote-posts.csv was not imported: stray-quote-posts.csv, row 50001: A quoted value opened in this row is never closed, so the rest of the file cannot be read reliably; nothing was imported from it. Check the file for a stray " character.',
    );
    expect(await metrics(app)).toEqual(before);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a large UTF-8 file (streamed slice by slice) keeps every accented character intact', async () => {
    const path = join(dir, 'accents-posts.csv');
    const lines = ['post_id,topic_id,post_number,username,created_at,topic_title,category,raw'];
    for (let i = 0; i < 90_000; i++) lines.push(`${i + 1},${1 + Math.floor(i / 10)},${(i % 10) + 1},zoë_${i % 50},2025-03-01T10:00:00Z,Café,Général,${'é'.repeat(60)} ${i}`);
    await import('node:fs/promises').then((fs) => fs.writeFile(path, `${lines.join('\n')}\n`)); // ~13 MB: streamed
    const { context, page, app, watch } = await newContext();
    await app.importFiles([path]);
    expect(await app.waitForImport(1)).toEqual(['Imported 90,050 records from accents-posts.csv']);
    await app.goto('settings');
    await page.getByRole('heading', { name: 'Your data', exact: true }).waitFor();
    const { text } = await app.download('Download backup');
    expect(text).toContain(`${'é'.repeat(60)} 89999`);
    expect(text.match(/\uFFFD|\\ufffd/gi)).toBeNull(); // a character cut between two slices used to become two U+FFFD
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a large chat export (streamed; sentiment scored, repeats dropped and chunks stored by the helper worker) gives exactly the command\'s numbers', async () => {
    const texts = ['Thanks, that fixed it, great work!', 'This is broken again and the docs are useless.', 'Which version are you on?', 'Love the new release :)', 'meh, not great'];
    const write = async (name: string, from: number, to: number) => {
      const lines = ['AuthorID,Author,Date,Content,Attachments,Reactions'];
      for (let i = from; i < to; i++) {
        const at = new Date(Date.UTC(2025, 0, 1) + i * 397_000).toISOString().replace('Z', '+00:00');
        lines.push(`${500 + (i % 311)},member_${i % 311},${at},"${texts[i % texts.length]} (${i})",,`);
      }
      const path = join(dir, name);
      await import('node:fs/promises').then((fs) => fs.writeFile(path, `${lines.join('\n')}\n`)); // ~10 MB: streamed
      return path;
    };
    const path = await write('Guild - General [42].csv', 0, 70_000);
    // A later export of the same channel: half of it already imported (the helper drops those rows).
    const later = await write('Guild - General [42] (later).csv', 35_000, 105_000);
    const { context, app, watch } = await newContext();
    await app.importFiles([path]);
    expect(await app.waitForImport(1)).toEqual(['Imported 70,311 records from Guild - General [42].csv']);
    await app.importFiles([path]);
    expect(await app.waitForImport(1)).toEqual(['Nothing new in Guild - General [42].csv: its 70,000 rows were already imported.']);
    await app.importFiles([later]);
    expect(await app.waitForImport(1)).toEqual(['Imported 35,000 records from Guild - General [42] (later).csv']);
    const fromBrowser = (await metrics(app)) as { period: { from: string; to: string }; series: { net_sentiment: (number | null)[] } };
    const { stdout } = await runHearth(['report', '--from', fromBrowser.period.from, '--to', fromBrowser.period.to, path, later]);
    expect(fromBrowser).toEqual(JSON.parse(stdout));
    expect(fromBrowser.series.net_sentiment.some((v) => v !== null && v !== 0)).toBe(true);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a large DiscordChatExporter JSON (read slice by slice by the import worker, never whole) gives exactly the command\'s numbers', async () => {
    const texts = ['Thanks, that fixed it, great work! 🎉', 'This is broken again and the docs are useless.', 'Which version are you on?', 'Love the new release :)', 'meh, not great'];
    const messages = Array.from({ length: 24_000 }, (_, i) => ({
      id: String(7_000_000 + i),
      type: i % 6 === 5 ? 'Reply' : 'Default',
      timestamp: new Date(Date.UTC(2025, 0, 1) + i * 397_000).toISOString().replace('Z', '+00:00'),
      content: `${texts[i % texts.length]} (${i})`,
      author: { id: String(500 + (i % 211)), name: `member_${i % 211}`, nickname: `Member ${i % 211}`, isBot: i % 211 === 7, avatarUrl: 'https://cdn.discordapp.com/embed/avatars/1.png' },
      attachments: [],
      reactions: i % 9 === 0 ? [{ emoji: { id: '', name: '👍' }, count: 1, users: [{ id: String(500 + ((i + 3) % 211)), name: `member_${(i + 3) % 211}` }] }] : [],
      ...(i % 6 === 5 ? { reference: { messageId: String(7_000_000 + i - 2) } } : {}),
    }));
    const path = join(dir, 'Guild - Text Channels - help [77].json');
    const text = JSON.stringify({ guild: { id: '1', name: 'Guild' }, channel: { id: '77', name: 'help' }, messages, messageCount: messages.length }, null, 2);
    await import('node:fs/promises').then((fs) => fs.writeFile(path, text));
    expect(Buffer.byteLength(text)).toBeGreaterThan(9 * 1024 * 1024); // over the 8 MB threshold: read slice by slice
    const { context, app, watch } = await newContext();
    await app.importFiles([path]);
    const [first] = await app.waitForImport(1);
    expect(first).toMatch(/^Imported [\d,]+ records from Guild - Text Channels - help \[77\]\.json$/);
    await app.importFiles([path]);
    expect(await app.waitForImport(1)).toEqual([expect.stringMatching(/^Nothing new in Guild - Text Channels - help \[77\]\.json/)]);
    const fromBrowser = (await metrics(app)) as { period: { from: string; to: string }; series: { threads: number[]; median_ttfr_hours: (number | null)[] } };
    const { stdout } = await runHearth(['report', '--from', fromBrowser.period.from, '--to', fromBrowser.period.to, path]);
    expect(fromBrowser).toEqual(JSON.parse(stdout));
    expect(fromBrowser.series.threads.reduce((a, b) => a + b, 0)).toBeGreaterThan(1_000);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a newer Hearth upgrading the database in another tab: this tab says to reload instead of failing silently', async () => {
    const { context, page, app, watch } = await newContext();
    await app.importFiles([SMALL]);
    await app.waitForImport(1);
    await app.goto('overview');
    // Another tab of the same site opens the database at a higher schema version, as a newer Hearth
    // would: where Hearth keeps it (its storage bucket, where the browser has them: storage/location.ts).
    const other = await context.newPage();
    await other.goto(`${baseUrl}favicon.svg`);
    const version = await other.evaluate(
      async () => {
        const buckets = (navigator as { storageBuckets?: { keys(): Promise<string[]>; open(name: string): Promise<{ indexedDB: IDBFactory }> } }).storageBuckets;
        const factory = buckets && (await buckets.keys()).includes('hearth') ? (await buckets.open('hearth')).indexedDB : indexedDB;
        return new Promise<number>((resolve, reject) => {
          const r = factory.open('hearth', 1000);
          r.onsuccess = () => {
            const v = r.result.version;
            r.result.close();
            resolve(v);
          };
          r.onerror = () => reject(new Error(String(r.error)));
        });
      },
    );
    // Not blocked: this tab's connections (page and workers) closed.
    expect(version).toBe(1000);
    const alert = page.getByRole('alert').filter({ hasText: 'A newer version of Hearth' });
    await alert.waitFor();
    expect(await alert.locator('p').textContent()).toContain('reload it to go on. Nothing was lost.');
    expect(await alert.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();
  });

  it('Hearth deployed again while a tab is open: the tab says so and keeps working, its build\'s files served by the service worker', async () => {
    const site = await mkdtemp(join(dir, 'site-'));
    await cp(distDir, site, { recursive: true });
    const server = await serveStatic(site);
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      const workerResponses: { url: string; status: number; fromServiceWorker: boolean }[] = [];
      context.on('response', (r) => {
        if (/\.worker-[^/]*\.js$/.test(r.url())) workerResponses.push({ url: r.url(), status: r.status(), fromServiceWorker: r.fromServiceWorker() });
      });
      const app = new AppPage(page, server.url);
      await app.goto('import');
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');

      // The new build: this build's worker files are gone from the host, and sw-assets.js names
      // another build (a new cache) listing only what the host still has.
      const gone = (await readdir(join(site, 'assets'))).filter((f) => /\.worker-/.test(f));
      expect(gone.length).toBeGreaterThanOrEqual(3);
      for (const f of gone) await rm(join(site, 'assets', f));
      const assetsFile = join(site, 'sw-assets.js');
      const list = (await readFile(assetsFile, 'utf8')).replace(/HEARTH_BUILD = "[^"]*"/, 'HEARTH_BUILD = "next-build"');
      const kept = (JSON.parse(/HEARTH_ASSETS = (\[.*\]);/.exec(list)![1]!) as string[]).filter((a) => !gone.some((f) => a.endsWith(`/${f}`)));
      await writeFile(assetsFile, list.replace(/HEARTH_ASSETS = \[.*\];/, `HEARTH_ASSETS = ${JSON.stringify(kept)};`));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

      const notice = page.getByRole('status').filter({ hasText: 'A new version of Hearth has been installed' });
      await notice.waitFor();
      expect(await notice.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
      expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('hearth-')).length)).toBe(2);

      // The old tab imports: its preview, import and compute workers come from its build's cache
      // (before, the responses were the service worker's own install).
      workerResponses.length = 0;
      await app.importFiles([SMALL]);
      expect(await app.waitForImport(1)).toEqual([expect.stringMatching(/^Imported [\d,]+ records from discourse-posts\.csv$/)]);
      await app.goto('overview');
      await page.locator('.kpi[data-series="active_members"] .kpi-value').waitFor();
      const started = workerResponses.filter((r) => gone.some((f) => r.url.endsWith(f)));
      expect(started.map((r) => r.url.split('/assets/')[1]!.split('-')[0]).sort()).toEqual(expect.arrayContaining(['compute.worker', 'import.worker', 'preview.worker']));
      expect(started.every((r) => r.status === 200 && r.fromServiceWorker)).toBe(true);
      expect(watch.errors).toEqual([]);
      expect(foreignRequests(watch, server.url)).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('a worker that cannot be loaded: preview and import run on the page instead, and the numbers show', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      const refused: string[] = [];
      await context.route(/\.worker-[^/]*\.js$/, (route) => {
        refused.push(route.request().url());
        return route.fulfill({ status: 404, body: 'not found' });
      });
      const app = new AppPage(page, baseUrl);
      await app.importFiles([SMALL]);
      expect(await app.waitForImport(1)).toEqual([expect.stringMatching(/^Imported [\d,]+ records from discourse-posts\.csv$/)]);
      await app.goto('overview');
      expect(Number((await app.kpiValue('active_members')).replace(/,/g, ''))).toBeGreaterThan(0);
      expect(refused.map((u) => u.split('/assets/')[1]!.split('-')[0]).sort()).toEqual(expect.arrayContaining(['import.worker', 'preview.worker']));
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('another tab sees an import and a "Delete all data" at once, without a reload', async () => {
    const { context, page, app, watch } = await newContext();
    const other = await context.newPage();
    const watchOther = watchPage(other);
    const appB = new AppPage(other, baseUrl);
    await appB.goto('overview');
    await other.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    // Tab A imports: tab B's Overview fills in.
    await app.importFiles([SMALL]);
    await app.waitForImport(1);
    await other.locator('.kpi[data-series="active_members"] .kpi-value').waitFor();
    // Tab A deletes everything: tab B goes back to its empty state.
    await app.goto('settings');
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('status').filter({ hasText: 'All data was deleted from this browser.' }).waitFor();
    await other.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    expect(watch.errors).toEqual([]);
    expect(watchOther.errors).toEqual([]);
    await context.close();
  });

  it('backup → delete all → restore gives identical downloaded metrics', async () => {
    const { context, page, app, watch } = await newContext();
    // The data read and reported in London: a restore elsewhere must give London's numbers too.
    await app.goto('import');
    await page.getByLabel('Times without a time zone are read in').selectOption('Europe/London');
    // Chosen on this page: pick the files here (no navigation that could outrun the stored setting).
    await page.locator('input[type=file]').setInputFiles([SMALL, resolve(SAMPLE_DIR, 'discourse-likes.csv')]);
    await app.confirmReview();
    await app.waitForImport(2);
    const before = await metrics(app);
    expect((before as { timeZone: string }).timeZone).toBe('Europe/London');

    await app.goto('settings');
    await page.getByRole('heading', { name: 'Your data', exact: true }).waitFor();
    const backup = await app.download('Download backup');
    expect(backup.name).toMatch(/^hearth-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'hearth.backup', formatVersion: 1 });
    const backupPath = join(dir, backup.name);
    await import('node:fs/promises').then((fs) => fs.writeFile(backupPath, backup.text));

    // Delete all: a confirmation step first.
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const confirm = page.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'All data was deleted from this browser.' }).waitFor();
    await expect.poll(() => page.getByTestId('imports-count').textContent()).toBe('0');
    await app.goto('overview');
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();

    // Restoring a file that is not a backup is refused with a clear message.
    await app.goto('settings');
    await page.getByLabel('Restore from backup').setInputFiles(SMALL);
    await page.getByRole('status').filter({ hasText: 'This file is not a Hearth backup (it is not JSON, or it was cut short). Nothing was restored.' }).waitFor();

    await page.getByLabel('Restore from backup').setInputFiles(backupPath);
    await page.getByRole('status').filter({ hasText: `Restored 2 imports from ${backup.name}.` }).waitFor();
    expect(await metrics(app)).toEqual(before);
    expect(watch.errors).toEqual([]);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();

    // Another browser, where a filter was already changed (its settings are not data): the backup
    // restores, with its own filters, and the numbers match at once, without a reload.
    const other = await newContext();
    await other.app.goto('overview');
    await other.page.getByRole('form', { name: 'Filters' }).getByLabel('Time zone').selectOption('Asia/Tokyo');
    await other.app.goto('settings');
    await other.page.getByLabel('Restore from backup').setInputFiles(backupPath);
    await other.page.getByRole('status').filter({ hasText: `Restored 2 imports from ${backup.name}.` }).waitFor();
    expect(await metrics(other.app)).toEqual(before);
    expect(other.watch.errors).toEqual([]);
    await other.context.close();
  });
});
