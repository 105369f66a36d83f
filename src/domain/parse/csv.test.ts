import { describe, expect, it } from 'vitest';
import {
  csvChunkProblems,
  endsLine,
  fieldIndexesAt,
  hasSpacedQuotes,
  isBlankRow,
  lineEnding,
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

function problemsOf(text: string): { rows: string[][]; problems: (CsvRowProblem & { at: number })[] } {
  const rows: string[][] = [];
  const problems: (CsvRowProblem & { at: number })[] = [];
  parseCsvText(text, (chunk) => {
    for (const p of csvChunkProblems(chunk) ?? []) problems.push({ ...p, at: rows.length + p.index });
    rows.push(...chunk);
  });
  return { rows, problems };
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

describe('endsLine: does the text end with a line break (blanks after it allowed)', () => {
  it('reads the end only', () => {
    expect(['a,b\n', 'a,b\r\n', 'a,b\r', 'a,b\n  \t', 'a,b\n\u00a0', '\n'].map(endsLine)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['a,b', 'a,b  ', '', 'x\ny'].map(endsLine)).toEqual([false, false, false, false]);
  });

  it('a run of 200,000 blank lines between two rows is read in linear time (the anchored regex it replaced took minutes)', () => {
    const text = `id,name\r\n1,ana${'\r\n'.repeat(200_000)}2,bo`;
    const { rows, problems } = problemsOf(text);
    expect(rows.filter((r) => r.some((c) => c !== ''))).toEqual([
      ['id', 'name'],
      ['1', 'ana'],
      ['2', 'bo'],
    ]);
    // The last row has no line break after it: marked, as before.
    expect(problems.map((p) => p.code)).toEqual(['unended']);
  });
});

describe('line endings (QA W5: CRLF and LF mixed in one file)', () => {
  const HEAD = 'post_id,topic_id,post_number,username,created_at,topic_title,category,raw';
  const row = (id: number, raw: string) => `${id},7,${id},u${id},2025-03-0${id}T10:00:00Z,T,G,${raw}`;

  it('splits on LF when a bare LF follows a first CRLF, else on the first line ending', () => {
    expect(lineEnding('a,b\r\n1,2\r\n3,4\r\n', true)).toBe('\r\n');
    expect(lineEnding('a,b\r\n1,2\n3,4\r\n', true)).toBe('\n');
    expect(lineEnding('a,b\n1,2\r\n', true)).toBe('\n');
    expect(lineEnding('a,b\r1,2\r', true)).toBe('\r');
    expect(lineEnding('a,b', true)).toBe('\n');
    // Line breaks inside quotes do not count: Excel ends rows with \r\n and breaks in a cell with \n.
    expect(lineEnding('a,b\r\n1,"two\nlines"\r\n', true)).toBe('\r\n');
    // Not settled while a \r may be half of \r\n, or while no bare \n may yet come in the head.
    expect(lineEnding('a,b\r', false)).toBeNull();
    expect(lineEnding('a,b\r\n1,2\r\n', false)).toBeNull();
    expect(lineEnding('a,b\n', false)).toBe('\n');
    // Only the first 256 KiB count (the stream decides on as much): a bare \n after them does not.
    const crlfHead = `a,b\r\n${'1,2\r\n'.repeat(60_000)}`;
    expect(crlfHead.length).toBeGreaterThan(256 * 1024);
    expect(lineEnding(crlfHead, false)).toBe('\r\n');
    expect(lineEnding(`${crlfHead}3,4\n5,6\n`, true)).toBe('\r\n');
  });

  it('reads each row of a CRLF header over LF rows (they were read into the last value of the row before)', () => {
    const text = `${HEAD}\r\n${row(1, 'a')}\n${row(2, 'b')}\n${row(3, 'c')}\r\n`;
    const rows = rowsOf(text);
    expect(rows).toHaveLength(4);
    // A \r is left at the end of an unquoted last value of a CRLF row (the readers trim it).
    expect(rows[0]![7]).toBe('raw\r');
    expect(rows.slice(1).map((r) => [r[0], r[3], r[7]])).toEqual([
      ['1', 'u1', 'a'],
      ['2', 'u2', 'b'],
      ['3', 'u3', 'c\r'],
    ]);
  });

  it('reads a quoted last value before CRLF whole, also at the very end of the file, with no quote problem', () => {
    for (const end of ['\r\n', '\r', '\r\r\n']) {
      const text = `${HEAD}\r\n${row(1, '"say ""hi"", then\nbye"')}\n${row(2, '"b"')}\r\n${row(3, '"c, d"')}${end}`;
      const { rows, problems } = problemsOf(text);
      let unclosed = 0;
      parseCsvText(
        text,
        () => undefined,
        ',',
        () => unclosed++,
      );
      expect(unclosed, JSON.stringify(end)).toBe(0);
      expect(problems).toEqual([]);
      expect(
        rows.slice(1).map((r) => r[7]),
        JSON.stringify(end),
      ).toEqual(['say "hi", then\nbye', 'b', 'c, d']);
    }
  });
});
