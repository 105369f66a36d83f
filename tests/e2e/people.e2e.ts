import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './support/app-page';
import { launchBrowser, openPage } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('manual merges', () => {
  it('merging the two top contributors makes one person with both activity counts, and Undo restores every number', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.goto('overview');
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.locator('.kpi[data-series="active_members"]').waitFor({ timeout: 150_000 });
    const before = JSON.parse((await app.download('Download metrics (JSON)')).text);
    const [first, second] = before.topContributors as { name: string; activities: number }[];

    await app.nav('People');
    const people = page.getByRole('table', { name: 'People' });
    await people.waitFor();
    // "1,234 people (showing the first 100)": the leading number.
    const count = async () => Number((/^[\d,]+/.exec((await page.locator('p.muted').first().textContent()) ?? '')?.[0] ?? '').replace(/,/g, ''));
    const peopleBefore = await count();
    for (const name of [first!.name, second!.name]) {
      await page.getByRole('searchbox').fill(name);
      // A search says how many match it, not the total beside a few rows.
      await expect.poll(() => page.locator('p.muted').first().textContent()).toMatch(
        new RegExp(`^\\d+ of ${peopleBefore.toLocaleString('en-US')} people match “${name}”$`),
      );
      await page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).first().check();
    }
    // Two are chosen: the others cannot be ticked (a third tick used to untick the first silently).
    await page.getByRole('searchbox').fill('');
    const others = page.getByRole('table', { name: 'People' }).locator('input[type=checkbox]:not(:checked)');
    expect(await others.first().isDisabled()).toBe(true);
    expect(await page.locator('.merge-bar').textContent()).toContain('(2/2) — unselect one to choose another');
    await page.getByRole('button', { name: 'Merge selected' }).click();
    await page.getByRole('status').filter({ hasText: /^Merged / }).waitFor();
    await page.getByRole('searchbox').fill('');
    await page.waitForFunction(
      (n) => Number((/^[\d,]+/.exec(document.querySelector('p.muted')?.textContent ?? '')?.[0] ?? '').replace(/,/g, '')) === n,
      peopleBefore - 1,
    );

    await app.goto('overview');
    await page.locator('.kpi[data-series="active_members"]').waitFor();
    const merged = JSON.parse((await app.download('Download metrics (JSON)')).text);
    expect(merged.topContributors[0].activities).toBe(first!.activities + second!.activities);
    expect(merged.totals.members).toBe(before.totals.members - 1);

    await app.goto('people');
    await page.getByRole('button', { name: /^Undo merge of / }).click();
    await page.getByRole('status').filter({ hasText: /^Undid the merge/ }).waitFor();
    await app.goto('overview');
    await page.locator('.kpi[data-series="active_members"]').waitFor();
    const restored = JSON.parse((await app.download('Download metrics (JSON)')).text);
    expect(restored).toEqual(before);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
