import { describe, expect, it } from 'vitest';
import { escapeFormula, toCsv } from './csv';

describe('escapeFormula', () => {
  it.each(['=SUM(A1:A2)', '+cmd|calc', '-2+3+cmd', '@SUM(1)', '\t=1', '\r=1'])('neutralises %j', (v) => {
    expect(escapeFormula(v)).toBe(`'${v}`);
  });
  it.each(['-3', '+4.5', 'hello', '', '1e5', 'a=b'])('leaves %j alone', (v) => {
    expect(escapeFormula(v)).toBe(v);
  });
});

describe('toCsv', () => {
  it('quotes commas, quotes and newlines, escapes formulas, and writes numbers plainly', () => {
    expect(
      toCsv([
        ['name', 'n'],
        ['Doe, "J"', 3],
        ['=HYPERLINK("x")', -1.5],
        ['line\nbreak', null],
      ]),
    ).toBe('name,n\r\n"Doe, ""J""",3\r\n"\'=HYPERLINK(""x"")",-1.5\r\n"line\nbreak",\r\n');
  });
  it('writes NaN and Infinity as empty cells', () => {
    expect(toCsv([[NaN, Infinity]])).toBe(',\r\n');
  });
});
