import { useMemo, type RefObject } from 'react';
import { formatMonth } from '../format';
import { useAxisRoom } from './axis-room';
import { axisWidth, monthAxisLayout, monthLines } from './axis-ticks';

/** The props Recharts gives a custom tick (the ones used here). */
interface TickProps {
  x?: number | string;
  y?: number | string;
  fill?: string;
  className?: string;
  payload?: { value?: unknown };
}

/** An x tick label on two lines, the month over its year, for narrow monthly charts. */
export function StackedMonthTick({ x = 0, y = 0, fill, className, payload }: TickProps) {
  const [month, year] = monthLines(String(payload?.value ?? ''));
  return (
    <text
      x={x}
      y={y}
      textAnchor="middle"
      fill={fill ?? 'var(--axis)'}
      className={`recharts-text ${className ?? ''}`}
    >
      <tspan x={x} dy="0.71em">
        {month}
      </tspan>
      <tspan x={x} dy="1.2em">
        {year}
      </tspan>
    </text>
  );
}

const monthTick = (m: string) => formatMonth(m);

/**
 * The axes of a monthly chart, sized in the browser: which months to label (`monthAxisLayout`:
 * every one when they fit, else every 2nd, 3rd, 6th… from January, on two lines when that shows
 * more), the right margin that keeps the last label whole, and the width of each y axis for its
 * widest tick label and its title. `xLabels` stands in for the month labels when the x axis is not
 * a month category axis (`months` empty): only the right margin is then of use. `ref` is the
 * chart's container.
 */
export function useMonthAxis(
  ref: RefObject<HTMLElement | null>,
  {
    months,
    yLabels,
    margin,
    band = false,
    xLabels,
  }: {
    months: readonly string[];
    /** The tick labels of each y axis, left first. */
    yLabels: readonly (readonly string[])[];
    margin: { top: number; right: number; bottom: number; left: number };
    band?: boolean;
    xLabels?: readonly string[];
  },
) {
  const groups = useMemo(() => {
    // Two years hold every month name: enough to find the widest label of a long history.
    const sample = months.length > 24 ? months.slice(0, 24) : months;
    return [xLabels ?? sample.map(monthTick), sample.flatMap((m) => monthLines(m)), ...yLabels];
  }, [months, xLabels, yLabels]);
  const { width, labelWidths } = useAxisRoom(ref, groups);
  const [one = 0, two = 0, ...ys] = labelWidths;
  const yWidths = yLabels.map((_, i) => axisWidth(ys[i] ?? 0));
  const x = monthAxisLayout({
    months,
    width,
    labelWidth: one,
    stackedWidth: two,
    yAxes: yWidths,
    margin,
    band,
  });
  return {
    width,
    /** The widest one-line x label, px. */
    xLabelWidth: one,
    yWidths,
    margin: { ...margin, right: x.marginRight },
    /** Props of the month category XAxis. */
    xAxis: {
      ticks: x.ticks,
      interval: 0 as const,
      // Two lines of text (up to 18 px, the presentation's) under the 8 px of the tick.
      height: x.stacked ? 50 : 30,
      tick: x.stacked ? StackedMonthTick : true,
      tickFormatter: monthTick,
    },
  };
}
