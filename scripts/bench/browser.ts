/**
 * Browser harness for the bench: builds the app into bench-out/dist (the product build, untouched,
 * plus two bench-only files: PapaParse's own min.js and a classic worker that parses with it),
 * serves it like the e2e suite does, and opens Chromium with the e2e flags on an on-disk profile
 * (real users have IndexedDB on disk, not in an incognito context's memory).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/support/browser.ts';
import { serveStatic } from '../../tests/e2e/support/static-server.ts';
import { OUT_DIR } from './generate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = resolve(OUT_DIR, 'dist');

/** The bare-parse worker: PapaParse alone, chunk mode, the same options the app uses. */
const PARSE_WORKER = `importScripts('bench-papaparse.min.js');
onmessage = (e) => {
  const file = e.data;
  const t0 = performance.now();
  let rows = 0;
  Papa.parse(file, {
    delimiter: ',', encoding: 'utf-8', skipEmptyLines: 'greedy', chunkSize: 4 * 1024 * 1024,
    chunk: (res) => { rows += res.data.length; },
    complete: () => postMessage({ rows, ms: performance.now() - t0 }),
    error: (err) => postMessage({ error: String(err) }),
  });
};`;

export async function buildApp(log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: DIST, emptyOutDir: true, ...(process.env.BENCH_NO_MINIFY === '1' ? { minify: false } : {}) },
  });
  copyFileSync(resolve(ROOT, 'node_modules/papaparse/papaparse.min.js'), resolve(DIST, 'bench-papaparse.min.js'));
  writeFileSync(resolve(DIST, 'bench-parse.worker.js'), PARSE_WORKER);
  log(`built the app into bench-out/dist in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  return serveStatic(DIST);
}

/** A fresh Chromium with an on-disk profile; `close` removes the profile. */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; profile: string; close(): Promise<void> }> {
  const profile = mkdtempSync(resolve(OUT_DIR, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
  });
  // tsx keeps function names with a `__name` helper, which functions sent to page.evaluate carry along.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  return {
    context,
    page,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Samples the JS heap (V8 heap + ArrayBuffer backing stores) of the page and of every dedicated worker it starts (CDP auto-attach; workers
 * answer through Target.sendMessageToTarget), and keeps the peak of their sum.
 */
export class HeapSampler {
  private readonly targets = new Map<string, string>();
  private readonly waiting = new Map<number, (r: { usedSize: number; backingStorageSize?: number } | undefined) => void>();
  private nextId = 1;
  private timer: NodeJS.Timeout | null = null;
  peak = 0;
  peakWorker = 0;
  samples = 0;

  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page, everyMs = 100): Promise<HeapSampler> {
    const cdp = await page.context().newCDPSession(page);
    const s = new HeapSampler(cdp);
    cdp.on('Target.attachedToTarget', (e) => s.targets.set(e.sessionId, e.targetInfo.type));
    cdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId) s.targets.delete(e.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number; backingStorageSize?: number } };
      const r = m.id !== undefined ? s.waiting.get(m.id) : undefined;
      if (r) {
        s.waiting.delete(m.id!);
        r(m.result);
      }
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    const tick = async () => {
      try {
        await s.sample();
      } catch {
        /* a worker went away mid-sample */
      }
      if (s.timer) s.timer = setTimeout(() => void tick(), everyMs);
    };
    s.timer = setTimeout(() => void tick(), 0);
    return s;
  }

  /**
   * V8 heap in use plus the backing stores of ArrayBuffers (typed arrays live outside the V8 heap:
   * the import's key-hash tables and chunk columns would otherwise not be counted) and external strings.
   */
  private static used(r: { usedSize: number; backingStorageSize?: number } | undefined): number {
    return (r?.usedSize ?? 0) + (r?.backingStorageSize ?? 0);
  }

  private workerHeap(sessionId: string): Promise<number> {
    const id = this.nextId++;
    return new Promise<number>((resolve) => {
      const t = setTimeout(() => {
        this.waiting.delete(id);
        resolve(0);
      }, 1000);
      this.waiting.set(id, (r) => {
        clearTimeout(t);
        if (process.env.HEAP_TRACE) console.log(`heap ${Date.now() % 1_000_000} ${sessionId.slice(0, 6)} used ${Math.round((r?.usedSize ?? 0) / 1048576)} backing ${Math.round((r?.backingStorageSize ?? 0) / 1048576)}`);
        resolve(HeapSampler.used(r));
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(0));
    });
  }

  async sample(): Promise<number> {
    const main = HeapSampler.used(await this.cdp.send('Runtime.getHeapUsage'));
    const workers = await Promise.all([...this.targets.keys()].map((sid) => this.workerHeap(sid)));
    const w = workers.reduce((a, b) => a + b, 0);
    this.samples++;
    this.peak = Math.max(this.peak, main + w);
    this.peakWorker = Math.max(this.peakWorker, ...workers, 0);
    return main + w;
  }

  reset(): void {
    this.peak = 0;
    this.peakWorker = 0;
    this.samples = 0;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.cdp.detach().catch(() => undefined);
  }
}
