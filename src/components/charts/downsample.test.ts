import { describe, expect, it } from 'vitest';
import { downsampleRows, lttbIndices, MAX_POINTS } from './downsample';

describe('lttbIndices', () => {
  it('keeps every point of a short series', () => {
    expect(lttbIndices([1, 2, 3], 10)).toEqual([0, 1, 2]);
  });

  it('keeps at most `max` points, always the first and the last, in order', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50) * 100);
    const idx = lttbIndices(values, 1500);
    expect(idx.length).toBeLessThanOrEqual(1500);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(9999);
    for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
  });

  it('keeps a lone spike', () => {
    const values = Array.from({ length: 5000 }, () => 1);
    values[2345] = 1000;
    expect(lttbIndices(values, 100)).toContain(2345);
  });

  it('keeps gaps (null) so a missing rate is never drawn as a value', () => {
    const values: (number | null)[] = Array.from({ length: 3000 }, (_, i) => i);
    values[1500] = null;
    const idx = lttbIndices(values, 300);
    expect(idx.some((i) => values[i] === null)).toBe(true);
  });
});

describe('downsampleRows', () => {
  it('returns every row when short enough', () => {
    expect(
      downsampleRows([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([0, 1]);
  });

  it('caps each series at MAX_POINTS over a shared axis', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => i % 97);
    const b = Array.from({ length: 20_000 }, (_, i) => (i * 7) % 89);
    const rows = downsampleRows([a, b]);
    expect(rows.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(new Set(rows).size).toBe(rows.length);
  });
});
