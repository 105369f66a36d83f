/**
 * Bench page (bundled by scripts/bench/charts.ts, never part of the app): renders the app's
 * TimeSeriesChart with a long daily history, downsampled (its default) and raw, and the
 * category-axis chart it replaced as the baseline; times each render from the call to the frame
 * that shows the drawn lines. `benchTooltip` checks the tooltip's date and value after a hover.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { TimeSeriesChart } from '../../../src/components/charts/time-series-chart';
import { keyTime, pointLabel } from '../../../src/components/charts/time-axis';
import { CategoryAxisChart } from './category-axis-chart';

export type Which = 'app' | 'category';

function series(n: number, seed: number): number[] {
  let s = seed;
  const out: number[] = new Array(n);
  let v = 200;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    v = Math.max(0, v + (s / 4294967296 - 0.49) * 20);
    out[i] = Math.round(v + 40 * Math.sin(i / 30));
  }
  return out;
}

/**
 * Up to 36 points: `YYYY-MM` keys a month (the usual app chart, category axis); longer: one
 * `YYYY-MM-DD` key a day from 2015-01-01 (a long history, time axis).
 */
function keys(n: number): string[] {
  if (n <= 36)
    return Array.from(
      { length: n },
      (_, i) => `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
  const start = Date.UTC(2015, 0, 1);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

function element(which: Which, months: string[], a: number[], b: number[], maxPoints: number) {
  const props = {
    months,
    unit: 'members',
    maxPoints,
    series: [
      { key: 'a', label: 'Active members', color: '#c33', values: a },
      { key: 'b', label: 'New members', color: '#33c', values: b, dashed: true },
    ],
  };
  return which === 'app' ? <TimeSeriesChart {...props} /> : <CategoryAxisChart {...props} />;
}

async function renderOnce(
  n: number,
  maxPoints: number,
  which: Which,
  keep = false,
): Promise<{ ms: number; points: number; root: Root }> {
  const host = document.getElementById('root')!;
  const root = createRoot(host);
  // Fresh arrays each run: no cache carries over between the timed renders.
  const months = keys(n);
  const a = series(n, 1);
  const b = series(n, 2);
  await frame();
  const t0 = performance.now();
  flushSync(() => root.render(element(which, months, a, b, maxPoints)));
  // ResponsiveContainer measures first; wait until both lines are drawn, then for their frame.
  for (let i = 0; i < 600 && host.querySelectorAll('.recharts-line-curve').length < 2; i++)
    await new Promise((r) => setTimeout(r, 0));
  await frame();
  const ms = performance.now() - t0;
  const d = host.querySelector('.recharts-line-curve')?.getAttribute('d') ?? '';
  const points = (d.match(/[LC]/g) ?? []).length + 1;
  if (!keep) root.unmount();
  return { ms, points, root };
}

type W = {
  benchChart: (
    n: number,
    max: number,
    which: Which,
  ) => Promise<{ ms: number; points: number; all: number[] }>;
  benchTooltip: (n: number) => Promise<void>;
  benchTooltipCheck: (n: number) => {
    label: string;
    shown: string;
    expected: string | null;
    ticks: string[];
  };
};
const w = window as unknown as W;

w.benchChart = async (n, max, which) => {
  for (let i = 0; i < 3; i++) await renderOnce(n, max, which); // warm-up: JIT tiers settle after a few renders
  // Median of 7: the bench machine is shared, single renders vary ±50 %.
  const runs: { ms: number; points: number }[] = [];
  for (let i = 0; i < 7; i++) {
    const { ms, points } = await renderOnce(n, max, which);
    runs.push({ ms, points });
  }
  runs.sort((x, y) => x.ms - y.ms);
  return { ...runs[3]!, all: runs.map((r) => Math.round(r.ms)) };
};

/** Leaves the app's chart of `n` days mounted for a hover. */
w.benchTooltip = async (n) => {
  await renderOnce(n, 1500, 'app', true);
};

/** The tooltip's date and "Active members" value, and the value of that date in the data. */
w.benchTooltipCheck = (n) => {
  const label = document.querySelector('.recharts-tooltip-label')?.textContent ?? '';
  const item = [...document.querySelectorAll('.recharts-tooltip-item')].find((e) =>
    e.textContent?.includes('Active members'),
  );
  const shown = item?.querySelector('.recharts-tooltip-item-value')?.textContent ?? '';
  const months = keys(n);
  const a = series(n, 1);
  const i = months.findIndex((k) => pointLabel(keyTime(k), true) === label);
  const ticks = [...document.querySelectorAll('.recharts-xAxis-tick-labels text')].map(
    (e) => e.textContent ?? '',
  );
  return { label, shown, expected: i < 0 ? null : a[i]!.toLocaleString(), ticks };
};
