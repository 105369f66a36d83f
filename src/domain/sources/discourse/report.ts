import { dateProblem } from '../../parse/dates';
import { parseNumber } from '../../parse/numbers';
import { cell, columnIndex } from '../columns';
import { fileStem, isoDay, readDay, rowError } from '../read';
import type { TableAdapter } from '../types';
import { DISCOURSE } from './common';

/**
 * `posts-250301-101010-12` / `dau_by_mau-2025-01-01-to-2025-03-31` → `posts` / `dau by mau`. Older
 * Discourse named every report export `report-171203-101500-17.csv.gz`: the export's number (17)
 * then tells two reports apart (`report 17`).
 */
export function reportName(fileName: string): string {
  const old = /^report[-_]\d{6}[-_]\d{6}[-_](\d+)$/i.exec(fileStem(fileName));
  if (old) return `report ${old[1]}`;
  const stem = fileStem(fileName)
    .replace(/[-_ ]\d{4}-\d{2}-\d{2}[-_ ]to[-_ ]\d{4}-\d{2}-\d{2}.*$/i, '')
    .replace(/[-_ ]\d{6}[-_]\d{6}(?:[-_]\d+)?$/, '')
    .replace(/[-_ ]\d{4}-\d{2}-\d{2}.*$/, '')
    .replace(/^report[-_ ]/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return stem || 'report';
}

const VALUE_LABELS = new Set(['count', 'value', 'percent', 'total']);

/**
 * Any Discourse admin dashboard report export: a `Day` column and one or more value columns, in
 * either order (`Day,Count`; the posts report writes `Count,Day`; DAU/MAU `Day,Percent`). Each value
 * column becomes a named daily series (`discourse: posts`, or `discourse: <report> · <column>` when
 * the report has several).
 */
export const discourseReport: TableAdapter = {
  kind: 'table',
  format: 'discourse-report',
  label: 'Discourse dashboard report',
  detect(header) {
    if (header.length < 2 || header.length > 8) return 0;
    if (!header.includes('day')) {
      // Older Discourse (2017–2018) wrote every report as `date,value`.
      return header.length === 2 && header[0] === 'date' && header[1] === 'value' ? 0.8 : 0;
    }
    const others = header.filter((h) => h !== 'day' && h !== '');
    if (others.length === 0) return 0;
    return others.every((h) => VALUE_LABELS.has(h)) ? 0.8 : 0.6;
  },
  start(ctx, header) {
    const dayCol = columnIndex(header, 'day', 'date');
    const report = reportName(ctx.fileName);
    const dayName = header[dayCol] ?? 'day';
    const dayLabel = dayName === 'date' ? 'date' : 'Day';
    const valueCols = header.map((name, i) => ({ name, i })).filter((c) => c.i !== dayCol && c.name !== '');
    const seriesOf = (name: string) =>
      valueCols.length === 1 && VALUE_LABELS.has(name)
        ? `${DISCOURSE}: ${report}`
        : `${DISCOURSE}: ${report} · ${name}`;
    return {
      mapRow(row, rowNumber, out, issues) {
        const raw = cell(row, dayCol);
        const day = readDay(ctx, dayName, raw);
        if (day === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            dayLabel,
            dateProblem(raw, 'e.g. 2025-03-01', { noun: 'day' }),
          );
        let any = false;
        for (const c of valueCols) {
          const value = parseNumber(cell(row, c.i), ctx.decimalComma);
          if (value === null) continue;
          any = true;
          const series = seriesOf(c.name);
          out.dailyValues.push({
            key: `${DISCOURSE}:report:${report}:${c.name}:${isoDay(day)}`,
            source: DISCOURSE,
            series,
            day,
            value,
          });
        }
        if (!any)
          return rowError(ctx, issues, rowNumber, valueCols[0]?.name ?? 'Count', 'No number in this row');
        return true;
      },
    };
  },
};
