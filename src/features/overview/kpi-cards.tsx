import { formatChange, formatHours, formatMonth, formatNumber, formatPercent } from '../../components/format';
import { Sparkline } from '../../components/charts/sparkline';
import { changeArrow, changeTone, SERIES_INFO, seriesHasData } from '../../domain/highlights';
import { change } from '../../domain/metrics';
import type { HearthReport, Kpi, SeriesName } from '../../domain/metrics/types';

interface KpiDef {
  series: SeriesName;
  label: string;
  format: (v: number | null) => string;
}

export const KPI_CARDS: KpiDef[] = [
  { series: 'active_members', label: 'Active members', format: (v) => formatNumber(v) },
  { series: 'new_members', label: 'New members', format: (v) => formatNumber(v) },
  { series: 'contributions', label: 'Contributions', format: (v) => formatNumber(v) },
  {
    series: 'stickiness',
    label: 'Stickiness (DAU/MAU)',
    format: (v) => formatPercent(v),
  },
  {
    series: 'median_ttfr_hours',
    label: 'Median time to first response',
    format: formatHours,
  },
  {
    series: 'unanswered_share',
    label: 'Unanswered threads',
    format: (v) => formatPercent(v),
  },
  // Signed, as in the brief and the slides: "+20.8%" (net sentiment runs from −100% to +100%).
  {
    series: 'net_sentiment',
    label: 'Net sentiment',
    format: (v) => formatPercent(v, 1, true),
  },
  {
    series: 'open_rate',
    label: 'Newsletter open rate',
    format: (v) => formatPercent(v),
  },
  {
    series: 'subscribers_total',
    label: 'Newsletter subscribers',
    format: (v) => formatNumber(v),
  },
  {
    series: 'engagement_rate',
    label: 'Social engagement rate',
    format: (v) => formatPercent(v),
  },
  { series: 'attendees', label: 'Event attendees', format: (v) => formatNumber(v) },
];

/**
 * The card's change: a relative change from 0 has no percent, but a count at 0 two months running
 * has not changed ("no comparison" beside "Nov 2025: 0" read as missing data).
 */
function changeText(kpi: Kpi): string {
  if (kpi.change === null && kpi.changeKind === 'relative' && kpi.value === 0 && kpi.previous === 0)
    return 'no change';
  return formatChange(kpi.change, kpi.changeKind);
}

/** KPI cards for the last month of the period; with `compare`, that period's last month side by side. */
export function KpiCards({ report, compare }: { report: HearthReport; compare?: HearthReport | null }) {
  const cmpLast = compare ? compare.months[compare.months.length - 1] : undefined;
  const last = report.months[report.months.length - 1]!;
  const prev = report.months.length > 1 ? report.months[report.months.length - 2]! : null;
  return (
    <ul className="kpi-grid" aria-label={`Key figures for ${formatMonth(last, 'long')}`}>
      {KPI_CARDS.map((def) => {
        const kpi = report.kpis[def.series];
        // A count (not a rate: 0% unanswered is news) that is 0 in every month of the period has no data here (e.g. active members
        // after importing only a newsletter): "—", not a 0 that reads as a dead community.
        // A rate with no value in any month (open rates without a newsletter) has no data either.
        const values = report.series[def.series];
        if (
          (SERIES_INFO[def.series].unit === 'count' && !seriesHasData(report, def.series)) ||
          values.every((v) => v === null)
        ) {
          return (
            <li key={def.series} className="kpi neutral no-data" data-series={def.series}>
              <h2>{def.label}</h2>
              <p className="kpi-value">—</p>
              <p className="kpi-change">No data in this period</p>
              <Sparkline values={values} />
            </li>
          );
        }
        // Against the compared period's last month; none to show when either is missing or it was 0.
        const compareChange = compare
          ? change(kpi.value, compare.kpis[def.series].value, kpi.changeKind)
          : null;
        // Which way is good comes from SERIES_INFO (as on the brief and slides); arrow and colour
        // follow the change as it reads once rounded: "±0 pts" is flat, never a green ▲.
        const good = changeTone(def.series, kpi.change);
        return (
          <li key={def.series} className={`kpi ${good}`} data-series={def.series}>
            <h2>{def.label}</h2>
            <p className="kpi-value">{def.format(kpi.value)}</p>
            <p className="kpi-change">
              <span aria-hidden="true">{changeArrow(def.series, kpi.change) || '■'}</span> {changeText(kpi)}
              {good !== 'neutral' && (
                <span className="visually-hidden"> ({good === 'good' ? 'better' : 'worse'})</span>
              )}
            </p>
            <p className="kpi-previous">
              {prev ? `${formatMonth(prev)}: ${def.format(kpi.previous)}` : 'No previous month'}
            </p>
            {compare && cmpLast && (
              <p className="kpi-compare" data-testid="kpi-compare">
                <span className="kpi-compare-label">{formatMonth(cmpLast)} (compared period):</span>{' '}
                <span className="kpi-compare-value">{def.format(compare.kpis[def.series].value)}</span>{' '}
                {compareChange !== null && (
                  <span className="kpi-compare-change">({formatChange(compareChange, kpi.changeKind)})</span>
                )}
              </p>
            )}
            <Sparkline values={report.series[def.series]} />
          </li>
        );
      })}
    </ul>
  );
}
