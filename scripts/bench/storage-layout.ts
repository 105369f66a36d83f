/**
 * The storage-layout measurement behind docs/decisions/0001-columnar-activity-chunks.md: 1M rows
 * stored in Chromium's IndexedDB (on-disk profile) as one record per row vs columnar chunks.
 * Run alone with `npx tsx scripts/bench/storage-layout.ts [rows]`, or with BENCH_STORAGE=1 in
 * `npm run bench` (it takes a few minutes, so the default bench run skips it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { openBrowser } from './browser.ts';
import { OUT_DIR } from './generate.ts';
import { serveStatic } from '../../tests/e2e/support/static-server.ts';
import { round, type Figure } from './types.ts';
import type { LayoutResult } from './pages/storage-layout.page.ts';

/** Bundles a bench page (esbuild) into bench-out/pages/<name>/ with an index.html. */
export async function bundlePage(entry: string, name: string): Promise<string> {
  const dir = resolve(OUT_DIR, 'pages', name);
  mkdirSync(dir, { recursive: true });
  await build({ entryPoints: [entry], bundle: true, format: 'esm', outfile: resolve(dir, 'page.js'), target: 'es2022', logLevel: 'warning', jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' }, minify: true });
  writeFileSync(resolve(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="root" style="width:1200px"></div><script type="module" src="page.js"></script>');
  return dir;
}

export async function benchStorageLayout(rows: number, log: (s: string) => void): Promise<{ figures: Figure[]; results: LayoutResult[] }> {
  const dir = await bundlePage(resolve(import.meta.dirname, 'pages/storage-layout.page.ts'), 'storage-layout');
  const server = await serveStatic(dir, '/bench/');
  const results: LayoutResult[] = [];
  try {
    for (const which of ['chunks', 'rows']) {
      const b = await openBrowser();
      try {
        await b.page.goto(server.url);
        await b.page.waitForFunction(() => 'benchStorage' in window);
        const r = await b.page.evaluate(([n, w]) => (window as unknown as { benchStorage: (n: number, w: string) => Promise<LayoutResult> }).benchStorage(n as number, w as string), [rows, which] as const);
        results.push(r);
        log(`${r.layout}: write ${(r.writeMs / 1000).toFixed(2)} s, read ${(r.readMs / 1000).toFixed(2)} s, usage estimate ${(r.usageBytes / 1048576).toFixed(0)} MB`);
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.close();
  }
  const [chunks, perRow] = results as [LayoutResult, LayoutResult];
  const figures: Figure[] = [
    { name: `storage: write ${rows.toLocaleString('en-US')} activities as columnar chunks`, value: round(chunks.writeMs / 1000, 2), unit: 's', peer: { label: 'one record per row', value: round(perRow.writeMs / 1000, 2) }, ratio: round(chunks.writeMs / perRow.writeMs, 2), target: 'faster than per row', ok: chunks.writeMs < perRow.writeMs },
    { name: `storage: read back ${rows.toLocaleString('en-US')} activities from columnar chunks`, value: round(chunks.readMs / 1000, 2), unit: 's', peer: { label: 'one record per row', value: round(perRow.readMs / 1000, 2) }, ratio: round(chunks.readMs / perRow.readMs, 2), target: 'faster than per row', ok: chunks.readMs < perRow.readMs },
    { name: 'storage: disk use estimate of columnar chunks', value: round(chunks.usageBytes / 1048576, 0), unit: 'MB', peer: { label: 'one record per row', value: round(perRow.usageBytes / 1048576, 0) }, ratio: round(chunks.usageBytes / perRow.usageBytes, 2), target: 'reported', ok: null },
  ];
  return { figures, results };
}

if (process.argv[1] === import.meta.filename) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const { results } = await benchStorageLayout(rows, (s) => console.log(s));
  console.log(JSON.stringify(results, null, 2));
}
