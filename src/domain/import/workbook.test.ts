/** Excel workbooks through the whole import and the review: what their sheets give, and what is refused. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
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
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
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
});
