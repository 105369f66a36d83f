/**
 * Axis ticks chosen up front, so Recharts draws exactly these (`interval={0}`) instead of thinning
 * its own: its default ('preserveEnd') pulls the last label inside the chart and then drops
 * whichever label that one collides with — the next-to-last month vanished from every 12-month
 * chart. Here a monthly axis labels every month when the labels fit, else every 2nd, 3rd, 6th or
 * 12th month counted from January; a value axis steps by 1, 2, 2.5 or 5 × 10ⁿ.
 */

import { LABEL_GAP, monthStep, monthTicks } from '../../domain/time/month-ticks';

// Which months a monthly axis labels is domain code (the HTML report's static charts use it too).
export { LABEL_GAP, MONTH_STEPS, monthStep, monthTicks } from '../../domain/time/month-ticks';

/** How many labels `labelWidth` px wide fit along an axis `length` px long (at least 2). */
export function ticksThatFit(length: number, labelWidth: number, gap = LABEL_GAP): number {
  return Math.max(2, 1 + Math.floor(length / (labelWidth + gap)));
}

/** Width of a text at `fontPx`, when it cannot be measured (no DOM): ~0.62 em a character. */
export function estimateTextWidth(text: string, fontPx = 16): number {
  return text.length * fontPx * 0.62;
}

/**
 * Width of a y axis whose widest tick label is `labelWidth` px: the label, the tick (6 px) and its
 * margin (2 px), plus 24 px for the axis title drawn along the outer edge when there is one.
 */
export function axisWidth(labelWidth: number, withTitle = true): number {
  return Math.ceil(labelWidth) + 8 + (withTitle ? 24 : 0);
}

/** Until the chart has been measured (first render, server), its width is taken to be this. */
export const ASSUMED_WIDTH = 1200;

/**
 * The x ticks and right margin of a monthly chart `width` px wide (null: not measured yet) with y
 * axes `yAxes` px wide. Month labels are `Mar 2025` (`labelWidth` px) on one line; when they do not
 * all fit and the two-line form (`Mar` over `2025`, `stackedWidth` px wide) lets more of them be
 * shown, that form (`stacked`). Points (lines) sit at both ends of the plot, so without a right-hand
 * axis the right margin grows to half a label (the last month's label is drawn whole); bars sit in
 * the middle of their band.
 */
export function monthAxisLayout({
  months,
  width,
  labelWidth,
  stackedWidth,
  yAxes,
  margin,
  band = false,
}: {
  months: readonly string[];
  width: number | null;
  labelWidth: number;
  stackedWidth?: number;
  yAxes: readonly number[];
  margin: { left: number; right: number };
  band?: boolean;
}): { ticks: string[]; marginRight: number; stacked: boolean } {
  const rightAxis = yAxes.length > 1;
  const axes = yAxes.reduce((a, b) => a + b, 0);
  const n = months.length;
  const layout = (label: number) => {
    const marginRight = band || rightAxis ? margin.right : Math.max(margin.right, Math.ceil(label / 2) + 4);
    const plot = (width ?? ASSUMED_WIDTH) - margin.left - marginRight - axes;
    const spacing = band ? plot / Math.max(1, n) : plot / Math.max(1, n - 1);
    return { marginRight, spacing, step: monthStep(spacing, label) };
  };
  const one = layout(labelWidth);
  const two = stackedWidth === undefined || one.step === 1 ? null : layout(stackedWidth);
  if (two && two.step < one.step)
    return {
      ticks: monthTicks(months, two.spacing, stackedWidth!),
      marginRight: two.marginRight,
      stacked: true,
    };
  return { ticks: monthTicks(months, one.spacing, labelWidth), marginRight: one.marginRight, stacked: false };
}

/** 1, 2, 2.5 and 5 × 10ⁿ. */
const MANTISSAS = [1, 2, 2.5, 5];

const exact = (v: number) => Number(v.toPrecision(12));

/**
 * Evenly spaced round ticks from 0 (or below, for negative values) to the first step at or above
 * `max`: the finest step of 1, 2, 2.5 or 5 × 10ⁿ that needs at most `maxIntervals` intervals,
 * never finer than `minStep` and always a whole multiple of it — 1 for counts, 0.01 for fractions
 * printed as whole percents — so no two ticks print alike (no 0% 6% 11% 17% 22%). An empty or flat
 * series gets 0 to max(1, minStep).
 */
export function niceTicks(
  min: number,
  max: number,
  { minStep = 0, maxIntervals = 6 }: { minStep?: number; maxIntervals?: number } = {},
): number[] {
  const lo = Math.min(0, Number.isFinite(min) ? min : 0);
  let hi = Math.max(0, Number.isFinite(max) ? max : 0);
  if (hi <= lo) hi = lo + Math.max(1, minStep);
  const intervals = Math.max(1, Math.floor(maxIntervals));
  const rough = Math.max((hi - lo) / intervals, minStep, Number.MIN_VALUE);
  const fits = (step: number) => {
    if (minStep > 0) {
      const r = step / minStep;
      if (r < 1 - 1e-9 || Math.abs(r - Math.round(r)) > 1e-9) return false;
    }
    return Math.ceil(exact(hi / step)) - Math.floor(exact(lo / step)) <= intervals;
  };
  let step = Number.NaN;
  for (let e = Math.floor(Math.log10(rough)) - 1; Number.isNaN(step) && e < 400; e++) {
    for (const m of MANTISSAS) {
      const s = exact(m * 10 ** e);
      if (fits(s)) {
        step = s;
        break;
      }
    }
  }
  const from = Math.floor(exact(lo / step));
  const to = Math.ceil(exact(hi / step));
  const ticks: number[] = [];
  for (let k = from; k <= to; k++) ticks.push(exact(k * step));
  return ticks;
}

/** A month key's two-line label in the user's locale (or `locale`): `['Mar', '2025']`. */
export function monthLines(key: string, locale?: string): [string, string] {
  const m = /^(\d{4})-(\d{2})/.exec(key);
  if (!m) return [key, ''];
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return [
    d.toLocaleDateString(locale, { month: 'short', timeZone: 'UTC' }),
    d.toLocaleDateString(locale, { year: 'numeric', timeZone: 'UTC' }),
  ];
}
