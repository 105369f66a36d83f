import { sourceLabel } from '../../components/source-label';
import type { ReactNode } from 'react';
import { reportCharts, type ChartGroup } from '../../domain/export/chart-specs';
import {
  changeTone,
  changeArrow,
  formatSeriesChange,
  formatSeriesValue,
  generateHighlights,
  HEADLINE_KPIS,
  kpisForMonth,
  monthLabel,
  reportThrough,
  SERIES_INFO,
  seriesHasData,
} from '../../domain/highlights';
import { figureName, formatDailyChange, formatDailyValue } from '../../domain/metrics/daily-format';
import type { PlatformFigure } from '../../domain/metrics/daily-reports';
import type { HearthReport } from '../../domain/metrics/types';
import { HighlightsList } from '../report/highlights-list';
import { SpecChart } from '../report/spec-chart';

export interface Slide {
  id: string;
  title: string;
  body: ReactNode;
}

const CHART_ORDER: ChartGroup[] = [
  'growth',
  'retention',
  'sentiment',
  'responsiveness',
  'newsletter',
  'social',
  'events',
];

/**
 * The deck for a month: title, key figures, highlights (the story first, for leadership), then
 * with `platformFigures` (their own daily reports) a slide of them, one slide per chart (growth,
 * retention, sentiment, responsiveness; newsletter, social and events only where there is data),
 * and the month's notes.
 * `sources`: the filter's sources when it leaves some out (empty: all), named on the title slide.
 */
export function buildSlides(
  report: HearthReport,
  month: string,
  note: string,
  sources: readonly string[] = [],
  platformFigures: readonly PlatformFigure[] = [],
): Slide[] {
  const kpis = kpisForMonth(report, month);
  const i = report.months.indexOf(month);
  const prev = i > 0 ? report.months[i - 1] : undefined;
  // Every headline figure with data, as the Overview, the brief and the HTML report show them.
  const shown = HEADLINE_KPIS.filter((s) => seriesHasData(report, s));
  // Charts fill most of the screen, whatever the projector's resolution.
  const chartHeight = Math.max(320, Math.round(window.innerHeight * 0.55));
  // A deck for an earlier month of the period: its charts stop at that month.
  const charts = reportCharts(reportThrough(report, month)).sort(
    (a, b) => CHART_ORDER.indexOf(a.group) - CHART_ORDER.indexOf(b.group),
  );
  const slides: Slide[] = [
    {
      id: 'title',
      title: `Community report: ${monthLabel(month)}`,
      body: (
        <div className="slide-title-body">
          <p className="slide-lead">How the community did in {monthLabel(month)}</p>
          <p>
            {sources.length > 0 ? `Sources: ${sources.map(sourceLabel).join(', ')} · ` : ''}
            {prev ? `Compared with ${monthLabel(prev)} · ` : ''}times in {report.timeZone}
          </p>
        </div>
      ),
    },
    {
      id: 'kpis',
      title: 'Key figures',
      body: (
        <ul className="slide-kpis">
          {shown.map((s) => {
            const k = kpis[s];
            const tone = changeTone(s, k.change);
            return (
              <li key={s} className={`slide-kpi ${tone}`}>
                <span className="slide-kpi-label">{SERIES_INFO[s].label}</span>
                <span className="slide-kpi-value">{formatSeriesValue(s, k.value)}</span>
                <span className="slide-kpi-change">
                  <span aria-hidden="true">{k.change === null ? '' : `${changeArrow(s, k.change)} `}</span>
                  {formatSeriesChange(s, k.change, k.changeKind)}
                  {prev ? ` vs ${monthLabel(prev, 'short')}` : ''}
                  {tone !== 'neutral' && (
                    <span className="visually-hidden"> ({tone === 'good' ? 'better' : 'worse'})</span>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      ),
    },
    {
      id: 'highlights',
      title: `Highlights of ${monthLabel(month)}`,
      body: (
        <HighlightsList
          highlights={generateHighlights(report, month)}
          className="highlights slide-highlights"
        />
      ),
    },
    ...(platformFigures.length > 0
      ? [
          {
            id: 'platforms',
            title: 'Platform figures',
            body: (
              // The platforms' own counts: shown without a good/bad reading (Hearth does not define them).
              <ul className="slide-kpis">
                {platformFigures.map((f) => (
                  <li key={f.source} className="slide-kpi neutral">
                    <span className="slide-kpi-label">{figureName(f)}</span>
                    <span className="slide-kpi-value">{formatDailyValue(f.value, f.unit)}</span>
                    <span className="slide-kpi-change">
                      {formatDailyChange(f)}
                      {prev ? ` vs ${monthLabel(prev, 'short')}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    ...charts.map((c) => ({
      id: `chart-${c.id}`,
      title: c.title,
      body: (
        <div className="slide-chart">
          {/* No hover tooltip: on a projector it would cover the chart wherever the pointer rests. */}
          <SpecChart spec={c} height={chartHeight} tooltip={false} />
          <p className="slide-definition">{c.definition}</p>
        </div>
      ),
    })),
  ];
  if (note.trim()) {
    slides.push({ id: 'notes', title: 'Notes', body: <p className="slide-note">{note}</p> });
  }
  return slides;
}
