/**
 * Bench page (bundled by scripts/bench/charts.ts, never part of the app): renders the app's
 * TimeSeriesChart with a long history, downsampled (its default) and raw, and times each render
 * from the call to the frame that shows the drawn lines.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { TimeSeriesChart } from '../../../src/components/charts/time-series-chart';

function series(n: number, seed: number): number[] {
  let s = seed;
  const out: number[] = new Array(n);
  let v = 200;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    v = Math.max(0, v + ((s / 4294967296) - 0.49) * 20);
    out[i] = Math.round(v + 40 * Math.sin(i / 30));
  }
  return out;
}

function keys(n: number): string[] {
  const start = Date.UTC(2015, 0, 1);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 7));
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

async function renderOnce(n: number, maxPoints: number): Promise<{ ms: number; points: number }> {
  const host = document.getElementById('root')!;
  const root = createRoot(host);
  const months = keys(n);
  const a = series(n, 1);
  const b = series(n, 2);
  await frame();
  const t0 = performance.now();
  flushSync(() =>
    root.render(
      <TimeSeriesChart
        months={months}
        unit="members"
        maxPoints={maxPoints}
        series={[
          { key: 'a', label: 'Active members', color: '#c33', values: a },
          { key: 'b', label: 'New members', color: '#33c', values: b, dashed: true },
        ]}
      />,
    ),
  );
  // ResponsiveContainer measures first; wait until both lines are drawn, then for their frame.
  for (let i = 0; i < 600 && host.querySelectorAll('.recharts-line-curve').length < 2; i++) await new Promise((r) => setTimeout(r, 0));
  await frame();
  const ms = performance.now() - t0;
  const d = host.querySelector('.recharts-line-curve')?.getAttribute('d') ?? '';
  const points = (d.match(/[LC]/g) ?? []).length + 1;
  root.unmount();
  return { ms, points };
}

(window as unknown as { benchChart: (n: number, max: number) => Promise<{ ms: number; points: number }> }).benchChart = async (n, max) => {
  await renderOnce(n, max); // warm-up
  const runs: { ms: number; points: number }[] = [];
  for (let i = 0; i < 3; i++) runs.push(await renderOnce(n, max));
  runs.sort((x, y) => x.ms - y.ms);
  return runs[1]!;
};
