import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expandInputs, readExports } from '../../src/cli/inputs';
import { sentimentBreakdown } from '../../src/domain/listening';
import { prepareDataset } from '../../src/domain/metrics';
import { AppPage } from './support/app-page';
import { foreignRequests, launchBrowser, openPage } from './support/browser';
import { SAMPLE_FILES } from './support/cli';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The month's sentiment counts from the sample files, computed in Node with the same domain code. */
async function sampleCounts(month: string) {
  const files = await expandInputs(SAMPLE_FILES, () => undefined);
  const { records } = await readExports(files, 'UTC', () => undefined);
  const b = sentimentBreakdown(prepareDataset({ records }), { from: month, to: month });
  return b.monthly[0]!;
}

interface Report {
  period: { from: string; to: string };
  months: string[];
  series: Record<string, (number | null)[]>;
}

async function monthShares(app: AppPage, month: string): Promise<{ negative: number | null; positive: number | null }> {
  await app.goto('overview');
  const { text } = await app.download('Download metrics (JSON)');
  const r = JSON.parse(text) as Report;
  const i = r.months.indexOf(month);
  expect(i).toBeGreaterThanOrEqual(0);
  return { negative: r.series.sentiment_negative_share![i] ?? null, positive: r.series.sentiment_positive_share![i] ?? null };
}

describe('sentiment and listening', () => {
  it('shows the Sentiment and Listening pages for the sample data; a correction changes the month’s shares, persists, and undoes', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    // Every sample file, as a user would drop them (the same files the Node side reads below).
    await app.dropFiles(SAMPLE_FILES);
    await app.waitForImport(SAMPLE_FILES.length);
    await app.goto('overview');
    await page.locator('.kpi[data-series="active_members"] .kpi-value').waitFor({ timeout: 60_000 });

    // The month to correct: the last month of the period the app opens on.
    const { text } = await app.download('Download metrics (JSON)');
    const month = (JSON.parse(text) as Report).period.to;
    const counts = await sampleCounts(month);
    expect(counts.texts).toBeGreaterThan(0);
    expect(counts.negative).toBeGreaterThan(0);
    const before = await monthShares(app, month);
    expect(before.negative).toBe(counts.negative / counts.texts);
    expect(before.positive).toBe(counts.positive / counts.texts);

    // Sentiment page: the stacked bars, net line and by-source chart, each with a "How is this computed?".
    await app.nav('Sentiment');
    const shares = page.getByRole('region', { name: 'How members feel, per month' });
    await shares.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 30_000 });
    await page.getByRole('region', { name: 'Net sentiment per month' }).locator('.recharts-line-curve').waitFor();
    await page.getByRole('region', { name: 'Sentiment by source' }).locator('.recharts-bar-rectangle').first().waitFor();
    // Legends run as the bars do (positive, neutral, negative), not in Recharts' alphabetical order,
    // and each chart's keyboard stop is named.
    for (const name of ['How members feel, per month', 'Sentiment by source']) {
      const legend = page.getByRole('region', { name }).locator('.recharts-legend-item-text');
      expect(await legend.allTextContents(), name).toEqual(['Positive', 'Neutral', 'Negative']);
    }
    expect(
      await page.locator('main svg[role="application"]').evaluateAll((svgs) => svgs.map((s) => s.querySelector(':scope > title')?.textContent)),
    ).toEqual([
      'Positive, Neutral, Negative (% of messages)',
      'Net sentiment (net, % of messages)',
      'Positive, Neutral, Negative by source (% of messages)',
    ]);
    await shares.getByText('How is this computed?').click();
    await expect.poll(() => shares.locator('.definition').textContent()).toMatch(/macro-F1 0\.899/);
    expect(await shares.locator('.definition').textContent()).toMatch(/Sarcasm/);
    // The shares' table holds the counts behind them; no second table repeats the shares.
    expect(await page.getByText('Numbers per month').count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    const monthLabel = new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    await shares.getByRole('button', { name: 'Show as table' }).click();
    const sharesTable = shares.getByRole('table');
    expect((await sharesTable.locator('thead th').allTextContents()).map((t) => t.replace(/\s*\S$/, ''))).toEqual([
      'Month',
      'Messages with text',
      'Positive',
      'Neutral',
      'Negative',
      'Positive messages',
      'Neutral messages',
      'Negative messages',
    ]);
    expect(await app.tableCell(sharesTable, monthLabel, 'Messages with text')).toBe(counts.texts.toLocaleString('en-US'));
    expect(await app.tableCell(sharesTable, monthLabel, 'Negative messages')).toBe(counts.negative.toLocaleString('en-US'));
    const share = (n: number) => `${((n / counts.texts) * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
    expect(await app.tableCell(sharesTable, monthLabel, 'Negative')).toBe(share(counts.negative));
    // Each chart's text alternative: the net line as a table, the month's net in percent.
    const net = page.getByRole('region', { name: 'Net sentiment per month' });
    // Its axis and tooltip write net sentiment as the Overview card does: "−50%", "+19.6%".
    expect(await net.locator('.recharts-yAxis-tick-labels text').allTextContents()).toEqual(['−100%', '−50%', '0%', '50%', '100%']);
    await net.locator('.recharts-line-dot').last().hover({ force: true });
    await expect.poll(() => net.locator('.recharts-tooltip-item').first().textContent()).toMatch(/^Net sentiment : [+−]?\d+(\.\d)?% \([\d,]+ messages\)$/);
    await net.getByRole('button', { name: 'Show as table' }).click();
    const netCell = net.locator('tbody tr').filter({ hasText: monthLabel }).locator('td').last();
    const expectedNet = ((counts.positive / counts.texts - counts.negative / counts.texts) * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(await netCell.textContent()).toBe(`${expectedNet}%`);
    const bySource = page.getByRole('region', { name: 'Sentiment by source' });
    await bySource.getByRole('button', { name: 'Show as table' }).click();
    // Header cells end with the sort indicator.
    expect((await bySource.locator('thead th').allTextContents()).map((t) => t.replace(/\s*\S$/, ''))).toEqual(['Source', 'Messages with text', 'Positive', 'Neutral', 'Negative']);

    // Listening page: the most negative messages, as plain text with author, source and date. The
    // period is the month alone, so every copy of a text listed once (×N) is a text of this month.
    await app.setCustomRange(month, month);
    await app.nav('Listening');
    const negatives = page.getByRole('list', { name: 'Most negative messages', exact: true });
    await negatives.locator('article.listening-item').first().waitFor({ timeout: 30_000 });
    expect(await negatives.locator('article.listening-item').count()).toBeGreaterThan(0);
    await page.getByRole('list', { name: 'Negative posts without a response', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Rising terms in negative messages' }).waitFor();
    const target = negatives.locator(`article.listening-item[data-month="${month}"][data-label="negative"]`).first();
    await target.waitFor();
    const key = (await target.getAttribute('data-key'))!;
    expect(key).toBeTruthy();
    expect(await target.locator('.author').textContent()).not.toBe('');
    expect(await target.locator('time').getAttribute('datetime')).toMatch(new RegExp(`^${month}`));
    // A text posted n times is listed once, "×n", and a relabel applies to each copy.
    const badge = (await target.getByTestId('same-text').count()) ? await target.getByTestId('same-text').textContent() : null;
    const n = badge ? Number(/^×(\d+)/.exec(badge)![1]) : 1;

    // Relabel it as positive, from the keyboard: n fewer negatives and n more positives out of the
    // same texts. The text leaves the list, and the focus moves to the one that took its place.
    const keys = await negatives.locator('article.listening-item').evaluateAll((as) => as.map((a) => a.getAttribute('data-key')));
    const next = keys[keys.indexOf(key) + 1] ?? keys[keys.indexOf(key) - 1];
    await app.listeningItem(key, 'Most negative messages').getByRole('button', { name: 'Relabel as positive' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Corrections', exact: true }).locator(`article[data-key="${key}"][data-label="positive"]`).waitFor();
    await negatives.locator(`article[data-key="${key}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? document.activeElement?.tagName)).toBe(next);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('data-key'))).toBe(next);
    const corrected = page.getByRole('list', { name: 'Corrections', exact: true }).locator(`article[data-key="${key}"]`);
    expect(await corrected.textContent()).toMatch(/Corrected — the scorer said negative/);
    const after = await monthShares(app, month);
    expect(after.negative).toBe((counts.negative - n) / counts.texts);
    expect(after.positive).toBe((counts.positive + n) / counts.texts);
    expect((before.negative as number) - (after.negative as number)).toBeCloseTo(n / counts.texts, 12);
    await app.nav('Sentiment');
    await shares.getByRole('button', { name: 'Show as table' }).click();
    await expect
      .poll(() => app.tableCell(shares.getByRole('table'), monthLabel, 'Negative messages'))
      .toBe((counts.negative - n).toLocaleString('en-US'));

    // The correction is stored: a reload keeps it.
    await page.reload();
    await app.goto('listening');
    await page.getByRole('list', { name: 'Corrections', exact: true }).locator(`article[data-key="${key}"][data-label="positive"]`).waitFor({ timeout: 30_000 });
    expect((await monthShares(app, month)).negative).toBe((counts.negative - n) / counts.texts);

    // Undo: the number returns.
    await app.goto('listening');
    await app.undoCorrection(key);
    await negatives.locator(`article[data-key="${key}"][data-label="negative"]`).waitFor();
    expect(await monthShares(app, month)).toEqual(before);

    expect(watch.errors).toEqual([]);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();
  }, 240_000);

  it('renders texts as plain text and links back only to http(s) URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-listening-'));
    const csv = join(dir, 'discourse-posts.csv');
    writeFileSync(
      csv,
      [
        'post_id,topic_id,post_number,username,created_at,topic_title,category,raw,url',
        '1,1,1,ann,2025-03-01T10:00:00Z,Broken export,Bugs,"<img src=x onerror=""window.__pwned=1""> This is terrible, the export is broken and I hate it.",https://forum.example.org/t/1/1',
        '2,2,1,bob,2025-03-02T10:00:00Z,Awful sync,Bugs,"<script>window.__pwned=2</script> Awful, sync is broken again and it is so frustrating.",javascript:window.__pwned=3',
        '3,3,1,cat,2025-03-03T10:00:00Z,Thanks,General,Love the new palette tool. Great work!,',
      ].join('\n'),
    );
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.importFiles([csv]);
    await app.waitForImport(1);
    await app.goto('listening');
    const list = page.getByRole('list', { name: 'Most negative messages', exact: true });
    await list.locator('article.listening-item').nth(1).waitFor({ timeout: 30_000 });
    expect(await list.locator('article.listening-item').count()).toBe(2);
    // Markup from the file is shown as text, never parsed into elements.
    expect(await list.locator('img, script').count()).toBe(0);
    expect(await list.getByText('<script>window.__pwned=2</script>', { exact: false }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Only the https link is linked, opening safely in a new tab; the javascript: URL is dropped.
    const links = list.getByRole('link', { name: 'Open the original' });
    expect(await links.count()).toBe(1);
    expect(await links.getAttribute('href')).toBe('https://forum.example.org/t/1/1');
    expect(await links.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await links.getAttribute('target')).toBe('_blank');
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await context.close();
    expect(readdirSync(dir)).toEqual(['discourse-posts.csv']);
  });

  it('with no message to read, the headings name the period and zone, not "0 messages with text · — negative"', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.importFiles([resolve('tests/fixtures/formats/mailchimp-campaigns/campaigns.csv')]);
    await app.waitForImport(1);
    for (const [route, title, empty] of [
      ['sentiment', 'Sentiment', 'No messages to read yet'],
      ['listening', 'Listening', 'Nothing to listen to yet'],
    ] as const) {
      await app.goto(route);
      await page.getByRole('heading', { name: empty }).waitFor();
      const head = page.locator('.page-head').filter({ has: page.getByRole('heading', { name: title, level: 1 }) });
      expect(await head.locator('.period').textContent(), route).toMatch(/^\w+ \d{4}( – \w+ \d{4})? \(UTC\)$/);
    }
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

