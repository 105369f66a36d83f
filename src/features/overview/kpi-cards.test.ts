import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { handReport, monthRun } from '../../domain/highlights/testing';
import { KpiCards } from './kpi-cards';

/** One card's text, tags dropped. */
function card(html: string, series: string): string {
  const m = new RegExp(`<li class="([^"]*)" data-series="${series}">(.*?)</li>`).exec(html);
  if (!m) throw new Error(`no card ${series}`);
  return `${m[1]}|${m[2]!
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()}`;
}

describe('KpiCards', () => {
  it('a count with nothing in the period shows "—" and says so, not 0; a rate of 0% stays 0%', () => {
    // Only a newsletter: subscribers and open rates, no members, nothing unanswered.
    const report = handReport(monthRun('2025-01', 3), {
      subscribers_total: [100, 110, 120],
      open_rate: [0.4, 0.42, 0.45],
      unanswered_share: [0, 0, 0],
    });
    const html = renderToStaticMarkup(createElement(KpiCards, { report }));
    expect(card(html, 'active_members')).toMatch(
      /^kpi neutral no-data\|Active members — No data in this period/,
    );
    expect(card(html, 'contributions')).toMatch(/— No data in this period/);
    expect(card(html, 'subscribers_total')).toMatch(/Newsletter subscribers 120 ▲ \+9\.1%/);
    expect(card(html, 'unanswered_share')).toMatch(/Unanswered threads 0% ■ ±0 pts/);
  });

  it('net sentiment is signed, as in the brief', () => {
    const report = handReport(monthRun('2025-01', 2), {
      active_members: [5, 6],
      net_sentiment: [0.1, 0.208],
    });
    expect(card(renderToStaticMarkup(createElement(KpiCards, { report })), 'net_sentiment')).toMatch(
      /Net sentiment \+20\.8%/,
    );
  });

  it('the engagement rate reads as in the brief and the slides (one decimal)', () => {
    const report = handReport(monthRun('2025-01', 2), {
      active_members: [5, 6],
      engagement_rate: [0.0312, 0.04567],
    });
    expect(card(renderToStaticMarkup(createElement(KpiCards, { report })), 'engagement_rate')).toMatch(
      /Social engagement rate 4\.6% ▲/,
    );
  });

  it('a quiet month after active ones is a real 0, with its change', () => {
    const report = handReport(monthRun('2025-01', 3), { active_members: [5, 4, 0] });
    expect(card(renderToStaticMarkup(createElement(KpiCards, { report })), 'active_members')).toMatch(
      /^kpi bad\|Active members 0 ▼ −100% \(worse\)/,
    );
  });

  it('a rate with no value in any month of the period says so, as a count does (not "no comparison")', () => {
    // Only a LinkedIn export: no forum, chat or newsletter, so no stickiness, response times or open rates.
    const report = handReport(monthRun('2025-01', 3), { engagement_rate: [0.05, 0.06, 0.055] });
    const html = renderToStaticMarkup(createElement(KpiCards, { report }));
    for (const series of ['stickiness', 'median_ttfr_hours', 'open_rate']) {
      expect(card(html, series)).toMatch(/^kpi neutral no-data\|.* — No data in this period/);
    }
    expect(card(html, 'engagement_rate')).toMatch(/5\.5% ▼ −0\.5 pts/);
  });

  it('a count at 0 two months running has not changed (a percent change from 0 has no value, but "no comparison" beside "Feb 2025: 0" read as missing data)', () => {
    const report = handReport(monthRun('2025-01', 3), { active_members: [5, 6, 7], attendees: [12, 0, 0] });
    const html = renderToStaticMarkup(createElement(KpiCards, { report }));
    expect(card(html, 'attendees')).toMatch(/^kpi neutral\|Event attendees 0 ■ no change Feb 2025: 0/);
    expect(card(html, 'active_members')).toMatch(/▲ \+16\.7%/);
  });
});
