import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The Chromium flags this sandbox needs (no background networking): the e2e suite and the bench. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Launches Debian's Chromium headless with the flags this sandbox needs (no background networking). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** What a page did that a test should know about: errors thrown, console errors, every request. */
export interface PageWatch {
  errors: string[];
  consoleErrors: string[];
  requests: string[];
}

export async function openPage(browser: Browser, opts: { timezoneId?: string; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: opts.locale ?? 'en-US',
    timezoneId: opts.timezoneId ?? 'UTC',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const watch = watchPage(page);
  return { context, page, watch };
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], consoleErrors: [], requests: [] };
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.context().on('request', (r) => watch.requests.push(r.url()));
  return watch;
}

/** Requests that left the app's origin (blob: and data: URLs stay in the page). */
export function foreignRequests(watch: PageWatch, baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return watch.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
}
