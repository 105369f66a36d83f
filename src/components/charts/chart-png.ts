/**
 * PNG of a chart on screen: the Recharts SVG is cloned with its computed colours written inline
 * (CSS variables do not survive serialisation), drawn onto a canvas through an Image loaded from a
 * blob: URL, with the title and the chart's legend (read from the page, as drawn), then saved with
 * canvas.toBlob. Nothing leaves the page.
 */
import { downloadBlob, fileNameFor } from '../download';

interface LegendEntry {
  label: string;
  color: string;
  dashed: boolean;
}

/** The legend under the chart as drawn: each item's text, its colour and whether its swatch is dashed. */
function legendOf(container: HTMLElement): LegendEntry[] {
  return [...container.querySelectorAll<HTMLElement>('.recharts-legend-item')].map((item) => {
    const text = item.querySelector<HTMLElement>('.recharts-legend-item-text') ?? item;
    const swatch = item.querySelector('svg path, svg line, svg rect');
    const dash =
      swatch?.getAttribute('stroke-dasharray') ??
      (swatch ? getComputedStyle(swatch).strokeDasharray : 'none');
    const color = swatch ? getComputedStyle(swatch).stroke : '';
    return {
      label: (text.textContent ?? '').trim(),
      color: color && color !== 'none' ? color : getComputedStyle(text).color,
      dashed: !!dash && dash !== 'none',
    };
  });
}

const STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'fill-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
  'display',
];

function inlineStyles(source: Element, target: Element): void {
  const cs = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  // Attributes holding var(--x) are resolved by the inline style above; drop them so nothing unresolved remains.
  for (const attr of ['fill', 'stroke'])
    if (target.getAttribute(attr)?.includes('var(')) target.removeAttribute(attr);
  const s = source.children;
  const t = target.children;
  for (let i = 0; i < s.length && i < t.length; i++) inlineStyles(s[i]!, t[i]!);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    img.src = url;
  });
}

/** Renders the chart `<svg>` inside `container`, under `title` and over its legend, to a PNG blob. */
export async function chartToPng(container: HTMLElement, title: string, scale = 2): Promise<Blob> {
  // The chart's own surface is the largest SVG (legend icons are small SVGs of the same class).
  const area = (el: SVGSVGElement) => el.getBoundingClientRect().width * el.getBoundingClientRect().height;
  const svg = [...container.querySelectorAll<SVGSVGElement>('svg')].sort((a, b) => area(b) - area(a))[0];
  if (!svg) throw new Error('no chart to export');
  const box = svg.getBoundingClientRect();
  const w = Math.max(1, Math.round(box.width));
  const h = Math.max(1, Math.round(box.height));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    const pad = 16;
    const titleH = 36;
    const legendH = 28;
    const canvas = document.createElement('canvas');
    canvas.width = (w + pad * 2) * scale;
    canvas.height = (h + titleH + legendH + pad * 2) * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw images');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w + pad * 2, h + titleH + legendH + pad * 2);
    ctx.fillStyle = '#1f1a17';
    ctx.font = '600 18px system-ui, sans-serif';
    ctx.fillText(title, pad, pad + 18);
    ctx.drawImage(img, pad, pad + titleH, w, h);
    // Legend: the items under the chart, in the colours they were drawn with on screen.
    let x = pad;
    const y = pad + titleH + h + 16;
    ctx.font = '14px system-ui, sans-serif';
    legendOf(container).forEach((l) => {
      ctx.strokeStyle = l.color || '#1f1a17';
      ctx.lineWidth = 3;
      ctx.setLineDash(l.dashed ? [6, 4] : []);
      ctx.beginPath();
      ctx.moveTo(x, y - 4);
      ctx.lineTo(x + 24, y - 4);
      ctx.stroke();
      ctx.fillStyle = '#1f1a17';
      ctx.fillText(l.label, x + 30, y);
      x += 30 + ctx.measureText(l.label).width + 24;
    });
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadChartPng(
  container: HTMLElement,
  title: string,
  fileName: string,
): Promise<void> {
  downloadBlob(fileName, await chartToPng(container, title));
}

/** `Active and new members per month` → `hearth-active-and-new-members-per-month.png`. */
export function chartFileName(title: string): string {
  return fileNameFor(title, 'png', 'chart');
}
