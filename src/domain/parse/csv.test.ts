import { describe, expect, it } from 'vitest';
import {
  csvChunkProblems,
  fieldIndexesAt,
  hasSpacedQuotes,
  isBlankRow,
  LONG_FIELD_CHARS,
  parseCsvText,
  repairSpacedQuotes,
  sniffDelimiter,
  streamCsvBlob,
  type CsvRowProblem,
} from './csv';

function rowsOf(text: string): string[][] {
  const rows: string[][] = [];
  parseCsvText(text, (r) => rows.push(...r));
  return rows;
}

describe('CSV reading', () => {
  it('isBlankRow: every cell empty or whitespace (trim’s definition, incl. non-ASCII spaces), whatever the first character', () => {
    const cells = [
      '',
      ' ',
      '\t',
      '\u00a0',
      '\u3000',
      '\ufeff',
      'a',
      ' a',
      '\u00a0b',
      'é',
      '0',
      '~',
      '\u007f',
    ];
    for (const a of cells)
      for (const b of cells)
        expect(isBlankRow([a, b]), JSON.stringify([a, b])).toBe(a.trim() === '' && b.trim() === '');
    expect(isBlankRow([])).toBe(true);
  });

  it('sniffs , ; and tab, even under a title line', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1;"2;x";3\n')).toBe(';');
    expect(sniffDelimiter('Name\tUser ID\tTitle\nAna\t1\t\n')).toBe('\t');
    expect(
      sniffDelimiter('All data is aggregated, as of today\nDate,Impressions,Clicks\n1,2,3\n4,5,6\n'),
    ).toBe(',');
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

  // Header, then rows 2–4; row 3's "raw" (column 3) opens a quote and holds an undoubled one, so
  // PapaParse reads row 4 into it (it closes at row 4's closing quote).
  const SWALLOW =
    'id,user,raw\n1,ana,"fine"\n2,bob,"I love the "Weave" tool, it is great\n3,cy,"ok"\n4,dee,"after"\n';

  function problemsOf(text: string): { rows: string[][]; problems: (CsvRowProblem & { at: number })[] } {
    const rows: string[][] = [];
    const problems: (CsvRowProblem & { at: number })[] = [];
    parseCsvText(text, (chunk) => {
      for (const p of csvChunkProblems(chunk) ?? []) problems.push({ ...p, at: rows.length + p.index });
      rows.push(...chunk);
    });
    return { rows, problems };
  }

  it('reports a quoted value with an undoubled quote (PapaParse InvalidQuotes) at its row and column', () => {
    const { rows, problems } = problemsOf(SWALLOW);
    // Row 3 swallowed row 4 ("3,cy," and the quote before "ok" end it): 4 rows read for 5.
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual(['2', 'bob', 'I love the "Weave" tool, it is great\n3,cy,"ok']);
    expect(problems).toEqual([{ index: 2, at: 2, code: 'invalid-quote', column: 2 }]);
    // A doubled quote is fine; a quote in an unquoted value is a literal (PapaParse does not complain).
    expect(problemsOf('id,user,raw\n1,"say ""hi""",x\n2,a"b,"c"\n').problems).toEqual([]);
  });

  it('finds the column of the bad value after quoted values holding delimiters, line breaks and doubled quotes', () => {
    const text = 'a,b,c,d\n"x,\ny","""q""",z,"bad "one" here"\n';
    expect(problemsOf(text).problems).toEqual([{ index: 1, at: 1, code: 'invalid-quote', column: 3 }]);
    expect(fieldIndexesAt(text, 0, [text.indexOf('"bad')], ',')).toEqual([3]);
    expect(fieldIndexesAt('p;q\n1;"a "b";c', 0, [6], ';')).toEqual([1]);
  });

  it('reports a value longer than LONG_FIELD_CHARS (a quoting error) with its column', () => {
    const long = 'x'.repeat(LONG_FIELD_CHARS + 1);
    const { problems } = problemsOf(`id,raw\n1,short\n2,"${long}"\n3,z\n`);
    expect(problems).toEqual([
      { index: 2, at: 2, code: 'long-field', column: 1, length: LONG_FIELD_CHARS + 1 },
    ]);
    expect(problemsOf(`id,raw\n1,"${'x'.repeat(LONG_FIELD_CHARS)}"\n`).problems).toEqual([]);
  });

  it('streamCsvBlob reports the same problems at the same rows, whatever the slice size, blank rows not counted', async () => {
    const text = `id,user,raw\n\n1,ana,"fine"\n${SWALLOW.split('\n').slice(2).join('\n')}`;
    const want = problemsOf(text);
    expect(want.problems).toEqual([{ index: 2, at: 2, code: 'invalid-quote', column: 2 }]);
    for (const chunkSize of [7, 16, 1000]) {
      const got = { rows: [] as string[][], problems: [] as (CsvRowProblem & { at: number })[] };
      await streamCsvBlob(new Blob([text]), { encoding: 'utf-8', delimiter: ',', chunkSize }, (chunk) => {
        for (const p of csvChunkProblems(chunk) ?? [])
          got.problems.push({ ...p, at: got.rows.length + p.index });
        got.rows.push(...chunk);
      });
      expect(got, `chunk ${chunkSize}`).toEqual(want);
    }
  });
});
