import { describe, expect, it } from 'vitest';
import { handReport, monthRun } from '../highlights/testing';
import { HTML_REPORT_CSP, maskEmails, renderHtmlReport } from './html-report';
import { lineChartSvg, niceTicks } from './svg-chart';
import { reportCharts } from './chart-specs';

const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input']);

/**
 * A small well-formedness check: every non-void tag closes, in order; attribute values are quoted;
 * no stray `<` in text. (No DOM in these tests: the e2e opens the file in Chromium.)
 */
function checkWellFormed(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/^<!doctype html>\s*/i, '');
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*(?:="[^"]*")?)*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const text = body.slice(last, m.index);
    if (/[<>]/.test(text) && !stack.includes('style'))
      problems.push(`stray < or > in text near ${JSON.stringify(text.slice(0, 40))}`);
    last = tag.lastIndex;
    const [, closing, rawName, , selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else if (!selfClosing && !VOID.has(name)) stack.push(name);
  }
  if (/[<>]/.test(body.slice(last).trim())) problems.push('stray markup at the end');
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

const months = monthRun('2025-01', 6);
const report = handReport(
  months,
  {
    active_members: [100, 110, 125, 140, 150, 1204],
    new_members: [30, 20, 25, 30, 12, 45],
    contributions: [900, 950, 1000, 1100, 1150, 1200],
    median_ttfr_hours: [4, 5, 4.5, 4, 4, 9],
    unanswered_share: [0.1, 0.12, 0.2, 0.14, 0.14, 0.09],
    net_sentiment: [0.1, 0.12, null, 0.15, 0.2, 0.18],
    sentiment_positive_share: [0.3, 0.32, null, 0.35, 0.4, 0.38],
    sentiment_negative_share: [0.2, 0.2, null, 0.2, 0.2, 0.2],
  },
  {
    retention: [
      { cohort: '2025-01', size: 30, active: [30, 12, 9, 8, 8, 7], rate: [1, 0.4, 0.3, 0.267, 0.267, 0.233] },
      { cohort: '2025-02', size: 20, active: [20, 10, 6, 5, 5], rate: [1, 0.5, 0.3, 0.25, 0.25] },
    ],
    topContributors: [
      { name: '<script>alert("x")</script>', activities: 87 },
      { name: 'Ada "the weaver" O\'Kafor & co', activities: 50 },
      { name: 'jane.doe@example.org', activities: 10 },
    ],
  },
);
report.sources = [{ file: 'posts-<b>.csv', format: 'discourse-posts', rows: 10, imported: 10, skipped: 0 }];

describe('renderHtmlReport', () => {
  const withNames = renderHtmlReport(report, {
    includeNames: true,
    notes: {
      '2025-06': 'Launch week </p><script>bad()</script>\nsecond line',
      '2024-01': 'outside the period',
    },
  });
  const without = renderHtmlReport(report, { includeNames: false });

  it('is one well-formed HTML document', () => {
    expect(withNames.startsWith('<!doctype html>')).toBe(true);
    expect(checkWellFormed(withNames)).toEqual([]);
    expect(checkWellFormed(without)).toEqual([]);
  });

  it('has a strict CSP and nothing that could load: no script, no URL, no external style, font or image', () => {
    for (const html of [withNames, without]) {
      expect(html).toContain(
        `<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP.replace(/'/g, '&#39;')}">`,
      );
      // The only "http" is the CSP meta's http-equiv attribute: no URL of any scheme.
      expect(html.replaceAll('http-equiv=', '')).not.toMatch(/http/i);
      expect(html).not.toMatch(/[a-z]+:\/\//i);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<(link|img|iframe|object|embed|image|use|foreignObject)\b/i);
      expect(html).not.toMatch(/\b(src|href)=/i);
      expect(html).not.toMatch(/url\(|@import|@font-face/i);
    }
  });

  it('escapes every string: a <script> name and a note with markup stay text', () => {
    expect(withNames).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(withNames).toContain('Ada &quot;the weaver&quot; O&#39;Kafor &amp; co');
    expect(withNames).toContain('Launch week &lt;/p&gt;&lt;script&gt;bad()&lt;/script&gt;\nsecond line');
    expect(withNames).toContain('posts-&lt;b&gt;.csv');
  });

  it('lists the platforms’ figures for the month in their units, escaped; nothing without them', () => {
    const html = renderHtmlReport(report, {
      includeNames: false,
      platformFigures: [
        {
          source: 'x',
          title: 'X account analytics',
          label: 'Impressions',
          unit: 'count',
          value: 11423,
          change: -0.458,
          partial: null,
          days: 31,
        },
        {
          source: 'linkedin',
          title: 'LinkedIn page analytics',
          label: 'Engagement <rate>',
          unit: 'fraction',
          value: 0.0527,
          change: 0.0018,
          partial: 17,
          days: 31,
        },
      ],
    });
    expect(checkWellFormed(html)).toEqual([]);
    expect(html).toContain('<h2 id="platforms">Platform figures</h2>');
    expect(html).toContain(
      '<tr><td>X account analytics: Impressions</td><td class="num">11,423</td><td class="num">−45.8%</td></tr>',
    );
    expect(html).toContain(
      '<td>LinkedIn page analytics: Engagement &lt;rate&gt; (17 of 31 days)</td><td class="num">5.27%</td><td class="num">+0.2 pts</td>',
    );
    expect(without).not.toContain('Platform figures');
  });

  it('names top contributors only when asked, and never an email', () => {
    expect(without).not.toContain('weaver');
    expect(without).not.toContain('Top contributors');
    expect(withNames).toContain('Top contributors');
    expect(withNames).not.toContain('jane.doe@example.org');
    expect(maskEmails('mail jane.doe@example.org now')).toBe('mail [email hidden] now');
  });

  it('contains the months, the KPI values and changes, the highlights and the notes of the period', () => {
    for (const m of ['Jan 2025', 'Mar 2025', 'Jun 2025', 'January 2025 – June 2025'])
      expect(without).toContain(m);
    // Active members 1,204 against 150: +702.7%; unanswered 9% against 14%: −5 pts.
    expect(without).toMatch(
      /<tr data-series="active_members"><th scope="row">Active members<\/th><td class="num">1,204<\/td><td class="num">150<\/td><td class="num good">\+702.7% <span class="tone">\(better\)<\/span><\/td><\/tr>/,
    );
    // Fewer unanswered threads is better: said in words, not only in green.
    expect(without).toMatch(
      /data-series="unanswered_share">.*?9%.*?14%.*?−5 pts <span class="tone">\(better\)<\/span>/,
    );
    expect(without).toContain('Active members rose 703% to 1,204, the highest on record.');
    expect(withNames).toContain('<h2 id="notes">Notes</h2>');
    expect(withNames).not.toContain('outside the period');
    expect(without).not.toContain('id="notes"');
  });

  it('draws each chart as inline SVG, breaking lines at months with no value', () => {
    const charts = reportCharts(report).map((c) => c.id);
    expect(charts).toEqual(['growth', 'flow', 'retention', 'sentiment', 'responsiveness', 'unanswered']);
    expect(without.match(/<svg /g)?.length).toBe(charts.length);
    const sentiment = lineChartSvg(reportCharts(report).find((c) => c.id === 'sentiment')!);
    // 3 lines, each broken into 2 runs by March's null → 6 paths.
    expect(sentiment.match(/<path /g)?.length).toBe(6);
    expect(sentiment).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('labels the months of a static chart evenly: all six, or every 2nd from January for a year', () => {
    const labels = (svg: string) =>
      [...svg.matchAll(/text-anchor="middle" font-size="12" fill="#5b524b">([^<]+)</g)].map((m) => m[1]);
    expect(labels(lineChartSvg(reportCharts(report).find((c) => c.id === 'growth')!))).toEqual([
      'Jan 2025',
      'Feb 2025',
      'Mar 2025',
      'Apr 2025',
      'May 2025',
      'Jun 2025',
    ]);
    const year = handReport(monthRun('2025-01', 12), {
      active_members: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    });
    // 12 labels of ~56 px do not fit 62 px apart with their gap: Jan, Mar, May… (not "…, Nov, Dec").
    expect(labels(lineChartSvg(reportCharts(year).find((c) => c.id === 'growth')!))).toEqual([
      'Jan 2025',
      'Mar 2025',
      'May 2025',
      'Jul 2025',
      'Sep 2025',
      'Nov 2025',
    ]);
  });

  it('leaves out the community charts when nobody was active (social sources only), and any chart with no value', () => {
    const social = handReport(months, {
      social_posts: [2, 3, 1, 4, 2, 5],
      impressions: [900, 1200, 400, 1500, 800, 2100],
      engagements: [40, 66, 12, 90, 30, 120],
      engagement_rate: [0.044, 0.055, 0.03, 0.06, 0.0375, 0.0571],
    });
    // (Was: growth and flow charts of flat zeros, sentiment, response-time and unanswered charts of empty axes.)
    expect(reportCharts(social).map((c) => c.id)).toEqual(['social']);
    // Active members but no texts and no threads: the growth charts, not the empty sentiment and response charts.
    const quiet = handReport(months, { active_members: [3, 4, 0, 2, 5, 1] });
    expect(reportCharts(quiet).map((c) => c.id)).toEqual(['growth', 'flow']);
  });

  it('shows newsletter, social and event charts only where there is data', () => {
    expect(without).not.toContain('Newsletter opens');
    const withEvents = handReport(months, {
      active_members: [1, 2, 3, 4, 5, 6],
      attendees: [0, 0, 10, 0, 12, 0],
      events: [0, 0, 1, 0, 1, 0],
    });
    expect(renderHtmlReport(withEvents, { includeNames: false })).toContain('Event attendance');
  });

  it('says from how many export files, in the singular for one', () => {
    expect(without).toContain('from 1 export file, on the manager');
    const two = { ...report, sources: [...report.sources, { ...report.sources[0]!, file: 'likes.csv' }] };
    expect(renderHtmlReport(two, { includeNames: false })).toContain('from 2 export files, on the manager');
  });

  it('renders an empty report without failing', () => {
    const html = renderHtmlReport(handReport([], {}), { includeNames: false });
    expect(checkWellFormed(html)).toEqual([]);
    expect(html).toContain('No data');
  });
});

describe('niceTicks', () => {
  it('covers the range with round steps, from 0', () => {
    expect(niceTicks(0, 1204)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(-20, 18)).toEqual([-20, -10, 0, 10, 20]);
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
