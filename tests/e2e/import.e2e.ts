import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './support/app-page';
import { launchBrowser, openPage } from './support/browser';
import { runHearth, SAMPLE_DIR } from './support/cli';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Facts about the sample posts file worked out independently of Hearth's parser (plain line rules). */
function postsFacts() {
  const lines = readFileSync(join(SAMPLE_DIR, 'discourse-posts.csv'), 'utf8').split('\n');
  const rows = lines.filter((l) => /^\d+,\d+,\d+,/.test(l)).map((l) => l.split(','));
  const users = new Set(rows.map((r) => r[3]!).filter((u) => u !== 'system' && u !== 'discobot'));
  const times = rows.map((r) => Date.parse(r[4]!)).sort((a, b) => a - b);
  return { rows: rows.length, people: users.size, first: times[0]!, last: times[times.length - 1]! };
}

describe('export guide', () => {
  it('says where each tool hides its export, and copies the Data Explorer query the posts adapter reads', async () => {
    const { page, watch, context } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const app = new AppPage(page, baseUrl);
    await app.goto('import');
    const guide = page.locator('details.export-guide');
    expect(await guide.getAttribute('open')).toBeNull();
    await page.getByText('Which exports Hearth reads, and how to get them').click();
    const discourse = page.getByRole('region', { name: 'Discourse (forum)' });
    await discourse.waitFor();
    expect(await discourse.textContent()).toContain('Admin → Plugins → Data Explorer');
    await page.getByRole('button', { name: 'Copy the posts query' }).click();
    await page.getByText('Posts query copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The docs' query, verbatim: what a manager pastes into the Data Explorer.
    const docs = readFileSync('docs/exports.md', 'utf8');
    expect(docs).toContain('```sql\n' + copied + '\n```');
    expect(copied).toMatch(/^SELECT p\.id AS post_id,/);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

describe('import time zone', () => {
  it('is chosen on the Import page, kept in the history, and the filter bar says when the report uses another', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.goto('import');
    await page.getByLabel('Times without a time zone are read in').selectOption('America/New_York');
    await page.locator('input[type=file]').setInputFiles([join(SAMPLE_DIR, 'campaigns.csv')]);
    await app.confirmReview();
    await app.waitForImport(1);
    const rows = await app.importHistoryRows();
    expect(await rows.first().textContent()).toContain('America/New_York');
    // The report in the same zone: no note. In UTC: the note names the import and what to do.
    await app.goto('newsletter');
    await page.getByRole('heading', { level: 1, name: 'Newsletter' }).waitFor();
    expect(await page.getByTestId('zone-note').count()).toBe(0);
    await page.getByRole('form', { name: 'Filters' }).getByLabel('Time zone').selectOption('UTC');
    const note = page.getByTestId('zone-note');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      'One import was read in another time zone: America/New_York (campaigns.csv). Times without a zone in it keep that reading, while the months here are in UTC; to read it in UTC, undo and import again.',
    );
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

describe('import review', () => {
  it('shows what was recognised before storing anything, and Cancel stores nothing', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const dir = mkdtempSync(join(tmpdir(), 'hearth-'));
    const unknown = join(dir, 'mystery.csv');
    writeFileSync(unknown, 'Foo,Bar\n1,2\n');
    await app.chooseFiles([join(SAMPLE_DIR, 'discourse-posts.csv'), unknown]);

    const review = page.getByRole('region', { name: 'Check before importing' });
    await review.getByText('Discourse posts').first().waitFor();
    const facts = postsFacts();
    const item = review.locator('.preview').filter({ hasText: 'discourse-posts.csv' });
    const dd = item.locator('.preview-facts dd');
    await dd.first().waitFor();
    expect((await dd.nth(0).textContent())!.replace(/[^\d]/g, '')).toBe(String(facts.rows));
    const fmt = (ms: number) => new Date(ms).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(await dd.nth(1).textContent()).toBe(`${fmt(facts.first)} – ${fmt(facts.last)}`);
    expect((await dd.nth(2).textContent())!.replace(/[^\d]/g, '')).toBe(String(facts.people));
    // The first rows are shown as plain text.
    expect(await item.locator('table.sample tbody tr').count()).toBe(5);
    expect(await review.locator('.preview').filter({ hasText: 'mystery.csv' }).textContent()).toContain('not recognised — map its columns below, or it will be skipped');
    expect(await review.getByRole('button', { name: 'Import 1 file' }).isEnabled()).toBe(true);

    // Keyboard focus stays in place: on the review after a Remove, on the file chooser after Cancel.
    await review.getByRole('button', { name: 'Remove mystery.csv' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'review-title');
    await review.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('region', { name: 'Check before importing' }).count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.matches('.drop-zone input[type="file"]') === true);
    expect(await page.getByText('No imports yet.').isVisible()).toBe(true);
    await app.goto('overview');
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('imports only the recognised files of a mixed drop, and lists each problem with its row and column', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const dir = mkdtempSync(join(tmpdir(), 'hearth-'));
    const bad = join(dir, 'posts-with-errors.csv');
    writeFileSync(
      bad,
      [
        'post_id,topic_id,post_number,username,created_at,topic_title,category,raw',
        '1,10,1,ada,2025-03-01T10:00:00Z,Hi,Help,ok',
        '2,10,2,ben,not a date,Hi,Help,bad date',
        '3,10,abc,cy,2025-03-02T10:00:00Z,Hi,Help,bad number',
      ].join('\n'),
    );
    await app.importFiles([bad]);
    const results = await app.waitForImport(1);
    // One good row: ada's post, plus ada as a person = 2 records; the other two rows are skipped.
    expect(results[0]).toBe('Imported 2 records from posts-with-errors.csv (2 rows skipped, see “Problems found”)');
    await page.getByText(/^Problems found/).click();
    const rows = page.locator('details.issues tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['posts-with-errors.csv', '3', 'created_at', expect.stringContaining('"not a date" is not a date')]);
    expect(await rows.nth(1).locator('td').nth(2).textContent()).toBe('post_number');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('says which chosen files were not imported, and why, beside the results', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const dir = mkdtempSync(join(tmpdir(), 'hearth-'));
    const good = join(dir, 'posts.csv');
    writeFileSync(good, ['post_id,topic_id,post_number,username,created_at,topic_title,category,raw', '1,10,1,ada,2025-03-01T10:00:00Z,Hi,Help,ok'].join('\n'));
    const empty = join(dir, 'Guild - general [1].json');
    writeFileSync(empty, JSON.stringify({ guild: { name: 'G' }, channel: { name: 'general' }, messages: [] }));
    await app.importFiles([good, empty]);
    expect(await app.waitForImport(1)).toEqual(['Imported 2 records from posts.csv']);
    const leftOut = page.locator('.left-out');
    await leftOut.waitFor();
    expect(await leftOut.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Guild - general \[1\]\.json: This export of #general holds no messages/)]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('maps the columns of an unknown CSV, imports it, and offers the saved mapping for the next file with the same header', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const dir = mkdtempSync(join(tmpdir(), 'hearth-'));
    const survey = (name: string, rows: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, ['Submitted At,Member,Contact,Feedback', ...rows].join('\n'));
      return path;
    };
    const first = survey('feedback-may.csv', ['2025-05-02 10:00,ada,ada@example.org,Loved the workshop', '2025-05-03 11:00,ben,ben@example.org,Too short']);
    await app.chooseFiles([first]);
    const review = page.getByRole('region', { name: 'Check before importing' });
    const form = review.getByRole('group', { name: 'Map the columns of feedback-may.csv' });
    await form.waitFor();
    await form.getByLabel('When (date/time) (required)').selectOption('Submitted At');
    await form.getByLabel('Who (name, handle or id) (required)').selectOption('Member');
    await form.getByLabel('Email').selectOption('Contact');
    await form.getByLabel('Text').selectOption('Feedback');
    await form.getByRole('button', { name: 'Apply mapping' }).click();
    await review.getByText('Generic CSV (your column mapping)').waitFor();
    expect((await review.locator('.preview-facts dd').first().textContent())!.trim()).toBe('2');
    await app.confirmReview();
    const results = await app.waitForImport(1);
    // 2 messages + 2 persons.
    expect(results[0]).toBe('Imported 4 records from feedback-may.csv');

    const second = survey('feedback-june.csv', ['2025-06-02 10:00,cy,cy@example.org,Great as always']);
    await app.chooseFiles([second]);
    await review.getByText('Using the mapping you saved for files with these columns.', { exact: false }).waitFor();
    await review.getByText('Generic CSV (your column mapping)').waitFor();
    await app.confirmReview();
    expect((await app.waitForImport(1)).at(-1)).toBe('Imported 2 records from feedback-june.csv');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a saved mapping brings back its date order: a next file of only ambiguous dates is read day first too', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const dir = mkdtempSync(join(tmpdir(), 'hearth-'));
    const activity = (name: string, rows: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, ['Date,Member,Action', ...rows].join('\n'));
      return path;
    };
    // 13/01 can only be day/month: the file settles the order itself.
    await app.chooseFiles([activity('club-january.csv', ['13/01/2025 10:00,ada,post', '14/01/2025 11:00,ben,reply'])]);
    const review = page.getByRole('region', { name: 'Check before importing' });
    const form = review.getByRole('group', { name: 'Map the columns of club-january.csv' });
    await form.getByLabel('When (date/time) (required)').selectOption('Date');
    await form.getByLabel('Who (name, handle or id) (required)').selectOption('Member');
    await form.getByRole('button', { name: 'Apply mapping' }).click();
    await review.getByText('Generic CSV (your column mapping)').waitFor();
    await app.confirmReview();
    await app.waitForImport(1);
    // 03/02 and 04/02 alone could be either order: the mapping's day-first order applies (3 and 4 February).
    await app.chooseFiles([activity('club-february.csv', ['03/02/2025 10:00,ada,post', '04/02/2025 10:00,ben,reply'])]);
    await review.getByText('Using the mapping you saved for files with these columns.', { exact: false }).waitFor();
    await review.getByText('Generic CSV (your column mapping)').waitFor();
    const facts = await review.locator('.preview-facts').textContent();
    expect(facts).toContain('Feb 3, 2025');
    expect(facts).not.toContain('Mar');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('asks the day/month order of a column no value settles, showing the order the file\'s other columns settle (day/month)', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const dir = mkdtempSync(join(tmpdir(), 'hearth-'));
    const path = join(dir, 'subscribed_members_export_1a.csv');
    // A UK re-save: only LAST_CHANGED (25/03, 17/04) shows that the dates are day/month.
    writeFileSync(
      path,
      [
        'Email Address,First Name,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME,LAST_CHANGED,LEID,EUID',
        'a@example.org,A,2,05/03/2025 10:00,05/03/2025 10:05,25/03/2025 10:05,1,e1',
        'b@example.org,B,2,07/04/2025 10:00,07/04/2025 10:05,17/04/2025 10:05,1,e2',
      ].join('\n'),
    );
    await app.chooseFiles([path]);
    const review = page.getByRole('region', { name: 'Check before importing' });
    const question = review.getByLabel('Dates in column “OPTIN_TIME” and 1 other are written');
    await question.waitFor();
    expect(await question.inputValue()).toBe('day');
    expect(await review.locator('.preview-facts').textContent()).toContain('Mar 5, 2025');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('LinkedIn page analytics as LinkedIn sends them (Excel workbooks, one named .xls): read sheet by sheet, the same numbers as the command', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const dir = join(process.cwd(), 'tests/fixtures/formats/linkedin');
    const files = ['hearth-friends_content_1712345678.xls', 'hearth-friends_followers_1712345678.xlsx'].map((f) => join(dir, f));
    await app.chooseFiles(files);
    const review = page.getByRole('region', { name: 'Check before importing' });
    const followers = review.locator('.preview').filter({ hasText: 'hearth-friends_followers_1712345678.xlsx' });
    await followers.locator('.preview-facts').waitFor();
    expect(await followers.textContent()).toContain('LinkedIn page analytics');
    expect(await followers.locator('.preview-issues').textContent()).toContain('Skipped: this sheet is not one of the supported exports.');
    await app.confirmReview();
    const results = await app.waitForImport(2);
    expect(results.every((r) => /^Imported [\d,]+ records from hearth-friends_/.test(r))).toBe(true);
    await app.goto('overview');
    const browserReport = JSON.parse((await app.download('Download metrics (JSON)')).text);
    const { stdout } = await runHearth(['report', '--from', browserReport.period.from, '--to', browserReport.period.to, ...files]);
    expect(browserReport).toEqual(JSON.parse(stdout));
    // The posts of the All posts sheet: 1,200 + 2,345 impressions in March 2025.
    const march = browserReport.months.indexOf('2025-03');
    expect(browserReport.series.impressions[march]).toBe(3545);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('imports a zip and three CSVs dropped together; Undo of one restores exactly the numbers without it', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const files = ['user-list-251231-093000.zip', 'discourse-posts.csv', 'discourse-likes.csv', 'Loomcraft Spring Meetup - Guests - 2025-04-12.csv'].map((f) =>
      join(SAMPLE_DIR, f),
    );
    await app.dropFiles(files);
    await app.waitForImport(files.length);
    const history = await app.importHistoryRows();
    expect((await history.locator('td:first-child').allTextContents()).sort()).toEqual(files.map((f) => f.split('/').pop()!).sort());

    await app.goto('overview');
    const all = JSON.parse((await app.download('Download metrics (JSON)')).text);
    page.once('dialog', (d) => void d.accept());
    await app.goto('import');
    await page.getByRole('button', { name: 'Undo import of discourse-likes.csv' }).click();
    await page.waitForFunction(() => !document.body.textContent?.includes('Undo import of discourse-likes.csv') && document.querySelectorAll('table.history tbody tr').length === 3);
    // The Undo says what it removed; the history names formats as the review does, not by id.
    await page.getByRole('status').filter({ hasText: /^Removed the [\d,]+ records imported from discourse-likes\.csv\.$/ }).waitFor();
    const formats = await page.locator('table.history tbody tr td:nth-child(2)').allTextContents();
    expect(formats.filter((f) => /^[a-z]+(-[a-z]+)+$/.test(f))).toEqual([]);
    await app.goto('overview');
    await page.locator('.kpi[data-series="active_members"]').waitFor();
    const after = JSON.parse((await app.download('Download metrics (JSON)')).text);
    // The same three files read by the command, for the browser's period.
    const { stdout } = await runHearth(['report', '--from', after.period.from, '--to', after.period.to, ...files.filter((f) => !f.endsWith('discourse-likes.csv'))]);
    expect(after).toEqual(JSON.parse(stdout));
    expect(after.totals.activities).toBeLessThan(all.totals.activities);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
