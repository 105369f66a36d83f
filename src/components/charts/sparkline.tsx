import { useMemo } from 'react';
import { downsampleRows } from './downsample';

/**
 * The SVG path of a sparkline in a `width` × `height` box: x spread evenly over the points, y from
 * the data's min (bottom) to max (top); a null ends the current segment (no line across missing
 * months). Null when fewer than two points have values.
 */
export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
): string | null {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count < 2) return null;
  const span = max - min;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    const x = i * step;
    const y = span === 0 ? height / 2 : height - ((v - min) / span) * height;
    d += `${pen ? 'L' : 'M'}${x.toFixed(2)},${y.toFixed(2)}`;
    pen = true;
  });
  return d;
}

const W = 100;
const H = 32;

/**
 * A tiny trend line for a KPI card (decorative: the card states the values in text). Plain SVG, not a
 * Recharts chart: the Overview draws eleven of them, and eleven Recharts charts (each measuring its
 * container and laying out axes) were most of the time of a filter change's redraw.
 */
export function Sparkline({
  values,
  color = 'var(--c1)',
}: {
  values: readonly (number | null)[];
  color?: string;
}) {
  const d = useMemo(() => {
    const rows = downsampleRows([values], 200);
    return sparklinePath(
      rows.map((i) => values[i] ?? null),
      W,
      H,
    );
  }, [values]);
  if (d === null) return null;
  return (
    <div className="sparkline" aria-hidden="true">
      <svg
        viewBox={`-2 -2 ${W + 4} ${H + 4}`}
        preserveAspectRatio="none"
        width="100%"
        height="100%"
        focusable="false"
      >
        <path
          d={d}
          fill="none"
          stroke={color}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
          strokeLinejoin="round"
        />
      </svg>
    </div>
  );
}
