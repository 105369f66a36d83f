import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { handReport, monthRun } from '../../domain/highlights/testing';
import { KpiTable } from './kpi-table';

const render = (report: ReturnType<typeof handReport>) =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(KpiTable, { report, month: '2025-03' }),
    ),
  );

describe('KpiTable', () => {
  it('lists the headline figures the data has', () => {
    const html = render(handReport(monthRun('2025-01', 3), { active_members: [5, 6, 7] }));
    expect(html).toContain('data-series="active_members"');
    expect(html).not.toContain('no-key-figures');
  });

  it('says there are none, instead of an empty table, when the data holds none (only platform reports)', () => {
    const html = render(handReport(monthRun('2025-01', 3), {}));
    expect(html).not.toContain('<table');
    expect(html).toContain('No key figures for March 2025');
  });
});
