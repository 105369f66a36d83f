import { useLayoutEffect, useState, type RefObject } from 'react';
import { estimateTextWidth } from './axis-ticks';

/**
 * Tick-label widths come from a table of character widths per font (the font of a Recharts tick
 * label inside the chart: the presentation's larger text has its own), measured once — one hidden
 * `<svg>` with a `<text>` per character, one layout — and summed for each label (kerning left out:
 * a pixel or two). A period change then brings new labels but no measuring pass and no second
 * render; before the table, every change of labels measured them in the DOM and rendered again
 * (the 36-month chart took 64 ms against 38 ms).
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const BASE_CHARS = ' 0123456789,.:%+−-–×/()abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

interface FontTable {
  font: string;
  widths: Map<string, number>;
}

const tables = new Map<string, FontTable>();
/** The table of the last chart measured: the first guess for the next one (charts share a font). */
let lastTable: FontTable | null = null;

function tickText(): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('class', 'recharts-text recharts-cartesian-axis-tick-value');
  return t;
}

/** The font a tick label gets inside `el`, and the widths of `chars` in it (added to its table). */
function measureChars(el: HTMLElement, chars: Iterable<string>): FontTable | null {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;overflow:hidden;visibility:hidden';
  const probe = tickText();
  svg.appendChild(probe);
  el.appendChild(svg);
  try {
    const cs = getComputedStyle(probe);
    const font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const table = tables.get(font) ?? { font, widths: new Map<string, number>() };
    const todo = [...new Set(chars)].filter((c) => !table.widths.has(c));
    const texts = todo.map((c) => {
      const t = tickText();
      t.textContent = c;
      svg.appendChild(t);
      return t;
    });
    const widths = texts.map((t) => t.getComputedTextLength());
    // Nothing laid out (a hidden container, a DOM without layout): keep the estimates.
    if (widths.some((w, i) => w === 0 && todo[i] !== ' ')) return null;
    todo.forEach((c, i) => table.widths.set(c, widths[i]!));
    tables.set(font, table);
    return table;
  } catch {
    return null;
  } finally {
    svg.remove();
  }
}

function labelWidth(label: string, table: FontTable | null): number {
  if (!table) return estimateTextWidth(label);
  let w = 0;
  for (const c of label) w += table.widths.get(c) ?? estimateTextWidth(c);
  return w;
}

const missingChars = (groups: readonly (readonly string[])[], table: FontTable | null): string[] => {
  if (!table) return [];
  const out = new Set<string>();
  for (const g of groups) for (const l of g) for (const c of l) if (!table.widths.has(c)) out.add(c);
  return [...out];
};

export interface AxisRoom {
  /** The container's width in px; null until measured. */
  width: number | null;
  /** The widest label of each group, in px (estimated until the font is measured). */
  labelWidths: number[];
}

/**
 * The room a chart's axes need: the width of the chart's container `ref` (kept current by a
 * ResizeObserver) and the width of the widest label of each group (e.g. the month labels, the y
 * tick labels) in the font of the chart's tick labels.
 */
export function useAxisRoom(
  ref: RefObject<HTMLElement | null>,
  groups: readonly (readonly string[])[],
): AxisRoom {
  const [width, setWidth] = useState<number | null>(null);
  const [table, setTable] = useState<FontTable | null>(lastTable);
  // Bumped when characters had to be measured (the table is mutated in place).
  const [, setMeasured] = useState(0);

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

  // Once per chart: the font its labels are drawn in (the guess of the last chart is kept when right).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measured = measureChars(el, BASE_CHARS);
    if (!measured) return;
    lastTable = measured;
    setTable((old) => (old === measured ? old : measured));
  }, [ref]);

  // Characters not in the table yet (a label in another script): measured, then drawn again.
  useLayoutEffect(() => {
    const el = ref.current;
    const missing = missingChars(groups, table);
    if (!el || missing.length === 0) return;
    if (measureChars(el, missing)) setMeasured((n) => n + 1);
  }, [ref, groups, table]);

  const labelWidths = groups.map((g) => g.reduce((w, l) => Math.max(w, labelWidth(l, table)), 0));
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
