import { describe, expect, it } from 'vitest';
import {
  axisWidth,
  estimateTextWidth,
  monthAxisLayout,
  monthLines,
  monthTicks,
  niceTicks,
  ticksThatFit,
} from './axis-ticks';

/** `count` consecutive month keys from `y`-`m`. */
function months(y: number, m: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

describe('monthTicks', () => {
  const year = months(2025, 1, 12);

  it('labels every month when the labels fit side by side', () => {
    // 12 months over a 1,094 px plot (a 1280 px page): ~99 px apart, labels ~77 px wide.
    expect(monthTicks(year, 1094 / 11, 77)).toEqual(year);
    expect(monthTicks(months(2024, 10, 13), 1094 / 12, 77)).toEqual(months(2024, 10, 13));
  });

  it('never drops one month alone: the next-to-last month is labelled like the others', () => {
    const ticks = monthTicks(year, 1094 / 11, 77);
    expect(ticks).toContain('2025-11');
    expect(ticks).toContain('2025-12');
  });

  it('falls back to every 2nd, 3rd or 6th month, counted from January', () => {
    expect(monthTicks(year, 60, 77)).toEqual([
      '2025-01',
      '2025-03',
      '2025-05',
      '2025-07',
      '2025-09',
      '2025-11',
    ]);
    expect(monthTicks(year, 30, 77)).toEqual(['2025-01', '2025-04', '2025-07', '2025-10']);
    expect(monthTicks(year, 20, 77)).toEqual(['2025-01', '2025-07']);
    const from = months(2024, 10, 12); // Oct 2024 – Sep 2025
    expect(monthTicks(from, 30, 77)).toEqual(['2024-10', '2025-01', '2025-04', '2025-07']);
  });

  it('spaces the chosen ticks evenly', () => {
    for (const spacing of [8, 15, 25, 40, 60, 90]) {
      const all = months(2023, 5, 36);
      const ticks = monthTicks(all, spacing, 77);
      const idx = ticks.map((t) => all.indexOf(t));
      const gaps = new Set(idx.slice(1).map((v, i) => v - idx[i]!));
      expect(gaps.size).toBeLessThanOrEqual(1);
      const gap = [...gaps][0] ?? 1;
      expect(gap * spacing >= 77 + 8 || gap === 120).toBe(true);
    }
  });

  it('goes to years (January) for three years on a phone, and keeps one label when none is aligned', () => {
    expect(monthTicks(months(2023, 1, 36), 8, 77)).toEqual(['2023-01', '2024-01', '2025-01']);
    expect(monthTicks(months(2025, 2, 3), 10, 77)).toEqual(['2025-02']);
    expect(monthTicks([], 10, 77)).toEqual([]);
  });
});

describe('ticksThatFit', () => {
  it('counts the labels that fit along the axis, at least two', () => {
    expect(ticksThatFit(1000, 90, 10)).toBe(11);
    expect(ticksThatFit(250, 77)).toBe(3);
    expect(ticksThatFit(20, 77)).toBe(2);
  });
});

describe('niceTicks', () => {
  it('gives round percentage steps for the unanswered share (0–22%)', () => {
    expect(niceTicks(0.02, 0.22, { minStep: 0.01 })).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25]);
  });

  it('starts at zero and ends on a round value above the maximum', () => {
    expect(niceTicks(0, 288, { minStep: 1 })).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(niceTicks(3, 478, { minStep: 1 })).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(0, 15_800, { minStep: 1 })).toEqual([0, 5000, 10_000, 15_000, 20_000]);
    expect(niceTicks(0, 0.45, { minStep: 0.01 })).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('never uses a step finer than the axis can print (whole counts, whole percents)', () => {
    expect(niceTicks(0, 3, { minStep: 1 })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0.03, { minStep: 0.01 })).toEqual([0, 0.01, 0.02, 0.03]);
    // 2.5 is a nice step for counts only from 25 up, and 2.5% needs decimals.
    expect(niceTicks(0, 0.12, { minStep: 0.01 })).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12]);
    expect(niceTicks(0, 0.15, { minStep: 0.01 })).toEqual([0, 0.05, 0.1, 0.15]);
    expect(niceTicks(0, 0.15, { minStep: 0.001 })).toEqual([0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15]);
    expect(niceTicks(0, 130, { minStep: 1 })).toEqual([0, 25, 50, 75, 100, 125, 150]);
    expect(niceTicks(0, 13, { minStep: 1 })).toEqual([0, 5, 10, 15]);
  });

  it('allows decimal steps when asked (a rate shown with one decimal)', () => {
    expect(niceTicks(0, 0.058, { minStep: 0.001 })).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06]);
    expect(niceTicks(0, 7.3)).toEqual([0, 2, 4, 6, 8]);
  });

  it('covers negative values (bars below zero) with the same step', () => {
    expect(niceTicks(-120, 300, { minStep: 1 })).toEqual([-200, -100, 0, 100, 200, 300]);
    expect(niceTicks(-12, -3, { minStep: 1 })).toEqual([-12, -10, -8, -6, -4, -2, 0]);
  });

  it('respects the number of intervals asked for', () => {
    const ticks = niceTicks(0, 288, { minStep: 1, maxIntervals: 4 });
    expect(ticks).toEqual([0, 100, 200, 300]);
  });

  it('draws an axis for an empty or flat series', () => {
    expect(niceTicks(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, { minStep: 1 })).toEqual([0, 1]);
    expect(niceTicks(0, 0, { minStep: 0.01 })).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(Number.NaN, 5, { minStep: 1 })).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('returns exact decimals (no 0.30000000000000004)', () => {
    for (const t of niceTicks(0, 0.7, { minStep: 0.01 })) expect(String(t).length).toBeLessThanOrEqual(4);
  });
});

describe('axis layout', () => {
  it('estimates a label at about 0.62 em per character', () => {
    expect(estimateTextWidth('Nov 2025')).toBeCloseTo(8 * 16 * 0.62);
    expect(estimateTextWidth('Nov 2025', 18)).toBeCloseTo(8 * 18 * 0.62);
  });

  it('makes a y axis wide enough for its widest tick label and its title', () => {
    expect(axisWidth(40)).toBe(72);
    expect(axisWidth(59)).toBe(91);
    expect(axisWidth(40, false)).toBe(48);
  });

  it('labels all 12 months at 1280 px and leaves room for the last label', () => {
    const m = months(2025, 1, 12);
    const layout = monthAxisLayout({
      months: m,
      width: 1190,
      labelWidth: 77,
      yAxes: [72],
      margin: { left: 8, right: 16 },
    });
    expect(layout.ticks).toEqual(m);
    expect(layout.marginRight).toBeGreaterThanOrEqual(77 / 2);
  });

  it('thins to every 2nd month at 700 px and to January and July on a 390 px phone', () => {
    const m = months(2025, 1, 12);
    const at = (width: number) =>
      monthAxisLayout({ months: m, width, labelWidth: 77, yAxes: [72], margin: { left: 8, right: 16 } })
        .ticks;
    expect(at(700)).toEqual(['2025-01', '2025-03', '2025-05', '2025-07', '2025-09', '2025-11']);
    expect(at(330)).toEqual(['2025-01', '2025-07']);
  });

  it('spaces bars a band apart, their labels in the middle (no extra margin with a right axis)', () => {
    const m = months(2025, 1, 12);
    const layout = monthAxisLayout({
      months: m,
      width: 1190,
      labelWidth: 77,
      yAxes: [72, 60],
      margin: { left: 8, right: 16 },
      band: true,
    });
    expect(layout.ticks).toEqual(m);
    expect(layout.marginRight).toBe(16);
  });

  it('labels every month while the width is unknown (first render, server)', () => {
    const m = months(2025, 1, 12);
    expect(
      monthAxisLayout({ months: m, width: null, labelWidth: 77, yAxes: [72], margin: { left: 8, right: 16 } })
        .ticks,
    ).toEqual(m);
  });
});

describe('two-line month labels', () => {
  const m = months(2025, 1, 12);
  const layout = (width: number, band = false) =>
    monthAxisLayout({
      months: m,
      width,
      labelWidth: 77,
      stackedWidth: 40,
      yAxes: band ? [62, 72] : [72],
      margin: { left: 8, right: 16 },
      band,
    });

  it('keeps one line whenever every month fits', () => {
    expect(layout(1190)).toMatchObject({ ticks: m, stacked: false });
  });

  it('stacks month over year when that shows more months: quarters on a phone instead of January and July', () => {
    expect(layout(330)).toMatchObject({ ticks: ['2025-01', '2025-04', '2025-07', '2025-10'], stacked: true });
    expect(layout(300, true)).toMatchObject({ ticks: ['2025-01', '2025-07'], stacked: true });
  });

  it('stays on one line when stacking would not show more months', () => {
    const years = months(2020, 1, 36);
    const wide = monthAxisLayout({
      months: years,
      width: 420,
      labelWidth: 77,
      stackedWidth: 70,
      yAxes: [72],
      margin: { left: 8, right: 16 },
    });
    expect(wide.stacked).toBe(false);
  });
});

describe('monthLines', () => {
  it('splits a month label into the month and the year, in the given locale', () => {
    expect(monthLines('2025-11', 'en-US')).toEqual(['Nov', '2025']);
    expect(monthLines('2025-05', 'fr-FR')).toEqual(['mai', '2025']);
    expect(monthLines('nonsense', 'en-US')).toEqual(['nonsense', '']);
  });
});
