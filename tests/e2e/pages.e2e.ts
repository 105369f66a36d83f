import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './support/app-page';
import { foreignRequests, launchBrowser, openPage } from './support/browser';
import { SAMPLE_DIR, SAMPLE_FILES } from './support/cli';

const baseUrl = inject('baseUrl');
const num = (s: string) => Number(s.replace(/[,\s]/g, ''));
/** `2025-06` → "June 2025" as the en-US pages write it. */
const longMonth = (m: string) =>
  new Date(`${m}-01T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
const addMonths = (m: string, k: number) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const n = y * 12 + (mo - 1) + k;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};

interface Report {
  period: { from: string; to: string };
  months: string[];
  series: Record<string, (number | null)[]>;
  retention: Array<{ cohort: string; size: number; active: number[] }>;
  topContributors: Array<{ name: string; activities: number }>;
  kpis: Record<string, { value: number | null; previous: number | null }>;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('pages: every dashboard page over the sample data', () => {
  it('walks every page, matches the JSON, follows the period filter, and lists a retention cell’s members', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.dropFiles(SAMPLE_FILES);
    await app.waitForImport(SAMPLE_FILES.length);
    await app.nav('Overview');
    await app
      .region('Active and new members per month')
      .locator('.recharts-line-curve')
      .first()
      .waitFor({ timeout: 120_000 });

    // The default period: the last 12 months with data.
    const json = JSON.parse((await app.download('Download metrics (JSON)')).text) as Report;
    expect(json.months.length).toBe(12);
    expect(json.months[0]).toBe(addMonths(json.period.to, -11));
    expect(await app.periodText()).toBe(`${longMonth(json.period.from)} – ${longMonth(json.period.to)}`);
    const last = json.months.length - 1;
    expect(num(await app.kpiValue('active_members'))).toBe(json.series.active_members![last]);
    // Sparklines on the KPI cards.
    expect(await page.locator('.kpi .sparkline').count()).toBeGreaterThan(0);

    // Growth: both charts drawn; the table alternative shows the JSON's numbers.
    await app.nav('Growth');
    await app.region('Active and new members').locator('.recharts-line-curve').first().waitFor();
    const accounting = app.region('Growth accounting');
    await accounting.locator('.recharts-bar-rectangle').first().waitFor();
    // Legend and tooltip list the bars as they stack, then the line (not Recharts' alphabetical
    // order), and the chart's keyboard stop is named.
    // The names of Compare and the Brief (one vocabulary).
    const stackOrder = ['Retained members', 'First-time contributors', 'Returning members', 'Members who went quiet (below zero)', 'Quick ratio'];
    expect(await accounting.locator('.recharts-legend-item-text').allTextContents()).toEqual(stackOrder);
    expect(await accounting.locator('svg[role="application"] > title').textContent()).toBe(
      `${stackOrder.join(', ')} (members)`,
    );
    await accounting.locator('.recharts-bar-rectangle').last().hover({ force: true });
    const tooltipItems = accounting.locator('.recharts-tooltip-item-name');
    await tooltipItems.first().waitFor();
    expect(await tooltipItems.allTextContents()).toEqual(stackOrder);
    await accounting.getByRole('button', { name: 'Show as table' }).click();
    const growthTable = accounting.getByRole('table');
    const lastLabel = longMonth(json.period.to);
    expect(num(await app.tableCell(growthTable, lastLabel, 'Members who went quiet'))).toBe(json.series.churned![last]);
    expect(num(await app.tableCell(growthTable, lastLabel, 'Retained members'))).toBe(json.series.retained![last]);
    expect(num(await app.tableCell(growthTable, lastLabel, 'First-time contributors'))).toBe(
      json.series.new_active![last],
    );
    // Sorting by a column header: the button's header carries aria-sort.
    await growthTable.getByRole('button', { name: /Members who went quiet/ }).click();
    expect(await growthTable.locator('th[aria-sort="descending"]').textContent()).toContain('Members who went quiet');

    // Retention: the heatmap; a cell lists exactly its members.
    await app.nav('Retention');
    const heatmap = app.region('Retention by cohort').locator('table.heatmap');
    await heatmap.waitFor();
    expect(await heatmap.locator('tbody tr').count()).toBe(json.retention.length);
    const cohort = json.retention.find((c) => (c.active[1] ?? 0) > 0)!;
    const cell = heatmap
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: longMonth(cohort.cohort), exact: true }) })
      .locator('button[data-k="1"]');
    expect(Number(await cell.getAttribute('data-count'))).toBe(cohort.active[1]);
    await app.region('Retention by cohort').getByRole('button', { name: 'Counts', exact: true }).click();
    expect(num((await cell.textContent()) ?? '')).toBe(cohort.active[1]);
    await cell.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'Members in this cell' });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(cohort.active[1]);
    expect(await page.getByTestId('cell-members').getByRole('heading').textContent()).toContain(
      `${cohort.active[1]} members`,
    );
    // Chosen with Enter: the focus moves to the list's heading (below the grid), and the grid is one Tab stop.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-members-title');
    expect(await heatmap.locator('button[tabindex="0"]').count()).toBe(1);
    expect(await heatmap.locator('button[tabindex="0"]').getAttribute('data-k')).toBe('1');

    // Responsiveness: both charts and the unanswered table (or its empty state).
    await app.nav('Responsiveness');
    await app.region('Median time to first response').locator('.recharts-line-curve').first().waitFor();
    // The unit once, on the axis and in the chart's name; the tooltip says it as the table does.
    const ttfrChart = app.region('Median time to first response');
    expect(await ttfrChart.locator('svg[role="application"] > title').textContent()).toBe(
      'Median time to first response (hours)',
    );
    expect(await ttfrChart.locator('.recharts-legend-item-text').allTextContents()).toEqual([
      'Median time to first response',
    ]);
    await ttfrChart.locator('.recharts-line-dot').last().hover({ force: true });
    await expect
      .poll(() => ttfrChart.locator('.recharts-tooltip-item').first().textContent())
      .toMatch(/^Median time to first response : [\d.]+ h$|^Median time to first response : \d+ min$/);
    await app.region('Unanswered threads').locator('.recharts-line-curve').first().waitFor();
    await app.region('Oldest unanswered threads').getByRole('heading').first().waitFor();
    const ttfr = app.region('Unanswered threads');
    await ttfr.getByRole('button', { name: 'Show as table' }).click();
    const threadsText = await app.tableCell(ttfr.getByRole('table'), lastLabel, 'Threads started');
    expect(num(threadsText)).toBe(json.series.threads![last]);

    // Newsletter, Social, Events: the tables hold what the JSON counts (or the page says what to import).
    const sum = (name: string) => (json.series[name] ?? []).reduce<number>((t, v) => t + (v ?? 0), 0);
    await app.nav('Newsletter');
    if (sum('campaigns_sent') > 0) {
      await app.region('Open and click rates').locator('.recharts-line-curve').first().waitFor();
      expect(await app.region('Campaigns').locator('tbody tr').count()).toBe(sum('campaigns_sent'));
      // A Substack issue (its export has no clicks) shows "—" for clicks, not 0.
      const issue = app.region('Campaigns').locator('tbody tr').filter({ hasText: 'Weaving notes' }).first();
      expect((await issue.locator('td').allTextContents()).slice(-3, -1)).toEqual(['—', '—']);
    } else {
      await page
        .getByText('Import a Mailchimp campaigns report or a Substack export to see open and click rates.')
        .first()
        .waitFor();
    }
    await app.nav('Social');
    if (sum('social_posts') > 0) {
      await app.region('Impressions').locator('.recharts-line-curve').first().waitFor();
      await app.region('Engagements').locator('.recharts-line-curve').first().waitFor();
      const posts = app.region('Posts');
      await posts.locator('tbody tr').first().waitFor();
      expect(await posts.locator('tbody tr').count()).toBe(sum('social_posts'));
      // Sortable by column header, with aria-sort on the sorted column.
      await posts.getByRole('button', { name: /^Impressions/ }).click();
      expect(await posts.locator('th[aria-sort="descending"]').textContent()).toContain('Impressions');
      const first = num((await posts.locator('tbody tr').first().locator('td').nth(2).textContent()) ?? '');
      const second = num((await posts.locator('tbody tr').nth(1).locator('td').nth(2).textContent()) ?? '');
      expect(first).toBeGreaterThanOrEqual(second);
    } else {
      await page
        .getByText(/Import a LinkedIn or X \(Twitter\) post analytics export/)
        .first()
        .waitFor();
    }
    // The X account overview's own daily figures, beside the posts (and on Platform reports).
    await app.region('X account analytics').locator('.recharts-line-curve').waitFor();

    // Platform reports: each platform's daily series as its export gives them. December's X
    // figures, summed here from the sample file itself (31 rows: `"Sat, Dec 6, 2025","2,465",11,…`).
    const [xHeader, ...xRows] = Papa.parse<string[]>(
      readFileSync(resolve(SAMPLE_DIR, 'account_overview_analytics_2025-12-01_2025-12-31.csv'), 'utf8'),
      { skipEmptyLines: true },
    ).data as [string[], ...string[][]];
    const xValue = (row: string[], column: string) => num(row[xHeader.indexOf(column)]!);
    const xTotal = (column: string) => xRows.reduce((t, r) => t + xValue(r, column), 0);
    expect(xRows).toHaveLength(31);
    await app.nav('Platform reports');
    const xCard = app.region('X account analytics');
    await xCard.locator('.recharts-line-curve').waitFor();
    expect(await xCard.getByLabel('Series').inputValue()).toBe('x: Impressions');
    // The chart (a keyboard stop) is named by its <title>.
    expect(await xCard.locator('svg.recharts-surface > title').textContent()).toBe(
      'Impressions (count per day)',
    );
    expect(await xCard.locator('p.hint').textContent()).toContain(
      `sum ${xTotal('Impressions').toLocaleString('en-US')}`,
    );
    const everyX = app.region('X account analytics: every series').getByRole('table');
    expect(num(await app.tableCell(everyX, 'New follows', 'Dec 2025'))).toBe(xTotal('New follows'));
    expect(num(await app.tableCell(everyX, 'Unfollows', 'Period: sum or daily average'))).toBe(
      xTotal('Unfollows'),
    );
    // A series name in the table charts that series; the chart's table alternative lists its 31 days.
    await everyX.getByRole('button', { name: 'New follows', exact: true }).click();
    expect(await xCard.getByLabel('Series').inputValue()).toBe('x: New follows');
    await xCard.getByRole('button', { name: 'Show as table' }).click();
    expect(await xCard.getByRole('table').locator('tbody tr').count()).toBe(31);
    expect(num(await app.tableCell(xCard.getByRole('table'), 'Dec 1, 2025', 'New follows'))).toBe(
      xValue(xRows[0]!, 'New follows'),
    );
    // The brief names each platform's headline figure for its month (December: the sample's last).
    await app.nav('Brief');
    const figures = app.region('Platform figures').getByRole('table');
    await figures.waitFor();
    const xRow = figures.locator('tbody tr').filter({ hasText: 'X account analytics' });
    // The sample's X overview holds all of December and none of November: no change to show.
    expect(await xRow.locator('th, td').allTextContents()).toEqual([
      'X account analytics: Impressions',
      xTotal('Impressions').toLocaleString('en-US'),
      '—',
    ]);
    await app.nav('Events');
    if (sum('attendees') > 0) {
      // Attendees and events each on their own chart (own scale), each a drawn line.
      await app.region('Attendees').locator('.recharts-line-curve').first().waitFor();
      await app.region('Events held').locator('.recharts-line-curve').first().waitFor();
      const events = app.region('Events');
      await events.locator('tbody tr').first().waitFor();
      const attendees = (await events.locator('tbody tr td:last-child').allTextContents()).reduce(
        (t, v) => t + num(v),
        0,
      );
      expect(attendees).toBe(sum('attendees'));
    } else {
      await page
        .getByText(/Import an event attendance export/)
        .first()
        .waitFor();
    }

    // Members: top contributors equal the JSON's, each linking to a timeline.
    await app.nav('Members');
    const top = app.region('Top contributors in the period').getByRole('table');
    await top.waitFor();
    const firstRow = top.locator('tbody tr').first();
    expect(await firstRow.getByRole('link').textContent()).toBe(json.topContributors[0]!.name);
    expect(num((await firstRow.locator('td').last().textContent()) ?? '')).toBe(
      json.topContributors[0]!.activities,
    );
    const quietHeading = await page.getByRole('heading', { name: /^Went quiet in/ }).textContent();
    expect(quietHeading).toContain(`(${json.series.churned![last]})`);
    const newHeading = await page.getByRole('heading', { name: /^New members in/ }).textContent();
    expect(newHeading).toContain(`(${json.series.new_members![last]})`);
    await firstRow.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: json.topContributors[0]!.name }).waitFor();
    await page.getByRole('heading', { name: /^Activity \(/ }).waitFor();
    await page.getByRole('link', { name: '← All members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();

    // The period filter: a custom range ending in an earlier month moves the KPIs to that month.
    await app.nav('Overview');
    const mid = json.months[5]!;
    await app.setCustomRange(json.months[0]!, mid);
    await page
      .getByTestId('period-text')
      .filter({ hasText: longMonth(mid) })
      .waitFor();
    await page.waitForFunction(
      (want) =>
        document
          .querySelector('.kpi[data-series="active_members"] .kpi-value')
          ?.textContent?.replace(/,/g, '') === String(want),
      json.series.active_members![5],
    );
    await app.settled();
    const custom = JSON.parse((await app.download('Download metrics (JSON)')).text) as Report;
    expect(custom.period).toEqual({ from: json.months[0], to: mid });
    expect(custom.kpis.active_members!.value).toBe(json.series.active_members![5]);

    // A preset: the last 3 months with data. While it recomputes, the previous figures stay on
    // screen marked aria-busy (recorded as it happens: it may last a few milliseconds).
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __busy: string[] }).__busy = []);
      new MutationObserver((ms) => {
        for (const m of ms) seen.push((m.target as Element).getAttribute('aria-busy') ?? '');
      }).observe(document.querySelector('main')!, {
        subtree: true,
        attributes: true,
        attributeFilter: ['aria-busy'],
      });
    });
    await app.choosePeriod('Last 3 months');
    await page
      .getByTestId('period-text')
      .filter({ hasText: longMonth(addMonths(json.period.to, -2)) })
      .waitFor();
    await app.settled();
    const busy = await page.evaluate(() => (window as unknown as { __busy: string[] }).__busy);
    expect(busy).toContain('true');
    expect(busy.at(-1)).toBe('false');
    const three = JSON.parse((await app.download('Download metrics (JSON)')).text) as Report;
    expect(three.months).toEqual(json.months.slice(-3));

    // Compare mode: the previous period's last month next to each KPI.
    await page
      .getByRole('form', { name: 'Filters' })
      .getByLabel('Compare with')
      .selectOption({ label: 'Previous period' });
    const cmp = page.locator('.kpi[data-series="active_members"] [data-testid="kpi-compare"]');
    await cmp.waitFor();
    const prevPeriodLast = json.months[json.months.length - 4]!;
    expect(num((await cmp.locator('.kpi-compare-value').textContent()) ?? '')).toBe(
      json.series.active_members![json.months.indexOf(prevPeriodLast)],
    );

    // The source filter: without Discourse, the period holds fewer contributions.
    const discourse = page
      .getByRole('form', { name: 'Filters' })
      .getByRole('checkbox', { name: 'Discourse' });
    await discourse.uncheck();
    await page.getByText(/sources: /).waitFor();
    await app.settled();
    const filtered = JSON.parse((await app.download('Download metrics (JSON)')).text) as Report;
    const total = (r: Report) => r.series.contributions!.reduce<number>((t, v) => t + (v ?? 0), 0);
    expect(total(filtered)).toBeLessThan(total(three));
    await discourse.check();
    await page.getByText(/sources: /).waitFor({ state: 'detached' });

    // Empty states say what hides the data: with Discourse alone, the Newsletter names the sources
    // the filter leaves out instead of asking to import what is already imported.
    const sourcesGroup = page.getByRole('form', { name: 'Filters' }).getByRole('group', { name: 'Sources' });
    const sourceBoxes = sourcesGroup.getByRole('checkbox');
    // "only" beside a source keeps that one source: one click instead of unticking every other.
    await sourcesGroup.getByRole('button', { name: 'Show only Discourse' }).click();
    await page.getByText(/sources: Discourse$/).waitFor();
    for (const box of await sourceBoxes.all()) {
      const label = await box.evaluate((el) => el.closest('label')?.textContent?.trim());
      expect(await box.isChecked(), label).toBe(label === 'Discourse');
    }
    await app.nav('Newsletter');
    await page
      .getByText(
        'The sources filter hides Mailchimp and Substack: choose them in the filter bar to see open and click rates.',
      )
      .waitFor();
    await page.getByText('No campaigns from the chosen sources').waitFor();
    expect(await page.getByText(/^Import a Mailchimp/).count()).toBe(0);
    await sourcesGroup.getByRole('button', { name: 'All sources' }).click();
    await page.getByText(/sources: /).waitFor({ state: 'detached' });
    expect(await sourceBoxes.evaluateAll((boxes) => boxes.every((b) => (b as HTMLInputElement).checked))).toBe(true);
    await app.nav('Overview');
    await app.settled();

    // The filters are stored: a reload keeps them.
    await page.reload();
    await page
      .getByTestId('period-text')
      .filter({ hasText: longMonth(addMonths(json.period.to, -2)) })
      .waitFor();
    expect(await page.getByRole('form', { name: 'Filters' }).getByLabel('Compare with').inputValue()).toBe(
      'previous',
    );

    // The data ends late on 31 December (UTC): complete in UTC; in Auckland (UTC+13) its last hours
    // fall in January, which the filter bar calls incomplete.
    expect(await page.getByTestId('coverage-note').count()).toBe(0);
    await page
      .getByRole('form', { name: 'Filters' })
      .getByLabel('Time zone')
      .selectOption('Pacific/Auckland');
    await expect
      .poll(() => page.getByTestId('coverage-note').textContent())
      .toMatch(
        /^The latest data is from 1 Jan 2026, .+: January 2026 may be incomplete\.$|^The latest data is from Jan 1, 2026, .+: January 2026 may be incomplete\.$/,
      );
    await page.getByRole('form', { name: 'Filters' }).getByLabel('Time zone').selectOption('UTC');
    await page.getByTestId('coverage-note').waitFor({ state: 'detached' });

    // "Compare with" is offered where a comparison shows (the Overview), not on pages that would
    // ignore it; pages without metrics have no filter bar.
    await app.nav('Growth');
    await page.getByRole('heading', { name: 'Growth', level: 1 }).waitFor();
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Time zone').waitFor();
    expect(await filters.getByLabel('Compare with').count()).toBe(0);
    expect(await page.getByTestId('period-text').locator('xpath=..').textContent()).not.toContain(' vs ');
    await app.nav('People');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await filters.count()).toBe(0);
    await app.nav('Overview');
    expect(await filters.getByLabel('Compare with').inputValue()).toBe('previous');

    // On a phone (390 px), no page scrolls sideways: the navigation, the sources and wide tables
    // scroll inside their own boxes.
    await page.setViewportSize({ width: 390, height: 844 });
    const routes = await page
      .getByRole('navigation', { name: 'Pages' })
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const wide: string[] = [];
    const hidden: string[] = [];
    for (const href of routes) {
      await page.goto(`${baseUrl}${href}`);
      await page.locator('main h1').first().waitFor();
      await app.settled();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${href}: ${width}px`);
      // The navigation row scrolls sideways there: the current page's link is in view.
      const shown = await page.evaluate(() => {
        const nav = document.querySelector('nav[aria-label="Pages"]')!.getBoundingClientRect();
        const link = document.querySelector('nav a[aria-current="page"]')!.getBoundingClientRect();
        return link.left >= nav.left - 1 && link.right <= nav.right + 1;
      });
      if (!shown) hidden.push(href);
    }
    expect(wide).toEqual([]);
    expect(hidden).toEqual([]);
    // A table wider than its box there is a named region the keyboard can reach (and scroll).
    await page.goto(`${baseUrl}#/platform-reports`);
    const scroller = page.getByRole('region', {
      name: 'X account analytics: every series in the period (scrolls sideways)',
    });
    await scroller.waitFor();
    expect(await scroller.getAttribute('tabindex')).toBe('0');
    // Sentiment's monthly table (its shares and their counts), once shown, scrolls in its own box too.
    await page.goto(`${baseUrl}#/sentiment`);
    await app.region('How members feel, per month').getByRole('button', { name: 'Show as table' }).click();
    const sentimentTable = page.getByRole('region', { name: 'How members feel, per month (scrolls sideways)' });
    await sentimentTable.waitFor();
    expect(await sentimentTable.getAttribute('tabindex')).toBe('0');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page
      .getByRole('region', { name: 'X account analytics: every series in the period (scrolls sideways)' })
      .waitFor({ state: 'detached' });

    expect(watch.errors).toEqual([]);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();
  });

  it('a member roster alone: Retention explains that nobody can be seen coming back, instead of cohorts at 0%', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.importFiles([SAMPLE_FILES.find((f) => f.endsWith('user-list-251231-093000.zip'))!]);
    await app.waitForImport(1);
    await app.nav('Retention');
    await page
      .getByText('These cohorts come from join dates only: no activity is imported', { exact: false })
      .waitFor();
    expect(await page.locator('.heatmap td').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a member’s own Discourse archive alone: Responsiveness says why its topics read as unanswered', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.importFiles([
      resolve('tests/fixtures/formats/discourse-user-archive/user_archive-jane_doe-250301-101010-7.zip'),
    ]);
    await app.waitForImport(1);
    await app.nav('Responsiveness');
    const note = page.getByTestId('archive-only');
    await note.waitFor();
    expect(await note.textContent()).toContain('holds only that member’s posts');
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

describe('tables and charts over the sample data (one import)', () => {
  let shared: Awaited<ReturnType<typeof openPage>>;
  let app: AppPage;
  beforeAll(async () => {
    shared = await openPage(browser);
    app = new AppPage(shared.page, baseUrl);
    await app.goto('overview');
    await shared.page.getByRole('button', { name: 'Load sample data' }).click();
    await app.region('Active and new members per month').locator('.recharts-line-curve').first().waitFor({ timeout: 150_000 });
  });
  afterAll(async () => {
    await shared?.context.close();
  });

  /** The texts of a table's column, by its header (sort marks aside). */
  async function columnTexts(table: ReturnType<AppPage['region']>, column: string): Promise<string[]> {
    const headers = await table.locator('thead th').allTextContents();
    const col = headers.findIndex((h) => h.replace(/[▲▼↕]/g, '').trim() === column);
    expect(col, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
    return table.locator('tbody tr').evaluateAll(
      (trs, i) => trs.map((tr) => (tr.querySelectorAll('th, td')[i]?.textContent ?? '').trim()),
      col,
    );
  }

  it('a percent column shows the same decimals in every cell; a date and time stays on one line', async () => {
    const { page, watch } = shared;
    await app.nav('Newsletter');
    const campaigns = page.getByRole('table', { name: 'Newsletter campaigns sent in the period' });
    await campaigns.locator('tbody tr').first().waitFor();
    const openRates = await columnTexts(campaigns, 'Open rate');
    expect(openRates.length).toBeGreaterThan(1);
    for (const r of openRates) expect(r).toMatch(/^\d+\.\d%$/);
    for (const r of await columnTexts(campaigns, 'Click rate')) expect(r).toMatch(/^(\d+\.\d%|—)$/);
    // The monthly rates' table alternative too.
    const rates = app.region('Open and click rates');
    await rates.getByRole('button', { name: 'Show as table' }).click();
    for (const r of await columnTexts(rates.getByRole('table'), 'Open rate')) expect(r).toMatch(/^(\d+\.\d%|—)$/);

    // Dates with a time (the campaigns' "Sent", the posts' "Published") are one line each.
    const wrapped = async () =>
      page.locator('main table time').evaluateAll((ts) =>
        ts.filter((t) => t.getClientRects().length > 1).map((t) => t.textContent),
      );
    expect(await page.locator('main table time').count()).toBeGreaterThan(1);
    expect(await wrapped()).toEqual([]);

    await app.nav('Social');
    const posts = page.getByRole('table', { name: 'Social posts published in the period' });
    await posts.locator('tbody tr').first().waitFor();
    const engagement = await columnTexts(posts, 'Engagement rate');
    expect(engagement.length).toBeGreaterThan(1);
    for (const r of engagement) expect(r).toMatch(/^(\d+\.\d\d%|—)$/);
    expect(await wrapped()).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('Listening: the rising terms’ counts are right-aligned, and the table downloads as CSV', async () => {
    const { page, watch } = shared;
    await app.nav('Listening');
    const rising = page.getByRole('table', { name: 'Rising terms in negative messages' });
    await rising.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const aligns = await rising
      .locator('tbody tr')
      .first()
      .locator('th, td')
      .evaluateAll((cells) => cells.map((c) => getComputedStyle(c).textAlign));
    expect(aligns).toEqual(['left', 'right', 'right']);
    const shown = await rising
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    const { name, text } = await app.download('Download CSV: Rising terms in negative messages');
    expect(name).toBe('hearth-rising-terms-in-negative-messages.csv');
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Term,Negative messages in \w+ \d{4},In \w+ \d{4}$/);
    expect(lines.slice(1)).toEqual(shown.map((cells) => cells.join(',')));
    expect(watch.errors).toEqual([]);
  });

  it('Newsletter: campaigns sent are drawn, on their own scale, beside emails delivered', async () => {
    const { watch } = shared;
    await app.nav('Newsletter');
    const charts: Array<[string, string]> = [
      ['Emails delivered', 'Emails delivered (emails delivered)'],
      ['Campaigns sent', 'Campaigns sent (campaigns)'],
    ];
    for (const [title, svgTitle] of charts) {
      const region = app.region(title);
      await region.locator('.recharts-line-curve').first().waitFor();
      expect(await region.locator('.recharts-legend-item-text').allTextContents()).toEqual([title]);
      expect(await region.locator('svg[role="application"] > title').textContent()).toBe(svgTitle);
    }
    // The campaigns' axis counts campaigns (a handful a month), not thousands of emails.
    const ticks = (await app.region('Campaigns sent').locator('.recharts-yAxis-tick-labels text').allTextContents()).map(num);
    expect(Math.max(...ticks)).toBeLessThan(50);
    // Both tables keep both columns.
    const sent = app.region('Campaigns sent');
    await sent.getByRole('button', { name: 'Show as table' }).click();
    const headers = (await sent.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
    expect(headers).toEqual(['Month', 'Campaigns sent', 'Emails delivered']);
    expect(watch.errors).toEqual([]);
  });
});
