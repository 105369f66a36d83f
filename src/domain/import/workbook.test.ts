/** Excel workbooks through the whole import and the review: what their sheets give, and what is refused. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { previewBytes } from '../preview/preview';
import { REGISTRY } from '../sources/registry';
import { importBytesForTest } from '../sources/testing';
import { importBytes } from './import-file';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A cell: text (an inline string), or a number as stored. */
type Cell = string | { n: string; s?: number };

/** An .xlsx file: sheets of rows (null: a row left empty), with optional shared strings and styles. */
function xlsx(sheets: Record<string, (Cell[] | null)[]>, extra: { shared?: string; styles?: string } = {}) {
  const names = Object.keys(sheets);
  const col = (i: number) => String.fromCharCode(65 + i);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    '_rels/.rels': strToU8(
      `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names.map((n, i) => `<sheet name="${n.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  names.forEach((name, i) => {
    const rows = sheets[name]!.map((cells, r) =>
      cells === null
        ? ''
        : `<row r="${r + 1}">${cells
            .map((c, k) =>
              typeof c === 'string'
                ? `<c r="${col(k)}${r + 1}" t="inlineStr"><is><t>${c}</t></is></c>`
                : `<c r="${col(k)}${r + 1}"${c.s ? ` s="${c.s}"` : ''}${c.n.startsWith('s:') ? ' t="s"' : ''}><v>${c.n.replace('s:', '')}</v></c>`,
            )
            .join('')}</row>`,
    );
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
  });
  if (extra.shared) files['xl/sharedStrings.xml'] = strToU8(extra.shared);
  if (extra.styles) files['xl/styles.xml'] = strToU8(extra.styles);
  return zipSync(files);
}

const DISCORD_HEADER = ['AuthorID', 'Author', 'Date', 'Content', 'Attachments', 'Reactions'];
const issuesOf = (
  outcomes: { file: string; issues: { row?: number; severity: string; message: string }[] }[],
) =>
  outcomes.flatMap((o) =>
    o.issues.map((i) => `${i.severity}: ${o.file}${i.row ? ` row ${i.row}` : ''}: ${i.message}`),
  );

describe('Excel workbooks, imported and reviewed', () => {
  it('a Discord channel saved through Excel: the ids Excel rounded are warned of, as in the CSV Excel saves', () => {
    const bytes = xlsx({
      general: [
        DISCORD_HEADER,
        [{ n: '4.1771122334455667E+17' }, 'jane.doe', '1/13/2025 9:05 PM', 'Hello', '', ''],
        [{ n: '417711223344556677' }, 'ben', '1/13/2025 9:07 PM', 'Hi', '', ''],
      ],
    });
    const name = 'Hearth Friends - Text Channels - general [1062012345678901234].xlsx';
    const { outcomes } = importBytesForTest(name, bytes);
    expect(outcomes.map((o) => [o.file, o.format, o.rows, o.imported])).toEqual([
      [`${name} › general`, 'discord-chat-exporter', 2, 2],
    ]);
    expect(issuesOf(outcomes)).toEqual([
      `warning: ${name} › general row 2: 1 value in "AuthorID" is an id in Excel's scientific notation (4.17711223344557E+17): Excel rounded it, so it is kept as written but may no longer tell its record from others. Re-export the file without opening it in Excel.`,
    ]);
  });

  it('a workbook bomb (one long shared text in every cell) counts against the unpack budget and is refused', () => {
    const shared = `<sst xmlns="${MAIN}"><si><t>${'x'.repeat(20_000)}</t></si></sst>`;
    const rows = Array.from({ length: 1000 }, () => [{ n: 's:0' }, { n: 's:0' }]);
    const bytes = xlsx({ Sheet1: rows }, { shared });
    expect(bytes.length).toBeLessThan(100_000);
    const outcomes = importBytes('bomb.xlsx', bytes, { timeZone: 'UTC' }, REGISTRY, () => {}, 'bomb.xlsx', {
      maxTotalBytes: 10 * 1024 ** 2,
    });
    expect(issuesOf(outcomes)).toEqual([
      'error: bomb.xlsx: This zip would unpack to more than 10 MB — it looks like a zip bomb, or a damaged archive; nothing was imported.',
    ]);
  });

  const discord = (dates: (string | null)[]) =>
    xlsx({
      'Chat & "more" — général': [
        DISCORD_HEADER,
        ...dates.map((d, i) =>
          d === null ? null : [{ n: String(417711223344556600 + i) }, `user${i}`, d, `Message ${i}`, '', ''],
        ),
      ],
    });
  const NAME = 'Hearth Friends - Text Channels - general [1062012345678901234].xlsx';

  it("a row's problem is told at the sheet's own row number, empty rows counted; the review says what the import says", () => {
    // Rows 3–5 left empty, a date that is not one at row 7.
    const bytes = discord(['1/13/2025 9:05 PM', null, null, null, '1/14/2025 10:00 AM', 'soon']);
    const { outcomes } = importBytesForTest(NAME, bytes);
    const sheet = `${NAME} › Chat & "more" — général`;
    expect(outcomes.map((o) => [o.file, o.format, o.rows, o.imported, o.skipped])).toEqual([
      [sheet, 'discord-chat-exporter', 3, 2, 1],
    ]);
    expect(issuesOf(outcomes)).toEqual([
      `error: ${sheet} row 7: "soon" is not a date (expected e.g. 01-Jan-20 01:33 AM, 1/1/2020 1:33 AM or ISO 8601); row skipped.`,
    ]);
    const [preview, ...more] = previewBytes(NAME, bytes, { timeZone: 'UTC' }, REGISTRY);
    expect(more).toEqual([]);
    expect([preview!.file, preview!.format, preview!.rows, preview!.imported]).toEqual([
      NAME,
      'discord-chat-exporter',
      3,
      2,
    ]);
    expect(preview!.issues).toEqual(outcomes[0]!.issues);
  });

  it('a workbook inside a zip is read as the workbook itself', () => {
    const bytes = zipSync({ [`exports/${NAME}`]: discord(['1/13/2025 9:05 PM']) });
    const { outcomes, batch } = importBytesForTest('exports.zip', bytes);
    expect(outcomes.map((o) => [o.file, o.format, o.rows, o.imported])).toEqual([
      [`exports.zip › exports/${NAME} › Chat & "more" — général`, 'discord-chat-exporter', 1, 1],
    ]);
    expect(batch.activities).toHaveLength(1);
  });

  it('a damaged workbook: the review and the import say the same', () => {
    const shared = `<sst xmlns="${MAIN}"></sst>`;
    const bytes = xlsx({ Metrics: [[{ n: 's:0' }]] }, { shared });
    const message =
      'This Excel workbook is damaged: cells of its sheet “Metrics” refer to text the workbook does not hold (its shared strings are missing or incomplete).';
    expect(issuesOf(importBytesForTest('page.xlsx', bytes).outcomes)).toEqual([
      `error: page.xlsx: ${message}`,
    ]);
    expect(previewBytes('page.xlsx', bytes, { timeZone: 'UTC' }, REGISTRY).map((p) => p.issues)).toEqual([
      [{ file: 'page.xlsx', severity: 'error', message }],
    ]);
  });

  it('empty rows above the header count too', () => {
    const bytes = xlsx({
      general: [null, DISCORD_HEADER, null, [{ n: '417711223344556600' }, 'ada', 'later', 'Hi', '', '']],
    });
    expect(issuesOf(importBytesForTest(NAME, bytes).outcomes)).toEqual([
      `error: ${NAME} › general row 4: "later" is not a date (expected e.g. 01-Jan-20 01:33 AM, 1/1/2020 1:33 AM or ISO 8601); row skipped.`,
    ]);
  });

  it('a password-protected workbook (not a zip: an OLE2 file holding an encrypted package) says so, in the review too', () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
      for (let k = 0; k < name.length; k++) bytes[512 + i * 128 + k * 2] = name.charCodeAt(k);
    });
    const message =
      'This file cannot be read: it is a password-protected (encrypted) Office file: open it in Excel with its password, save the sheet as CSV and import the CSV.';
    expect(issuesOf(importBytesForTest('Attendees.xlsx', bytes).outcomes)).toEqual([
      `error: Attendees.xlsx: ${message}`,
    ]);
    expect(previewBytes('Attendees.xlsx', bytes, { timeZone: 'UTC' }, REGISTRY)[0]!.issues).toEqual([
      { file: 'Attendees.xlsx', severity: 'error', message },
    ]);
  });
});
