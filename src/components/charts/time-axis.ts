/**
 * A numeric time x axis for long histories: x keys (`YYYY-MM` months or `YYYY-MM-DD` days) become
 * UTC milliseconds, and a few readable ticks (first of a month or of a year) are chosen up front,
 * so the chart never formats or measures a label per point (Recharts' category axis does).
 */

const DAY = 86_400_000;

/** UTC milliseconds of a `YYYY-MM` (first of the month) or `YYYY-MM-DD` key; NaN when unreadable. */
export function keyTime(key: string): number {
  const k = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(key);
  if (!k) return Number.NaN;
  const t = new Date(0);
  t.setUTCFullYear(Number(k[1]), Number(k[2]) - 1, k[3] ? Number(k[3]) : 1);
  return t.getTime();
}

/** Whether the keys are days (`YYYY-MM-DD`) rather than months. */
export function isDailyKeys(keys: readonly string[]): boolean {
  return keys.length > 0 && (keys[0] ?? '').length >= 10;
}

/** Tick spacing: a number of days, months or years. */
export type TickStep = { unit: 'day' | 'month' | 'year'; n: number };

const STEPS: TickStep[] = [
  { unit: 'day', n: 1 },
  { unit: 'day', n: 2 },
  { unit: 'day', n: 7 },
  { unit: 'day', n: 14 },
  { unit: 'month', n: 1 },
  { unit: 'month', n: 2 },
  { unit: 'month', n: 3 },
  { unit: 'month', n: 6 },
  { unit: 'year', n: 1 },
  { unit: 'year', n: 2 },
  { unit: 'year', n: 5 },
  { unit: 'year', n: 10 },
  { unit: 'year', n: 20 },
  { unit: 'year', n: 50 },
  { unit: 'year', n: 100 },
];

function approxMs(s: TickStep): number {
  return s.n * (s.unit === 'day' ? DAY : s.unit === 'month' ? 30.44 * DAY : 365.25 * DAY);
}

function ticksFor(min: number, max: number, step: TickStep): number[] {
  const out: number[] = [];
  const start = new Date(min);
  if (step.unit === 'day') {
    // Whole UTC days; weekly steps start on the first day of the data.
    for (
      let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
      t <= max;
      t += step.n * DAY
    ) {
      if (t >= min) out.push(t);
    }
    return out;
  }
  if (step.unit === 'month') {
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth();
    m -= m % step.n; // Jan/Apr/Jul/Oct for quarters, Jan/Jul for halves.
    for (let t = Date.UTC(y, m, 1); t <= max; t = Date.UTC(y, m, 1)) {
      if (t >= min) out.push(t);
      m += step.n;
      if (m >= 12) {
        y += Math.floor(m / 12);
        m %= 12;
      }
    }
    return out;
  }
  let y = start.getUTCFullYear();
  y -= ((y % step.n) + step.n) % step.n; // 2015, 2020, 2025 for 5-year steps
  for (let t = Date.UTC(y, 0, 1); t <= max; y += step.n, t = Date.UTC(y, 0, 1)) if (t >= min) out.push(t);
  return out;
}

/**
 * Ticks for a time axis from `min` to `max` (UTC ms): the finest step of days, months or years
 * that gives at most `maxTicks` ticks, each on the first of a month (or of a year). Always at
 * least one tick when min ≤ max (the first data point when no boundary falls inside).
 */
export function timeTicks(min: number, max: number, maxTicks = 10): { ticks: number[]; step: TickStep } {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min)
    return { ticks: [], step: { unit: 'month', n: 1 } };
  const span = max - min;
  for (const step of STEPS) {
    if (span / approxMs(step) - 1 > maxTicks * 2) continue; // far too many: skip without building
    const ticks = ticksFor(min, max, step);
    if (ticks.length <= maxTicks) return { ticks: ticks.length > 0 ? ticks : [min], step };
  }
  const step = STEPS[STEPS.length - 1]!;
  const ticks = ticksFor(min, max, step);
  return { ticks: ticks.length > 0 ? ticks : [min], step };
}

/** A tick label in the user's locale: `2019` for yearly steps, `Mar 2019` for months, `Mar 5` for days. */
export function tickLabel(t: number, step: TickStep, locale?: string): string {
  const d = new Date(t);
  if (step.unit === 'year') return d.toLocaleDateString(locale, { year: 'numeric', timeZone: 'UTC' });
  if (step.unit === 'month')
    return d.toLocaleDateString(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return d.toLocaleDateString(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/**
 * The labels of a time axis' ticks: `tickLabel`'s, with the year added to day ticks where it
 * changes (the first tick, and the first of each new year) when the ticks span more than one year —
 * `Dec 1, 2025 … Dec 29 · Jan 5, 2026 …` instead of a `Jan 5` of no year.
 */
export function tickLabels(ticks: readonly number[], step: TickStep, locale?: string): string[] {
  const years = ticks.map((t) => new Date(t).getUTCFullYear());
  const crosses = years.length > 0 && years[0] !== years[years.length - 1];
  return ticks.map((t, i) =>
    step.unit === 'day' && crosses && (i === 0 || years[i] !== years[i - 1])
      ? new Date(t).toLocaleDateString(locale, {
          month: 'short',
          day: 'numeric',
          year: 'numeric',
          timeZone: 'UTC',
        })
      : tickLabel(t, step, locale),
  );
}

/** A tooltip label: the long month (`March 2019`) or, for daily keys, the date (`Mar 5, 2019`). */
export function pointLabel(t: number, daily: boolean, locale?: string): string {
  const d = new Date(t);
  return daily
    ? d.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    : d.toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * `timeTicks` for an axis `length` px long whose labels are `labelWidth` px wide: at most as many
 * ticks as labels fit, and fewer while two neighbouring ticks stand closer than a label and its
 * gap — month steps rarely start at the axis' first day (`Jul 1, Sep 1, Nov 1` on a July–December
 * axis stand a third of it apart, not half).
 */
export function fittedTimeTicks(
  min: number,
  max: number,
  length: number,
  labelWidth: number,
  gap: number,
  maxTicks = 10,
) {
  const span = max - min;
  let fit = Math.max(1, Math.min(maxTicks, 1 + Math.floor(length / (labelWidth + gap))));
  for (;;) {
    const r = timeTicks(min, max, fit);
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 1; i < r.ticks.length; i++) closest = Math.min(closest, r.ticks[i]! - r.ticks[i - 1]!);
    if (fit <= 1 || span <= 0 || r.ticks.length < 2 || (closest / span) * length >= labelWidth + gap)
      return r;
    fit--;
  }
}
