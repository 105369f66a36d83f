/**
 * Reads a backup file (`{ …envelope…, "tables": { "<name>": [ row, … ], … } }`) piece by piece:
 * each row's JSON is cut out and parsed on its own, so a backup larger than the longest string a
 * browser can hold (~512M characters; a few hundred MB of file) is read as well as a small one.
 * Knows JSON's syntax only as far as it must: strings (with escapes), nesting, and where a value
 * ends; every value it cuts out goes through JSON.parse, which judges it.
 */

export interface BackupParts {
  /** The envelope's fields other than `tables` (format, formatVersion, schemaVersion, createdAt…). */
  envelope: Record<string, unknown>;
  /** Rows by table, each as `onRow` returned it. */
  tables: Record<string, unknown[]>;
}

export class BackupSyntaxError extends Error {}

type Mode =
  | 'root' // before the root object
  | 'key1' // in the root object, before a key (or its end)
  | 'colon1'
  | 'value1' // an envelope value being captured
  | 'tables' // in "tables", before a table name (or its end)
  | 'colon2'
  | 'array' // before a table's array
  | 'row' // in a table's array, before a row (or its end)
  | 'rowValue' // a row being captured
  | 'after1' // after an envelope value: , or }
  | 'after2' // after a table: , or }
  | 'afterRow' // after a row: , or ]
  | 'tablesOpen' // after "tables":, before its {
  | 'valueStart' // after an envelope key's :, before its value
  | 'rowStart' // after a row's comma, before the next row
  | 'done';

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/**
 * Parses a backup from its text, given in pieces of any size (`pieces`, e.g. slices of the file).
 * `onRow(table, row)` turns each parsed row into what is kept (e.g. decoded typed arrays).
 */
export async function readBackupParts(
  pieces: AsyncIterable<string>,
  onRow: (table: string, row: unknown) => unknown = (_t, r) => r,
): Promise<BackupParts> {
  const envelope: Record<string, unknown> = {};
  const tables: Record<string, unknown[]> = {};
  let mode = 'root' as Mode;
  // A string being read (a key or a table name), and a value being captured.
  let inString = false;
  let escaped = false;
  let key = '';
  let keyBuf: string[] = [];
  let readingKey = false;
  let table = '';
  let depth = 0; // nesting inside a captured value
  let capture: string[] = [];
  let captureFrom = -1;
  let scalar = false; // the captured value is a number, true, false or null (ends at , } ] or space)

  const finishValue = (text: string) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupSyntaxError(`not valid JSON near ${JSON.stringify(text.slice(0, 40))}`);
    }
    if (mode === 'value1') {
      envelope[key] = value;
      mode = 'after1';
    } else {
      tables[table]!.push(onRow(table, value));
      mode = 'afterRow';
    }
  };

  for await (const chunk of pieces) {
    let i = 0;
    const n = chunk.length;
    if (captureFrom >= 0) captureFrom = 0;
    while (i < n) {
      const c = chunk[i]!;
      if (mode === 'value1' || mode === 'rowValue') {
        // Inside a captured value: find where it ends.
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') {
            inString = false;
            if (depth === 0) endCapture(chunk, i + 1);
          }
          i++;
          continue;
        }
        if (scalar) {
          if (c === ',' || c === '}' || c === ']' || isSpace(c)) {
            scalar = false;
            endCapture(chunk, i);
            continue; // the delimiter is read in the next mode
          }
          i++;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') {
          depth--;
          if (depth === 0) endCapture(chunk, i + 1);
        }
        i++;
        continue;
      }
      if (readingKey) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          keyBuf.push(chunk.slice(captureFrom, i + 1));
          captureFrom = -1;
          readingKey = false;
          const name = JSON.parse(keyBuf.join('')) as string;
          keyBuf = [];
          if (mode === 'key1') {
            key = name;
            mode = 'colon1';
          } else {
            table = name;
            tables[table] ??= [];
            mode = 'colon2';
          }
        }
        i++;
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      switch (mode) {
        case 'root':
          if (c !== '{') throw new BackupSyntaxError('not a JSON object');
          mode = 'key1';
          break;
        case 'key1':
        case 'tables':
          if (c === '}') mode = mode === 'key1' ? 'done' : 'after1';
          else if (c === '"') {
            readingKey = true;
            captureFrom = i;
          } else throw new BackupSyntaxError(`unexpected ${JSON.stringify(c)} where a name should be`);
          break;
        case 'colon1':
        case 'colon2':
          if (c !== ':') throw new BackupSyntaxError(`unexpected ${JSON.stringify(c)} where ":" should be`);
          if (mode === 'colon2') mode = 'array';
          else if (key === 'tables') mode = 'tablesOpen';
          else mode = 'valueStart';
          break;
        case 'array':
          if (c !== '[') throw new BackupSyntaxError(`the table "${table}" is not a list`);
          mode = 'row';
          break;
        case 'row':
          if (c === ']') {
            mode = 'after2';
            break;
          }
          mode = 'rowValue';
          startValue(c, i);
          continue;
        case 'after1':
          if (c === ',') mode = 'key1';
          else if (c === '}') mode = 'done';
          else throw new BackupSyntaxError(`unexpected ${JSON.stringify(c)} after a value`);
          break;
        case 'after2':
          if (c === ',') mode = 'tables';
          else if (c === '}') mode = 'after1';
          else throw new BackupSyntaxError(`unexpected ${JSON.stringify(c)} after a table`);
          break;
        case 'afterRow':
          if (c === ',') mode = 'rowStart';
          else if (c === ']') mode = 'after2';
          else throw new BackupSyntaxError(`unexpected ${JSON.stringify(c)} after a row`);
          break;
        case 'tablesOpen':
          if (c !== '{') throw new BackupSyntaxError('"tables" is not an object');
          mode = 'tables';
          break;
        case 'valueStart':
          mode = 'value1';
          startValue(c, i);
          continue;
        case 'rowStart':
          mode = 'rowValue';
          startValue(c, i);
          continue;
        case 'done':
          throw new BackupSyntaxError('text after the end of the backup');
      }
      i++;
    }
    // A value, key or name still open at the end of this piece continues in the next.
    if (captureFrom >= 0) {
      (readingKey ? keyBuf : capture).push(chunk.slice(captureFrom));
    }
  }
  if (mode !== 'done') throw new BackupSyntaxError('the file ends before the backup does (it was cut short)');
  return { envelope, tables };

  /** Ends the captured value at `end` (exclusive) of `chunk`, and parses it. */
  function endCapture(chunk: string, end: number): void {
    capture.push(chunk.slice(captureFrom, end));
    captureFrom = -1;
    const text = capture.join('');
    capture = [];
    finishValue(text);
  }

  /** Starts capturing the value whose first character is `c` at `i` (read again by the capture). */
  function startValue(c: string, i: number): void {
    captureFrom = i;
    capture = [];
    depth = 0;
    inString = false;
    escaped = false;
    scalar = !(c === '{' || c === '[' || c === '"');
  }
}

/** A Blob's text in slices of `size` bytes (UTF-8 sequences cut at a slice's end are completed by the next). */
export async function* blobText(blob: Blob, size = 8 * 1024 * 1024): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < blob.size; at += size) {
    const bytes = new Uint8Array(await blob.slice(at, at + size).arrayBuffer());
    yield decoder.decode(bytes, { stream: at + size < blob.size });
  }
  if (blob.size === 0) yield '';
}
