/**
 * Figure 5: a chart with a long history (10 years of daily values, two series) rendered by the
 * app's TimeSeriesChart in Chromium, downsampled (its default, ≤ 1,500 points) and raw, and side
 * by side with the category-axis chart it replaced (scripts/bench/pages/category-axis-chart.tsx).
 * A hover checks that the tooltip shows the date and value of the point under the pointer.
 */
import { resolve } from 'node:path';
import { openBrowser } from './browser.ts';
import { bundlePage } from './storage-layout.ts';
import { serveStatic } from '../../tests/e2e/support/static-server.ts';
import { round, type Figure } from './types.ts';

type Which = 'app' | 'category';
type Run = { ms: number; points: number };

export async function benchCharts(log: (s: string) => void): Promise<Figure[]> {
  const dir = await bundlePage(resolve(import.meta.dirname, 'pages/chart.page.tsx'), 'chart');
  const server = await serveStatic(dir, '/bench/');
  const b = await openBrowser();
  try {
    await b.page.goto(server.url);
    await b.page.waitForFunction(() => 'benchChart' in window);
    const run = (n: number, max: number, which: Which = 'app') =>
      b.page.evaluate(
        ([n, max, which]) =>
          (window as unknown as { benchChart: (n: number, m: number, w: string) => Promise<Run> }).benchChart(
            n,
            max,
            which,
          ),
        [n, max, which] as const,
      );
    const days = 3652;
    const big = 20_000;
    const down = await run(days, 1500);
    const downBase = await run(days, 1500, 'category');
    const raw = await run(days, 1e9);
    const bigDown = await run(big, 1500);
    const bigBase = await run(big, 1500, 'category');
    const bigRaw = await run(big, 1e9);
    const short = await run(36, 1500);
    const shortBase = await run(36, 1500, 'category');
    log(
      `chart ${days} days → ${down.points} points: ${down.ms.toFixed(0)} ms (category axis ${downBase.ms.toFixed(0)} ms, ${(down.ms / downBase.ms).toFixed(2)}×; raw ${raw.points} points ${raw.ms.toFixed(0)} ms)`,
    );
    log(
      `chart ${big} days → ${bigDown.points} points: ${bigDown.ms.toFixed(0)} ms (category axis ${bigBase.ms.toFixed(0)} ms, ${(bigDown.ms / bigBase.ms).toFixed(2)}×; raw ${bigRaw.points} points ${bigRaw.ms.toFixed(0)} ms)`,
    );

    log(`chart 36 months: ${short.ms.toFixed(0)} ms (category axis before: ${shortBase.ms.toFixed(0)} ms)`);

    // Tooltip: hover at 40 % of the plot, read the label and the value.
    await b.page.evaluate(
      (n) => (window as unknown as { benchTooltip: (n: number) => Promise<void> }).benchTooltip(n),
      days,
    );
    const box = await b.page.locator('.recharts-surface').boundingBox();
    if (box) await b.page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await b.page
      .locator('.recharts-tooltip-label')
      .waitFor({ timeout: 5000 })
      .catch(() => undefined);
    const tip = await b.page.evaluate(
      (n) =>
        (
          window as unknown as {
            benchTooltipCheck: (n: number) => {
              label: string;
              shown: string;
              expected: string | null;
              ticks: string[];
            };
          }
        ).benchTooltipCheck(n),
      days,
    );
    const tipOk = tip.expected !== null && tip.shown === tip.expected;
    log(
      `x ticks: ${tip.ticks.join(' · ')}; tooltip "${tip.label}": ${tip.shown} (data: ${tip.expected ?? 'no such date'}) ${tipOk ? 'OK' : 'WRONG'}`,
    );

    return [
      {
        name: `charts: 10 years daily (${days} points × 2), downsampled to ${down.points} points`,
        value: round(down.ms, 0),
        unit: 'ms',
        peer: { label: 'category axis', value: round(downBase.ms, 0) },
        ratio: round(down.ms / downBase.ms, 2),
        target: '≤ 100 ms',
        ok: down.ms <= 100,
      },
      {
        name: `charts: ${days} × 2 raw (no downsampling)`,
        value: round(raw.ms, 0),
        unit: 'ms',
        target: '—',
        ok: null,
      },
      {
        name: `charts: ${big.toLocaleString('en-US')} points × 2, downsampled to ${bigDown.points} points`,
        value: round(bigDown.ms, 0),
        unit: 'ms',
        peer: { label: 'category axis', value: round(bigBase.ms, 0) },
        ratio: round(bigDown.ms / bigBase.ms, 2),
        target: '≤ 100 ms',
        ok: bigDown.ms <= 100,
      },
      {
        name: `charts: ${big.toLocaleString('en-US')} × 2 raw (no downsampling)`,
        value: round(bigRaw.ms, 0),
        unit: 'ms',
        target: '—',
        ok: null,
      },
      {
        name: 'charts: 36 months × 2 (the usual chart; category axis either way)',
        value: round(short.ms, 0),
        unit: 'ms',
        peer: { label: 'before', value: round(shortBase.ms, 0) },
        ratio: round(short.ms / shortBase.ms, 2),
        target: '≤ 100 ms',
        ok: short.ms <= 100,
      },
      {
        name: `charts: tooltip after a hover shows "${tip.label}" ${tip.shown} (data ${tip.expected ?? '?'})`,
        value: tipOk ? 1 : 0,
        unit: '',
        target: 'right date and value',
        ok: tipOk,
      },
    ];
  } finally {
    await b.close();
    await server.close();
  }
}

if (process.argv[1] === import.meta.filename) {
  for (const f of await benchCharts((s) => console.log(s))) console.log(f);
}
