import { useLayoutEffect, useState, type RefObject } from 'react';
import { estimateTextWidth } from './axis-ticks';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The widest label of each group, drawn as Recharts draws a tick label inside `el` (same classes,
 * so the page's CSS — e.g. the larger text of the presentation — applies): one hidden `<svg>` with
 * a `<text>` per label, measured in one layout and removed. Null where nothing can be measured.
 */
function measureLabels(el: HTMLElement, groups: readonly (readonly string[])[]): number[] | null {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;overflow:hidden;visibility:hidden';
  const texts = groups.map((labels) =>
    [...new Set(labels)].map((label) => {
      const t = document.createElementNS(SVG_NS, 'text');
      t.setAttribute('class', 'recharts-text recharts-cartesian-axis-tick-value');
      t.textContent = label;
      svg.appendChild(t);
      return t;
    }),
  );
  el.appendChild(svg);
  try {
    const widths = texts.map((ts) => ts.reduce((w, t) => Math.max(w, t.getComputedTextLength()), 0));
    // Nothing laid out (a hidden container, a DOM without layout): keep the estimates.
    return widths.some((w, i) => w === 0 && groups[i]!.some((l) => l !== '')) ? null : widths;
  } catch {
    return null;
  } finally {
    svg.remove();
  }
}

const widest = (labels: readonly string[]) => labels.reduce((w, l) => Math.max(w, estimateTextWidth(l)), 0);

export interface AxisRoom {
  /** The container's width in px; null until measured. */
  width: number | null;
  /** The widest label of each group, in px (estimated until measured). */
  labelWidths: number[];
}

/**
 * The room a chart's axes need: the width of the chart's container `ref` (kept current by a
 * ResizeObserver) and the width of the widest label of each group (e.g. the month labels, the y
 * tick labels) drawn inside it, measured before paint and again when the labels or the width change.
 */
export function useAxisRoom(
  ref: RefObject<HTMLElement | null>,
  groups: readonly (readonly string[])[],
): AxisRoom {
  const [width, setWidth] = useState<number | null>(null);
  const key = JSON.stringify(groups);
  const [measured, setMeasured] = useState<{ key: string; widths: number[] } | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      setWidth((old) => (old === w || w === 0 ? old : w));
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || width === null) return;
    const widths = measureLabels(el, JSON.parse(key) as string[][]);
    if (widths)
      setMeasured((old) =>
        old && old.key === key && old.widths.every((w, i) => w === widths[i]) ? old : { key, widths },
      );
  }, [ref, key, width]);

  const labelWidths = measured?.key === key ? measured.widths : groups.map(widest);
  return { width, labelWidths };
}

/**
 * A y axis title (Recharts `label`) centred along the axis and drawn along its outer edge, so it
 * has the whole height of the plot (Recharts' default starts it at the middle, and a long title
 * ran off the chart: "emails deliver", "% of impressi").
 */
export function yAxisTitle(value: string, side: 'left' | 'right' = 'left') {
  return {
    value,
    angle: side === 'left' ? -90 : 90,
    position: side === 'left' ? ('insideLeft' as const) : ('insideRight' as const),
    offset: 6,
    fill: 'var(--axis)',
    style: { textAnchor: 'middle' as const },
  };
}
