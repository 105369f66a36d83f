import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../import/import-file';
import { REGISTRY } from '../sources/registry';
import { readZip, unpackBudget, ZipBombError } from './zip';

const KB = 1024;
const TAIL = ' — it looks like a zip bomb, or a damaged archive; nothing was imported.';

/** A Discourse posts CSV of about `bytes` bytes (it compresses well: every row is alike). */
function postsCsv(bytes: number): Uint8Array {
  const lines = ['post_id,topic_id,post_number,username,created_at,topic_title,category,raw'];
  for (let i = 1, n = 0; n < bytes; i++)
    n += lines[lines.push(`${i},1,${i},ana,2025-01-05T10:00:00Z,Title,Cat,Hello there`) - 1]!.length + 1;
  return strToU8(lines.join('\n') + '\n');
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
}

describe('readZip: one budget for everything a dropped file unpacks to', () => {
  it('refuses on the sizes the central directory declares, before unpacking', () => {
    // 4 entries of 300 KB: 1,200 KB declared, over a 1 MB budget (each entry alone is under it).
    const zip = zipSync({
      'a.csv': new Uint8Array(300 * KB),
      'b.csv': new Uint8Array(300 * KB),
      'c.csv': new Uint8Array(300 * KB),
      'd.csv': new Uint8Array(300 * KB),
    });
    const budget = unpackBudget(zip.length, { maxTotalBytes: 1024 * KB });
    const e = thrown(() => readZip(zip, budget));
    expect(e).toBeInstanceOf(ZipBombError);
    expect((e as Error).message).toBe(`This zip would unpack to more than 1 MB${TAIL}`);
    expect(budget.unpacked).toBe(0);
    // Under the budget: opened, and what was unpacked is counted.
    const ok = unpackBudget(zip.length, { maxTotalBytes: 2048 * KB });
    expect(readZip(zip, ok)).toHaveLength(4);
    expect(ok.unpacked).toBe(1200 * KB);
  });

  it('refuses a total more than maxRatio times the dropped file above ratioFloor', () => {
    const zip = zipSync({ 'zeros.csv': new Uint8Array(500 * KB) }, { level: 9 });
    const budget = unpackBudget(zip.length, { ratioFloor: 100 * KB });
    expect((thrown(() => readZip(zip, budget)) as Error).message).toBe(
      `This zip would unpack to more than 500 KB, over 100 times its own size (${Math.ceil(zip.length / KB)} KB)${TAIL}`,
    );
    // Below the floor the ratio does not matter.
    expect(readZip(zip, unpackBudget(zip.length, { ratioFloor: 600 * KB }))).toHaveLength(1);
  });

  it('counts what was really unpacked: a stored entry declaring 1 byte', () => {
    const zip = zipSync({ 'big.csv': new Uint8Array(5000).fill(65) }, { level: 0 });
    // Central directory entry (PK\1\2): uncompressed size at offset 24.
    const cd = zip.findIndex(
      (_, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2,
    );
    new DataView(zip.buffer).setUint32(cd + 24, 1, true);
    const e = thrown(() => readZip(zip, unpackBudget(zip.length, { maxTotalBytes: 4000 })));
    expect((e as Error).message).toBe(`This zip would unpack to more than 4 KB${TAIL}`);
  });
});

describe('importBytes: a zip bomb spread over nested zips refuses the whole file', () => {
  const inner = zipSync({
    'posts-1.csv': postsCsv(100 * KB),
    'posts-2.csv': postsCsv(100 * KB),
    'posts-3.csv': postsCsv(100 * KB),
    'posts-4.csv': postsCsv(100 * KB),
  });
  const outer = zipSync({ 'one.zip': inner, 'two.zip': inner, 'three.zip': inner }, { level: 0 });
  const read = (limits?: Parameters<typeof unpackBudget>[1]) =>
    importBytes('outer.zip', outer, { timeZone: 'UTC' }, REGISTRY, () => undefined, 'outer.zip', limits);

  it('each inner zip (~400 KB) fits a 1 MB budget, the three do not: one error, nothing imported', () => {
    const outcomes = read({ maxTotalBytes: 1024 * KB });
    expect(outcomes).toEqual([
      {
        file: 'outer.zip',
        format: null,
        label: null,
        rows: 0,
        imported: 0,
        skipped: 0,
        issues: [
          { file: 'outer.zip', severity: 'error', message: `This zip would unpack to more than 1 MB${TAIL}` },
        ],
      },
    ]);
  });

  it('imports all twelve files with the default limits', () => {
    const outcomes = read();
    expect(outcomes).toHaveLength(12);
    expect(outcomes.every((o) => o.format === 'discourse-posts' && o.imported > 0)).toBe(true);
  });
});

describe('readZip: archives it cannot unpack say why', () => {
  /** A zip of two CSVs with `patch` applied to the second entry's local and central headers. */
  function patched(patch: (view: DataView, header: number, central: boolean) => void): Uint8Array {
    const zip = zipSync({ 'readme.txt': strToU8('hi'), 'posts.csv': postsCsv(2 * KB) });
    const view = new DataView(zip.buffer);
    const at = (sig: number) => {
      const found: number[] = [];
      for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === sig) found.push(i);
      return found[1]!;
    };
    patch(view, at(0x04034b50), false);
    patch(view, at(0x02014b50), true);
    return zip;
  }
  const message = (zip: Uint8Array) => (thrown(() => readZip(zip)) as Error).message;

  it('a password-protected zip (it read as damaged: "invalid distance")', () => {
    const zip = patched((v, h, central) => v.setUint16(h + (central ? 8 : 6), 1, true));
    expect(message(zip)).toBe(
      'The zip archive is password-protected (posts.csv is encrypted), so Hearth cannot open it: extract its files with the password, then import them (or a zip of them made without a password).',
    );
  });

  it('a zip compressed with Deflate64, as Windows makes large ones (it read as damaged: "unknown compression type 9")', () => {
    const zip = patched((v, h, central) => v.setUint16(h + (central ? 10 : 8), 9, true));
    expect(message(zip)).toBe(
      "The zip archive is compressed with Deflate64 (posts.csv), which Hearth cannot unpack: extract its files with your computer's archive tool, then import them (or a zip of them made with the usual settings).",
    );
    const other = patched((v, h, central) => v.setUint16(h + (central ? 10 : 8), 77, true));
    expect(message(other)).toMatch(/^The zip archive is compressed with method 77 \(posts\.csv\), which/);
  });
});

describe('office documents that are zips but not workbooks Hearth reads', () => {
  const lines = (name: string, files: Record<string, Uint8Array>) =>
    importBytes(name, zipSync(files), { timeZone: 'UTC' }, REGISTRY, () => {}).flatMap((o) =>
      o.issues.map((i) => `${i.file}: ${i.message}`),
    );
  it('a binary .xlsb workbook is named, with what to do (it was called an .xlsx, which Hearth reads)', () => {
    expect(
      lines('figures.xlsb', {
        '[Content_Types].xml': strToU8('<Types/>'),
        'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
        'xl/worksheets/sheet1.bin': new Uint8Array([0x81, 0x01, 0x00]),
      }),
    ).toEqual([
      'figures.xlsb: This is a binary Excel workbook (.xlsb), which Hearth does not read (it reads .xlsx): open it in Excel and save it as .xlsx, or open it in a spreadsheet, choose the sheet you need (LinkedIn page analytics: Metrics, New followers or All posts), save it as CSV and import the CSV.',
    ]);
  });
});
