/**
 * "Delete all data" in a real Chromium with its profile on disk, as a user's is: after the delete, no
 * file of the profile holds an imported member email (Hearth's data lives in a storage bucket, which
 * the browser deletes with its files — emptying or deleting a database in the site's IndexedDB left
 * the emails readable in its LevelDB files: docs/security.md "Deleting the data"), the app is empty,
 * other tabs and workers reconnect, and importing again works. Data from a Hearth before buckets
 * (the site's IndexedDB) is kept, and deleting it says honestly what the browser may keep.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './support/app-page';
import { CHROMIUM_ARGS, chromiumPath, foreignRequests, watchPage } from './support/browser';
import { SAMPLE_DIR } from './support/cli';

const baseUrl = inject('baseUrl');
/** The members' email domain of the generated export: in no file of the build (the sample data is cached by the service worker). */
const DOMAIN = 'erase-check.invalid';
let dir: string;
let members: string;
const SAMPLE = resolve(SAMPLE_DIR, 'discourse-posts.csv');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-delete-'));
  // A Beehiiv subscribers export of 300 members with distinctive emails.
  const rows = ['email,first_name,status,tier,created_at,utm_source,referral_code,unsubscribed_at'];
  for (let i = 0; i < 300; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    rows.push(
      `member${String(i).padStart(3, '0')}.qz@${DOMAIN},M${i},active,free,2025-${month}-${day} 08:05:17 UTC,forum,,`,
    );
  }
  members = join(dir, 'beehiiv_subscribers_2025-12-31.csv');
  await writeFile(members, `${rows.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A Chromium on the on-disk profile `profile`; without storage buckets, as browsers before them. */
async function launch(
  profile: string,
  buckets = true,
): Promise<{ context: BrowserContext; page: Page; app: AppPage; watch: ReturnType<typeof watchPage> }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...(buckets ? [] : ['--disable-blink-features=StorageBuckets'])],
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, app: new AppPage(page, baseUrl), watch: watchPage(page) };
}

/** The profile's files (paths from the profile) holding the members' email domain, in any encoding IndexedDB stores strings in. */
async function filesWithEmails(profile: string, under = ''): Promise<string[]> {
  const utf16 = Buffer.from(DOMAIN, 'utf16le');
  // One-byte strings in values; UTF-16 in values, and big-endian in keys (LevelDB's IndexedDB keys).
  const needles = [Buffer.from(DOMAIN, 'latin1'), utf16, Buffer.from(utf16).swap16()];
  const hits: string[] = [];
  const entries = await readdir(join(profile, under), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const bytes = await readFile(path).catch(() => null);
    if (bytes && needles.some((n) => bytes.includes(n))) hits.push(path.slice(profile.length + 1));
  }
  return hits;
}

async function importMembers(app: AppPage, files = [members]): Promise<void> {
  await app.importFiles(files);
  const results = await app.waitForImport(files.length);
  for (const r of results) expect(r).toMatch(/^Imported [\d,]+ records from /);
}

async function deleteAll(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  const message = page.getByRole('status').locator('p.result');
  await message.waitFor();
  return (await message.textContent()) ?? '';
}

describe('Delete all data removes the data from the disk', () => {
  it('no profile file holds a member email afterwards; every tab and worker goes on in a new empty database; importing again works', async () => {
    const profile = await mkdtemp(join(dir, 'profile-'));
    const { context, page, app, watch } = await launch(profile);
    try {
      await importMembers(app, [members, SAMPLE]);
      // Another tab on the Overview: its page and compute worker hold connections of their own.
      const other = await context.newPage();
      const watchOther = watchPage(other);
      const appB = new AppPage(other, baseUrl);
      await appB.goto('overview');
      await other.locator('.kpi[data-series="active_members"] .kpi-value').waitFor();
      await app.goto('overview');
      await page.locator('.kpi[data-series="active_members"] .kpi-value').waitFor();
      // The precondition: the emails are on disk, in the bucket's files.
      const before = await filesWithEmails(profile);
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((f) => f.startsWith('Default/WebStorage/'))).toBe(true);

      await app.goto('settings');
      await page.getByText('The browser removes the files that held the data at once.').waitFor();
      expect(await deleteAll(page)).toBe(
        'All data was deleted from this browser. The browser removed the files that held it.',
      );
      expect(await filesWithEmails(profile)).toEqual([]);
      await expect.poll(() => page.getByTestId('imports-count').textContent()).toBe('0');
      await app.goto('overview');
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      await other.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();

      // Usable again, here and in the other tab (its workers reconnect to the new database).
      await importMembers(app);
      await appB.goto('overview');
      await other.locator('.kpi[data-series="new_members"] .kpi-value').waitFor();
      expect((await filesWithEmails(profile)).length).toBeGreaterThan(0);
      // Deleted again: gone again, also once the browser is closed (below).
      await other.close();
      await app.goto('settings');
      expect(await deleteAll(page)).toMatch(/^All data was deleted from this browser\. The browser removed/);
      expect(await filesWithEmails(profile)).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watchOther.errors).toEqual([]);
      expect(foreignRequests(watch, baseUrl)).toEqual([]);
    } finally {
      await context.close();
    }
    expect(await filesWithEmails(profile)).toEqual([]);
  });

  it('refused, with nothing deleted, while an import holds the import lock in another tab', async () => {
    const profile = await mkdtemp(join(dir, 'profile-'));
    const { context, page, app } = await launch(profile);
    try {
      await importMembers(app);
      const other = await context.newPage();
      await other.goto(`${baseUrl}favicon.svg`);
      // What an import in another tab holds while it runs (storage/import-lock.ts).
      await other.evaluate(() => {
        void navigator.locks.request(
          'hearth-import',
          () => new Promise<void>((r) => ((window as unknown as { release: () => void }).release = r)),
        );
      });
      await app.goto('settings');
      expect(await deleteAll(page)).toBe(
        'An import is running, in this tab or another Hearth tab: wait for it to finish (or cancel it), then try again. Nothing was deleted.',
      );
      expect(await page.getByTestId('imports-count').textContent()).toBe('1');
      expect((await filesWithEmails(profile)).length).toBeGreaterThan(0);
      await other.evaluate(() => (window as unknown as { release: () => void }).release());
      await page.getByRole('button', { name: 'Keep my data' }).waitFor({ state: 'detached' });
      expect(await deleteAll(page)).toMatch(/^All data was deleted from this browser/);
      expect(await filesWithEmails(profile)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('"Kept permanently" says Yes again after Delete → Restore, once the browser granted the new bucket’s request', async () => {
    const profile = await mkdtemp(join(dir, 'profile-'));
    const { context, page, app, watch } = await launch(profile);
    try {
      // Headless Chromium declines persistence unless the site holds the permission (as an installed
      // or bookmarked site would); granted here so the request Hearth makes is answered Yes.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Browser.grantPermissions', {
        permissions: ['durableStorage'],
        origin: new URL(baseUrl).origin,
      });
      await importMembers(app);
      await app.goto('settings');
      const kept = page.getByTestId('persistence');
      await expect.poll(() => kept.textContent()).toBe('Yes: the browser will not delete it to free space.');
      const backup = await app.download('Download backup');
      const backupPath = join(dir, `persist-${backup.name}`);
      await writeFile(backupPath, backup.text);

      expect(await deleteAll(page)).toMatch(/^All data was deleted from this browser/);
      // The restore lands in a new bucket; Hearth asks the browser to keep it once it holds data,
      // and this page's status, read at the same data change, waits for the answer (it said "Not yet").
      await page.getByLabel('Restore from backup').setInputFiles(backupPath);
      await page
        .getByRole('status')
        .filter({ hasText: `Restored 1 import from persist-${backup.name}.` })
        .waitFor();
      await expect.poll(() => kept.textContent()).toBe('Yes: the browser will not delete it to free space.');
      expect(await page.getByRole('button', { name: 'Ask the browser to keep it' }).count()).toBe(0);
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('data stored before storage buckets (the site’s IndexedDB): kept by the new version; deleting it says what the browser may keep, then Hearth stores in a bucket', async () => {
    const profile = await mkdtemp(join(dir, 'profile-'));
    const old = await launch(profile, false);
    await importMembers(old.app);
    await old.context.close();
    expect((await filesWithEmails(profile, 'Default/IndexedDB')).length).toBeGreaterThan(0);

    const { context, page, app, watch } = await launch(profile);
    try {
      await app.goto('overview');
      await page.locator('.kpi[data-series="new_members"] .kpi-value').waitFor(); // nothing lost
      await app.goto('settings');
      await page
        .getByText('This browser may keep the deleted bytes in its own files until it tidies them')
        .waitFor();
      expect(await deleteAll(page)).toBe(
        'All data was deleted from this browser. This browser may keep the deleted bytes in its own files until it tidies them: to be sure they are gone, also clear this site’s data in the browser’s settings.',
      );
      await app.goto('overview');
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      // From now on in the bucket: imported again, its emails are in the bucket's files, and the next
      // delete removes them.
      await importMembers(app);
      expect((await filesWithEmails(profile, 'Default/WebStorage')).length).toBeGreaterThan(0);
      await app.goto('settings');
      await page.getByText('The browser removes the files that held the data at once.').waitFor();
      expect(await deleteAll(page)).toMatch(/^All data was deleted from this browser\. The browser removed/);
      expect(await filesWithEmails(profile, 'Default/WebStorage')).toEqual([]);
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
