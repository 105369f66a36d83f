import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAxisRoom, yAxisTitle } from '../../components/charts/axis-room';
import { ASSUMED_WIDTH, ticksThatFit } from '../../components/charts/axis-ticks';
import { useMonthAxis } from '../../components/charts/month-axis';
import { inListedOrder } from '../../components/charts/series-order';
import { formatMonth, formatNumber, formatPercent } from '../../components/format';
import type { SentimentBreakdown, SentimentCounts } from '../../domain/listening';

/** Charts of the Sentiment page: they receive ready data (shares are fractions, shown as %). */

const LABELS = [
  { key: 'positive', share: 'positiveShare', label: 'Positive', color: 'var(--c3)' },
  { key: 'neutral', share: 'neutralShare', label: 'Neutral', color: 'var(--neutral-bar, #9ca3af)' },
  { key: 'negative', share: 'negativeShare', label: 'Negative', color: 'var(--bad)' },
] as const;

type Row = SentimentCounts & { name: string };

/** Legend and tooltip as the bars run: positive, neutral, negative (not Recharts' alphabetical order). */
const SHARE_ORDER = inListedOrder(LABELS.map((l) => l.share));
const SHARE_TITLE = `${LABELS.map((l) => l.label).join(', ')} (% of messages)`;

const tooltipStyle = { background: 'var(--surface)', color: 'var(--text)' };
const pctTick = (v: number) => formatPercent(v, 0);
const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];
const NET_TICKS = [-1, -0.5, 0, 0.5, 1];

const SHARE_LABELS = [SHARE_TICKS.map(pctTick)];
const SOURCE_AXIS_WIDTH = 110;
/** Net sentiment with a true minus sign, as the cards and the growth chart write it (`−50%`, not `-50%`). */
const netPercent = (v: number, digits: number) =>
  `${v < 0 ? '−' : ''}${formatPercent(Math.abs(v), digits)}`;
const netTick = (v: number) => netPercent(v, 0);
const NET_LABELS = [NET_TICKS.map(netTick)];

function shareTooltip(value: unknown, name: unknown, item: { payload?: Row } | undefined): [string, string] {
  const row = item?.payload;
  const label = LABELS.find((l) => l.label === name);
  const count = row && label ? row[label.key] : undefined;
  const text = typeof value === 'number' ? formatPercent(value) : '—';
  return [row && count !== undefined ? `${text} (${formatNumber(count)} of ${formatNumber(row.texts)} messages)` : text, String(name)];
}

/** Positive / neutral / negative shares per month, stacked to 100% of the month's messages with text. */
export function SentimentSharesChart({ data }: { data: SentimentBreakdown }) {
  const rows: Row[] = data.months.map((m, i) => ({ name: m, ...data.monthly[i]! }));
  const ref = useRef<HTMLDivElement>(null);
  const axes = useMonthAxis(ref, { months: data.months, yLabels: SHARE_LABELS, margin: MARGIN, band: true });
  return (
    <div ref={ref} className="chart" style={{ height: 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={axes.margin} title={SHARE_TITLE}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="name" {...axes.xAxis} stroke="var(--axis)" />
          <YAxis
            domain={[0, 1]}
            ticks={SHARE_TICKS}
            interval={0}
            tickFormatter={pctTick}
            stroke="var(--axis)"
            width={axes.yWidths[0]}
            label={yAxisTitle('% of messages')}
          />
          <Tooltip
            labelFormatter={(m) => formatMonth(String(m), 'long')}
            formatter={(v, n, item) => shareTooltip(v, n, item as { payload?: Row })}
            contentStyle={tooltipStyle}
            itemSorter={SHARE_ORDER}
          />
          <Legend itemSorter={SHARE_ORDER} />
          {LABELS.map((l) => (
            <Bar key={l.key} dataKey={l.share} name={l.label} stackId="share" fill={l.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Net sentiment (positive − negative share) per month, in percentage points. */
export function NetSentimentChart({ data }: { data: SentimentBreakdown }) {
  const rows = data.months.map((m, i) => ({ name: m, net: data.monthly[i]?.net ?? null, texts: data.monthly[i]?.texts ?? 0 }));
  const ref = useRef<HTMLDivElement>(null);
  const axes = useMonthAxis(ref, { months: data.months, yLabels: NET_LABELS, margin: MARGIN });
  return (
    <div ref={ref} className="chart" style={{ height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={axes.margin} title="Net sentiment (net, % of messages)">
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis dataKey="name" {...axes.xAxis} stroke="var(--axis)" />
          <YAxis
            domain={[-1, 1]}
            ticks={NET_TICKS}
            interval={0}
            tickFormatter={netTick}
            stroke="var(--axis)"
            width={axes.yWidths[0]}
            label={yAxisTitle('net, % of messages')}
          />
          <ReferenceLine y={0} stroke="var(--axis)" />
          <Tooltip
            labelFormatter={(m) => formatMonth(String(m), 'long')}
            formatter={(v, _n, item) => {
              const texts = (item as { payload?: { texts: number } }).payload?.texts ?? 0;
              // "+19.6%" as on the Overview card (was "+19.6% points").
              const text = typeof v === 'number' ? `${v > 0 ? '+' : ''}${netPercent(v, 1)}` : 'no messages';
              return [`${text} (${formatNumber(texts)} messages)`, 'Net sentiment'];
            }}
            contentStyle={tooltipStyle}
          />
          <Legend />
          <Line
            type="monotone"
            dataKey="net"
            name="Net sentiment"
            stroke="var(--c1)"
            strokeWidth={2}
            dot={rows.length <= 24}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Shares per source over the whole period: one stacked horizontal bar per source. */
export function SentimentBySourceChart({ data, sourceLabel }: { data: SentimentBreakdown; sourceLabel: (s: string) => string }) {
  const rows: Row[] = data.bySource.map((s) => ({ ...s, name: sourceLabel(s.source) }));
  const ref = useRef<HTMLDivElement>(null);
  const {
    width,
    labelWidths: [label = 0],
  } = useAxisRoom(ref, SHARE_LABELS);
  // Quarters when their labels fit side by side, else halves; and room for the whole `100%`.
  const right = Math.max(16, Math.ceil(label / 2) + 4);
  const plot = (width ?? ASSUMED_WIDTH) - 8 - right - SOURCE_AXIS_WIDTH;
  const ticks = ticksThatFit(plot, label) >= SHARE_TICKS.length ? SHARE_TICKS : [0, 0.5, 1];
  return (
    <div ref={ref} className="chart" style={{ height: Math.max(140, 70 + rows.length * 48) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 8, right, bottom: 24, left: 8 }}
          title={`${LABELS.map((l) => l.label).join(', ')} by source (% of messages)`}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={ticks}
            interval={0}
            tickFormatter={pctTick}
            stroke="var(--axis)"
            label={{ value: '% of messages', position: 'insideBottom', offset: -16, fill: 'var(--axis)' }}
          />
          <YAxis type="category" dataKey="name" width={SOURCE_AXIS_WIDTH} stroke="var(--axis)" />
          <Tooltip
            formatter={(v, n, item) => shareTooltip(v, n, item as { payload?: Row })}
            contentStyle={tooltipStyle}
            itemSorter={SHARE_ORDER}
          />
          <Legend verticalAlign="top" itemSorter={SHARE_ORDER} />
          {LABELS.map((l) => (
            <Bar key={l.key} dataKey={l.share} name={l.label} stackId="share" fill={l.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
