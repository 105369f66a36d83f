import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './support/app-page';
import { foreignRequests, launchBrowser, openPage } from './support/browser';
import { runHearth, SAMPLE_DIR, SAMPLE_FILES } from './support/cli';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('foundation: from a dropped export to a chart', () => {
  it('drops the sample exports, draws the chart, survives a reload, and downloads the same JSON the command prints', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.goto('overview');
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();

    await app.dropFiles(SAMPLE_FILES);
    const results = await app.waitForImport(SAMPLE_FILES.length);
    for (const name of SAMPLE_FILES.map((f) => f.split('/').pop()!)) {
      expect(results.some((r) => new RegExp(`^Imported [\\d,]+ records? from ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(r))).toBe(true);
    }
    expect(await (await app.importHistoryRows()).count()).toBe(SAMPLE_FILES.length);

    await app.nav('Overview');
    const chart = page.getByRole('region', { name: 'Active and new members per month' });
    await chart.locator('.recharts-line-curve').first().waitFor();
    expect(await chart.locator('.recharts-line-curve').count()).toBe(2);
    const active = await app.kpiValue('active_members');
    expect(Number(active.replace(/,/g, ''))).toBeGreaterThan(0);

    // IndexedDB persistence: a reload shows the same numbers without importing again. Meanwhile the
    // status line says what the load does (recorded as it happens: on the sample data it is quick).
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __loading: string[] }).__loading = []);
      new MutationObserver(() => {
        const t = document.querySelector('[data-loading]')?.textContent?.trim();
        if (t && seen.at(-1) !== t) seen.push(t);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await chart.locator('.recharts-line-curve').first().waitFor();
    expect(await app.kpiValue('active_members')).toBe(active);
    const loading = await page.evaluate(() => (window as unknown as { __loading: string[] }).__loading);
    expect(loading).toContainEqual(expect.stringMatching(/^Reading your stored activities…\d+%$/));
    expect(loading).toContainEqual(expect.stringMatching(/^Preparing the metrics for [\d,]+ activities…$/));

    const { name, text } = await app.download('Download metrics (JSON)');
    expect(name).toMatch(/^hearth-report-\d{4}-\d{2}-to-\d{4}-\d{2}\.json$/);
    const fromBrowser = JSON.parse(text);
    const { stdout } = await runHearth(['report', SAMPLE_DIR]);
    const fromCommand = JSON.parse(stdout);
    // The browser opens on the last 12 months of the data; the command prints the whole period by
    // default, so compare the browser's months against the command run for the same period.
    const { stdout: samePeriod } = await runHearth(['report', '--from', fromBrowser.period.from, '--to', fromBrowser.period.to, SAMPLE_DIR]);
    expect(fromBrowser).toEqual(JSON.parse(samePeriod));
    expect(fromCommand.schema).toBe('hearth.report/1');

    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();
  });

  it('ships a strict Content-Security-Policy: nothing but its own origin', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(baseUrl);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|%/);
    await context.close();
  });

  it('"Load sample data" fills the Overview from the empty state', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.goto('overview');
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByRole('region', { name: 'Active and new members per month' }).locator('.recharts-line-curve').first().waitFor({ timeout: 150_000 });
    expect(Number((await app.kpiValue('active_members')).replace(/,/g, ''))).toBeGreaterThan(0);
    expect(watch.errors).toEqual([]);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();
  });

  it('importing the same file twice changes no number', async () => {
    const { page, context, watch } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const posts = SAMPLE_FILES.filter((f) => /discourse-posts|user-list/.test(f));
    await app.importFiles(posts);
    await app.waitForImport(posts.length);
    await app.goto('overview');
    const first = await app.download('Download metrics (JSON)');

    await app.importFiles(posts);
    const again = await app.waitForImport(posts.length);
    expect(again.every((r) => /^Nothing new in .+ already imported\.$/.test(r))).toBe(true);
    expect(await (await app.importHistoryRows()).count()).toBe(posts.length);
    await app.goto('overview');
    const second = await app.download('Download metrics (JSON)');
    expect(JSON.parse(second.text)).toEqual(JSON.parse(first.text));
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
