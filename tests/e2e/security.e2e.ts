/**
 * Security, privacy and accessibility in the real browser: text from files stays inert (XSS
 * payloads are shown as text, never run), a full session makes no request beyond the app's origin,
 * the built page's Content-Security-Policy blocks connections elsewhere, and every page passes axe
 * (WCAG 2.x A/AA) and can be used from the keyboard.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './support/app-page';
import { foreignRequests, launchBrowser, openPage, watchPage } from './support/browser';
import { SAMPLE_DIR } from './support/cli';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
let browser: Browser;
let dir: string;
let xssFile: string;

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';
const LINK = '<a href="javascript:window.__pwned=1">click me</a>';
const SVG = '<svg onload=window.__pwned=1>';

/** A Discourse posts export whose usernames, titles, categories and posts carry XSS payloads. */
function xssCsv(): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = ['post_id,topic_id,post_number,username,created_at,topic_title,category,raw'];
  const payloads = [IMG, SCRIPT, LINK, SVG];
  let id = 1;
  for (let month = 0; month < 6; month++) {
    for (let t = 0; t < payloads.length; t++) {
      const topic = month * 10 + t + 1;
      const at = (d: number) => new Date(Date.UTC(2025, month, 3 + d, 10)).toISOString();
      rows.push([id++, topic, 1, q(IMG), at(0), q(`${payloads[t]} topic`), q(SCRIPT), q(`I love it ${payloads[t]} great`)].join(','));
      rows.push([id++, topic, 2, 'plain_user', at(1), q(`${payloads[t]} topic`), q(SCRIPT), q(`Thanks ${LINK} awful`)].join(','));
      rows.push([id++, topic, 3, q(SVG), at(2), q(`${payloads[t]} topic`), q(SCRIPT), q(`Reply ${SVG}`)].join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}

async function navLabels(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
}

/** Visits a page through the navigation and waits for its heading and data to settle. */
async function visit(app: AppPage, label: string): Promise<void> {
  await app.nav(label);
  await app.page.locator('main').getByRole('heading').first().waitFor();
  await app.page.waitForLoadState('networkidle');
  // Until every card has its data: pages say "Computing…" / "Loading…" in a status line meanwhile.
  await app.page.waitForFunction(
    () =>
      !document.querySelector('main [data-loading]') &&
      ![...document.querySelectorAll('main [role=status]')].some((e) => /^(Computing|Loading)…$/.test((e.textContent ?? '').trim())),
    undefined,
    { timeout: 30_000 },
  );
  await app.settled();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-security-'));
  xssFile = join(dir, 'xss-discourse-posts.csv');
  await writeFile(xssFile, xssCsv());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('security and privacy', () => {
  it('XSS payloads in imported text stay inert on every page, appear as literal text, and the session never leaves the origin', async () => {
    const { page, watch, context } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const app = new AppPage(page, baseUrl);
    await app.importFiles([xssFile, join(SAMPLE_DIR, 'discourse-likes.csv')]);
    const results = await app.waitForImport(2);
    expect(results[0]).toMatch(/^Imported [\d,]+ records from xss-discourse-posts\.csv/);

    const seen = new Set<string>();
    const labels = await navLabels(page);
    expect(labels).toContain('Your data');
    for (const label of labels) {
      await visit(app, label);
      const text = await page.locator('main').innerText();
      for (const p of [IMG, SCRIPT, LINK, SVG]) if (text.includes(p)) seen.add(p);
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      // Nothing from the file became markup.
      expect(await page.locator('main img[src="x"], main svg[onload], main a[href^="javascript:"], main script').count()).toBe(0);
    }
    // The payloads are shown, literally, where the data is shown (names, titles, posts).
    expect(seen.has(IMG)).toBe(true);
    expect(seen.size).toBeGreaterThanOrEqual(2);

    // Downloads are part of the session too.
    await app.goto('overview');
    const report = await app.download('Download metrics (JSON)');
    expect(JSON.parse(report.text).schema).toBe('hearth.report/1');
    await app.goto('settings');
    const backup = await app.download('Download backup');
    expect(backup.text).toContain(JSON.stringify(IMG).slice(1, -1));

    await page.reload();
    await page.locator('main').getByRole('heading').first().waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();
  });

  it('any table downloads as CSV, as shown, with formula-like cells escaped', async () => {
    const { page, watch, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    // Usernames "+cmd" and "@SUM": a spreadsheet would run them as formulas.
    await app.importFiles([resolve('tests/fixtures/bad/formula-cells.csv')]);
    await app.waitForImport(1);
    await app.nav('Members');
    await page.getByRole('table', { name: 'Top contributors in the period' }).waitFor();
    const { name, text } = await app.download('Download CSV: Top contributors in the period');
    expect(name).toBe('hearth-top-contributors-in-the-period.csv');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    // The header as shown (no sort marks), then one line per member.
    expect(lines[0]).toMatch(/^Rank,Member,Activities/);
    expect(lines[0]).not.toMatch(/[↕▲▼]/);
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells.map((c) => c[1])).toEqual(expect.arrayContaining(["'+cmd", "'@SUM"]));
    expect(cells.flat().some((c) => /^[=+\-@]/.test(c))).toBe(false);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('the built index.html carries a CSP that allows connections to its own origin only, and the browser enforces it', async () => {
    const html = readFileSync(resolve(distDir, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const directives = new Map(meta![1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts

    const { page, watch, context } = await openPage(browser);
    await new AppPage(page, baseUrl).goto('overview');
    await page.locator('main').getByRole('heading').first().waitFor();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const result = await fetch('https://example.com/collect?data=1').then(
        () => 'loaded',
        (e: unknown) => `blocked: ${(e as Error).name}`,
      );
      navigator.sendBeacon('https://example.com/beacon', 'x');
      await new Promise((r) => setTimeout(r, 300));
      return { result, violations };
    });
    expect(outcome.result).toBe('blocked: TypeError');
    expect(outcome.violations).toContain('connect-src https://example.com/collect?data=1');
    expect(outcome.violations).toContain('connect-src https://example.com/beacon');
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();
  });
});

describe('offline', () => {
  it('after the first visit the app loads offline, with its data (service worker + manifest)', async () => {
    const { page, context, watch } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    await app.importFiles([join(SAMPLE_DIR, 'discourse-posts.csv')]);
    await app.waitForImport(1);
    await app.goto('overview');
    const active = await app.kpiValue('active_members');
    expect(Number(active.replace(/,/g, ''))).toBeGreaterThan(0);
    // The service worker is installed (every build file cached) and active.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!.href;
      return (await fetch(href)).json();
    });
    expect(manifest).toMatchObject({ name: 'Hearth — community health', start_url: './', display: 'standalone' });
    expect(manifest.icons.length).toBeGreaterThan(0);

    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.locator('.kpi[data-series="active_members"] .kpi-value').waitFor();
    expect(await app.kpiValue('active_members')).toBe(active);
    await app.nav('Import');
    await page.getByRole('table', { name: 'Import history' }).locator('tbody tr').first().waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await context.setOffline(false);
    expect(watch.errors).toEqual([]);
    expect(foreignRequests(watch, baseUrl)).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  const require = createRequire(import.meta.url);
  const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  it('every page in the navigation has no axe violations (WCAG 2.x A and AA), with data and empty, light and dark', async () => {
    // axe is injected as an inline script, which the app's CSP forbids: this context alone bypasses CSP.
    const context = await browser.newContext({ bypassCSP: true, locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    const app = new AppPage(page, baseUrl);
    const audit = async (where: string): Promise<string[]> => {
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(() =>
        (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; any: { message: string }[] }[] }[] }> } }).axe.run(
          document,
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
        ),
      );
      // Four best-practice rules beside WCAG's: heading order, unique landmarks, an h1 on every page, scrollable regions reachable by keyboard.
      const practice = await page.evaluate(() =>
        (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; any: { message: string }[] }[] }[] }> } }).axe.run(
          document,
          { runOnly: { type: 'rule', values: ['heading-order', 'landmark-unique', 'page-has-heading-one', 'scrollable-region-focusable'] } },
        ),
      );
      return [...result.violations, ...practice.violations].map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}: ${v.nodes[0]?.any[0]?.message ?? ''}`);
    };
    const problems: string[] = [];
    await app.goto('overview');
    await page.locator('main').getByRole('heading').first().waitFor();
    problems.push(...(await audit('Overview (empty)')));
    for (const route of ['brief', 'present']) {
      await app.goto(route);
      await page.locator('main h1').first().waitFor({ state: 'attached' });
      problems.push(...(await audit(`${route} (empty)`)));
    }
    await app.importFiles([join(SAMPLE_DIR, 'discourse-posts.csv'), join(SAMPLE_DIR, 'discourse-likes.csv'), join(SAMPLE_DIR, 'user-list-251231-093000.zip')]);
    await app.waitForImport(3);
    problems.push(...(await audit('Import (after import)')));
    await page.getByText('Which exports Hearth reads, and how to get them').click();
    await page.getByRole('region', { name: 'Discourse (forum)' }).waitFor();
    problems.push(...(await audit('Import (export guide open)')));
    for (const label of await navLabels(page)) {
      await visit(app, label);
      problems.push(...(await audit(label)));
    }
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    problems.push(...(await audit('Your data (confirm delete)')));
    // Dark mode has its own colours: every page again.
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const label of await navLabels(page)) {
      await visit(app, label);
      problems.push(...(await audit(`${label} (dark)`)));
    }
    expect(problems).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('works from the keyboard: Tab through the navigation to Import, open it, and reach the file picker', async () => {
    const { page, context } = await openPage(browser);
    const app = new AppPage(page, baseUrl);
    const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent?.trim() ?? '', tag: document.activeElement?.tagName ?? '', type: document.activeElement?.getAttribute('type') ?? '' }));
    // "Skip to content" moves the focus to the page's main region and stays on the page.
    await app.goto('growth');
    await page.locator('main').getByRole('heading').first().waitFor();
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect((await focused()).tag).toBe('MAIN');
    expect(page.url()).toMatch(/#\/growth$/);
    expect(await page.locator('main h1, main h2').first().textContent()).toMatch(/Growth/);

    await app.goto('overview');
    await page.reload();
    await page.locator('main').getByRole('heading').first().waitFor();
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Skip to content');
    const visited: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      visited.push(f.text);
      if (f.tag === 'A' && f.text === 'Import') break;
    }
    expect(visited.at(-1)).toBe('Import');
    expect(visited).toContain('Overview');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import exports' }).waitFor();
    expect(page.url()).toMatch(/#\/import$/);

    // On to the file input (behind its "Choose files…" label), then open the picker from the keyboard.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      reached = f.tag === 'INPUT' && f.type === 'file';
    }
    expect(reached).toBe(true);
    // Space on the focused input opens the picker. Once in ~30 runs of the whole suite on a loaded
    // machine the key press opened nothing (the input still focused); a user would press again, so
    // the test does too, once, after checking the focus is still on the input.
    const chooser = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), page.keyboard.press('Space')])
      .then(([c]) => c)
      .catch(async () => {
        expect((await focused()).type).toBe('file');
        return (await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]))[0];
      });
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([join(SAMPLE_DIR, 'discourse-posts.csv')]);
    await page.getByRole('region', { name: 'Check before importing' }).waitFor();
    await context.close();
  });
});
