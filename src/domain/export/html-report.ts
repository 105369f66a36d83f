/**
 * The self-contained HTML report: ONE file with no external reference (no URL of any kind, no
 * script, no external style, font or image), charts drawn inline as static SVG, opening offline in
 * any browser. It carries aggregates only: monthly figures, highlights generated from them, the
 * manager's own notes, and — only when asked — the display names of the top contributors. Member
 * post text and emails are never in a HearthReport, and anything that looks like an email in a
 * name or file name is masked. Every string written is escaped.
 */
import { figureName, formatDailyChange, formatDailyValue } from '../metrics/daily-format';
import type { PlatformFigure } from '../metrics/daily-reports';
import { generateHighlights } from '../highlights/highlights';
import { fmtCount, fmtCountOf, monthLabel } from '../highlights/format';
import {
  changeTone,
  formatSeriesChange,
  formatSeriesValue,
  HEADLINE_KPIS,
  kpisForMonth,
  SERIES_INFO,
  seriesHasData,
} from '../highlights/series-info';
import type { HearthReport, SeriesName } from '../metrics/types';
import { reportCharts } from './chart-specs';
import { escapeHtml } from './escape';
import { lineChartSvg } from './svg-chart';

export interface HtmlReportOptions {
  /** Show the top contributors' display names (default false: aggregates only). */
  includeNames: boolean;
  /** The manager's notes by month (`YYYY-MM` → text); those inside the period are included. */
  notes?: Record<string, string>;
  /** Month the key figures and highlights describe; default the period's last month. */
  month?: string;
  /** Each platform's headline daily figure for that month (`platformFigures`), when imported. */
  platformFigures?: readonly PlatformFigure[];
}

export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const EMAIL_LIKE = /[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+/g;

/** Masks anything shaped like an email address (a name that is an address, a file named after one). */
export function maskEmails(text: string): string {
  return text.replace(EMAIL_LIKE, '[email hidden]');
}

const e = escapeHtml;

const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1040px;padding:24px 32px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f1a17;background:#ffffff;line-height:1.5}
h1{font-size:28px;margin:0 0 4px}
h2{font-size:19px;margin:0 0 8px}
.period{color:#5b524b;margin:0 0 16px}
section{margin:20px 0}
.block{break-inside:avoid;page-break-inside:avoid;border:1px solid #d9d1c7;border-radius:8px;padding:12px 16px}
.block svg{width:100%;height:auto;display:block}
.definition{color:#5b524b;font-size:13px;margin:6px 0 0}
table{border-collapse:collapse;width:100%;font-size:14px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e7e0d7}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.good{color:#166534}.bad{color:#b91c1c}.tone{font-size:.8em}
.highlights{list-style:none;padding-left:0}.highlights li{margin:4px 0}.highlights .mark{display:inline-block;width:1.2em}
.note{white-space:pre-wrap;border-left:4px solid #9a3412;padding:4px 12px;margin:8px 0;background:#faf7f2}
.table-scroll{overflow-x:auto}
footer{color:#5b524b;font-size:13px;border-top:1px solid #d9d1c7;padding-top:8px;margin-top:24px}
@page{size:A4 landscape;margin:14mm}
@media print{body{padding:0;max-width:none}.block{border:none;padding:0}}
`;

function kpiTable(report: HearthReport, month: string): string {
  const kpis = kpisForMonth(report, month);
  const i = report.months.indexOf(month);
  const prev = i > 0 ? report.months[i - 1] : undefined;
  const rows = HEADLINE_KPIS.filter((s) => seriesHasData(report, s)).map((s) => {
    const k = kpis[s];
    const tone = changeTone(s, k.change);
    return `<tr data-series="${e(s)}"><th scope="row">${e(SERIES_INFO[s].label)}</th><td class="num">${e(formatSeriesValue(s, k.value))}</td><td class="num">${e(formatSeriesValue(s, k.previous))}</td><td class="num ${tone}">${e(formatSeriesChange(s, k.change, k.changeKind))}${tone === 'neutral' ? '' : ` <span class="tone">(${tone === 'good' ? 'better' : 'worse'})</span>`}</td></tr>`;
  });
  return `<table><caption>Key figures for ${e(monthLabel(month))}</caption><thead><tr><th scope="col">Figure</th><th scope="col" class="num">${e(monthLabel(month, 'short'))}</th><th scope="col" class="num">${e(prev ? monthLabel(prev, 'short') : 'Month before')}</th><th scope="col" class="num">Change</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const MONTHLY_COLUMNS: SeriesName[] = [
  'active_members',
  'new_members',
  'contributions',
  'threads',
  'median_ttfr_hours',
  'unanswered_share',
  'net_sentiment',
  'open_rate',
  'subscribers_total',
  'engagement_rate',
  'attendees',
];

function monthlyTable(report: HearthReport): string {
  const cols = MONTHLY_COLUMNS.filter((s) => seriesHasData(report, s));
  const head = cols.map((s) => `<th scope="col" class="num">${e(SERIES_INFO[s].label)}</th>`).join('');
  const body = report.months
    .map(
      (m, i) =>
        `<tr><th scope="row">${e(monthLabel(m, 'short'))}</th>${cols.map((s) => `<td class="num">${e(formatSeriesValue(s, report.series[s][i] ?? null))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<div class="table-scroll"><table><caption>Monthly figures</caption><thead><tr><th scope="col">Month</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function retentionTable(report: HearthReport): string {
  if (report.retention.length === 0) return '';
  const width = Math.min(7, Math.max(...report.retention.map((c) => c.rate.length)));
  const head = Array.from(
    { length: width },
    (_, k) => `<th scope="col" class="num">${k === 0 ? 'Joining month' : `+${k} mo`}</th>`,
  ).join('');
  const body = report.retention
    .map((c) => {
      const cells = Array.from({ length: width }, (_, k) => {
        const r = c.rate[k];
        if (r === undefined) return '<td class="num"></td>';
        const alpha = Math.round(Math.min(1, Math.max(0, r)) * 60) / 100;
        return `<td class="num" style="background:rgba(4,120,87,${alpha})">${e(`${Math.round(r * 100)}%`)}</td>`;
      }).join('');
      return `<tr><th scope="row">${e(monthLabel(c.cohort, 'short'))}</th><td class="num">${e(fmtCount(c.size))}</td>${cells}</tr>`;
    })
    .join('');
  return `<div class="table-scroll"><table><caption>Share of each month's newcomers active in the months after joining</caption><thead><tr><th scope="col">Joined</th><th scope="col" class="num">Members</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function notesSection(report: HearthReport, notes: Record<string, string> | undefined): string {
  const inPeriod = report.months.filter((m) => (notes?.[m] ?? '').trim() !== '');
  if (inPeriod.length === 0) return '';
  const items = inPeriod
    .map((m) => `<h3>${e(monthLabel(m))}</h3><p class="note">${e(notes![m]!.trim())}</p>`)
    .join('');
  return `<section aria-labelledby="notes"><h2 id="notes">Notes</h2>${items}</section>`;
}

function contributorsSection(report: HearthReport, includeNames: boolean): string {
  if (!includeNames || report.topContributors.length === 0) return '';
  const rows = report.topContributors
    .map(
      (c, i) =>
        `<tr><td class="num">${i + 1}</td><td>${e(maskEmails(c.name))}</td><td class="num">${e(fmtCount(c.activities))}</td></tr>`,
    )
    .join('');
  return `<section class="block" aria-labelledby="contributors"><h2 id="contributors">Top contributors</h2><table><thead><tr><th scope="col" class="num">#</th><th scope="col">Member</th><th scope="col" class="num">Activities</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function platformSection(figures: readonly PlatformFigure[] | undefined, month: string): string {
  if (!figures || figures.length === 0) return '';
  const rows = figures
    .map(
      (f) =>
        `<tr><td>${e(figureName(f))}</td><td class="num">${e(formatDailyValue(f.value, f.unit, 'en-US'))}</td><td class="num">${e(formatDailyChange(f, 'en-US'))}</td></tr>`,
    )
    .join('');
  return `<section class="block" aria-labelledby="platforms"><h2 id="platforms">Platform figures</h2><p class="definition">Each platform's headline figure for ${e(monthLabel(month))}, as its own reports count it (not recomputed by Hearth).</p><table><thead><tr><th scope="col">Figure</th><th scope="col" class="num">${e(monthLabel(month))}</th><th scope="col" class="num">Change on the month before</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function sourcesSection(report: HearthReport): string {
  if (report.sources.length === 0) return '';
  const rows = report.sources
    .map(
      (s) =>
        `<tr><td>${e(maskEmails(s.file))}</td><td>${e(s.format)}</td><td class="num">${e(fmtCount(s.imported))}</td></tr>`,
    )
    .join('');
  return `<section aria-labelledby="sources"><h2 id="sources">Sources</h2><table><thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col" class="num">Records</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The whole report as one HTML document (a string; write it to a `.html` file). */
export function renderHtmlReport(report: HearthReport, opts: HtmlReportOptions): string {
  const month =
    opts.month && report.months.includes(opts.month) ? opts.month : report.months[report.months.length - 1];
  const period = report.months.length
    ? `${monthLabel(report.period.from)} – ${monthLabel(report.period.to)}`
    : 'No data';
  const title = `Community report · ${period}`;
  const charts = reportCharts(report)
    .map(
      (c) =>
        `<section class="block chart-block" data-chart="${e(c.id)}" aria-labelledby="chart-${e(c.id)}"><h2 id="chart-${e(c.id)}">${e(c.title)}</h2>${lineChartSvg(c)}<p class="definition">${e(c.definition)}</p>${c.id === 'retention' ? retentionTable(report) : ''}</section>`,
    )
    .join('');
  const highlights = month
    ? generateHighlights(report, month)
        // Tone is told by a mark as well as colour (and survives black-and-white printing).
        .map(
          (h) =>
            `<li class="${h.tone}"><span class="mark">${h.tone === 'good' ? '✓' : h.tone === 'bad' ? '!' : '•'}</span> ${e(h.text)}</li>`,
        )
        .join('')
    : '';
  const body = [
    `<header><h1>${e(title)}</h1><p class="period">Time zone ${e(report.timeZone)}${month ? ` · key figures for ${e(monthLabel(month))}` : ''}</p></header>`,
    month
      ? `<section class="block" aria-labelledby="kpis"><h2 id="kpis">Key figures</h2>${kpiTable(report, month)}</section>`
      : '',
    month ? platformSection(opts.platformFigures, month) : '',
    highlights
      ? `<section class="block" aria-labelledby="highlights"><h2 id="highlights">Highlights of ${e(monthLabel(month!))}</h2><ul class="highlights">${highlights}</ul></section>`
      : '',
    notesSection(report, opts.notes),
    charts,
    contributorsSection(report, opts.includeNames),
    report.months.length
      ? `<section class="block" aria-labelledby="monthly"><h2 id="monthly">Every month</h2>${monthlyTable(report)}</section>`
      : '',
    sourcesSection(report),
    `<footer>Made with Hearth (${e(report.schema)}) from ${e(fmtCountOf(report.sources.length, 'export file'))}, on the manager's own computer. This report holds aggregates only: no member posts and no email addresses${opts.includeNames ? "; the top contributors are named at the author's choice" : ', and no member names'}.</footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(HTML_REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
