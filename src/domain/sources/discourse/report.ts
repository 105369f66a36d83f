import { fmtCountOf } from '../../highlights/format';
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
 * Discourse names an export `<entity or report>-YYMMDD-HHMMSS` (export_csv_file.rb), and its zip
 * `…-<export id>`; the entities other than reports are read by other adapters, or not at all.
 */
const EXPORT_NAME =
  /^([a-z0-9]+(?:[-_][a-z0-9]+)*)[-_](\d\d)(\d\d)(\d\d)[-_](\d\d)(\d\d)(\d\d)(?:[-_]\d+)?$/i;
const NOT_REPORTS =
  /(?:^|[-_])(?:user[-_]list|user[-_]archive|staff[-_]action|screened[-_](?:email|ip|url))$/i;

/** True for the name of a Discourse report export: `signups-250301-101010.csv`, `…-12.zip › …`. */
export function isReportExportName(fileName: string): boolean {
  const m = EXPORT_NAME.exec(fileStem(fileName));
  if (!m || NOT_REPORTS.test(m[1]!)) return false;
  const [month, day, hour, minute, second] = m.slice(3, 8).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60;
}

/** A report's day as Discourse writes it (`Date#to_s`). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Any Discourse admin dashboard report export: a `Day` column and one or more value columns, in
 * either order (`Day,Count`; the posts report writes `Count,Day`; DAU/MAU `Day,Percent`). Each value
 * column becomes a named daily series (`discourse: posts`, or `discourse: <report> · <column>` when
 * the report has several).
 *
 * Discourse writes the column titles in the forum's language (`Tag,Anzahl`, `Jour,Nombre`): such a
 * file is told by its export name (`signups-250301-101010.csv`) and 2–8 columns, and its first row
 * shows which column holds the days (YYYY-MM-DD); a single value column is then the report's series.
 */
export const discourseReport: TableAdapter = {
  kind: 'table',
  format: 'discourse-report',
  label: 'Discourse dashboard report',
  // Which report: its series are named so, and a report with translated column titles is recognised
  // by its name alone (the review shows "55% sure": it must say sure of what).
  describe(fileName) {
    const name = reportName(fileName);
    const old = /^report (\d+)$/.exec(name);
    if (old) return `Discourse dashboard report (export ${old[1]})`;
    return name === 'report' ? 'Discourse dashboard report' : `Discourse dashboard report “${name}”`;
  },
  detect(header, fileName) {
    if (header.length < 2 || header.length > 8) return 0;
    if (!header.includes('day')) {
      // Older Discourse (2017–2018) wrote every report as `date,value`.
      if (header.length === 2 && header[0] === 'date' && header[1] === 'value') return 0.8;
      // A report with translated column titles: below every adapter that knows the columns.
      const named = header.filter((h) => h !== '').length;
      return named >= 2 && isReportExportName(fileName) ? 0.55 : 0;
    }
    const others = header.filter((h) => h !== 'day' && h !== '');
    if (others.length === 0) return 0;
    return others.every((h) => VALUE_LABELS.has(h)) ? 0.8 : 0.6;
  },
  start(ctx, header) {
    const labelled = columnIndex(header, 'day', 'date');
    /** The day column: by its English title, else (translated titles) the first row's YYYY-MM-DD. */
    let dayCol = labelled;
    const report = reportName(ctx.fileName);
    const columns = header.map((name, i) => ({ name, i })).filter((c) => c.name !== '');
    let dayName = header[dayCol] ?? 'day';
    let dayLabel = dayName === 'date' ? 'date' : 'Day';
    let valueCols = columns.filter((c) => c.i !== dayCol);
    const seriesOf = (name: string) =>
      valueCols.length === 1 && (VALUE_LABELS.has(name) || labelled < 0)
        ? `${DISCOURSE}: ${report}`
        : `${DISCOURSE}: ${report} · ${name}`;
    /** A translated report whose first row holds no day: every row is skipped, reported once. */
    const noDays = { rows: 0, firstRow: 0 };
    return {
      mapRow(row, rowNumber, out, issues) {
        if (dayCol < 0) {
          if (noDays.rows === 0) dayCol = columns.find((c) => ISO_DAY.test(cell(row, c.i)))?.i ?? -1;
          if (dayCol < 0) {
            if (noDays.rows++ === 0) noDays.firstRow = rowNumber;
            return false;
          }
          dayName = header[dayCol]!;
          dayLabel = ctx.headerLabels?.[dayCol] ?? dayName;
          valueCols = columns.filter((c) => c.i !== dayCol);
        }
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
        if (!any) {
          const first = valueCols[0];
          // Named as the file writes it (`Anzahl`), like the day column.
          const column = first ? ctx.headerLabels?.[first.i] || first.name : 'Count';
          return rowError(ctx, issues, rowNumber, column, 'No number in this row');
        }
        return true;
      },
      finish(_out, issues) {
        if (noDays.rows === 0) return;
        const shown = (ctx.headerLabels ?? header).filter((h) => h !== '').join(', ');
        issues.push({
          file: ctx.fileName,
          row: noDays.firstRow,
          severity: 'error',
          message:
            `This file is named like a Discourse report export ("${report}"), but none of its columns ` +
            `(${shown}) holds days such as 2025-03-01: Hearth reads the reports that give a value per ` +
            `day (signups, posts, DAU/MAU…). ${fmtCountOf(noDays.rows, 'row')} skipped.`,
        });
      },
    };
  },
};
