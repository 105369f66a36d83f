/**
 * The bad-input corpus (tests/fixtures/bad/, README.md there): every file gets the exact message the
 * user sees — from importBytes (shared by the browser and the command), from the browser's import of
 * the file into storage (importFile), and from the `hearth` command — and nothing stored changes.
 * Valid-but-awkward files (UTF-16, Windows-1252 with `;` and decimal commas, CR line ends…) must read
 * exactly like their clean versions.
 */
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordAccumulator } from '../../src/domain/import/accumulate';
import { importBytes, type FileOutcome } from '../../src/domain/import/import-file';
import { issueLine, summariseOutcomes } from '../../src/domain/import/summary';
import type { RecordBatch } from '../../src/domain/model/records';
import { toCsv } from '../../src/domain/export/csv';
import { REGISTRY } from '../../src/domain/sources/registry';
import { HearthDb } from '../../src/storage/db';
import { loadRecords } from '../../src/storage/records-repo';
import { importFile } from '../../src/workers/import-runner';

const ROOT = resolve(import.meta.dirname, '../..');
const BAD = join(ROOT, 'tests/fixtures/bad');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(BAD, name)));

function read(
  name: string,
  bytes: Uint8Array = bytesOf(name),
): { outcomes: FileOutcome[]; records: RecordBatch; lines: string[] } {
  const acc = new RecordAccumulator();
  const outcomes = importBytes(name, bytes, { timeZone: 'UTC' }, REGISTRY, (b) => acc.add(b));
  const lines = outcomes.flatMap((o) => o.issues.map((i) => `${i.severity}: ${issueLine(i)}`));
  return { outcomes, records: acc.result(), lines };
}

const NOT_A_DATE = (row: number, value: string) =>
  `error: invalid-dates.csv, row ${row}, column created_at: "${value}" is not a date (expected ISO 8601, e.g. 2025-03-01T10:00:00Z); row skipped.`;
const UNKNOWN = (file: string, shown: string) =>
  `error: ${file}, row 1: Unknown format: no supported export has these columns (${shown}). Check the list of supported exports, or map the columns yourself.`;

/** Committed bad files: the exact lines the user gets (severity: file, row, column: message). */
const BAD_FILES: [file: string, lines: string[]][] = [
  ['bom-only.csv', ['error: bom-only.csv: The file is empty.']],
  ['whitespace-only.csv', ['error: whitespace-only.csv: The file is empty.']],
  ['header-only.csv', ['warning: header-only.csv: The file has a header but no data rows.']],
  [
    'header-only-no-newline.csv',
    ['warning: header-only-no-newline.csv: The file has a header but no data rows.'],
  ],
  [
    'binary.csv',
    ['error: binary.csv: This file cannot be read: it contains binary data (NUL bytes), not text.'],
  ],
  [
    'program.exe.csv',
    ['error: program.exe.csv: This file cannot be read: it contains binary data (NUL bytes), not text.'],
  ],
  ['photo.png.csv', ['error: photo.png.csv: This file cannot be read: it is a PNG image, not a CSV export.']],
  [
    'photo.jpg.csv',
    ['error: photo.jpg.csv: This file cannot be read: it is a JPEG image, not a CSV export.'],
  ],
  [
    'animation.gif.csv',
    ['error: animation.gif.csv: This file cannot be read: it is a GIF image, not a CSV export.'],
  ],
  [
    'report.pdf.csv',
    ['error: report.pdf.csv: This file cannot be read: it is a PDF document, not a CSV export.'],
  ],
  [
    'workbook.xls.csv',
    [
      'error: workbook.xls.csv: This file cannot be read: it is a binary Excel (.xls) workbook: open it in a spreadsheet and save it as CSV.',
    ],
  ],
  [
    'compressed.csv.gz.csv',
    [
      'error: compressed.csv.gz.csv: The gzip file cannot be decompressed (its end is missing); it may be truncated or damaged.',
    ],
  ],
  [
    'truncated.zip',
    [
      'error: truncated.zip: The zip archive is incomplete: its end (the list of the files it holds) is missing, so it was probably cut short while downloading or copying. Download or export it again.',
    ],
  ],
  ['empty.zip', ['error: empty.zip: The zip archive holds no files.']],
  [
    'linkedin-metrics.xlsx',
    ['error: linkedin-metrics.xlsx: This Excel workbook has no sheet with any value in it.'],
  ],
  [
    'sheet.ods',
    [
      'error: sheet.ods: This is an OpenDocument spreadsheet (.ods), not a CSV export: open it in a spreadsheet, choose the sheet you need (LinkedIn page analytics: Metrics, New followers or All posts), save it as CSV and import the CSV.',
    ],
  ],
  ['folders-only.zip', ['error: folders-only.zip: The zip archive holds only folders, no files.']],
  [
    'not-exports.zip',
    [
      'error: not-exports.zip: No file in this archive is a supported export (it holds: README.txt, logo.png).',
    ],
  ],
  [
    'slack-broken.zip',
    [
      'error: slack-broken.zip › users.json: Not valid JSON: the file ends in the middle of the data (it was cut or damaged); file skipped.',
      'error: slack-broken.zip › general/2025-03-01.json: Not valid JSON: the file ends in the middle of the data (it was cut or damaged); file skipped.',
    ],
  ],
  [
    'json-in.csv',
    [
      'error: json-in.csv: This file holds JSON, not CSV, and is not one of the JSON exports Hearth reads. Check the list of supported exports.',
    ],
  ],
  [
    'broken-discord.json',
    [
      'error: broken-discord.json: Not valid JSON — the file ends in the middle of a message: the export did not finish or was cut; export the channel again.',
    ],
  ],
  ['unknown-columns.csv', [UNKNOWN('unknown-columns.csv', 'Region, Revenue, Quarter')]],
  [
    'web-page.csv',
    [
      'error: web-page.csv: This file is a web page (HTML), not a CSV export: download the export again (a sign-in or error page may have been saved instead).',
    ],
  ],
  ['notice-lines-only.csv', [UNKNOWN('notice-lines-only.csv', 'Exported by SomeTool on 2025-03-01')]],
  [
    'missing-post-number-column.csv',
    [UNKNOWN('missing-post-number-column.csv', 'post_id, topic_id, username, created_at, raw')],
  ],
  [
    'duplicate-headers.csv',
    [
      'error: duplicate-headers.csv, row 1, column username: The column "username" appears twice in the header (columns 4 and 5), so Hearth cannot tell which one to read. Rename or remove one of them, then import the file again.',
    ],
  ],
  [
    'ragged-rows.csv',
    [
      'error: ragged-rows.csv, row 2, column created_at: "" is not a date (expected ISO 8601, e.g. 2025-03-01T10:00:00Z); row skipped.',
      'error: ragged-rows.csv, row 3, column username: Missing username; row skipped.',
      'error: ragged-rows.csv, row 4, column username: Missing username; row skipped.',
    ],
  ],
  [
    'invalid-dates.csv',
    [NOT_A_DATE(2, '2025-13-45'), NOT_A_DATE(3, '2025-02-30T10:00:00Z'), NOT_A_DATE(4, 'yesterday')],
  ],
  [
    'dates-1899.csv',
    [
      'error: dates-1899.csv, row 2, column created_at: "1899-12-31T10:00:00Z" is outside the dates Hearth accepts (years 1970–2100); row skipped.',
    ],
  ],
  [
    'dates-year-3000.csv',
    [
      'error: dates-year-3000.csv, row 2, column created_at: "3000-01-01T00:00:00Z" is outside the dates Hearth accepts (years 1970–2100); row skipped.',
    ],
  ],
  [
    'post-number-abc.csv',
    [
      'error: post-number-abc.csv, row 2, column post_number: "abc" is not a post number (expected 1, 2, 3…); row skipped.',
      'error: post-number-abc.csv, row 3, column post_number: "-1" is not a post number (expected 1, 2, 3…); row skipped.',
    ],
  ],
  [
    'missing-usernames.csv',
    [
      'error: missing-usernames.csv, row 2, column username: Missing username; row skipped.',
      'error: missing-usernames.csv, row 3, column username: Missing username; row skipped.',
    ],
  ],
  [
    'unterminated-quote.csv',
    [
      'error: unterminated-quote.csv, row 2: A quoted value opened in this row is never closed, so the rest of the file cannot be read reliably; nothing was imported from it. Check the file for a stray " character.',
    ],
  ],
];

/** Generated inputs too big (or too dangerous) to commit. */
const MB = 1024 * 1024;
const POSTS = 'post_id,topic_id,post_number,username,created_at,topic_title,category,raw';
const HUGE = 'x'.repeat(5 * MB);

/** A zip whose central directory declares `size` uncompressed bytes for its one small entry. */
function zipDeclaring(size: number): Uint8Array {
  const zip = zipSync({ 'posts.csv': strToU8(`${POSTS}\n`) }, { level: 0 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, size, true); // central directory: uncompressed size
      break;
    }
  }
  return zip;
}

/** A tar archive holding `posts.csv` (one 512-byte header block, "ustar" at offset 257, then the data). */
function tarOf(text: string): Uint8Array {
  const data = strToU8(text);
  const out = new Uint8Array(512 + Math.ceil(data.length / 512) * 512 + 1024);
  out.set(strToU8('posts.csv'));
  out.set(strToU8(`${data.length.toString(8).padStart(11, '0')}\0`), 124);
  out.set(strToU8('ustar\x0000'), 257);
  out.set(data, 512);
  return out;
}

const ARCHIVE_ADVICE =
  'which Hearth cannot open (it opens zip and gzip files): extract the files from it and import them, or a zip of them.';

const GENERATED: [file: string, make: () => Uint8Array, lines: (string | RegExp)[]][] = [
  [
    'error-page.csv',
    // A server's bare error page, with no <!DOCTYPE> or <html> (it read as a header of unknown columns).
    () => strToU8('<meta charset="utf-8"><title>Error 403</title>\n<div>Forbidden</div>\n'),
    [
      'error: error-page.csv: This file is a web page (HTML), not a CSV export: download the export again (a sign-in or error page may have been saved instead).',
    ],
  ],
  [
    'access-denied.csv',
    // What an expired download link of a cloud store gives.
    () =>
      strToU8(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
      ),
    [
      'error: access-denied.csv: This file holds XML, not CSV, and is not an export Hearth reads: download the export again (an error message from the server, such as an expired link, may have been saved instead).',
    ],
  ],
  [
    'exports.tar.gz',
    () => gzipSync(tarOf(`${POSTS}\n1,7,1,ana,2025-03-01T10:00:00Z,Hello,General,x\n`)),
    [`error: exports.tar.gz: This file cannot be read: it is a tar archive, ${ARCHIVE_ADVICE}`],
  ],
  [
    'exports.7z',
    () => new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, ...new Uint8Array(200)]),
    [`error: exports.7z: This file cannot be read: it is a 7-Zip archive (.7z), ${ARCHIVE_ADVICE}`],
  ],
  [
    'bomb.zip',
    // 80 MB of zeros squeeze into ~80 KB: an archive expanding ~1000× is refused before it is expanded.
    () => zipSync({ 'bomb.csv': new Uint8Array(80 * MB) }, { level: 9 }),
    [/^error: bomb\.zip: The archive was refused: bomb\.csv expands \d{3,4}× \(a zip bomb\?\)\.$/],
  ],
  [
    'declares-3gb.zip',
    () => zipDeclaring(3 * 1024 ** 3),
    ['error: declares-3gb.zip: The archive was refused: it would expand to more than 2 GB.'],
  ],
  [
    'lying-size.zip',
    // A bomb that lies: 60 MB of zeros declared as 1,000 bytes. Expansion stops at the declared size
    // (memory stays bounded); the 1,000 zero bytes are then not text.
    () => {
      const zip = zipSync({ 'bomb.csv': new Uint8Array(60 * MB) }, { level: 9 });
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      view.setUint32(22, 1000, true); // local header: uncompressed size
      for (let i = zip.length - 22; i >= 0; i--) {
        if (view.getUint32(i, true) === 0x02014b50) {
          view.setUint32(i + 24, 1000, true);
          break;
        }
      }
      return zip;
    },
    ['error: lying-size.zip: No file in this archive is a supported export (it holds: bomb.csv).'],
  ],
  [
    'huge-field.csv',
    () => strToU8(`${HUGE},b,c\n1,2,3\n`),
    [UNKNOWN('huge-field.csv', `${'x'.repeat(40)}…, b, c`)],
  ],
  [
    'huge-date.csv',
    () => strToU8(`${POSTS}\n1,7,1,ana,${HUGE},Hello,General,x\n`),
    [
      `error: huge-date.csv, row 2, column created_at: "${'x'.repeat(40)}" is not a date (expected ISO 8601, e.g. 2025-03-01T10:00:00Z); row skipped.`,
    ],
  ],
  [
    'thousand-columns.csv',
    () =>
      strToU8(
        `${Array.from({ length: 1000 }, (_, i) => `col${i + 1}`).join(',')}\n${Array.from({ length: 1000 }, (_, i) => i).join(',')}\n`,
      ),
    [UNKNOWN('thousand-columns.csv', 'col1, col2, col3, col4, col5, col6, col7, col8, …')],
  ],
];

/** Valid-but-awkward files and the clean file each must read exactly like. */
const AWKWARD: [file: string, clean: string][] = [
  ['awkward-utf8-bom.csv', 'clean-posts.csv'],
  ['awkward-utf16le-bom.csv', 'clean-posts.csv'],
  ['awkward-utf16be-bom.csv', 'clean-posts.csv'],
  ['awkward-utf16le-no-bom.csv', 'clean-posts.csv'],
  ['awkward-crlf.csv', 'clean-posts.csv'],
  ['awkward-cr-only.csv', 'clean-posts.csv'],
  ['awkward-mixed-eol-crlf-first.csv', 'clean-posts.csv'],
  ['awkward-mixed-eol-lf-first.csv', 'clean-posts.csv'],
  ['awkward-windows-1252-semicolon.csv', 'clean-posts.csv'],
  ['awkward-report-dau-mau.csv', 'clean-report-dau-mau.csv'],
];

function expectLines(actual: string[], expected: (string | RegExp)[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) =>
    typeof e === 'string' ? expect(actual[i]).toBe(e) : expect(actual[i]).toMatch(e),
  );
}

describe('bad input: the message from importBytes, and no records', () => {
  it('the corpus holds at least 30 bad files', () => {
    expect(BAD_FILES.length + GENERATED.length + 1 /* empty.csv */).toBeGreaterThanOrEqual(30);
  });

  it('empty.csv', () => {
    expect(bytesOf('empty.csv').length).toBe(0);
    expect(read('empty.csv').lines).toEqual(['error: empty.csv: The file is empty.']);
  });

  it.each(BAD_FILES)('%s', (file, lines) => {
    const { outcomes, lines: actual } = read(file);
    expect(actual).toEqual(lines);
    expect(summariseOutcomes(outcomes).imported).toBe(0);
  });

  it.each(GENERATED)('%s (generated)', (file, make, lines) => {
    const { outcomes, lines: actual, records } = read(file, make());
    expectLines(actual, lines);
    expect(summariseOutcomes(outcomes).imported).toBe(0);
    expect(records.activities).toEqual([]);
  });
});

describe('valid but awkward files read exactly like clean ones', () => {
  it.each(AWKWARD)('%s reads like %s', (file, clean) => {
    // Read under one name: a dashboard report's series is named after its file.
    const a = read('export.csv', bytesOf(file));
    const b = read('export.csv', bytesOf(clean));
    expect(a.lines).toEqual([]);
    expect(b.records.activities.length + b.records.dailyValues.length).toBe(3);
    expect(a.records).toEqual(b.records);
  });

  it('a UTF-8 file with a few Windows-1252 bytes keeps both: no mojibake', () => {
    const { records, lines } = read('mixed-encodings.csv');
    expect(lines).toEqual([]);
    expect(records.activities.map((a) => [a.personKey, a.text])).toEqual([
      ['discourse:zoë', 'naïve café'],
      ['discourse:rené', 'it’s fine'],
    ]);
  });

  it('formula-like cells are stored as the text they are, and exported with a leading quote', () => {
    const { records, lines } = read('formula-cells.csv');
    expect(lines).toEqual([]);
    expect(records.activities.map((a) => [a.personKey, a.text])).toEqual([
      ['discourse:+cmd', '=HYPERLINK("http://evil.example","click")'],
      ['discourse:@sum', '@SUM(1+1)'],
      ['discourse:dan', '-2+3'],
    ]);
    expect(toCsv(records.activities.map((a) => [a.text]))).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"\r\n'@SUM(1+1)\r\n'-2+3\r\n`,
    );
  });

  it('HTML and script in text are kept literally (the UI renders them as text; see security.e2e.ts)', () => {
    const { records } = read('html-script.csv');
    expect(records.activities.map((a) => a.text)).toEqual([
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=1">',
      '<a href="javascript:window.__pwned=1">link</a>',
    ]);
  });
});

describe('the browser path (importFile into IndexedDB) stores nothing from a bad file', () => {
  let db: HearthDb;
  let before: Awaited<ReturnType<typeof loadRecords>>;
  beforeAll(async () => {
    db = new HearthDb('bad-input');
    await db.open();
    const good = readFileSync(join(ROOT, 'sample-data/discourse-posts.csv'));
    const r = await importFile(
      db,
      new File([good], 'discourse-posts.csv'),
      { timeZone: 'UTC' },
      () => undefined,
    );
    expect(r.status).toBe('imported');
    before = await loadRecords(db);
  });
  afterAll(async () => {
    await db.delete();
  });

  const firstLine = (lines: (string | RegExp)[]): string | RegExp => {
    const l = lines.find((x) => typeof x !== 'string' || x.startsWith('error')) ?? lines[0]!;
    return typeof l === 'string'
      ? l.replace(/^(error|warning): /, '')
      : new RegExp(l.source.replace('^error: ', '^'));
  };

  const cases: [string, () => Uint8Array, string | RegExp][] = [
    ...BAD_FILES.map(([f, lines]): [string, () => Uint8Array, string | RegExp] => [
      f,
      () => bytesOf(f),
      firstLine(lines),
    ]),
    ...GENERATED.map(([f, make, lines]): [string, () => Uint8Array, string | RegExp] => [
      f,
      make,
      firstLine(lines),
    ]),
  ];

  it('empty.csv', async () => {
    const r = await importFile(db, new File([], 'empty.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r.message).toBe('empty.csv: the file is empty.');
    expect(await loadRecords(db)).toEqual(before);
  });

  it.each(cases)('%s', async (file, make, line) => {
    const r = await importFile(
      db,
      new File([make() as Uint8Array<ArrayBuffer>], file),
      { timeZone: 'UTC' },
      () => undefined,
    );
    expect(r.status).toBe('failed');
    if (typeof line === 'string') expect(r.message).toBe(`${file} was not imported: ${line}`);
    else expect(r.message.replace(`${file} was not imported: `, '')).toMatch(line);
    expect(await loadRecords(db)).toEqual(before);
    expect(await db.imports.count()).toBe(1);
  });
});

describe('the hearth command: each problem on stderr with file and row, never a stack trace', () => {
  const hearth = (args: string[]) =>
    promisify(execFile)(process.execPath, [join(ROOT, 'src/cli/hearth.mjs'), 'report', ...args], {
      cwd: ROOT,
      maxBuffer: 64 * MB,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  it('bad files only: every line names the file (and row), exit code 1, no report', async () => {
    const files = ['empty.csv', ...BAD_FILES.map(([f]) => f)];
    const { code, stdout, stderr } = await hearth(files.map((f) => join(BAD, f)));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const expected = [
      'error: empty.csv: The file is empty.',
      'empty.csv: not imported',
      ...BAD_FILES.flatMap(([f, lines]) => [...lines, `${f}: not imported`]),
      'hearth: no file could be read; no report.',
    ];
    expect(stderr.trimEnd().split('\n')).toEqual(expected);
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('good and bad together: the report of the good one, the problems of the bad ones', async () => {
    const { code, stdout, stderr } = await hearth([
      join(BAD, 'clean-posts.csv'),
      join(BAD, 'invalid-dates.csv'),
      join(BAD, 'photo.png.csv'),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).schema).toBe('hearth.report/1');
    expect(stderr.trimEnd().split('\n')).toEqual([
      NOT_A_DATE(2, '2025-13-45'),
      NOT_A_DATE(3, '2025-02-30T10:00:00Z'),
      NOT_A_DATE(4, 'yesterday'),
      'invalid-dates.csv: not imported',
      'error: photo.png.csv: This file cannot be read: it is a PNG image, not a CSV export.',
      'photo.png.csv: not imported',
    ]);
  }, 60_000);
});

describe('an office document inside a zip', () => {
  it('an empty workbook says so, not only what the zip holds', () => {
    const xlsx = new Uint8Array(readFileSync(join(BAD, 'linkedin-metrics.xlsx')));
    const lines: string[] = [];
    for (const o of importBytes(
      'analytics.zip',
      zipSync({ 'linkedin-metrics.xlsx': xlsx }),
      { timeZone: 'UTC' },
      REGISTRY,
      () => {},
    ))
      for (const i of o.issues) lines.push(`${i.file}: ${i.message}`);
    expect(lines).toEqual([
      'analytics.zip › linkedin-metrics.xlsx: This Excel workbook has no sheet with any value in it.',
    ]);
  });
});
