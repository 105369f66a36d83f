/**
 * Excel workbooks (.xlsx, and the `.xls` files LinkedIn sends, which are .xlsx inside): each
 * worksheet becomes a CSV text, as Excel's "Save as CSV" of that sheet would give, so the sheets go
 * through the same recognition and reading as any CSV export. Pure: the workbook's zip entries in,
 * one entry per non-empty worksheet out (browser worker and command alike; no DOM, which workers
 * lack — the XML of a workbook is regular enough to be read with a few patterns).
 *
 * What a cell becomes: its text; numbers as stored, rounded to Excel's 15 significant digits
 * (longer ids as numberText says; a percent-formatted 12.5% is its fraction 0.125, as the readers
 * take `12.5%` anyway); date- and time-formatted numbers as `2025-03-14` or
 * `2025-03-14 09:30:00` (wall time, read in the import's time zone like any CSV date without an
 * offset), a time of day alone as `09:30:00`, a duration (`[h]:mm`) as `25:30:00`; ISO dates (strict
 * workbooks' date cells) the same way; booleans TRUE/FALSE; errors as shown (#N/A); a formula
 * its value as last saved (none when the writer saved none: the cell is empty).
 * Empty rows stay as empty lines, and the import counts them (parseCsvText's keepBlankRows), so a
 * row number in a message is the sheet's own row number. Hidden sheets are read; very hidden ones,
 * chart sheets, dialog sheets and macro sheets are not.
 */
import type { ArchiveEntry } from '../sources/types';

/** A workbook whose parts cannot be read. */
export class WorkbookError extends Error {}

const decoder = new TextDecoder();

/** True when `entries` (an unpacked zip) are an Excel workbook. */
export function isExcelWorkbook(entries: readonly ArchiveEntry[]): boolean {
  return entries.some((e) => e.name === '[Content_Types].xml') && workbookPath(new Parts(entries)) !== null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities, character references and OOXML's `_xHHHH_` escapes. */
export function xmlText(s: string): string {
  const unescaped =
    s.indexOf('&') < 0
      ? s
      : s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
          if (e[0] === '#') {
            const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
            return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
          }
          return ENTITIES[e] ?? m;
        });
  return unescaped.indexOf('_x') < 0
    ? unescaped
    : unescaped.replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The attributes of one start tag's attribute text (`name="v"`, prefixes dropped). */
function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[2]!, xmlText(m[3] ?? m[4] ?? ''));
  return out;
}

/** Elements `<name …>…</name>` or `<name …/>` (any namespace prefix) of `xml`: attributes and inner XML. */
function* elements(xml: string, name: string): Generator<{ attrs: string; inner: string }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`, 'g');
  for (const m of xml.matchAll(re)) yield { attrs: m[1] ?? '', inner: m[2] ?? '' };
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic guides (`<rPh>`). */
function itemText(inner: string): string {
  let text = '';
  for (const t of elements(inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, ''), 't'))
    text += xmlText(t.inner);
  return text;
}

/**
 * The texts of the shared-string table's items (`<si>`), in one pass: each item's end is searched
 * from its start only (a pattern matched from every `<si>` to its `</si>` is quadratic when the
 * ends are missing). An item left open runs to the next item's end.
 */
function stringItems(xml: string): string[] {
  const out: string[] = [];
  const open = /<(?:[\w.-]+:)?si\b[^>]*?(\/?)>/g;
  const close = /<\/(?:[\w.-]+:)?si>/g;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[1] === '/') {
      out.push('');
      continue;
    }
    close.lastIndex = open.lastIndex;
    const end = close.exec(xml);
    if (!end) {
      out.push(itemText(xml.slice(open.lastIndex)));
      break;
    }
    out.push(itemText(xml.slice(open.lastIndex, end.index)));
    open.lastIndex = close.lastIndex;
  }
  return out;
}

/** A part name with `/` between its segments, not from the root: some writers zip `xl\\workbook.xml`. */
function partName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/**
 * A package's parts by name. Part names are case-insensitive (OPC): a relationship may name
 * `worksheets/Sheet1.xml` for the entry `xl/worksheets/sheet1.xml`. Windows separators (`\\`) in
 * entry names, which Excel accepts, are read as `/`.
 */
class Parts {
  private readonly exact: Map<string, Uint8Array>;
  private folded: Map<string, Uint8Array> | null = null;
  constructor(entries: readonly ArchiveEntry[]) {
    this.exact = new Map(entries.map((e) => [partName(e.name), e.bytes]));
  }
  text(path: string): string | null {
    let bytes = this.exact.get(path);
    if (!bytes) {
      this.folded ??= new Map([...this.exact].map(([name, b]) => [name.toLowerCase(), b]));
      bytes = this.folded.get(path.toLowerCase());
    }
    return bytes ? partText(bytes) : null;
  }
}

/** A part's XML: UTF-8, or UTF-16 with its byte order mark (both allowed in a package). */
function partText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return decoder.decode(bytes);
}

/** The part a relationship target names: relative to `folder` (`xl/`), or from the package root (`/xl/…`). */
function resolvePart(folder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A `%` that is not an escape: the name as written.
  }
  const out: string[] = [];
  decoded = decoded.replace(/\\/g, '/');
  for (const segment of (decoded.startsWith('/') ? decoded : folder + decoded).split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** The relationships of the part at `path` ('' for the package itself): type, id and target part. */
function relationships(parts: Parts, path: string): { type: string; id: string; path: string }[] {
  const slash = path.lastIndexOf('/') + 1;
  const folder = path.slice(0, slash);
  const xml = parts.text(`${folder}_rels/${path.slice(slash)}.rels`) ?? '';
  const out: { type: string; id: string; path: string }[] = [];
  for (const r of elements(xml, 'Relationship')) {
    const a = attributes(r.attrs);
    if (a.get('TargetMode') === 'External') continue;
    out.push({
      type: a.get('Type') ?? '',
      id: a.get('Id') ?? '',
      path: resolvePart(folder, a.get('Target') ?? ''),
    });
  }
  return out;
}

/**
 * Where the workbook part is: the package's main part (its `officeDocument` relationship, in the
 * transitional and the strict namespaces alike), usually `xl/workbook.xml`; null when there is no
 * workbook (a Word document, an .xlsb's binary workbook).
 */
function workbookPath(parts: Parts): string | null {
  const main = relationships(parts, '').find((r) => /\/officeDocument$/.test(r.type))?.path;
  for (const path of [main, 'xl/workbook.xml'])
    if (path && /<(?:[\w.-]+:)?workbook[\s>/]/.test(parts.text(path)?.slice(0, 64 * 1024) ?? '')) return path;
  return null;
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the East Asian ones). */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** How a number format shows a number: as a date or time, a duration (`[h]:mm`), or a number. */
type CellFormat = 'date' | 'elapsed' | null;

/** What a custom format code shows a number as: a date/time, a duration, or a number. */
export function formatKind(code: string): CellFormat {
  // Quoted text, escaped characters, the characters after _ (a space that wide) and * (fill) and
  // [colour]/[$-locale]/[condition] sections say nothing about the kind.
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/general/gi, '');
  if (/\[(?:h+|m+|s+)\]/i.test(bare)) return 'elapsed';
  // Days, months, years, hours, seconds, and East Asian eras (g) and era years (e; not E+ of 1.5E+3).
  return /[dmyhsg]|e(?![+-])/i.test(bare.replace(/\[[^\]]*\]/g, '')) ? 'date' : null;
}

/** The kind of each cell style (index into `cellXfs`). */
function styleKinds(styles: string | null): CellFormat[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  // The workbook's number formats are those of <numFmts>; conditional formats (<dxfs>) carry their
  // own <numFmt> elements, whose ids may repeat a cell format's with another code.
  const numFmts = /<(?:[\w.-]+:)?numFmts\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?numFmts>/.exec(styles)?.[1] ?? '';
  for (const f of elements(numFmts, 'numFmt')) {
    const a = attributes(f.attrs);
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  const kinds: CellFormat[] = [];
  for (const xf of elements(cellXfs, 'xf')) {
    const id = Number(attributes(xf.attrs).get('numFmtId') ?? 0);
    const code = custom.get(id);
    kinds.push(
      code !== undefined ? formatKind(code) : id === 46 ? 'elapsed' : builtInDate(id) ? 'date' : null,
    );
  }
  return kinds;
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system is 1899-12-30 (its 1900-02-29 that never was is day 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An Excel date serial as `YYYY-MM-DD`, or with its time of day `YYYY-MM-DD HH:MM:SS`; a time of day
 * alone (a serial below 1, a cell formatted `h:mm`) as `HH:MM:SS`.
 */
export function serialDate(serial: number, date1904 = false): string {
  // Excel's 1900 system counts a 1900-02-29 that never was (day 60): the days before it are one later.
  const leap = !date1904 && serial >= 1 && serial < 60 ? DAY_MS : 0;
  const ms = Math.round((serial * DAY_MS) / 1000) * 1000 + (date1904 ? EPOCH_1904 : EPOCH_1900) + leap;
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  if (serial < 1) return time;
  return ms % DAY_MS === 0 ? day : `${day} ${time}`;
}

/** A duration in days (a cell formatted `[h]:mm:ss`) as hours, minutes and seconds: `25:30:00`. */
function elapsedText(days: number): string {
  const seconds = Math.round(Math.abs(days) * 86_400);
  const hours = Math.floor(seconds / 3600);
  return `${days < 0 ? '-' : ''}${two(hours)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/** An ISO 8601 date cell (`t="d"`, as strict workbooks store dates) as the date serials read. */
function isoCellText(raw: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?)?$/.exec(raw.trim());
  if (!m) return raw;
  const time = `${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
  return time === '00:00:00' ? m[1]! : `${m[1]} ${time}`;
}

/**
 * A stored number as Excel shows it: 15 significant digits. Integers longer than that: as stored
 * when the file writes their digits; exactly when a double holds them exactly (up to 2^53); else
 * (an 18-digit id that went through Excel, stored as `1.7812345678901299E+17`) in Excel's
 * scientific notation, `1.78123456789013E+17`, which the imports recognise as an id Excel rounded.
 */
function numberText(raw: string, n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 1e15) {
    const digits = raw.trim();
    if (/^-?\d+$/.test(digits)) return digits;
    if (Number.isSafeInteger(n)) return String(n);
    return n
      .toPrecision(15)
      .replace(/\.?0+e/, 'e')
      .replace('e', 'E');
  }
  const rounded = Number(n.toPrecision(15));
  if (rounded === 0 || Math.abs(rounded) >= 1e-6) return String(rounded);
  // Plain notation for what String() would write with an exponent (1.5e-7 → 0.00000015).
  const [mantissa, exponent] = Math.abs(rounded).toExponential().split('e') as [string, string];
  return `${rounded < 0 ? '-' : ''}0.${'0'.repeat(-Number(exponent) - 1)}${mantissa.replace('.', '')}`;
}

/** Column index (0-based) of a cell reference such as `AB12`; -1 if there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return -1;
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

interface Book {
  strings: string[];
  kinds: CellFormat[];
  date1904: boolean;
  /** Told the length of each value written (see workbookSheets). */
  charge?: (chars: number) => void;
}

/** What a cell of type `type` (its `t`) and style `style` (its `s`) holding `raw` (its `<v>`) shows. */
function cellValue(type: string, style: number, raw: string, book: Book, sheet: string): string {
  if (raw === '') return '';
  if (type === 's') {
    const text = book.strings[Number(raw)];
    if (text === undefined)
      throw new WorkbookError(
        `This Excel workbook is damaged: cells of its sheet “${sheet}” refer to text the workbook does not hold (its shared strings are missing or incomplete).`,
      );
    return text;
  }
  if (type === 'b') return raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
  if (type === 'd') return isoCellText(raw);
  if (type === 'str' || type === 'e' || type === 'inlineStr') return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  const kind = book.kinds[style];
  if (kind === 'date' && n >= 0 && n < 2_958_466) return serialDate(n, book.date1904);
  return kind === 'elapsed' ? elapsedText(n) : numberText(raw, n);
}

/** The tags of sheet data that matter: rows, cells, values and inline strings. */
const SHEET_TAG = /<(\/?)(?:[\w.-]+:)?(row|c|v|is)\b([^>]*)>/g;

/** A cell's reference, type and style attributes (the rest, such as `cm` or `vm`, say nothing here). */
const CELL_ATTRIBUTE = /(?<![\w.:-])(r|t|s)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * One worksheet's XML as CSV text (empty when it has no value). The sheet data is read tag by tag
 * in one pass (a value's text runs to the next `<`), so a sheet of any size, or with a tag left
 * open, takes time in proportion to its length.
 */
function sheetCsv(xml: string, book: Book, name: string): string {
  const lines: string[] = [];
  const open = /<(?:[\w.-]+:)?sheetData\b[^>]*>/.exec(xml);
  if (!open || open[0].endsWith('/>')) return '';
  const close = /<\/(?:[\w.-]+:)?sheetData>/g;
  close.lastIndex = open.index + open[0].length;
  const end = close.exec(xml);
  if (!end) throw new WorkbookError(`This Excel workbook is damaged: its sheet “${name}” is cut short.`);
  const data = xml.slice(open.index + open[0].length, end.index);
  let rowNumber = 0;
  let cells: string[] | null = null;
  // The open cell: its column, type, style, and value (`<v>` text or inline string).
  let cell: { col: number; type: string; style: number; raw: string } | null = null;
  const endCell = () => {
    if (!cell || !cells) return;
    const col = cell.col >= 0 ? cell.col : cells.length;
    while (cells.length < col) cells.push('');
    const value = cellValue(cell.type, cell.style, cell.raw, book, name);
    book.charge?.(value.length);
    cells[col] = csvCell(value);
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (!cells) return;
    while (lines.length < rowNumber - 1) lines.push('');
    lines.push(cells.join(','));
    cells = null;
  };
  const tags = new RegExp(SHEET_TAG.source, 'g');
  for (let m = tags.exec(data); m; m = tags.exec(data)) {
    const [, closing, tag, attrText] = m as unknown as [string, string, string, string];
    const empty = attrText.endsWith('/');
    if (tag === 'row') {
      endRow();
      if (closing) continue;
      const r = Number(attributes(attrText).get('r'));
      rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
      cells = [];
      if (empty) endRow();
    } else if (tag === 'c') {
      endCell();
      if (closing || !cells) continue;
      cell = { col: -1, type: 'n', style: 0, raw: '' };
      for (const a of attrText.matchAll(CELL_ATTRIBUTE)) {
        const value = a[2] ?? a[3] ?? '';
        if (a[1] === 'r') cell.col = columnOf(value);
        else if (a[1] === 't') cell.type = value;
        else cell.style = Number(value);
      }
      if (empty) endCell();
    } else if (!closing && !empty && cell) {
      const from = tags.lastIndex;
      if (tag === 'v') {
        const to = data.indexOf('<', from);
        cell.raw = xmlText(data.slice(from, to < 0 ? data.length : to));
      } else {
        const isEnd = /<\/(?:[\w.-]+:)?is>/g;
        isEnd.lastIndex = from;
        const to = isEnd.exec(data);
        cell.raw = itemText(data.slice(from, to ? to.index : data.length));
        cell.type = 'inlineStr';
        tags.lastIndex = to ? isEnd.lastIndex : data.length;
      }
    }
  }
  endRow();
  while (lines.length > 0 && lines[lines.length - 1]!.replace(/,/g, '') === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

/** The workbook's sheets in its order: name and the path of its part. */
function sheetParts(
  rels: readonly { type: string; id: string; path: string }[],
  workbook: string,
  folder: string,
): { name: string; path: string }[] {
  const targets = new Map(rels.filter((r) => /\/worksheet$/.test(r.type)).map((r) => [r.id, r.path]));
  const sheets: { name: string; path: string }[] = [];
  let n = 0;
  for (const s of elements(workbook, 'sheet')) {
    n++;
    const a = attributes(s.attrs);
    // A very hidden sheet is made by code (a writer's or a macro's own data): Excel does not even
    // list it to unhide. A hidden sheet is read: the user can unhide it, and may have hidden data.
    if (a.get('state') === 'veryHidden') continue;
    // Without the relationships part (some generators), the sheet parts' usual names.
    const path = targets.size > 0 ? targets.get(a.get('id') ?? '') : `${folder}worksheets/sheet${n}.xml`;
    if (path) sheets.push({ name: a.get('name') ?? `Sheet${n}`, path });
  }
  return sheets;
}

/**
 * The worksheets of a workbook (isExcelWorkbook) that hold any value, each as CSV text (UTF-8)
 * named after the sheet. Throws WorkbookError when the workbook's parts cannot be read. `charge` is
 * told the length of each value as it is written, and may throw to stop: a small sheet can repeat
 * one long shared string in every cell (a workbook bomb), so the CSV counts against the unpack
 * budget as the unpacked parts do.
 */
export function workbookSheets(
  archive: readonly ArchiveEntry[],
  charge?: (chars: number) => void,
): ArchiveEntry[] {
  const parts = new Parts(archive);
  const path = workbookPath(parts) ?? 'xl/workbook.xml';
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const workbook = parts.text(path) ?? '';
  const rels = relationships(parts, path);
  // The shared strings and styles where the workbook's relationships say, else at their usual names.
  const related = (type: string, usual: string) =>
    parts.text(rels.find((r) => r.type.endsWith(`/${type}`))?.path ?? `${folder}${usual}`);
  const sheets = sheetParts(rels, workbook, folder);
  if (sheets.length === 0) throw new WorkbookError('This Excel workbook lists no worksheet Hearth can read.');
  const strings: string[] = [];
  const shared = related('sharedStrings', 'sharedStrings.xml');
  if (shared) strings.push(...stringItems(shared));
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(workbook);
  const date1904 = pr ? /^(1|true)$/.test(attributes(pr[1]!).get('date1904') ?? '') : false;
  const book: Book = {
    strings,
    kinds: styleKinds(related('styles', 'styles.xml')),
    date1904,
    charge,
  };
  const out: ArchiveEntry[] = [];
  const encoder = new TextEncoder();
  for (const sheet of sheets) {
    const xml = parts.text(sheet.path);
    if (xml === null)
      throw new WorkbookError(`This Excel workbook is damaged: its sheet “${sheet.name}” is missing.`);
    const csv = sheetCsv(xml, book, sheet.name);
    if (csv !== '') out.push({ name: sheet.name, bytes: encoder.encode(csv) });
  }
  return out;
}
