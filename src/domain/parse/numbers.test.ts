import { describe, expect, it } from 'vitest';
import { decimalSeparatorEvidence, NumberFormatScan, parseCount, parseNumber } from './numbers';

describe('parseNumber', () => {
  it.each([
    ['1,751', 1751],
    ['1203.0', 1203],
    ['27.78%', 0.2778],
    ['9 (0.5%)', 9],
    [' 42 ', 42],
    ['-3', -3],
  ])('%s → %s', (raw, n) => {
    expect(parseNumber(raw)).toBeCloseTo(n, 10);
  });
  it.each(['-', 'n/a', 'N/A', '', '--', 'abc'])('%s → null', (raw) => {
    expect(parseNumber(raw)).toBeNull();
  });
  it('counts: empty and dashes add nothing', () => {
    expect(parseCount('-')).toBe(0);
    expect(parseCount('"1203.0"'.replace(/"/g, ''))).toBe(1203);
  });
  it.each([
    ['1.234,5', 1234.5],
    ['0,0345', 0.0345],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['62,86%', 0.6286],
    // A `;` table with dot decimals (Swiss Excel, other tools): a dot that cannot group thousands is a decimal point.
    ['0.0527', 0.0527],
    ['0.045', 0.045],
    ['-0.125', -0.125],
    ['12.5', 12.5],
    ['1234.0', 1234],
  ])('decimal comma: %s → %s', (raw, n) => {
    expect(parseNumber(raw, true)).toBeCloseTo(n, 10);
  });
});

describe('decimalSeparatorEvidence: what one cell says about the decimal separator (QA W2)', () => {
  it.each([
    '12,5',
    '0,0527',
    '34,16%',
    '6,54 %',
    '1.234,5',
    '1.234.567',
    '1 234,56',
    '1234,567',
    '0,527',
    '-7,25',
    '9 (0,5%)',
  ])('%s: a decimal comma', (raw) => {
    expect(decimalSeparatorEvidence(raw)).toBe(1);
  });
  it.each([
    '12.5',
    '0.0527',
    '34.16%',
    '1,234.5',
    '1,234,567',
    '12,345,678.9',
    "1'234.50",
    '1234.567',
    '0.527',
    '9 (0.5%)',
  ])('%s: a decimal point', (raw) => {
    expect(decimalSeparatorEvidence(raw)).toBe(-1);
  });
  // Three digits after one separator may be a thousands group or decimals; dates, times, ids and
  // text say nothing either.
  it.each([
    '1,751',
    '1.742',
    '-1.204',
    '595',
    '',
    '04.03.2025 09:30',
    '2025-03-01',
    '01/13/2025',
    '1.78E+17',
    '192.168.1.1',
    '192.168.100.200', // an IP address (OPTIN_IP), not 192 million
    'v1.2',
    'n/a',
    '1.234.5',
    '1.234,567.8',
    '1,5 x',
  ])('%s: nothing', (raw) => {
    expect(decimalSeparatorEvidence(raw)).toBe(0);
  });
  it('a scan follows what most telling values say, and says nothing on a tie or without any', () => {
    const scan = new NumberFormatScan();
    for (const v of ['1.751', '1.742', '595']) scan.add(v);
    expect(scan.decimalComma).toBeUndefined();
    scan.add('34,16%');
    expect(scan.decimalComma).toBe(true);
    scan.add('2.5');
    expect(scan.decimalComma).toBeUndefined();
    scan.add('6,54%');
    expect(scan.decimalComma).toBe(true);
    expect([scan.commaDecimals, scan.pointDecimals]).toEqual([2, 1]);
  });
});
