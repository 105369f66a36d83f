/**
 * Property-based tests (fast-check) of the readers every import goes through: they never throw and
 * never invent data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/domain/export/csv';
import { parseCsvText } from '../../src/domain/parse/csv';
import { parseTimestamp } from '../../src/domain/parse/dates';
import { parseNumber } from '../../src/domain/parse/numbers';

const RUNS = { numRuns: 300 };

function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  parseCsvText(text, (r) => rows.push(...r), ',');
  return rows;
}

/** What toCsv's formula escaping does to a text cell (a leading ' before = + - @ tab CR, except plain numbers). */
function escaped(v: string): string {
  return /^[=+\-@\t\r]/.test(v) && !/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(v) ? `'${v}` : v;
}

// Cells with the characters that matter to CSV: quotes, delimiters, newlines, spaces, non-ASCII.
const cellChar = fc.constantFrom('a', 'B', '1', ' ', ',', ';', '"', '\n', '\r\n', '=', '+', '-', '@', 'é', '😀', '\t', "'");
const cell = fc.array(cellChar, { maxLength: 12 }).map((cs) => cs.join(''));

describe('CSV: parseCsvText reads back what toCsv writes', () => {
  it('for arbitrary rows of arbitrary cells (with formula starts escaped)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.infiniteStream(cell), (cols, nRows, cells) => {
        // A row that is blank in every cell is skipped by the reader (skipEmptyLines): make the first cell non-blank.
        const rows = Array.from({ length: nRows }, () => Array.from({ length: cols }, () => cells.next().value as string));
        for (const r of rows) r[0] = `x${r[0]!}`;
        expect(readCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(escaped)));
      }),
      RUNS,
    );
  });

  it('for arbitrary unicode strings in one column', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 10 }), (values) => {
        const rows = values.map((v) => [`k${v.length}`, v]);
        expect(readCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(escaped)));
      }),
      RUNS,
    );
  });

  it('keeps a leading space of an unquoted value after a quoted multi-line value (found by the property above, seed 1309414454)', () => {
    // Split on line breaks, the tail of the quoted value `",",""` looked like a row of spaced quotes.
    const rows = [["x\t'=😀\",😀-BB", 'a-', '\n=-=a', ' éa1 ;'], ['xB1\r\n', '=😀\r\n\n ', ',"\r\nB 1,+"', '"@\na ,']];
    expect(readCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(escaped)));
  });

  it('keeps a space inside a quoted value in a fully quoted file (found by the property above)', () => {
    // Every field quoted, one value starting with a space before a comma: not "spaced quotes" padding.
    expect(readCsv('"x","y"\r\n"a"," ,b","c"\r\n')).toEqual([
      ['x', 'y'],
      ['a', ' ,b', 'c'],
    ]);
    // Real padding around delimiters (older Mailchimp files) is still removed.
    expect(readCsv('"Email Address" , "Name"\n"a@b.org" , " Jane "\n')).toEqual([
      ['Email Address', 'Name'],
      ['a@b.org', ' Jane '],
    ]);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const rows = readCsv(text);
        for (const r of rows) for (const c of r) expect(typeof c).toBe('string');
      }),
      RUNS,
    );
  });
});

describe('numbers: parseNumber', () => {
  it('never throws and returns null or a finite number, for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.boolean(), (s, comma) => {
        const n = parseNumber(s, comma);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back any finite number as written (String, toFixed, thousands separators, percent)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        expect(parseNumber(String(x))).toBe(x === 0 ? 0 : x);
        const fixed = x.toFixed(2);
        expect(parseNumber(fixed)).toBe(Number(fixed));
        const grouped = Number(fixed).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(grouped)).toBeCloseTo(Number(fixed), 2);
        const de = Number(fixed).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(de, true)).toBeCloseTo(Number(fixed), 2);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads integers with a trailing percentage as the fraction, and "9 (0.5%)" as the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (k) => {
        expect(parseNumber(`${k}%`)).toBeCloseTo(k / 100, 10);
        expect(parseNumber(`${k} (0.5%)`)).toBe(k);
      }),
    );
  });

  it('never invents a number from text without digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((s) => !/\d/.test(s)), (s) => {
        expect(parseNumber(s)).toBeNull();
        expect(parseNumber(s, true)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('dates: parseTimestamp', () => {
  const zones = fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata');

  it('never throws, and returns null or a finite instant, for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), zones, fc.boolean(), (s, timeZone, dayFirst) => {
        const t = parseTimestamp(s, { timeZone, dayFirst });
        expect(t === null || Number.isFinite(t)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never invents a date from text without digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }).filter((s) => !/\d/.test(s)), zones, (s, timeZone) => {
        expect(parseTimestamp(s, { timeZone })).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  // Whole seconds between 1971 and 2099 (the reader's accepted range is 1970–2100).
  const instant = fc.integer({ min: Date.UTC(1971, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => s * 1000);

  it('reads every supported shape of a valid UTC date back to that instant', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const d = new Date(t);
        const [y, mo, day, h, mi, s] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
        const h12 = h % 12 === 0 ? 12 : h % 12;
        const ampm = h < 12 ? 'am' : 'pm';
        const midnight = Date.UTC(y, mo - 1, day);
        const minute = t - s * 1000;
        const opts = { timeZone: 'UTC' };
        expect(parseTimestamp(d.toISOString(), opts)).toBe(t);
        expect(parseTimestamp(`${y}-${p2(mo)}-${p2(day)} ${p2(h)}:${p2(mi)}:${p2(s)} UTC`, opts)).toBe(t);
        expect(parseTimestamp(`${y}-${p2(mo)}-${p2(day)} ${p2(h)}:${p2(mi)} +0000`, opts)).toBe(minute);
        expect(parseTimestamp(`${y}-${p2(mo)}-${p2(day)} ${p2(h)}:${p2(mi)}:${p2(s)}`, opts)).toBe(t);
        expect(parseTimestamp(`${MON[mo - 1]} ${p2(day)}, ${y} ${p2(h12)}:${p2(mi)} ${ampm}`, opts)).toBe(minute);
        expect(parseTimestamp(`${MON[mo - 1]} ${day}, ${y}`, opts)).toBe(midnight);
        expect(parseTimestamp(`${DOW[d.getUTCDay()]}, ${MON[mo - 1]} ${day}, ${y}`, opts)).toBe(midnight);
        expect(parseTimestamp(`${p2(mo)}/${p2(day)}/${y}`, opts)).toBe(midnight);
        expect(parseTimestamp(`${p2(day)}/${p2(mo)}/${y}`, { ...opts, dayFirst: true })).toBe(midnight);
        expect(parseTimestamp(`${p2(day)}.${p2(mo)}.${y}`, opts)).toBe(midnight);
        expect(parseTimestamp(`${mo}/${day}/${y} ${h12}:${p2(mi)} ${ampm.toUpperCase()}`, opts)).toBe(minute);
      }),
      { numRuns: 500 },
    );
  });

  it('reads an explicit offset as that offset, whatever the import zone', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -12, max: 14 }), zones, (t, offH, timeZone) => {
        const local = new Date(t + offH * 3_600_000);
        const sign = offH < 0 ? '-' : '+';
        const text = `${local.toISOString().slice(0, 19)}${sign}${p2(Math.abs(offH))}:00`;
        expect(parseTimestamp(text, { timeZone })).toBe(t);
      }),
    );
  });

  it('rejects impossible calendar dates (month 13, day 32, 30 February)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2099 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 32, max: 99 }), (y, badMonth, badDay) => {
        expect(parseTimestamp(`${y}-${badMonth}-01`, { timeZone: 'UTC' })).toBeNull();
        expect(parseTimestamp(`${y}-01-${badDay}`, { timeZone: 'UTC' })).toBeNull();
        expect(parseTimestamp(`${y}-02-30`, { timeZone: 'UTC' })).toBeNull();
      }),
    );
  });
});
