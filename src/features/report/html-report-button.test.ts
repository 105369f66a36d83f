import { describe, expect, it } from 'vitest';
import { htmlReportFileName } from './html-report-button';

describe('htmlReportFileName', () => {
  it('names the month a brief describes, else the period', () => {
    const report = { period: { from: '2025-01', to: '2025-12' } };
    expect(htmlReportFileName(report, '2025-01')).toBe('hearth-report-2025-01.html');
    expect(htmlReportFileName(report, '2025-12')).toBe('hearth-report-2025-12.html');
    expect(htmlReportFileName(report)).toBe('hearth-report-2025-01-to-2025-12.html');
  });
});
