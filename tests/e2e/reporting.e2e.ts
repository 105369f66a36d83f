import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportCharts } from '../../src/domain/export/chart-specs';
import { renderHtmlReport } from '../../src/domain/export/html-report';
import { comparePeriods, formatSeriesChange, formatSeriesValue } from '../../src/domain/highlights';
import type { HearthReport } from '../../src/domain/metrics/types';
import { AppPage } from './support/app-page';
import { foreignRequests, launchBrowser, openPage, watchPage, type PageWatch } from './support/browser';
import { runHearth, SAMPLE_DIR, SAMPLE_FILES } from './support/cli';
import { readExports } from '../../src/cli/inputs';
import { prepareDataset } from '../../src/domain/metrics';
import { dailyReports, platformFigures as figuresFor } from '../../src/domain/metrics/daily-reports';

const baseUrl = inject('baseUrl');
// A note that a spreadsheet would run as a formula: the CSV must escape it.
const NOTE = '=1+2 Launch week lifted sign-ups.\nSecond line <b>not bold</b>';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
let app: AppPage;
/** The report the browser computed (its "Download metrics (JSON)"), to know which slides to expect. */
let report: HearthReport;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, watch } = await openPage(browser));
  app = new AppPage(page, baseUrl);
  await app.goto('overview');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page
    .getByRole('region', { name: 'Active and new members per month' })
    .locator('.recharts-line-curve')
    .first()
    .waitFor({ timeout: 150_000 });
  report = JSON.parse((await app.download('Download metrics (JSON)')).text) as HearthReport;
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('reporting to leadership', () => {
  it('the brief shows 3–6 highlights and KPIs for the last month, and saves a note that survives a reload', async () => {
    await app.goto('brief');
    await page.getByRole('heading', { level: 1, name: /^Monthly brief: / }).waitFor();
    const highlights = page.locator('.highlights .highlight');
    await highlights.first().waitFor();
    const n = await highlights.count();
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(6);
    expect(await highlights.first().textContent()).toMatch(/Active members (rose|fell|held steady)/);
    // Default month: the last month of the period, which the month select shows.
    const select = page.getByLabel('Month', { exact: true });
    const months = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await select.inputValue()).toBe(months[months.length - 1]);
    expect(
      await page.locator('.kpi-table tr[data-series="active_members"] .kpi-value-cell').textContent(),
    ).toMatch(/^\d[\d,]*$/);
    // The four story charts are drawn.
    for (const title of [
      'Active and new members per month',
      'Retention of newcomers by joining month',
      'Sentiment of posts and messages',
      'Median time to first response',
    ]) {
      await page.getByRole('region', { name: title }).locator('.recharts-line-curve').first().waitFor();
    }
    // A brief chart's text alternative: the same data as a table, one row per month of the chart.
    const growth = page.getByRole('region', { name: 'Active and new members per month' });
    await growth.getByRole('button', { name: 'Show as table' }).click();
    expect(await growth.locator('thead th').first().textContent()).toMatch(/^Month\b/);
    expect(await growth.locator('tbody tr').count()).toBe(months.length);
    await growth.getByRole('button', { name: 'Show as chart' }).click();
    await growth.locator('.recharts-line-curve').first().waitFor();

    const box = page.getByRole('textbox', { name: /^Notes for / });
    await box.fill(NOTE);
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Saved in this browser').waitFor();
    await page.reload();
    await page.locator('.highlights .highlight').first().waitFor();
    expect(await page.getByRole('textbox', { name: /^Notes for / }).inputValue()).toBe(NOTE);

    // Another month has its own highlights and an empty note.
    await page.getByLabel('Month', { exact: true }).selectOption(months[months.length - 2]!);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Monthly brief: `) }).waitFor();
    await page.waitForFunction(
      () => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value === '',
    );
    await page.getByLabel('Month', { exact: true }).selectOption(months[months.length - 1]!);
    await page.waitForFunction(
      (note) => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value === note,
      NOTE,
    );
  });

  it('a brief for an earlier month: its charts and retention stop at that month', async () => {
    const month = report.months[report.months.length - 4]!; // e.g. September of a Jan–Dec period
    await app.goto(`brief?month=${month}`);
    await page.getByTestId('charts-through').waitFor();
    const growth = page.getByRole('region', { name: 'Active and new members per month' });
    await growth.getByRole('button', { name: 'Show as table' }).click();
    const rows = growth.getByRole('table').locator('tbody tr');
    // One row per month from the period's first to the brief's month.
    expect(await rows.count()).toBe(report.months.length - 3);
    const last = (await rows.last().locator('th').textContent()) ?? '';
    const [y, m] = month.split('-').map(Number) as [number, number];
    expect(last).toContain(new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }));
    await growth.getByRole('button', { name: 'Show as chart' }).click();
    // The latest month's brief has no such note.
    await app.goto('brief');
    await page.getByRole('heading', { level: 1, name: /^Monthly brief: / }).waitFor();
    expect(await page.getByTestId('charts-through').count()).toBe(0);
  });

  it('print: a brief whose notes box is empty leaves the Notes section out; a saved note prints', async () => {
    const month = report.months[report.months.length - 2]!;
    await app.goto(`brief?month=${month}`);
    const box = page.getByRole('textbox', { name: /^Notes for / });
    await box.waitFor();
    await expect.poll(() => box.isEnabled()).toBe(true);
    expect(await box.inputValue()).toBe('');
    const heading = page.getByRole('heading', { level: 2, name: /^Notes for / });
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await heading.isVisible()).toBe(false);
      expect(await page.locator('.notes-box').isVisible()).toBe(false);
      // The rest of the brief still prints.
      expect(await page.locator('.brief-charts .report-block').first().isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await box.fill('Office hours moved to Thursdays.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Saved in this browser').waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await heading.isVisible()).toBe(true);
      expect(await page.locator('.note-print').textContent()).toBe('Office hours moved to Thursdays.');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // Emptied again: left out again.
    await box.fill('');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => page.locator('.notes-status').textContent()).toBe('');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await heading.isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('presentation mode: → through every slide to the last, ← back, Home/End, Esc leaves', async () => {
    await app.goto('brief');
    await page.getByRole('link', { name: 'Present' }).click();
    const deck = page.locator('.presentation');
    await deck.waitFor();
    const { current, total } = await app.slideCounter();
    expect(current).toBe(1);
    // Title, KPIs, highlights, the platforms' figures (the sample has X, LinkedIn and Discourse
    // reports), one slide per chart the data supports (newsletter, social, events only with data), notes.
    const expected = [
      'title',
      'kpis',
      'highlights',
      'platforms',
      ...reportCharts(report).map((c) => `chart-${c.id}`),
      'notes',
    ];
    expect(total).toBe(expected.length);
    const seen: string[] = [];
    for (let i = 1; i <= total; i++) {
      expect(await app.slideCounter()).toEqual({ current: i, total });
      seen.push((await deck.locator('.slide').getAttribute('data-slide')) ?? '');
      expect(await deck.locator('.slide-period').textContent()).toMatch(/period \w+ \d{4} – \w+ \d{4}/);
      if (i < total) await page.keyboard.press('ArrowRight');
    }
    expect(seen[0]).toBe('title');
    expect(seen[1]).toBe('kpis');
    expect(seen[2]).toBe('highlights');
    expect(seen).toEqual(
      expect.arrayContaining([
        'chart-growth',
        'chart-retention',
        'chart-sentiment',
        'chart-responsiveness',
        'highlights',
        'notes',
      ]),
    );
    expect(seen.indexOf('chart-growth')).toBeLessThan(seen.indexOf('chart-retention'));
    expect(seen.indexOf('chart-retention')).toBeLessThan(seen.indexOf('chart-sentiment'));
    expect(seen.indexOf('chart-sentiment')).toBeLessThan(seen.indexOf('chart-responsiveness'));
    expect(seen[total - 1]).toBe('notes');
    expect(await deck.locator('.slide-note').textContent()).toBe(NOTE);
    expect(seen).toEqual(expected);
    // Past the end stays on the last slide.
    await page.keyboard.press('ArrowRight');
    expect((await app.slideCounter()).current).toBe(total);
    for (let i = total; i > 1; i--) await page.keyboard.press('ArrowLeft');
    expect((await app.slideCounter()).current).toBe(1);
    await page.keyboard.press('End');
    expect((await app.slideCounter()).current).toBe(total);
    await page.keyboard.press('Home');
    expect((await app.slideCounter()).current).toBe(1);
    await page.keyboard.press('Escape');
    await deck.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/#\/brief\?month=\d{4}-\d{2}$/);
    // Focus returns to the Present button that opened the slides (not the start of the page).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Present');
    expect(watch.errors).toEqual([]);
  });

  it('presentation mode: every slide fits the screen (all headline KPIs), Space presses a focused button, no chart tooltip', async () => {
    // Every headline KPI the data has, as the brief's KPI table lists them.
    await app.goto('brief');
    await page.locator('.kpi-table tr[data-series]').first().waitFor();
    const kpiRows = await page.locator('.kpi-table tr[data-series]').count();
    expect(kpiRows).toBeGreaterThan(8);
    const overflow: string[] = [];
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
      [1920, 1080],
      [1024, 768],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await app.goto('present');
      await page.locator('.presentation').waitFor();
      const { total } = await app.slideCounter();
      for (let i = 1; i <= total; i++) {
        const slide = (await page.locator('.slide').getAttribute('data-slide')) ?? '';
        if (slide.startsWith('chart-')) await page.locator('.slide .recharts-line-curve').first().waitFor();
        if (slide === 'kpis') expect(await page.locator('.slide-kpi').count()).toBe(kpiRows);
        // Nothing runs under the footer or off the screen, and the deck does not scroll.
        const m = await page.evaluate(() => {
          const deck = document.querySelector('.presentation')!;
          const footerTop = document.querySelector('.slide-footer')!.getBoundingClientRect().top;
          let bottom = 0;
          let right = 0;
          for (const el of document.querySelectorAll('.slide-body *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            bottom = Math.max(bottom, r.bottom);
            right = Math.max(right, r.right);
          }
          return {
            under: bottom > footerTop + 0.5,
            wide: right > window.innerWidth,
            scrolls: deck.scrollHeight > deck.clientHeight || deck.scrollWidth > deck.clientWidth,
          };
        });
        if (m.under || m.wide || m.scrolls)
          overflow.push(`${width}×${height} ${slide}: ${JSON.stringify(m)}`);
        // A presenter's resting pointer shows no tooltip over a chart.
        if (slide.startsWith('chart-')) {
          const box = (await page.locator('.slide .recharts-surface').first().boundingBox())!;
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await page.mouse.move(box.x + box.width / 2 + 5, box.y + box.height / 2);
          expect(await page.locator('.slide .recharts-tooltip-wrapper').count()).toBe(0);
        }
        await page.keyboard.press('ArrowRight');
      }
    }
    expect(overflow).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Space and Enter on a focused button press it; they do not turn the slide.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await app.slideCounter()).current).toBe(3);
    await page.getByRole('button', { name: 'Previous slide' }).focus();
    await page.keyboard.press(' ');
    expect((await app.slideCounter()).current).toBe(2);
    await page.keyboard.press('Enter');
    expect((await app.slideCounter()).current).toBe(1);
    // The arrows still turn slides from a focused button.
    await page.keyboard.press('ArrowRight');
    expect((await app.slideCounter()).current).toBe(2);
    await page.getByRole('button', { name: 'Exit (Esc)' }).focus();
    await page.keyboard.press(' ');
    await page.locator('.presentation').waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/#\/brief\?month=\d{4}-\d{2}$/);
    expect(watch.errors).toEqual([]);
  });

  it('print emulation: a clean landscape PDF in A4 and Letter', async () => {
    await app.goto('brief');
    await page.locator('.brief-charts .recharts-line-curve').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.brief-toolbar').isVisible()).toBe(false);
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.locator('.note-print').textContent()).toBe(NOTE);
      const breakInside = await page
        .locator('.brief-charts .report-block')
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside);
      expect(breakInside).toBe('avoid');
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, landscape: true, printBackground: true });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(20_000);
        // Several pages, and the landscape page box (A4 842×595 pt, Letter 792×612 pt).
        const text = pdf.toString('latin1');
        expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
        const box = /MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
        const [w, h] = [Number(box?.[1]), Number(box?.[2])];
        expect(w).toBeGreaterThan(h);
        const [ew, eh] = format === 'A4' ? [842, 595] : [792, 612];
        expect(Math.abs(w - ew)).toBeLessThan(2);
        expect(Math.abs(h - eh)).toBeLessThan(2);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('PNG of a chart: a real PNG image of the drawn chart', async () => {
    await app.goto('brief');
    await page.locator('.brief-charts .recharts-line-curve').first().waitFor();
    const { name, bytes } = await app.downloadFile('Download PNG: Active and new members per month');
    expect(name).toMatch(/^hearth-\d{4}-\d{2}-growth\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height (big-endian) of a 2× render of a chart several hundred pixels wide.
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(400);
    expect(bytes.length).toBeGreaterThan(10_000);
    // The image really has the chart in it: decode it in the page and look for the line's colour.
    const coloured = await page.evaluate(
      async (data) => {
        const bmp = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        const px = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i]! - px[i + 1]!) > 60) n++;
        return n;
      },
      [...bytes],
    );
    expect(coloured).toBeGreaterThan(500);

    // Every chart block has one, on every page: here a Growth chart, named after its title.
    await app.goto('growth');
    await page.locator('main .recharts-line-curve, main .recharts-bar-rectangle').first().waitFor();
    const growth = await app.downloadFile('Download PNG: Growth accounting');
    expect(growth.name).toBe('hearth-growth-accounting.png');
    expect([...growth.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(growth.bytes.readUInt32BE(16)).toBeGreaterThan(1000);
  });

  it('CSV of a table: the figures as numbers and formula-like cells escaped', async () => {
    await app.goto('brief');
    await page.locator('.kpi-table').waitFor();
    const { name, text } = await app.download('Download key figures (CSV)');
    expect(name).toMatch(/^hearth-key-figures-\d{4}-\d{2}\.csv$/);
    // A UTF-8 byte order mark first, for Excel.
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('figure,series,month,value,previous_month,previous_value,change,change_kind');
    expect(lines.find((l) => l.startsWith('Active members,active_members,'))).toMatch(
      /^Active members,active_members,\d{4}-\d{2},\d+,\d{4}-\d{2},\d+,-?[\d.e-]+,relative$/,
    );
    // The note starts with "=": written with a leading quote, so a spreadsheet shows it as text.
    expect(text).toContain(
      `Note,,${name.slice(19, 26)},"'=1+2 Launch week lifted sign-ups.\nSecond line <b>not bold</b>"`,
    );
    expect(text).not.toMatch(/(^|,)"?[=+@]/m);

    await app.goto('compare');
    await page.locator('.compare-table').waitFor();
    const compare = await app.download('Download comparison (CSV)');
    const rows = compare.text.trim().split('\r\n');
    expect(rows.length - 1).toBe(await page.locator('.compare-table tbody tr').count());
    expect(rows[0]).toMatch(/^figure,series,value_\d{4}-\d{2},value_\d{4}-\d{2},change,change_kind$/);
    expect(rows.find((r) => r.includes(',unanswered_share,'))).toMatch(/,points$/);
  });

  it('month-over-month comparison shows both values and the change for every KPI', async () => {
    await app.goto('compare?a=2025-06&b=2025-12');
    const table = page.getByRole('table', { name: 'Month-over-month comparison' });
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Figure',
      'Jun 2025',
      'Dec 2025',
      'Change',
    ]);
    const active = await table.locator('tr[data-series="active_members"] td').allTextContents();
    expect(active[0]).toMatch(/^\d[\d,]*$/);
    expect(active[1]).toMatch(/^\d[\d,]*$/);
    expect(active[2]).toMatch(/[+−±][\d.]+%/);
    expect(await table.locator('tr[data-series="unanswered_share"] td').last().textContent()).toMatch(/pts/);

    // Two periods: each as its average month, in the same words the domain formats them.
    await app.goto('compare?mode=periods&a=2025-01&a2=2025-06&b=2025-07&b2=2025-12');
    await page.getByRole('heading', { name: 'Compare periods' }).waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Figure',
      'Jan 2025 – Jun 2025',
      'Jul 2025 – Dec 2025',
      'Change',
    ]);
    const rows = comparePeriods(
      report,
      { from: '2025-01', to: '2025-06' },
      { from: '2025-07', to: '2025-12' },
    );
    for (const row of rows.filter((x) =>
      ['active_members', 'median_ttfr_hours', 'unanswered_share', 'subscribers_total'].includes(x.series),
    )) {
      const cells = await table.locator(`tr[data-series="${row.series}"] td`).allTextContents();
      expect(cells.slice(0, 2)).toEqual([
        formatSeriesValue(row.series, row.a, 1),
        formatSeriesValue(row.series, row.b, 1),
      ]);
      expect(cells[2]).toContain(formatSeriesChange(row.series, row.change, row.changeKind));
    }
  });

  it('the HTML report: downloaded, then opened offline in Chromium — charts drawn, no errors, no requests', async () => {
    await app.goto('brief');
    await page.locator('.kpi-table').waitFor();
    const { name, path, bytes } = await app.downloadFile('Download HTML report');
    // Named by the brief's month: two months of one period do not overwrite each other.
    expect(name).toMatch(/^hearth-report-\d{4}-\d{2}\.html$/);
    const html = bytes.toString('utf8');
    expect(html).toContain('Launch week lifted sign-ups');
    expect(html).not.toContain('Top contributors');
    expect(html).not.toMatch(/@example\.org/i);

    // The very document the command writes for the same period (plus the note typed in the browser),
    // with the platforms' headline figures of the month (X, LinkedIn and Discourse reports in the sample).
    const { records } = await readExports(SAMPLE_FILES, 'UTC', () => {});
    const period = { timeZone: 'UTC', from: report.period.from, to: report.period.to };
    const platformFigures = figuresFor(dailyReports(prepareDataset({ records }), period), report.period.to);
    expect(platformFigures.map((f) => f.title)).toEqual([
      'Discourse dashboard reports',
      'LinkedIn page analytics',
      'X account analytics',
    ]);
    expect(html).toContain('<h2 id="platforms">Platform figures</h2>');
    expect(html).toBe(
      renderHtmlReport(report, { includeNames: false, notes: { [report.period.to]: NOTE }, platformFigures }),
    );
    const dir0 = await mkdtemp(join(tmpdir(), 'hearth-cli-'));
    const out = join(dir0, 'report.html');
    await runHearth([
      'report',
      '--html',
      out,
      '--from',
      report.period.from,
      '--to',
      report.period.to,
      SAMPLE_DIR,
    ]);
    expect(await readFile(out, 'utf8')).toBe(
      renderHtmlReport(report, { includeNames: false, platformFigures }),
    );

    // With the opt-in box ticked, contributor names come along.
    await page.getByLabel("Include top contributors' names").check();
    const named = await app.downloadFile('Download HTML report');
    expect(named.bytes.toString('utf8')).toContain('Top contributors');

    const dir = await mkdtemp(join(tmpdir(), 'hearth-report-'));
    const file = join(dir, name);
    await writeFile(file, bytes);
    expect(path).toBeTruthy();

    const offline = await browser.newContext({ offline: true, javaScriptEnabled: true });
    try {
      const p = await offline.newPage();
      const w = watchPage(p);
      const url = pathToFileURL(file).href;
      await p.goto(url);
      expect(await p.locator('svg').count()).toBeGreaterThanOrEqual(4);
      expect(await p.locator('svg path').count()).toBeGreaterThan(4);
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toMatch(
        /^Community report · \w+ \d{4} – \w+ \d{4}$/,
      );
      expect(await p.locator('table').first().locator('tbody tr').count()).toBeGreaterThan(3);
      expect(w.errors).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      // The only request is the document itself: no script, style, font or image is fetched.
      expect(w.requests.filter((r) => r !== url)).toEqual([]);

      // And the same document shown with setContent on about:blank makes no request at all.
      const p2 = await offline.newPage();
      const w2 = watchPage(p2);
      await p2.setContent(html);
      expect(await p2.locator('svg').count()).toBeGreaterThanOrEqual(4);
      expect(w2.requests).toEqual([]);
      expect(w2.errors).toEqual([]);
    } finally {
      await offline.close();
    }
    expect(watch.errors).toEqual([]);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
  });

  it('the slides pass axe (WCAG 2.x A and AA, colour contrast included) on every slide', async () => {
    // axe is evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern.
    const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await app.goto('present');
    await page.locator('.presentation').waitFor();
    await page.evaluate(AXE);
    const { total } = await app.slideCounter();
    expect(total).toBeGreaterThan(5);
    const problems: string[] = [];
    const audited: string[] = [];
    for (let i = 1; i <= total; i++) {
      const slide = (await page.locator('.slide').getAttribute('data-slide')) ?? '';
      if (slide.startsWith('chart-')) await page.locator('.slide .recharts-line-curve').first().waitFor();
      const result = await page.evaluate(() =>
        (
          window as unknown as {
            axe: {
              run(
                ctx: Document,
                opts: unknown,
              ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        }),
      );
      audited.push(slide);
      problems.push(
        ...result.violations.map(
          (v) =>
            `${slide}: ${v.id} at ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        ),
      );
      await page.keyboard.press('ArrowRight');
    }
    expect(audited).toHaveLength(total);
    expect(new Set(audited).size).toBe(total);
    expect(problems).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
