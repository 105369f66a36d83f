/**
 * Figures 1, 3 and 4: the app's real import in headless Chromium against the built app, next to
 * bare PapaParse parsing the same File in a worker of the same page; responsiveness during the
 * import (long tasks, progress updates, Cancel); the filter-change recompute; peak JS heap of page +
 * workers while a large file imports.
 */
import type { Page } from 'playwright-core';
import { statSync } from 'node:fs';
import { HeapSampler, openBrowser } from './browser.ts';
import { round, type Figure } from './types.ts';

/** Installed before the app's scripts: long tasks, progress bar changes, result and KPI times. */
export function instrument(): void {
  const w = window as unknown as { __bench: BenchState };
  const state: BenchState = { longtasks: [], progress: [], t0: 0, tConfirm: 0, tResult: 0, tKpi: 0, result: '' };
  w.__bench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let lastValue = -1;
  new MutationObserver(() => {
    const bar = document.querySelector('progress');
    if (bar && bar.value !== lastValue) {
      lastValue = bar.value;
      state.progress.push([performance.now(), bar.value]);
    }
    // The import review ("Check before importing"): confirm as soon as the app allows it (no think time).
    if (state.t0 && !state.tConfirm) {
      const go = document.querySelector<HTMLButtonElement>('.review-actions button.primary');
      if (go && !go.disabled) {
        state.tConfirm = performance.now();
        go.click();
      }
    }
    if (state.t0 && !state.tResult) {
      const r = document.querySelector('[role=status] p.result');
      if (r) {
        state.tResult = performance.now();
        state.result = r.textContent ?? '';
        state.onResult?.();
      }
    }
    if (state.tResult && !state.tKpi) {
      const kpi = document.querySelector('.kpi[data-series="active_members"] .kpi-value');
      if (kpi && kpi.textContent) {
        state.tKpi = performance.now();
        state.onKpi?.();
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, attributeFilter: ['value', 'aria-valuetext'] });
}

interface BenchState {
  longtasks: [number, number][];
  progress: [number, number][];
  t0: number;
  tConfirm: number;
  tResult: number;
  tKpi: number;
  result: string;
  onResult?: () => void;
  onKpi?: () => void;
}

/** Bare PapaParse on the same File, in a worker of the same page (chunk mode, 4 MiB chunks). */
export async function bareParse(page: Page, path: string): Promise<{ ms: number; rows: number }> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-bare-input';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-bare-input').setInputFiles(path);
  return page.evaluate(
    () =>
      new Promise<{ ms: number; rows: number }>((resolve, reject) => {
        const file = (document.getElementById('bench-bare-input') as HTMLInputElement).files![0]!;
        const worker = new Worker('bench-parse.worker.js');
        worker.onmessage = (e: MessageEvent<{ ms: number; rows: number; error?: string }>) => {
          worker.terminate();
          document.getElementById('bench-bare-input')?.remove();
          if (e.data.error) reject(new Error(e.data.error));
          else resolve({ ms: performance.now() - t0, rows: e.data.rows });
        };
        const t0 = performance.now();
        worker.postMessage(file);
      }),
  );
}

interface AppImport {
  reviewMs: number;
  importMs: number;
  dashboardMs: number;
  totalMs: number;
  result: string;
  longtasks: [number, number][];
  progressUpdates: number;
  maxProgressGapMs: number;
  /** Where the longest gap was (the bar's value after it). */
  maxProgressGapAt: string;
}

/** The app's import through the Import page's file input, then the Overview until its KPIs show. */
export async function appImport(page: Page, path: string, toOverview: boolean, timeoutMs = 900_000): Promise<AppImport> {
  await page.evaluate((toOverview) => {
    const s = (window as unknown as { __bench: BenchState }).__bench;
    Object.assign(s, { t0: 0, tConfirm: 0, tResult: 0, tKpi: 0, result: '', progress: [] });
    const input = document.querySelector('input[type=file]')!;
    input.addEventListener('change', () => (s.t0 = performance.now()), { capture: true, once: true });
    // The user's next step after the result line: open the Overview (no think time).
    s.onResult = () => {
      if (toOverview) (document.querySelector('nav a[href="#/overview"]') as HTMLAnchorElement).click();
    };
  }, toOverview);
  await page.locator('input[type=file]').setInputFiles(path);
  await page.waitForFunction(
    (toOverview) => {
      const s = (window as unknown as { __bench: BenchState }).__bench;
      return toOverview ? s.tKpi > 0 : s.tResult > 0;
    },
    toOverview,
    { timeout: timeoutMs, polling: 250 },
  );
  const s = await page.evaluate(() => {
    const b = (window as unknown as { __bench: BenchState }).__bench;
    return { ...b, onResult: undefined, onKpi: undefined };
  });
  const during = s.longtasks.filter(([start]) => start >= s.t0 && start <= s.tResult);
  // Gaps between progress changes from the confirm click (the review before it is not the import).
  let maxGap = 0;
  let maxGapAt = '';
  let prev = s.tConfirm || s.t0;
  for (const [t, v] of s.progress) {
    if (t - prev > maxGap) [maxGap, maxGapAt] = [t - prev, `before the bar showed ${v}`];
    prev = t;
  }
  if (s.tResult - prev > maxGap) [maxGap, maxGapAt] = [s.tResult - prev, 'before the result line'];
  return {
    reviewMs: s.tConfirm ? s.tConfirm - s.t0 : 0,
    importMs: s.tResult - s.t0,
    dashboardMs: toOverview ? s.tKpi - s.tResult : 0,
    totalMs: (toOverview ? s.tKpi : s.tResult) - s.t0,
    result: s.result,
    longtasks: during,
    progressUpdates: s.progress.length,
    maxProgressGapMs: maxGap,
    maxProgressGapAt: maxGapAt,
  };
}

/**
 * A filter change as the user makes it, timed in the page: from the change event on the filter
 * bar's control to the first frame after the Overview chart's SVG changed (recompute in the compute
 * worker + React render + Recharts layout + paint).
 */
async function timeFilterChange(page: Page, act: string): Promise<number> {
  return page.evaluate(async (act) => {
    const chart = document.querySelector('.chart');
    if (!chart) throw new Error('no chart on the page');
    const changed = new Promise<number>((resolve) => {
      const mo = new MutationObserver(() => {
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      });
      mo.observe(chart, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const t0 = performance.now();
    new Function(act)();
    const t1 = await Promise.race([changed, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 60_000))]);
    return t1 - t0;
  }, act);
}

/** Changes the Period preset (the select labelled "Period") to `value`. */
function setPeriod(value: string): string {
  return `const sel = [...document.querySelectorAll('form.filter-bar select')].find((s) => s.closest('.field')?.querySelector('label')?.textContent === 'Period');
    if (!sel) throw new Error('no Period select');
    sel.value = ${JSON.stringify(value)};
    sel.dispatchEvent(new Event('change', { bubbles: true }));`;
}

/** Toggles the first source checkbox of the filter bar. */
const TOGGLE_SOURCE = `const box = document.querySelector('form.filter-bar fieldset.sources input[type=checkbox]:not([disabled])');
  if (!box) throw new Error('no source checkbox');
  box.click();`;

async function filterChanges(page: Page, o: BrowserImportOptions): Promise<{ periodMs: number; sourceMs: number }> {
  await page.waitForSelector('form.filter-bar select', { timeout: 60_000 });
  await page.waitForTimeout(500);
  const warm = await timeFilterChange(page, setPeriod('last-6'));
  const periodMs = await timeFilterChange(page, setPeriod('all'));
  o.log(`period change: first ${warm.toFixed(0)} ms, second ${periodMs.toFixed(0)} ms`);
  // A second source, so the filter bar offers source checkboxes: the app's own sample data.
  await page.locator('nav a[href="#/import"]').click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role=status] p.result').length > 0 && !document.querySelector('progress'), null, { timeout: 120_000 });
  await page.locator('nav a[href="#/overview"]').click();
  await page.waitForSelector('form.filter-bar fieldset.sources input[type=checkbox]', { timeout: 300_000 });
  await page.waitForSelector('.chart .recharts-line-curve', { timeout: 300_000 });
  await page.waitForTimeout(500);
  const warmSource = await timeFilterChange(page, TOGGLE_SOURCE);
  const sourceMs = await timeFilterChange(page, TOGGLE_SOURCE);
  o.log(`source change: first ${warmSource.toFixed(0)} ms, second ${sourceMs.toFixed(0)} ms`);
  return { periodMs: Math.max(warm, periodMs), sourceMs: Math.max(warmSource, sourceMs) };
}

export interface BrowserImportOptions {
  baseUrl: string;
  csv1M: string;
  /** A 100k-subscriber Mailchimp audience: one person and subscription record per row. */
  audience: string;
  csvLarge: string;
  largeLabel: string;
  largeBytes: number;
  /** A DiscordChatExporter JSON for the memory figure (200k messages; 1.6M, ~1 GB, with BENCH_FULL=1). */
  json: string;
  jsonLabel: string;
  log: (s: string) => void;
}

export async function benchBrowserImport(o: BrowserImportOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  // 1 + 3: bare parse and the real import, side by side in one page.
  {
    const b = await openBrowser();
    try {
      await b.page.addInitScript(instrument);
      await b.page.goto(`${o.baseUrl}#/import`);
      await b.page.locator('input[type=file]').waitFor({ state: 'attached' });
      // The reference is the median of three bare parses: one parse swung 1.7–3.5 s between runs on
      // this shared machine (the first also reads the file from disk; the app's import reads it warm).
      const bares: { ms: number; rows: number }[] = [];
      for (let i = 0; i < 3; i++) bares.push(await bareParse(b.page, o.csv1M));
      const bare = [...bares].sort((x, y) => x.ms - y.ms)[1]!;
      o.log(`bare PapaParse: ${bare.rows} rows, median ${(bare.ms / 1000).toFixed(2)} s of ${bares.map((x) => (x.ms / 1000).toFixed(2)).join(' / ')} s`);
      const app = await appImport(b.page, o.csv1M, true);
      o.log(`app import: ${(app.importMs / 1000).toFixed(2)} s to "${app.result}", dashboard ${(app.dashboardMs / 1000).toFixed(2)} s more`);
      const longest = app.longtasks.reduce((m, [, d]) => Math.max(m, d), 0);
      figures.push(
        { name: 'browser: bare PapaParse, 1M-row CSV in a worker (median of 3)', value: round(bare.ms / 1000, 2), unit: 's', target: 'reference', ok: null, note: bares.map((x) => `${(x.ms / 1000).toFixed(2)} s`).join(' / ') },
        {
          name: 'browser: import 1M rows until the Overview KPIs show',
          value: round(app.totalMs / 1000, 2),
          unit: 's',
          peer: { label: 'bare PapaParse', value: round(bare.ms / 1000, 2) },
          ratio: round(app.totalMs / bare.ms, 2),
          target: '≤ 1.5× bare parse',
          ok: app.totalMs <= 1.5 * bare.ms,
          note: `review ${(app.reviewMs / 1000).toFixed(2)} s + import ${((app.importMs - app.reviewMs) / 1000).toFixed(2)} s + dashboard ${(app.dashboardMs / 1000).toFixed(2)} s`,
        },
        {
          name: 'browser: import alone (file picked → result line)',
          value: round(app.importMs / 1000, 2),
          unit: 's',
          peer: { label: 'bare PapaParse', value: round(bare.ms / 1000, 2) },
          ratio: round(app.importMs / bare.ms, 2),
          target: 'reported',
          ok: null,
        },
        { name: 'browser: longest main-thread task during the import', value: round(longest, 0), unit: 'ms', target: '≤ 50 ms', ok: longest <= 50, note: `${app.longtasks.length} long task(s)` },
        {
          name: 'browser: progress updates during the import',
          value: round(app.progressUpdates / (app.importMs / 1000), 1),
          unit: '/s',
          target: '≥ 2/s, no gap > 500 ms',
          ok: app.progressUpdates / (app.importMs / 1000) >= 2 && app.maxProgressGapMs <= 500,
          note: `${app.progressUpdates} updates, longest gap ${Math.round(app.maxProgressGapMs)} ms (${app.maxProgressGapAt})`,
        },
      );
      const f = await filterChanges(b.page, o);
      figures.push(
        { name: 'browser: recompute + redraw after a period change (1M activities)', value: round(f.periodMs, 0), unit: 'ms', target: '≤ 100 ms', ok: f.periodMs <= 100, note: 'slower of two changes, from the change event to the frame after the chart changed' },
        { name: 'browser: recompute + redraw after a source change (1M activities)', value: round(f.sourceMs, 0), unit: 'ms', target: '≤ 100 ms', ok: f.sourceMs <= 100 },
      );
    } finally {
      await b.close();
    }
  }
  // 3: Cancel, on a fresh profile.
  {
    const b = await openBrowser();
    try {
      await b.page.addInitScript(instrument);
      await b.page.goto(`${o.baseUrl}#/import`);
      await b.page.locator('input[type=file]').setInputFiles(o.csv1M);
      await b.page.locator('.review-actions button.primary:not([disabled])').click({ timeout: 60_000 });
      await b.page.waitForFunction(() => (document.querySelector('progress')?.value ?? 0) >= 20, null, { timeout: 120_000, polling: 50 });
      const t0 = Date.now();
      await b.page.getByRole('button', { name: 'Cancel' }).click();
      await b.page.locator('[role=status] p.result').waitFor({ timeout: 60_000 });
      const cancelMs = Date.now() - t0;
      const text = (await b.page.locator('[role=status] p.result').textContent()) ?? '';
      await b.page.waitForFunction(() => !document.querySelector('progress'));
      const history = await b.page.locator('table.history tbody tr').count();
      const ok = /cancelled/i.test(text) && history === 0;
      figures.push({ name: 'browser: Cancel at 20 % until "nothing was kept"', value: cancelMs, unit: 'ms', target: 'cancelled, nothing kept', ok, note: `${text.slice(0, 60)}; history rows: ${history}` });
    } finally {
      await b.close();
    }
  }
  // Not one of issue 7's figures: a newsletter audience is all person records, not activities
  // (one IndexedDB row each cost ~15 s and 12 s without progress before records were batched).
  {
    const b = await openBrowser();
    try {
      await b.page.addInitScript(instrument);
      await b.page.goto(`${o.baseUrl}#/import`);
      await b.page.locator('input[type=file]').waitFor({ state: 'attached' });
      const app = await appImport(b.page, o.audience, false);
      o.log(`audience import: ${(app.importMs / 1000).toFixed(2)} s to "${app.result}"`);
      const perSecond = app.progressUpdates / (app.importMs / 1000);
      figures.push({
        name: 'browser: import a 100k-subscriber Mailchimp audience',
        value: round(app.importMs / 1000, 2),
        unit: 's',
        target: 'progress ≥ 2/s, no gap > 500 ms',
        ok: /^Imported/.test(app.result) && perSecond >= 2 && app.maxProgressGapMs <= 500,
        note: `${app.progressUpdates} progress updates, longest gap ${Math.round(app.maxProgressGapMs)} ms; ${app.result.slice(0, 50)}`,
      });
    } finally {
      await b.close();
    }
  }
  return figures;
}

/** Whether a file is the 1 GB one figure 4's target is stated for. */
const full = (mb: number) => mb >= 900;

/** Figure 4: peak heap, page + workers, while a large file imports (streamed, never read whole). */
export async function benchBrowserMemory(o: BrowserImportOptions): Promise<Figure[]> {
  const csv = await importPeak(o, o.csvLarge, o.largeLabel);
  // The memory target is for CSV; a DiscordChatExporter JSON is read slice by slice too,
  // but keeps a few values of every message until every message is read (threads are known only
  // from later replies): reported, no target.
  const json = await importPeak(o, o.json, o.jsonLabel);
  return [
    // The target is stated for a 1 GB file (BENCH_FULL=1); a smaller one (the default 401 MB) is
    // reported against it, not judged: the import's fixed costs (tables sized for the file, slices
    // in flight) weigh more the smaller the file.
    full(csv.mb)
      ? { ...csv.figure, target: '< 0.5× file size', ok: csv.peakMb < 0.5 * csv.mb && csv.imported }
      : { ...csv.figure, target: '< 0.5× of a 1 GB file (BENCH_FULL=1)', ok: csv.imported ? null : false },
    { name: `browser: import time of the ${o.largeLabel}`, value: round(csv.importMs / 1000, 1), unit: 's', target: 'completes', ok: csv.imported },
    { ...json.figure, target: 'report only', ok: json.imported ? null : false, note: `import ${(json.importMs / 1000).toFixed(1)} s; ${json.figure.note}` },
  ];
}

/**
 * Imports `file` in a fresh browser, sampling the JS heap of the page and its workers every 100 ms;
 * the peak as a figure against the file's size (target and verdict are the caller's).
 */
async function importPeak(o: BrowserImportOptions, file: string, label: string) {
  const b = await openBrowser();
  try {
    await b.page.addInitScript(instrument);
    await b.page.goto(`${o.baseUrl}#/import`);
    await b.page.locator('input[type=file]').waitFor({ state: 'attached' });
    const heap = await HeapSampler.start(b.page, 100);
    await heap.sample();
    const idle = heap.peak;
    const app = await appImport(b.page, file, false, 1_800_000);
    await heap.stop();
    const MB = 1024 * 1024;
    const peakMb = heap.peak / MB;
    const mb = statSync(file).size / MB;
    o.log(`${label}: imported in ${(app.importMs / 1000).toFixed(1)} s ("${app.result}"), peak heap ${peakMb.toFixed(0)} MB over ${heap.samples} samples`);
    const figure: Figure = {
      name: `browser: peak JS heap (page + workers) importing a ${label}`,
      value: round(peakMb, 0),
      unit: 'MB',
      peer: { label: 'file size', value: round(mb, 0) },
      ratio: round(peakMb / mb, 2),
      target: '',
      ok: null,
      note: `idle ${Math.round(idle / MB)} MB; largest single worker ${Math.round(heap.peakWorker / MB)} MB; ${app.result.slice(0, 50)}`,
    };
    return { figure, peakMb, mb, importMs: app.importMs, imported: /^Imported/.test(app.result) };
  } finally {
    await b.close();
  }
}
