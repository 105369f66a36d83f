import { describe, expect, it } from 'vitest';
import { hasSpacedQuotes, isBlankRow, parseCsvText, repairSpacedQuotes, sniffDelimiter } from './csv';

function rowsOf(text: string): string[][] {
  const rows: string[][] = [];
  parseCsvText(text, (r) => rows.push(...r));
  return rows;
}

describe('CSV reading', () => {
  it('isBlankRow: every cell empty or whitespace (trim’s definition, incl. non-ASCII spaces), whatever the first character', () => {
    const cells = ['', ' ', '\t', '\u00a0', '\u3000', '\ufeff', 'a', ' a', '\u00a0b', 'é', '0', '~', '\u007f'];
    for (const a of cells) for (const b of cells) expect(isBlankRow([a, b]), JSON.stringify([a, b])).toBe(a.trim() === '' && b.trim() === '');
    expect(isBlankRow([])).toBe(true);
  });

  it('sniffs , ; and tab, even under a title line', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1;"2;x";3\n')).toBe(';');
    expect(sniffDelimiter('Name\tUser ID\tTitle\nAna\t1\t\n')).toBe('\t');
    expect(sniffDelimiter('All data is aggregated, as of today\nDate,Impressions,Clicks\n1,2,3\n4,5,6\n')).toBe(',');
  });

  it('keeps quoted newlines, commas and doubled quotes; tolerates ragged rows', () => {
    expect(rowsOf('a,b,c\n"x\ny","1,2","say ""hi"""\nshort,row\n')).toEqual([
      ['a', 'b', 'c'],
      ['x\ny', '1,2', 'say "hi"'],
      ['short', 'row'],
    ]);
  });

  it('repairs fields quoted with a space around the delimiter (older Mailchimp files)', () => {
    const text = '"Email Address", "First Name", "Last Name"\n"a@b.org", "Doe, Jane", " Smith "\n';
    expect(hasSpacedQuotes(text, ',')).toBe(true);
    expect(hasSpacedQuotes('"a","b"\n"1","2"\n', ',')).toBe(false);
    expect(repairSpacedQuotes('"a" ,"b"', ',')).toBe('"a","b"');
    expect(rowsOf(text)).toEqual([
      ['Email Address', 'First Name', 'Last Name'],
      ['a@b.org', 'Doe, Jane', ' Smith '],
    ]);
  });
});
