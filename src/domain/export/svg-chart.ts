/**
 * Static line charts as SVG markup, from a ChartSpec, in pure TypeScript (no DOM, no React, no
 * Recharts): what the self-contained HTML report draws. Every string is escaped; no `xmlns` or any
 * other URL is written (inline SVG in HTML needs none).
 */
import { monthLabel } from '../highlights/format';
import type { ChartSpec, ChartUnit } from './chart-specs';
import { escapeHtml } from './escape';
import { monthTicks } from '../time/month-ticks';

/** The app's light palette (`--c1` … `--c5`), readable on white and in print. */
export const PALETTE: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: '#9a3412',
  2: '#1d4ed8',
  3: '#047857',
  4: '#7c3aed',
  5: '#b45309',
};

const r1 = (v: number) => Math.round(v * 10) / 10;

function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** Evenly spaced round ticks covering [min, max] (and 0). */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const lo = Math.min(0, min);
  const hi = max > lo ? max : lo + 1;
  const step = niceStep((hi - lo) / (target - 1));
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= Math.ceil(hi / step) * step + step / 1e6; t += step)
    ticks.push(Math.round(t * 1e9) / 1e9);
  return ticks;
}

/** Axis value in the chart's unit; percents arrive as fractions and are drawn as 0–100. */
export function scaleValue(unit: ChartUnit, v: number): number {
  return unit === 'percent' ? v * 100 : v;
}

export function tickLabel(unit: ChartUnit, v: number): string {
  const n = v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return unit === 'percent' ? `${n}%` : unit === 'hours' ? `${n} h` : n;
}

/** Width of a 13 px system-ui label, estimated: ~0.6 em a character (no text measuring outside a page). */
const LEGEND_CHAR_PX = 7.8;

/**
 * Legend items laid out left to right, wrapping before one would pass `width`: each item is a 24 px
 * swatch, 6 px, its label, then 24 px of space. Returns each item's offset and row.
 */
export function legendLayout(labels: readonly string[], width: number): { x: number; row: number }[] {
  const out: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const label of labels) {
    const w = 30 + Math.ceil(label.length * LEGEND_CHAR_PX);
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    out.push({ x, row });
    x += w + 24;
  }
  return out;
}

/** A `<svg>` line chart: gridlines, y ticks, month labels, one path per run of non-null values, a legend. */
export function lineChartSvg(spec: ChartSpec, size: { width?: number; height?: number } = {}): string {
  const width = size.width ?? 760;
  const height = size.height ?? 300;
  const legend = legendLayout(
    spec.lines.map((l) => l.label),
    width - 60 - 18,
  );
  const legendRows = legend.length ? legend[legend.length - 1]!.row + 1 : 0;
  const m = { top: 14, right: 18, bottom: 40 + legendRows * 20, left: 60 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const n = spec.x.length;
  const values = spec.lines.flatMap((l) =>
    l.values
      .filter((v): v is number => v !== null && Number.isFinite(v))
      .map((v) => scaleValue(spec.unit, v)),
  );
  const ticks = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1);
  const y0 = ticks[0]!;
  const y1 = ticks[ticks.length - 1]!;
  const xAt = (i: number) => m.left + (n <= 1 ? pw / 2 : (i * pw) / (n - 1));
  const yAt = (v: number) => m.top + ph - ((v - y0) / (y1 - y0 || 1)) * ph;
  const parts: string[] = [];
  const label = `${spec.title} (${spec.lines.map((l) => l.label).join(', ')})`;
  parts.push(
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}">`,
  );
  parts.push(`<title>${escapeHtml(label)}</title>`);
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  for (const t of ticks) {
    const y = r1(yAt(t));
    parts.push(
      `<line x1="${m.left}" x2="${width - m.right}" y1="${y}" y2="${y}" stroke="${t === 0 ? '#8a7f75' : '#e7e0d7'}" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${m.left - 8}" y="${r1(y + 4)}" text-anchor="end" font-size="12" fill="#5b524b">${escapeHtml(tickLabel(spec.unit, t))}</text>`,
    );
  }
  // Every month when the labels fit (~7 px a character at 12 px), else every 2nd, 3rd, 6th… from January.
  const labelled = new Set(
    monthTicks(
      spec.x,
      n <= 1 ? pw : pw / (n - 1),
      Math.max(...spec.x.map((k) => monthLabel(k, 'short').length), 0) * 7,
    ),
  );
  spec.x.forEach((key, i) => {
    if (!labelled.has(key)) return;
    parts.push(
      `<text x="${r1(xAt(i))}" y="${m.top + ph + 18}" text-anchor="middle" font-size="12" fill="#5b524b">${escapeHtml(monthLabel(key, 'short'))}</text>`,
    );
  });
  for (const l of spec.lines) {
    const color = PALETTE[l.color];
    const dash = l.dashed ? ' stroke-dasharray="6 4"' : '';
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        parts.push(`<path d="M${run.join(' L')}" fill="none" stroke="${color}" stroke-width="2.5"${dash}/>`);
      run = [];
    };
    l.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return flush();
      const x = r1(xAt(i));
      const y = r1(yAt(scaleValue(spec.unit, v)));
      run.push(`${x} ${y}`);
      if (n <= 24) parts.push(`<circle cx="${x}" cy="${y}" r="3" fill="${color}"/>`);
    });
    flush();
  }
  spec.lines.forEach((l, i) => {
    const lx = m.left + legend[i]!.x;
    const ly = height - m.bottom + 40 + legend[i]!.row * 20;
    const dash = l.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${PALETTE[l.color]}" stroke-width="3"${dash}/>`,
    );
    parts.push(
      `<text x="${lx + 30}" y="${ly + 4}" font-size="13" fill="#1f1a17">${escapeHtml(l.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
