import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatPercent } from './format';
import { SeriesPanel, seriesPanelParts, type PanelSeries } from './series-panel';

const months = ['2024-01', '2024-02'];
const series: PanelSeries[] = [
  { key: 'posts', label: 'Posts', values: [1200, 3], tableOnly: true },
  {
    key: 'rate',
    label: 'Engagement rate',
    color: 'var(--c1)',
    values: [0.1234, null],
    format: (v) => formatPercent(v, 2),
  },
  { key: 'reach', label: 'Reach', color: 'var(--c2)', values: [5, 6], dashed: true },
];

describe('seriesPanelParts', () => {
  it('gives the table a Month column and one column per series, in list order', () => {
    const { table } = seriesPanelParts(months, series);
    expect(table.columns.map((c) => c.label)).toEqual(['Month', 'Posts', 'Engagement rate', 'Reach']);
    expect(table.rows.map((r) => table.rowKey(r, r.index))).toEqual(months);
  });

  it("formats table cells with each series' format, formatNumber by default", () => {
    const { table } = seriesPanelParts(months, series);
    const cells = table.rows.map((r) => table.columns.slice(1).map((c) => c.render!(r)));
    expect(cells).toEqual([
      [(1200).toLocaleString(), '12.34%', '5'],
      ['3', '—', '6'],
    ]);
  });

  it('draws every series but the table-only ones, keeping colours and dashes', () => {
    const { lines } = seriesPanelParts(months, series);
    expect(lines.map((l) => [l.key, l.color, l.dashed])).toEqual([
      ['rate', 'var(--c1)', undefined],
      ['reach', 'var(--c2)', true],
    ]);
  });
});

describe('SeriesPanel', () => {
  const html = (empty?: string) =>
    renderToStaticMarkup(
      createElement(SeriesPanel, {
        title: 'Engagement',
        definition: 'How',
        empty,
        months,
        unit: 'count',
        series,
      }),
    );

  it('renders the chart card with a legend of the drawn series only', () => {
    const out = html();
    expect(out).toContain('<h2');
    expect(out).toContain('Engagement</h2>');
    expect(out).toContain('Show as table');
    const legend = [...out.matchAll(/recharts-legend-item-text[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(legend).toEqual(['Engagement rate', 'Reach']);
  });

  it('shows the empty state instead of the chart and its table toggle', () => {
    const out = html('Import a posts export.');
    expect(out).toContain('<div class="chart-empty" role="note">Import a posts export.</div>');
    expect(out).not.toContain('Show as table');
    expect(out).not.toContain('recharts-legend-item');
  });
});
