import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { scoreCommand } from './score-command';

function file(name: string, text: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hearth-score-')), name);
  writeFileSync(path, text);
  return path;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await scoreCommand(['score', ...args], (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join(''), err };
}

describe('hearth score FILE --column NAME', () => {
  it('writes the CSV back with sentiment_score and sentiment_label appended, one per row, keeping every column', async () => {
    const path = file('survey.csv', 'id,Comments,team\n1,"I love this community, thanks!",a\n2,This is broken and I am very frustrated,b\n3,The meetup is on Tuesday,c\n');
    const { code, out, err } = await run([path, '--column', 'comments']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const rows = Papa.parse<string[]>(out.trim()).data;
    expect(rows[0]).toEqual(['id', 'Comments', 'team', 'sentiment_score', 'sentiment_label']);
    expect(rows.map((r) => r[4])).toEqual(['sentiment_label', 'positive', 'negative', 'neutral']);
    expect(rows[1]!.slice(0, 3)).toEqual(['1', 'I love this community, thanks!', 'a']);
    for (const r of rows.slice(1)) {
      const score = Number(r[3]);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('escapes formula-like cells in what it writes back', async () => {
    const path = file('f.csv', 'Comments\n=HYPERLINK("http://x")\n');
    const { out } = await run([path, '--column', 'Comments']);
    expect(out.split('\r\n')[1]).toMatch(/^"'=HYPERLINK/);
  });

  it('names a missing column with the columns it has, and a missing file, on stderr', async () => {
    const path = file('s.csv', 'a,b\n1,2\n');
    const missing = await run([path, '--column', 'text']);
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual(['s.csv, row 1: no column named "text" (columns: a, b)']);
    const gone = await run([join(tmpdir(), 'no-such-file.csv'), '--column', 'x']);
    expect(gone.code).toBe(1);
    expect(gone.err[0]).toMatch(/no-such-file\.csv: cannot be read/);
  });

  it('refuses a binary file with the reason', async () => {
    const path = file('img.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    const r = await run([path, '--column', 'x']);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['img.csv: cannot be read: it is a PNG image, not a CSV export']);
  });

  it('asks for --column', async () => {
    await expect(run([file('a.csv', 'a\n1\n')])).rejects.toBeInstanceOf(UsageError);
  });
});
