import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { toCsv } from '../domain/export/csv';
import { parseCsvText } from '../domain/parse/csv';
import { binaryReason, decodeBytes, sniffEncoding } from '../domain/parse/encoding';
import { labelFor, scoreText } from '../domain/sentiment';
import { parseArgs, UsageError } from './args';

/** `hearth score FILE --column NAME`: the CSV back on stdout with sentiment columns appended. */
export async function scoreCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, ['column']);
  const [path, ...extra] = args.positionals;
  const column = args.flags.get('column');
  if (!path || extra.length) throw new UsageError('score takes exactly one FILE');
  if (!column) throw new UsageError('score needs --column NAME (the column holding the text)');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    err(`${path}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
    return 1;
  }
  const encoding = sniffEncoding(bytes.subarray(0, 256 * 1024));
  const reason = binaryReason(bytes.subarray(0, 8192), encoding);
  if (reason) {
    err(`${basename(path)}: cannot be read: ${reason}`);
    return 1;
  }
  const rows: string[][] = [];
  parseCsvText(decodeBytes(bytes, encoding), (chunk) => rows.push(...chunk));
  const header = rows[0];
  if (!header) {
    err(`${basename(path)}: the file is empty`);
    return 1;
  }
  const idx = header.findIndex((h) => h.trim().toLowerCase() === column.trim().toLowerCase());
  if (idx < 0) {
    err(`${basename(path)}, row 1: no column named "${column}" (columns: ${header.join(', ')})`);
    return 1;
  }
  const result: (string | number)[][] = [[...header, 'sentiment_score', 'sentiment_label']];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const score = scoreText(row[idx] ?? '');
    result.push([...row, Math.round(score * 10000) / 10000, labelFor(score)]);
  }
  out(toCsv(result));
  return 0;
}
