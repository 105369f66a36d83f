/**
 * Which months a monthly axis labels (pure): every month when the labels fit, else every 2nd, 3rd,
 * 6th or 12th month counted from January — evenly spaced, and the same months whatever the period.
 * The app's Recharts axes (components/charts/axis-ticks.ts) and the HTML report's static charts
 * (export/svg-chart.ts) both use it.
 */

/** Room kept between two neighbouring x labels, px. */
export const LABEL_GAP = 8;

/** Label steps of a monthly axis: every month, 2nd, quarter, half-year, year, 2 / 5 / 10 years. */
export const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120] as const;

function monthIndex(key: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(key);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : Number.NaN;
}

/**
 * The labelled months of a category axis of consecutive `months` (`YYYY-MM`) drawn `spacing` px
 * apart, with labels `labelWidth` px wide: every month when they fit side by side; else the finest
 * step of MONTH_STEPS that fits, on months aligned to January (every 3rd: Jan, Apr, Jul, Oct), so
 * the labels are evenly spaced and the same months whatever the period. When no month of a short
 * period is aligned, its first month.
 */
export function monthTicks(
  months: readonly string[],
  spacing: number,
  labelWidth: number,
  gap = LABEL_GAP,
): string[] {
  if (months.length === 0) return [];
  const step = monthStep(spacing, labelWidth, gap);
  if (step === 1) return [...months];
  const ticks = months.filter((m) => monthIndex(m) % step === 0);
  return ticks.length > 0 ? ticks : [months[0]!];
}

/** The finest of MONTH_STEPS that keeps labels `labelWidth` px wide apart when months are `spacing` px apart. */
export function monthStep(spacing: number, labelWidth: number, gap = LABEL_GAP): number {
  return MONTH_STEPS.find((s) => s * spacing >= labelWidth + gap) ?? MONTH_STEPS[MONTH_STEPS.length - 1]!;
}
