import type { ReactNode } from 'react';
import { ChartPanel, type TableAlternative } from './chart-panel';
import { seriesTable, type MonthRow } from './charts/series-table';
import { TimeSeriesChart, type Series } from './charts/time-series-chart';
import { formatNumber } from './format';

interface TableFormat {
  /** How the table alternative shows a value; formatNumber by default. */
  format?: (v: number | null) => string;
}

/** A line in the chart and a column in its table. */
export interface ChartedSeries extends Series, TableFormat {
  tableOnly?: false;
}

/** A column of the table alternative that the chart does not draw (e.g. the count behind a rate). */
export interface TableOnlySeries extends TableFormat {
  key: string;
  label: string;
  values: (number | null)[];
  tableOnly: true;
}

export type PanelSeries = ChartedSeries | TableOnlySeries;

const num = (v: number | null) => formatNumber(v);

/** The chart's lines and the table alternative's columns, both from the one list. */
export function seriesPanelParts(
  months: string[],
  series: PanelSeries[],
): { lines: Series[]; table: TableAlternative<MonthRow> } {
  return {
    lines: series.filter((s): s is ChartedSeries => !s.tableOnly),
    table: seriesTable(
      months,
      series.map((s) => ({ key: s.key, label: s.label, values: s.values, format: s.format ?? num })),
    ),
  };
}

/**
 * The tooltip's format for a series: the series' own `format` (as its table column shows it, one
 * decimal for percents like the cards), else the chart's `format`, else formatNumber.
 */
export function tooltipFormat(
  series: PanelSeries[],
  format?: (v: number) => string,
): (v: number, key: string) => string {
  const own = new Map(series.map((s) => [s.key, s.format]));
  return (v, key) => {
    const f = own.get(key);
    return f ? f(v) : format ? format(v) : num(v);
  };
}

/**
 * A ChartPanel holding a monthly line chart, with its "Show as table" alternative built from the
 * same list of series: one column per series (in list order), one line per series not `tableOnly`.
 */
export function SeriesPanel({
  title,
  definition,
  empty,
  months,
  unit,
  series,
  format,
  minStep,
}: {
  title: string;
  definition: ReactNode;
  empty?: ReactNode;
  months: string[];
  /** The y axis label. */
  unit: string;
  series: PanelSeries[];
  /** The chart's y axis format (the table and the tooltip use each series' own `format`, where given). */
  format?: (v: number) => string;
  /** The finest y axis step `format` can print (1, the default, for counts; 0.01 for whole percents). */
  minStep?: number;
}) {
  const { lines, table } = seriesPanelParts(months, series);
  return (
    <ChartPanel title={title} definition={definition} empty={empty} table={table}>
      <TimeSeriesChart
        months={months}
        unit={unit}
        format={format}
        valueFormat={tooltipFormat(series, format)}
        minStep={minStep}
        series={lines}
      />
    </ChartPanel>
  );
}
