import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatPercent } from './format';
import { SeriesPanel, seriesPanelParts, tooltipFormat, type PanelSeries } from './series-panel';

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

describe('tooltipFormat', () => {
  it("shows a value as its series' own format (the table's, the cards'), not the axis format", () => {
    const axis = (v: number) => formatPercent(v, 0);
    const pct = (v: number | null) => formatPercent(v);
    const f = tooltipFormat(
      [
        { key: 'open', label: 'Open rate', color: 'var(--c1)', values: [0.325], format: pct },
        { key: 'click', label: 'Click rate', color: 'var(--c2)', values: [0.035], format: pct },
        { key: 'plain', label: 'Plain', color: 'var(--c3)', values: [0.5] },
      ],
      axis,
    );
    expect(f(0.325, 'open')).toBe(formatPercent(0.325, 1));
    expect(f(0.035, 'click')).toBe(formatPercent(0.035, 1));
    expect(f(0.035, 'click')).not.toBe(axis(0.035));
    // A series without its own format: the chart's format.
    expect(f(0.5, 'plain')).toBe(axis(0.5));
  });

  it('falls back to formatNumber without any format', () => {
    expect(tooltipFormat([{ key: 'n', label: 'N', color: 'x', values: [] }])(1234, 'n')).toBe(
      (1234).toLocaleString(),
    );
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
