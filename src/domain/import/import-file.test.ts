import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../sources/registry';
import { importBytesForTest } from '../sources/testing';
import { streamCsvBlob } from '../parse/csv';
import { RecordAccumulator } from './accumulate';
import { DISCORD_HTML_MESSAGE, importBytes, sniffFile } from './import-file';
import { TableImport } from './table-import';

const sniff = (name: string, text: string) => sniffFile(name, new TextEncoder().encode(text), REGISTRY);
/** `posts.csv` read as the command reads it (importBytes) and as the browser streams it (TableImport). */
async function bothWays(text: string, chunkSize = 1000) {
  const command = importBytes(
    'posts.csv',
    new TextEncoder().encode(text),
    { timeZone: 'UTC' },
    REGISTRY,
    () => undefined,
  )[0]!;
  const t = new TableImport(REGISTRY.tables, { fileName: 'posts.csv', timeZone: 'UTC' });
  await streamCsvBlob(
    new Blob([text]),
    { encoding: 'utf-8', delimiter: ',', chunkSize },
    (rows) => void t.push(rows),
  );
  t.end();
  return { command, stream: { rows: t.rows, issues: t.issues } };
}

const WEB_PAGE =
  'This file is a web page (HTML), not a CSV export: download the export again (a sign-in or error page may have been saved instead).';

describe('sniffFile: text that is not a table', () => {
  it.each([
    '<!DOCTYPE html>\n<html lang="en">',
    '\uFEFF  <html>\n<body>Sign in</body></html>',
    '<!-- saved from url=(0042)https://forum.example/admin -->\n<!doctype html><title>x</title>',
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">',
    '<head><title>Error</title></head>',
  ])('a web page: %j', (text) => {
    expect(sniff('export.csv', text)).toEqual({ kind: 'refused', message: WEB_PAGE });
  });

  it('a Discord channel exported as HTML (DiscordChatExporter’s default) says to export it as CSV or JSON', () => {
    const page = [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head><title>Loomcraft - general</title><meta charset="utf-8"><style>.chatlog { padding: 1rem; }</style></head>',
      '<body>',
      '<div class="preamble"><div class="preamble__guild-icon-container"></div><div class="preamble__entries-container"><div class="preamble__entry">Loomcraft</div></div></div>',
      '<div class="chatlog">',
      '<div class="chatlog__message-group"><div class="chatlog__message-container" id="chatlog__message-container-1" data-message-id="1"></div></div>',
    ].join('\n');
    expect(sniff('Loomcraft - general [1].html', page)).toEqual({
      kind: 'refused',
      message: DISCORD_HTML_MESSAGE,
    });
    expect(DISCORD_HTML_MESSAGE).toMatch(/export the channel again as CSV or JSON/);
    // Another page that mentions chat logs in its text is still a web page.
    expect(sniff('x.csv', '<!DOCTYPE html><p>Our chatlog__ archive</p>')).toEqual({
      kind: 'refused',
      message: WEB_PAGE,
    });
  });

  it('JSON: "not CSV" in a .csv, "not an export Hearth reads" in a .json', () => {
    for (const text of ['{"posts": []}', '  [\n  {"id": 1}\n]', '[]', '{}', '["a", "b"]']) {
      expect(sniff('data.csv', text)).toEqual({
        kind: 'refused',
        message:
          'This file holds JSON, not CSV, and is not one of the JSON exports Hearth reads. Check the list of supported exports.',
      });
    }
    expect(sniff('users.json', '[{"id": "U1"}]')).toEqual({
      kind: 'refused',
      message:
        'This JSON file is not one of the JSON exports Hearth reads. Check the list of supported exports.',
    });
  });

  it('keeps CSVs that merely start with a bracket or hold markup in cells', () => {
    for (const text of [
      '[id],[name]\n1,ana\n',
      '{id},name\n1,ana\n',
      'post_id,raw\n1,<html><body>hi</body></html>\n',
      '<b>Name</b>,Email\nana,a@x.org\n',
      '<p>Name</p>;<p>Email</p>\nana;a@x.org\n',
      '<name>,<email>\nana,a@x.org\n',
    ]) {
      expect(sniff('data.csv', text).kind).toBe('table');
    }
  });

  it('still recognises a DiscordChatExporter JSON, whatever the file is called', () => {
    expect(sniff('chat.csv', '{"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": []}').kind).toBe(
      'document',
    );
  });
});

describe('importBytes and the browser stream: a malformed quote in a CSV', () => {
  const HEADER = 'post_id,topic_id,post_number,username,created_at,topic_title,category,raw';
  /** 100 Discourse posts; post 11 (file row 12) holds an undoubled quote, so it swallows post 12. */
  const posts = (raw11: string) => {
    const lines = [HEADER];
    for (let i = 1; i <= 100; i++) {
      const user = i === 11 ? 'bob' : `user${i}`;
      lines.push(
        `${1999 + i},1,${i},${user},2025-01-05T10:00:00Z,Title,Cat,${i === 11 ? raw11 : `"post ${i}"`}`,
      );
    }
    return lines.join('\n') + '\n';
  };
  const FIX = 'Fix the quotes in the file, or export it again.';

  it('lists the problem at the row where the value starts and its column; the rows are kept', async () => {
    const { command, stream } = await bothWays(posts('"I love the "Weave" tool, it is great'));
    const issue = {
      file: 'posts.csv',
      row: 12,
      column: 'raw',
      severity: 'warning',
      message: `A quote inside the text of "raw" is not doubled (""), so the rows after it may have been read as part of this text (the row was kept as read). ${FIX}`,
    };
    expect(command.rows).toBe(99);
    expect(command.issues).toEqual([issue]);
    expect(stream).toEqual({ rows: 99, issues: [issue] });
  });

  it('lists a value over 1 MB (a quote closed rows later) with its row, column and size', async () => {
    // An unquoted value with a stray quote before a comma closes the value opened on row 12.
    const raw = `"begins here\n${'2100,1,1,x,2025-01-05T10:00:00Z,T,C,filler\n'.repeat(30_000)}ends",`;
    const { command, stream } = await bothWays(posts(raw), 256 * 1024);
    const issue = command.issues[0]!;
    expect(issue).toMatchObject({ row: 12, column: 'raw', severity: 'warning' });
    expect(issue.message).toBe(
      `This "raw" value is 1.2 MB long, far longer than any export holds: a quote in the file is most likely wrong, and the rows after it were read as part of this value (the row was kept as read). ${FIX}`,
    );
    expect(stream.issues[0]).toEqual(issue);
  });
});

describe('importBytes and the browser stream: a file cut short in the middle of a row', () => {
  const HEADER = 'post_id,topic_id,post_number,username,created_at,topic_title,category,raw';
  const rows = Array.from(
    { length: 6000 }, // more than one of parseCsvText's 5,000-row chunks
    (_, i) => `${i + 1},1,${i + 1},user${i % 50},2025-01-05T10:00:00Z,Title,Cat,post ${i + 1}`,
  );
  const read = async (text: string) => {
    const { command, stream } = await bothWays(text, 64 * 1024);
    return { command: command.issues, stream: stream.issues };
  };

  it('says so at the last row, which has fewer values and no line break (a download that did not finish)', async () => {
    const { command, stream } = await read(`${HEADER}\n${rows.join('\n')}\n6001,1,6001,us`);
    const cut = {
      file: 'posts.csv',
      row: 6002,
      severity: 'warning',
      message:
        'The file ends in the middle of this row (it has 4 of the 8 columns, and no line break after it): it was probably cut short while it was downloaded or exported, so rows after it are missing. Download or export it again, and import the whole file.',
    };
    expect(command[0]).toEqual(cut);
    expect(command[1]).toMatchObject({ row: 6002, column: 'created_at', severity: 'error' });
    expect(stream).toEqual(command);
  });

  it('says nothing when rows before the last were as short (a writer that leaves off empty trailing cells)', async () => {
    // Rows 100 and 4000 end after created_at too (their title, category and text were empty).
    const short = rows.map((r, i) => (i === 99 || i === 3999 ? r.split(',').slice(0, 5).join(',') : r));
    const { command, stream } = await read(
      `${HEADER}\n${short.join('\n')}\n6001,1,6001,ana,2025-01-06T10:00:00Z`,
    );
    expect(command.filter((i) => /ends in the middle/.test(i.message))).toEqual([]);
    expect(stream).toEqual(command);
  });

  it('says nothing of a complete file without a final line break, or a short row that ends with one', async () => {
    for (const text of [`${HEADER}\n${rows.join('\n')}`, `${HEADER}\n${rows.join('\n')}\n6001,1,6001,us\n`]) {
      const { command, stream } = await read(text);
      expect(command.filter((i) => i.severity === 'warning')).toEqual([]);
      expect(stream).toEqual(command);
    }
  });
});

describe('importBytes and the browser stream: CRLF and LF mixed (QA W5)', () => {
  it('read every row of a CRLF header over LF rows, without a CR left in any value', async () => {
    const text = [
      'post_id,topic_id,post_number,username,created_at,topic_title,category,raw\r\n',
      '1,7,1,ana,2025-03-01T10:00:00Z,T,G,a\n',
      '2,7,2,bob,2025-03-02T10:00:00Z,T,G,"b, too"\n',
      '3,7,3,cy,2025-03-03T10:00:00Z,T,G,c\r\n',
    ].join('');
    const records = importBytesForTest('posts.csv', new TextEncoder().encode(text));
    expect(records.outcomes[0]).toMatchObject({
      format: 'discourse-posts',
      rows: 3,
      imported: 3,
      issues: [],
    });
    expect(records.batch.activities.map((a) => [a.kind, a.personKey, a.text])).toEqual([
      ['post', 'discourse:ana', 'a'],
      ['reply', 'discourse:bob', 'b, too'],
      ['reply', 'discourse:cy', 'c'],
    ]);
    for (const chunkSize of [5, 64, 4096]) {
      const t = new TableImport(REGISTRY.tables, { fileName: 'posts.csv', timeZone: 'UTC' });
      await streamCsvBlob(
        new Blob([text]),
        { encoding: 'utf-8', delimiter: ',', chunkSize },
        (rows) => void t.push(rows),
      );
      t.end();
      expect({ rows: t.rows, imported: t.imported, issues: t.issues }).toEqual({
        rows: 3,
        imported: 3,
        issues: [],
      });
    }
  });
});

describe('importBytes: a stray NUL byte in a CSV', () => {
  const csv = (nulRow: number) => {
    const lines = ['post_id,topic_id,post_number,username,created_at,topic_title,category,raw'];
    for (let i = 1; i <= 3000; i++)
      lines.push(`${i},1,${i},ana,2025-01-05T10:00:00Z,Title,Cat,post ${i}${i === nulRow ? '\0' : ''}`);
    return new TextEncoder().encode(lines.join('\n') + '\n');
  };

  it('reads the file the same whether the NUL is on row 3 or row 3000, the NUL dropped', () => {
    const clean = importBytesForTest('posts.csv', csv(0));
    for (const row of [2, 2999]) {
      const got = importBytesForTest('posts.csv', csv(row));
      expect(got.outcomes[0]).toMatchObject({ rows: 3000, imported: 3000, issues: [] });
      expect(got.batch).toEqual(clean.batch);
    }
  });

  it('still refuses the binary fixtures with their messages', () => {
    for (const [file, why] of [
      ['binary.csv', 'it contains binary data (NUL bytes), not text'],
      ['program.exe.csv', 'it contains binary data (NUL bytes), not text'],
      ['photo.jpg.csv', 'it is a JPEG image, not a CSV export'],
    ]) {
      const bytes = new Uint8Array(readFileSync(`tests/fixtures/bad/${file}`));
      expect(sniffFile(file!, bytes, REGISTRY)).toEqual({
        kind: 'refused',
        message: `This file cannot be read: ${why}.`,
      });
    }
  });
});

describe('importBytes and the browser stream: the decimal separator is read from the numbers, not the delimiter (QA W2)', () => {
  /** Excel's "Unicode Text" save: UTF-16 LE with a BOM, tab-separated, CRLF. */
  const unicodeText = (lines: string[]) => {
    const text = lines.map((l) => l.replace(/→/g, '\t')).join('\r\n') + '\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    return bytes;
  };

  /** The records of a file read by the command (importBytes) and as the browser streams a large one. */
  async function bothWays(name: string, bytes: Uint8Array<ArrayBuffer>) {
    const command = new RecordAccumulator();
    const outcomes = importBytes(name, bytes, { timeZone: 'UTC' }, REGISTRY, (b) => command.add(b));
    const sniffed = sniffFile(name, bytes, REGISTRY);
    if (sniffed.kind !== 'table') throw new Error(`not a table: ${sniffed.kind}`);
    // As import-runner.ts starts a large table.
    const t = new TableImport(REGISTRY.tables, {
      fileName: name,
      timeZone: 'UTC',
      decimalComma: sniffed.delimiter === ';',
    });
    const stream = new RecordAccumulator();
    await streamCsvBlob(
      new Blob([bytes]),
      { encoding: sniffed.encoding, delimiter: sniffed.delimiter, chunkSize: 64 },
      (rows) => void stream.add(t.push(rows)),
    );
    stream.add(t.end());
    return { outcomes, command: command.result(), stream: stream.result(), streamIssues: t.issues };
  }

  const CAMPAIGNS =
    'Title→Subject→List→Send Date→Send Weekday→Total Recipients→Successful Deliveries→Total Bounces→Unique Opens→Open Rate→Total Opens→Unique Clicks→Click Rate→Unsubscribes';

  it('a tab-separated Mailchimp campaigns file from a German Excel: dot thousands, decimal commas', async () => {
    const { outcomes, command, stream } = await bothWays(
      'campaigns.txt',
      unicodeText([
        CAMPAIGNS,
        'March news→Spring, at last→Hearth→04.03.2025 09:30→Tuesday→1.751→1.742→9→595→34,16%→1.062→114→6,54%→3',
      ]),
    );
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-campaigns', imported: 1, issues: [] });
    for (const batch of [command, stream])
      expect(batch.campaigns).toEqual([
        expect.objectContaining({
          recipients: 1751,
          delivered: 1742,
          uniqueOpens: 595,
          uniqueClicks: 114,
          unsubscribes: 3,
        }),
      ]);
  });

  it('a `;` file with US numbers (LibreOffice in English): comma thousands, decimal points', async () => {
    const text = [
      CAMPAIGNS.replace(/→/g, ';'),
      '"March news";"Spring";"Hearth";"Mar 04, 2025 09:30 am";"Tuesday";"1,751";"1,742";"9";"595";"34.16%";"1,062";"114";"6.54%";"3"',
    ].join('\n');
    const { command, stream } = await bothWays('campaigns.csv', new TextEncoder().encode(text));
    for (const batch of [command, stream])
      expect(batch.campaigns).toEqual([
        expect.objectContaining({ recipients: 1751, delivered: 1742, uniqueOpens: 595 }),
      ]);
  });

  it('a tab-separated Discourse report and LinkedIn sheet from comma-decimal locales', async () => {
    const report = await bothWays(
      'dau_by_mau-250301-101010-4.txt',
      unicodeText(['Day→Percent', '2025-03-01→12,5', '2025-03-02→7,25']),
    );
    for (const batch of [report.command, report.stream])
      expect(batch.dailyValues.map((d) => d.value)).toEqual([12.5, 7.25]);
    const linkedin = await bothWays(
      'hearth-friends_content_1712345678.txt',
      unicodeText([
        'Aggregated data as of 01/31/2025',
        'Date→Impressions (organic)→Impressions (total)→Engagement rate (organic)',
        '01/13/2025→1.204→1.204→0,0527',
      ]),
    );
    for (const batch of [linkedin.command, linkedin.stream])
      expect(batch.dailyValues.map((d) => [d.series, d.value])).toEqual([
        ['linkedin: Impressions (organic)', 1204],
        ['linkedin: Impressions (total)', 1204],
        ['linkedin: Engagement rate (organic)', 0.0527],
      ]);
  });

  it('falls back on the delimiter when no number tells: `;` reads 1.751 as 1751, a tab file as 1.751', async () => {
    const lines = [
      CAMPAIGNS,
      'March news→Spring→Hearth→Mar 04, 2025 09:30 am→Tuesday→1.751→1.742→9→595→→→114→→3',
    ];
    const semicolon = await bothWays(
      'campaigns.csv',
      new TextEncoder().encode(lines.map((l) => l.replace(/→/g, ';')).join('\n')),
    );
    for (const batch of [semicolon.command, semicolon.stream])
      expect(batch.campaigns[0]).toMatchObject({ delivered: 1742 });
    // (A tab file's 1.742 may be either: with nothing else to go by it is read as the point it is in English.)
    const tab = await bothWays('campaigns.txt', unicodeText(lines));
    for (const batch of [tab.command, tab.stream])
      expect(batch.campaigns[0]).toMatchObject({ delivered: 1.742 });
  });
});

describe('a zip of one table whose columns no export has (QA formats U3)', () => {
  it("gives that file's own message, which names its columns, instead of 'no supported export'", async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({ 'members.csv': strToU8('Foo,Bar\nx,5\n') });
    const outcomes = importBytes('export.zip', zip, { timeZone: 'UTC' }, REGISTRY, () => {});
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.file).toBe('export.zip › members.csv');
    expect(outcomes[0]!.mappable).toBeUndefined();
    expect(outcomes[0]!.issues.map((i) => [i.severity, i.message])).toEqual([
      [
        'error',
        expect.stringMatching(
          /^Unknown format: no supported export has these columns \(Foo, Bar\).*unzip it/,
        ),
      ],
    ]);
  });
});
