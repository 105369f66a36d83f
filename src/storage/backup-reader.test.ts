import { describe, expect, it } from 'vitest';
import { blobText, readBackupParts } from './backup-reader';

/** The text in pieces of `size` characters, as slices of a file would come. */
async function* piecesOf(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

const BACKUP = {
  format: 'hearth.backup',
  formatVersion: 1,
  schemaVersion: 5,
  createdAt: '2026-01-02T03:04:05.000Z',
  tables: {
    notes: [{ month: '2025-03', text: 'Quotes " and \\\\ backslashes, brackets ] } [ {, and ✨ 🎉 emoji' }],
    imports: [
      { id: 'a', rows: 3, done: true, missing: null },
      { id: 'b', rows: -1.5e3, issues: [] },
    ],
    empty: [],
    numbers: [1, 2.5, -3, true, null, 'x'],
  },
};

describe('readBackupParts', () => {
  for (const [label, text] of [
    ['compact', JSON.stringify(BACKUP)],
    ['pretty-printed', JSON.stringify(BACKUP, null, 2)],
  ] as const) {
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      it(`${label}, in pieces of ${size}: every row and envelope field as JSON.parse gives them`, async () => {
        const { envelope, tables } = await readBackupParts(piecesOf(text, size));
        const { tables: expected, ...rest } = BACKUP;
        expect(envelope).toEqual(rest);
        expect(tables).toEqual(expected);
      });
    }
  }
  it('passes each row through onRow', async () => {
    const { tables } = await readBackupParts(
      piecesOf(JSON.stringify(BACKUP), 5),
      (t, r) => `${t}:${JSON.stringify(r)}`,
    );
    expect(tables.numbers).toEqual([
      'numbers:1',
      'numbers:2.5',
      'numbers:-3',
      'numbers:true',
      'numbers:null',
      'numbers:"x"',
    ]);
  });
  it('refuses a cut file, a file that is not an object, and a damaged row', async () => {
    const text = JSON.stringify(BACKUP);
    await expect(readBackupParts(piecesOf(text.slice(0, -5), 10))).rejects.toThrow(/cut short/);
    await expect(readBackupParts(piecesOf('[1,2]', 10))).rejects.toThrow(/not a JSON object/);
    await expect(readBackupParts(piecesOf(text.replace('"rows":3', '"rows":3x'), 10))).rejects.toThrow(
      /not valid JSON/,
    );
  });
  it('reads a Blob in byte slices, completing UTF-8 sequences cut between them', async () => {
    const text = JSON.stringify(BACKUP);
    const blob = new Blob([text]);
    // 5-byte slices cut the 4-byte emoji and the 3-byte ✨ anywhere.
    const { tables } = await readBackupParts(blobText(blob, 5));
    expect(tables.notes).toEqual(BACKUP.tables.notes);
  });
});
