import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatKind, isExcelWorkbook, serialDate, WorkbookError, workbookSheets, xmlText } from './xlsx';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** A workbook's zip entries from its parts' XML (sheets in order). */
function book(parts: {
  sheets: { name: string; xml: string }[];
  shared?: string;
  styles?: string;
  workbookPr?: string;
  prefix?: string;
}) {
  const p = parts.prefix ?? '';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ''}="${MAIN}" xmlns:r="r">${parts.workbookPr ?? ''}<${p}sheets>${parts.sheets
        .map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${WS}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  parts.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (parts.shared) files['xl/sharedStrings.xml'] = strToU8(parts.shared);
  if (parts.styles) files['xl/styles.xml'] = strToU8(parts.styles);
  return Object.entries(files).map(([name, bytes]) => ({ name, bytes }));
}

function csvOf(entries: ReturnType<typeof book>): Record<string, string> {
  return Object.fromEntries(workbookSheets(entries).map((s) => [s.name, new TextDecoder().decode(s.bytes)]));
}

describe('Excel date serials', () => {
  it('1900 system (day 0 = 1899-12-30), times to the second, and the 1904 system', () => {
    expect(serialDate(45687)).toBe('2025-01-30');
    expect(serialDate(45687.5)).toBe('2025-01-30 12:00:00');
    expect(serialDate(45687 + (9 * 3600 + 30 * 60 + 15) / 86400)).toBe('2025-01-30 09:30:15');
    expect(serialDate(61)).toBe('1900-03-01');
    expect(serialDate(44225, true)).toBe('2025-01-30');
  });

  it('a time of day alone (serial below 1) is the time; days before 1900-03-01 as Excel counts them', () => {
    expect(serialDate(0.5)).toBe('12:00:00');
    expect(serialDate(0.396875)).toBe('09:31:30');
    expect(serialDate(0)).toBe('00:00:00');
    expect(serialDate(0.25, true)).toBe('06:00:00');
    expect(serialDate(1)).toBe('1900-01-01');
    expect(serialDate(59.75)).toBe('1900-02-28 18:00:00');
    expect(serialDate(61)).toBe('1900-03-01');
  });

  it('time cells, durations and ISO dates (strict workbooks) as a sheet gives them', () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts><numFmt numFmtId="164" formatCode="[h]:mm"/><numFmt numFmtId="165" formatCode="h:mm;@"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="46"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">
      <c r="A1" s="1"><v>1.0625</v></c><c r="B1" s="2"><v>0.75</v></c><c r="C1" s="3"><v>0.0006944444444444445</v></c>
      <c r="D1" s="4" t="d"><v>2025-03-14T00:00:00</v></c><c r="E1" s="4" t="d"><v>2025-03-14T09:30:00.000</v></c><c r="F1" t="d"><v>2025-03-14</v></c><c r="G1" t="d"><v>09:30:00</v></c>
    </row></sheetData></worksheet>`;
    expect(csvOf(book({ sheets: [{ name: 'T', xml: sheet }], styles }))).toEqual({
      T: '25:30:00,18:00:00,00:01:00,2025-03-14,2025-03-14 09:30:00,2025-03-14,09:30:00\r\n',
    });
  });

  it('format codes: dates and times are dates; numbers, percentages, colours and quoted words are not', () => {
    for (const code of [
      'mm/dd/yyyy',
      'yyyy-mm-dd hh:mm',
      'h:mm AM/PM',
      '[$-409]mmmm d, yyyy',
      'd-mmm',
      '[$-409]d-mmm-yy;@',
      'yyyy/mm/dd;@',
      '[$-F800]dddd, mmmm dd, yyyy',
      '[$-ja-JP]ggge"年"',
      '[$-ja-JP]ge.m.d',
      'mm:ss.0',
    ])
      expect(formatKind(code)).toBe('date');
    for (const code of ['[h]:mm:ss', '[h]:mm', '[mm]:ss', '[H]:MM']) expect(formatKind(code)).toBe('elapsed');
    for (const code of [
      'General',
      '0.00%',
      '#,##0;[Red]-#,##0',
      '"Total: "0',
      '0.00E+00',
      '@',
      '[$€-407] #,##0.00',
      '0.0"h"',
      '# ?/?',
      '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)',
      '_-* #,##0.00\\ _€_-;\\-* #,##0.00\\ _€_-',
      '#,##0_h;[Red]-#,##0*s',
      '0.00e+00',
      '[>=1000000]0.0,,"M";0',
    ])
      expect(formatKind(code)).toBeNull();
  });

  it('XML text: entities, character references and _xHHHH_ escapes', () => {
    expect(xmlText('Q&amp;A &lt;b&gt; &quot;hi&quot; &#233;&#x1F9F6;')).toBe('Q&A <b> "hi" é🧶');
    expect(xmlText('line_x000D__x000A_two')).toBe('line\r\ntwo');
  });
});

describe('workbookSheets', () => {
  it('every kind of cell as Excel would save it to CSV; gaps, empty rows and quoting kept', () => {
    const shared = `<sst xmlns="${MAIN}"><si><t>Date</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text, bold</t></r></si><si><t>日本</t><rPh sb="0" eb="2"><t>ニホン</t></rPh></si><si><t>say "hi"</t></si></sst>`;
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
      <row r="2"><c r="A2" s="1"><v>45687</v></c><c r="B2" s="2"><v>45687.75</v></c><c r="C2" s="3"><v>0.0345</v></c><c r="D2"><v>0.30000000000000004</v></c></row>
      <row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4" t="str"><f>A1&amp;"x"</f><v>Datex</v></c><c r="D4" t="inlineStr"><is><t>inline, too</t></is></c></row>
      <row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" t="s"><v>3</v></c><c r="C5"><v>7300000000000000001</v></c><c r="D5"><v>1.5E-7</v></c><c r="E5" t="d"><v>2025-03-01T10:00:00</v></c></row>
      <row r="6"><c r="A6"/></row>
    </sheetData></worksheet>`;
    expect(csvOf(book({ sheets: [{ name: 'Data', xml: sheet }], shared, styles }))).toEqual({
      Data: [
        'Date,,"Rich text, bold"',
        '2025-01-30,2025-01-30 18:00:00,0.0345,0.3',
        '',
        'TRUE,#N/A,Datex,"inline, too"',
        '日本,"say ""hi""",7300000000000000001,0.00000015,2025-03-01 10:00:00',
        '',
      ].join('\r\n'),
    });
  });

  it('prefixed elements (OpenXML SDK writers), the 1904 date system; empty sheets are left out', () => {
    const sheet = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Day</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" s="1"><x:v>44225</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const styles = `<x:styleSheet xmlns:x="${MAIN}"><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`;
    const entries = book({
      prefix: 'x:',
      workbookPr: '<x:workbookPr date1904="1"/>',
      sheets: [
        { name: 'Days', xml: sheet },
        { name: 'Empty', xml: `<x:worksheet xmlns:x="${MAIN}"><x:sheetData/></x:worksheet>` },
      ],
      styles,
    });
    expect(isExcelWorkbook(entries)).toBe(true);
    expect(csvOf(entries)).toEqual({ Days: 'Day\r\n2025-01-30\r\n' });
  });

  it('a sheet the workbook lists but does not hold is a damaged workbook, named', () => {
    const entries = book({ sheets: [{ name: 'Metrics', xml: '<worksheet/>' }] }).filter(
      (e) => e.name !== 'xl/worksheets/sheet1.xml',
    );
    expect(() => workbookSheets(entries)).toThrow(WorkbookError);
    expect(() => workbookSheets(entries)).toThrow(
      'This Excel workbook is damaged: its sheet “Metrics” is missing.',
    );
  });

  it('a zip that is not a workbook is not taken for one', () => {
    expect(isExcelWorkbook([{ name: 'users.json', bytes: strToU8('[]') }])).toBe(false);
    expect(isExcelWorkbook(book({ sheets: [] }).filter((e) => e.name !== 'xl/workbook.xml'))).toBe(false);
  });
});

/** A package's zip entries from its parts' text, as written (no part added). */
function pkg(files: Record<string, string>) {
  return Object.entries(files).map(([name, text]) => ({ name, bytes: strToU8(text) }));
}

const STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const cell = (text: string) =>
  `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45687</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;

describe('workbook parts where the package says they are', () => {
  it('a strict workbook (Excel "Strict Open XML Spreadsheet") whose main part is not xl/workbook.xml, with absolute, ../ and differently-cased targets', () => {
    const entries = pkg({
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="${STRICT}/officeDocument" Target="/book/workbook2.xml"/></Relationships>`,
      'book/workbook2.xml': `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="${STRICT}"><sheets><sheet name="One" sheetId="1" r:id="rId1"/><sheet name="Two" sheetId="2" r:id="rId2"/><sheet name="Three" sheetId="3" r:id="rId3"/></sheets></workbook>`,
      'book/_rels/workbook2.xml.rels': `<Relationships>
        <Relationship Id="rId1" Type="${STRICT}/worksheet" Target="/book/sheets/first.xml"/>
        <Relationship Id="rId2" Type="${STRICT}/worksheet" Target="../other/Sheet%202.xml"/>
        <Relationship Id="rId3" Type="${STRICT}/worksheet" Target="./sheets/THIRD.xml"/>
        <Relationship Id="rId4" Type="${STRICT}/sharedStrings" Target="SharedStrings.xml"/>
        <Relationship Id="rId5" Type="${STRICT}/styles" Target="theStyles.xml"/>
      </Relationships>`,
      'book/sheets/first.xml': cell('one'),
      'other/Sheet 2.xml': cell('two'),
      'book/sheets/third.xml': cell('three'),
      'book/SharedStrings.xml': '<sst><si><t>Text</t></si></sst>',
      'book/theStyles.xml':
        '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    });
    expect(isExcelWorkbook(entries)).toBe(true);
    expect(csvOf(entries)).toEqual({
      One: 'Text,2025-01-30\r\none\r\n',
      Two: 'Text,2025-01-30\r\ntwo\r\n',
      Three: 'Text,2025-01-30\r\nthree\r\n',
    });
  });

  it('a Word document or a binary .xlsb workbook is not taken for an Excel workbook', () => {
    const rels = (target: string) =>
      `<Relationships><Relationship Id="rId1" Type="${WS.replace('worksheet', 'officeDocument')}" Target="${target}"/></Relationships>`;
    expect(
      isExcelWorkbook(
        pkg({
          '[Content_Types].xml': '<Types/>',
          '_rels/.rels': rels('word/document.xml'),
          'word/document.xml': '<w:document xmlns:w="w"/>',
        }),
      ),
    ).toBe(false);
    expect(
      isExcelWorkbook(
        pkg({
          '[Content_Types].xml': '<Types/>',
          '_rels/.rels': rels('xl/workbook.bin'),
          'xl/workbook.bin': '\u0083\u0001',
        }),
      ),
    ).toBe(false);
  });
});

describe('sheet data read tag by tag', () => {
  const sheetOf = (data: string) => `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`;

  it('rows and cells without r, self-closing rows and cells, t="n", values with spaces, a formula without a value, an inline string in <v>', () => {
    const sheet = sheetOf(`
      <row><c t="inlineStr"><is><t>Name</t></is></c><c t="inlineStr"><is><t>Count</t></is></c></row>
      <row/>
      <row><c/><c t="n"><v> 42 </v></c><c><f>SUM(B1:B2)</f></c><c><f t="shared" ref="D3:D4" si="0">B3*2</f><v>84</v></c><c t="inlineStr"><v>as value</v></c></row>
      <row r="5"><c r="C5" s="0"/><c r="B5"><v>1</v></c></row>`);
    expect(csvOf(book({ sheets: [{ name: 'S', xml: sheet }] }))).toEqual({
      S: 'Name,Count\r\n\r\n,42,,84,as value\r\n\r\n,1,\r\n',
    });
  });

  it('a sheet cut short (its sheet data never closed) is a damaged workbook, named', () => {
    const entries = book({
      sheets: [{ name: 'Metrics', xml: `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>` }],
    });
    expect(() => workbookSheets(entries)).toThrow(
      'This Excel workbook is damaged: its sheet “Metrics” is cut short.',
    );
  });

  // (Guards against quadratic reading by size: the pattern matching this replaced needed 22 s for
  // 40,000 rows, minutes for these; read in one pass they take milliseconds. No timing is asserted.)
  it('tags left open do not make reading slow (in proportion to the sheet, not its square)', () => {
    const rows = '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v>'.repeat(100_000);
    const csv = csvOf(book({ sheets: [{ name: 'S', xml: sheetOf(rows) }] }));
    expect(csv.S!.split('\r\n').slice(0, 2)).toEqual(['x,1', 'x,1']);
  });

  it('shared strings left open are read in one pass too, and the workbook is said to be damaged', () => {
    const shared = `<sst xmlns="${MAIN}">${'<si><t>some text here</t>'.repeat(100_000)}</sst>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>5</v></c></row></sheetData></worksheet>`;
    expect(() => workbookSheets(book({ sheets: [{ name: 'S', xml: sheet }], shared }))).toThrow(
      'This Excel workbook is damaged: cells of its sheet “S” refer to text the workbook does not hold (its shared strings are missing or incomplete).',
    );
    // Empty items (`<si/>`) keep their place.
    const ok = `<sst xmlns="${MAIN}"><si><t>a</t></si><si/><si><r><t>b</t></r><r><t>c</t></r></si></sst>`;
    const three = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData></worksheet>`;
    expect(csvOf(book({ sheets: [{ name: 'S', xml: three }], shared: ok }))).toEqual({ S: 'a,,bc\r\n' });
  });

  it('a conditional format’s number format (<dxfs>) does not change a cell’s, even with the same id', () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>45000.5</v></c></row></sheetData></worksheet>`;
    expect(csvOf(book({ sheets: [{ name: 'S', xml: sheet }], styles }))).toEqual({ S: '45000.5\r\n' });
  });
});

describe('a damaged workbook is said to be damaged, not read as empty cells', () => {
  const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>`;
  const damaged =
    'This Excel workbook is damaged: cells of its sheet “Metrics” refer to text the workbook does not hold (its shared strings are missing or incomplete).';

  it('text cells without the shared strings part', () => {
    expect(() => workbookSheets(book({ sheets: [{ name: 'Metrics', xml: sheet }] }))).toThrow(damaged);
  });

  it('a text cell past the end of the shared strings', () => {
    const shared = `<sst xmlns="${MAIN}"><si><t>Date</t></si></sst>`;
    expect(() => workbookSheets(book({ sheets: [{ name: 'Metrics', xml: sheet }], shared }))).toThrow(
      damaged,
    );
  });
});

describe('numbers as Excel shows them', () => {
  const sheetOf = (values: string[]) =>
    `<worksheet xmlns="${MAIN}"><sheetData>${values.map((v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${v}</v></c></row>`).join('')}</sheetData></worksheet>`;
  const column = (values: string[]) =>
    csvOf(book({ sheets: [{ name: 'N', xml: sheetOf(values) }] }))
      .N!.split('\r\n')
      .slice(0, -1);

  it('15 significant digits; negative, -0, very small and very large numbers', () => {
    expect(
      column(['0.30000000000000004', '-12.5', '-0', '1.5E-7', '-2.5E-9', '1.2345678901234567E-30', '1E+21']),
    ).toEqual([
      '0.3',
      '-12.5',
      '0',
      '0.00000015',
      '-0.0000000025',
      '0.00000000000000000000000000000123456789012346',
      '1E+21',
    ]);
  });

  it('long integers: digits as written; exact up to 2^53; an 18-digit id that went through Excel in its scientific notation', () => {
    expect(
      column(['7300000000000000001', '1.234567890123456E+15', '1.7812345678901299E+17', '7.3E+17']),
    ).toEqual(['7300000000000000001', '1234567890123456', '1.78123456789013E+17', '7.3E+17']);
  });
});

describe('which sheets are read', () => {
  it('worksheets, hidden ones too; not very hidden ones, chart sheets, dialog sheets or Excel 4 macro sheets', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const entries = pkg({
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>
        <sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Hidden" sheetId="2" state="hidden" r:id="rId2"/>
        <sheet name="Code" sheetId="3" state="veryHidden" r:id="rId3"/><sheet name="Chart" sheetId="4" r:id="rId4"/>
        <sheet name="Dialog" sheetId="5" r:id="rId5"/><sheet name="Macro1" sheetId="6" r:id="rId6"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships>
        <Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>
        <Relationship Id="rId3" Type="${R}/worksheet" Target="worksheets/sheet3.xml"/>
        <Relationship Id="rId4" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/>
        <Relationship Id="rId5" Type="${R}/dialogsheet" Target="dialogsheets/sheet1.xml"/>
        <Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/>
      </Relationships>`,
      'xl/worksheets/sheet1.xml': cell('data'),
      'xl/worksheets/sheet2.xml': cell('hidden'),
      'xl/worksheets/sheet3.xml': cell('code'),
      'xl/chartsheets/sheet1.xml': '<chartsheet/>',
      'xl/dialogsheets/sheet1.xml': `<dialogsheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>OK</t></is></c></row></sheetData></dialogsheet>`,
      'xl/macrosheets/sheet1.xml': `<xm:macrosheet xmlns:xm="x"><sheetData><row r="1"><c r="A1" t="str"><f>HALT()</f><v>x</v></c></row></sheetData></xm:macrosheet>`,
      'xl/sharedStrings.xml': '<sst><si><t>Text</t></si></sst>',
    });
    expect(Object.keys(csvOf(entries))).toEqual(['Data', 'Hidden']);
  });
});

describe('part encodings', () => {
  it('parts in UTF-16 (with a byte order mark) read as in UTF-8', () => {
    const utf16 = (text: string, bigEndian = false) => {
      const out = new Uint8Array(2 + text.length * 2);
      out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 + i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
        out[2 + i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
      }
      return out;
    };
    const entries = book({
      sheets: [{ name: 'Zoë', xml: cell('Müller') }],
      shared: '<sst><si><t>Café</t></si></sst>',
      styles: '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    }).map((e) =>
      e.name === '[Content_Types].xml'
        ? e
        : { name: e.name, bytes: utf16(new TextDecoder().decode(e.bytes), e.name.includes('sheet1')) },
    );
    expect(isExcelWorkbook(entries)).toBe(true);
    expect(csvOf(entries)).toEqual({ Zoë: 'Café,2025-01-30\r\nMüller\r\n' });
  });
});

describe('zip entry names with Windows separators', () => {
  it('entries named xl\\workbook.xml and targets written \\xl\\worksheets\\sheet1.xml (some Windows writers; Excel opens them)', () => {
    const entries = pkg({
      '[Content_Types].xml': '<Types/>',
      '_rels\\.rels': `<Relationships><Relationship Id="rId1" Type="${STRICT}/officeDocument" Target="xl\\workbook.xml"/></Relationships>`,
      'xl\\workbook.xml': `<workbook xmlns="${MAIN}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl\\_rels\\workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="${WS}" Target="\\xl\\worksheets\\sheet1.xml"/><Relationship Id="rId2" Type="${STRICT}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      'xl\\worksheets\\sheet1.xml': cell('data'),
      'xl\\sharedStrings.xml': '<sst><si><t>Text</t></si></sst>',
    });
    expect(isExcelWorkbook(entries)).toBe(true);
    expect(csvOf(entries)).toEqual({ Data: 'Text,45687\r\ndata\r\n' });
  });
});
