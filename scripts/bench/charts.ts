/**
 * Figure 5: a chart with a long history (10 years of daily values, two series) rendered by the
 * app's TimeSeriesChart in Chromium, downsampled (its default, ≤ 1,500 points) and raw.
 */
import { resolve } from 'node:path';
import { openBrowser } from './browser.ts';
import { bundlePage } from './storage-layout.ts';
import { serveStatic } from '../../tests/e2e/support/static-server.ts';
import { round, type Figure } from './types.ts';

export async function benchCharts(log: (s: string) => void): Promise<Figure[]> {
  const dir = await bundlePage(resolve(import.meta.dirname, 'pages/chart.page.tsx'), 'chart');
  const server = await serveStatic(dir, '/bench/');
  const b = await openBrowser();
  try {
    await b.page.goto(server.url);
    await b.page.waitForFunction(() => 'benchChart' in window);
    const run = (n: number, max: number) =>
      b.page.evaluate(([n, max]) => (window as unknown as { benchChart: (n: number, m: number) => Promise<{ ms: number; points: number }> }).benchChart(n, max), [n, max] as const);
    const days = 3652;
    const down = await run(days, 1500);
    const raw = await run(days, 1e9);
    const big = 20_000;
    const bigDown = await run(big, 1500);
    const bigRaw = await run(big, 1e9);
    log(`chart ${days} days: downsampled ${down.ms.toFixed(0)} ms (${down.points} points), raw ${raw.ms.toFixed(0)} ms (${raw.points}); ${big}: ${bigDown.ms.toFixed(0)} vs ${bigRaw.ms.toFixed(0)} ms`);
    return [
      { name: `charts: 10 years daily (${days} points × 2), downsampled to ${down.points} points`, value: round(down.ms, 0), unit: 'ms', peer: { label: 'raw', value: round(raw.ms, 0) }, ratio: round(down.ms / raw.ms, 2), target: '≤ 100 ms', ok: down.ms <= 100 },
      { name: `charts: ${big.toLocaleString('en-US')} points × 2, downsampled to ${bigDown.points} points`, value: round(bigDown.ms, 0), unit: 'ms', peer: { label: 'raw', value: round(bigRaw.ms, 0) }, ratio: round(bigDown.ms / bigRaw.ms, 2), target: '≤ 100 ms', ok: bigDown.ms <= 100 },
    ];
  } finally {
    await b.close();
    await server.close();
  }
}

if (process.argv[1] === import.meta.filename) {
  for (const f of await benchCharts((s) => console.log(s))) console.log(f);
}
