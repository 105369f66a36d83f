import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_KPIS, SERIES_INFO } from '../../domain/highlights';
import { handReport, monthRun } from '../../domain/highlights/testing';
import type { SeriesName } from '../../domain/metrics/types';
import { buildSlides } from './slides';

const g = globalThis as { window?: unknown };
beforeAll(() => {
  g.window = { innerHeight: 800 };
});
afterAll(() => {
  delete g.window;
});

describe('buildSlides: the title slide', () => {
  const report = handReport(monthRun('2025-01', 3), { active_members: [5, 6, 7] });
  const title = (sources?: string[]) =>
    renderToStaticMarkup(createElement(Fragment, null, buildSlides(report, '2025-03', '', sources)[0]!.body));

  it('names the sources when the filter leaves some out', () => {
    expect(title(['discourse', 'slack'])).toContain('Sources: Discourse, Slack · ');
  });

  it('says nothing of sources when all are shown', () => {
    expect(title()).not.toContain('Sources:');
    expect(title([])).toContain('Compared with February 2025 · times in UTC');
  });
});

describe('buildSlides: the platforms’ figures', () => {
  const report = handReport(monthRun('2025-01', 3), { active_members: [5, 6, 7] });
  const figure = {
    source: 'x',
    title: 'X account analytics',
    label: 'Impressions',
    unit: 'count' as const,
    value: 11423,
    change: 0.031,
    partial: null,
    days: 31,
  };

  it('get a slide after the key figures when imported, in their units with the change', () => {
    const deck = buildSlides(report, '2025-03', '', [], [figure]);
    expect(deck.map((s) => s.id).slice(0, 4)).toEqual(['title', 'kpis', 'highlights', 'platforms']);
    const html = renderToStaticMarkup(createElement(Fragment, null, deck[3]!.body));
    expect(
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe('X account analytics: Impressions 11,423 +3.1% vs Feb 2025');
  });

  it('say how many days of the month a partly covered figure holds', () => {
    const deck = buildSlides(report, '2025-03', '', [], [{ ...figure, change: null, partial: 17 }]);
    const html = renderToStaticMarkup(createElement(Fragment, null, deck[3]!.body));
    expect(html).toContain('X account analytics: Impressions (17 of 31 days)');
  });

  it('and none without them', () => {
    expect(buildSlides(report, '2025-03', '').map((s) => s.id)).not.toContain('platforms');
  });
});

describe('buildSlides: the key figures', () => {
  it('shows every headline KPI with data (as the Overview and the brief do), not the first eight', () => {
    const report = handReport(
      monthRun('2025-01', 2),
      Object.fromEntries(HEADLINE_KPIS.map((s) => [s, [10, 12]])) as Record<SeriesName, number[]>,
    );
    const deck = buildSlides(report, '2025-02', '');
    const html = renderToStaticMarkup(createElement(Fragment, null, deck[1]!.body));
    expect(HEADLINE_KPIS).toHaveLength(11);
    expect(html.match(/class="slide-kpi /g)).toHaveLength(HEADLINE_KPIS.length);
    for (const s of HEADLINE_KPIS) expect(html).toContain(SERIES_INFO[s].label);
  });

  it('leaves out those without data', () => {
    const report = handReport(monthRun('2025-01', 2), { active_members: [5, 6] });
    const html = renderToStaticMarkup(
      createElement(Fragment, null, buildSlides(report, '2025-02', '')[1]!.body),
    );
    expect(html).not.toContain(SERIES_INFO.attendees.label);
  });
});
