import { emptyBatch, type ImportIssue, type RecordBatch } from '../model/records';
import { csvChunkProblems, isBlankRow, type CsvRowProblem } from '../parse/csv';
import { DayOrderScan } from '../parse/dates';
import { NUMBER_SCAN_ROWS, NumberFormatScan, parseNumber } from '../parse/numbers';
import { normaliseHeader } from '../sources/columns';
import type { AdapterContext, ImportNeeds, RowMapper, TableAdapter } from '../sources/types';

/** How many leading rows may hold titles/notices before the header (LinkedIn, Hootsuite). */
const HEADER_SEARCH_ROWS = 20;
/**
 * Day/month order is settled per column before the first row is mapped: rows are held back until
 * every column of numeric dates is settled, the file ends, or this many rows are buffered.
 */
const SETTLE_MAX_ROWS = 50_000;
/** A detection below this is "not recognised". */
export const MIN_CONFIDENCE = 0.5;

export interface Detection {
  adapter: TableAdapter;
  confidence: number;
  /** 0-based index of the header row among the file's rows. */
  headerRow: number;
  header: string[];
}

/** Best adapter for a header (already normalised), or null. */
export function detectTable(
  adapters: readonly TableAdapter[],
  header: string[],
  fileName: string,
): { adapter: TableAdapter; confidence: number } | null {
  let best: { adapter: TableAdapter; confidence: number } | null = null;
  for (const adapter of adapters) {
    const confidence = adapter.detect(header, fileName);
    if (confidence > (best?.confidence ?? 0)) best = { adapter, confidence };
  }
  return best && best.confidence >= MIN_CONFIDENCE ? best : null;
}

/** Finds the header row among the first rows of a file. */
export function findHeader(
  adapters: readonly TableAdapter[],
  rows: string[][],
  fileName: string,
): Detection | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const header = headerOf(rows[i]!);
    const found = detectTable(adapters, header, fileName);
    if (found) return { ...found, headerRow: i, header };
  }
  return null;
}

/**
 * A header row, normalised, without its trailing empty cells: a spreadsheet that saved a selection
 * wider than the data writes `Day,Count,,,,,,,`, and those empty columns are no part of the format.
 */
function headerOf(row: string[]): string[] {
  const header = normaliseHeader(row);
  let end = header.length;
  while (end > 0 && header[end - 1] === '') end--;
  return end === header.length ? header : header.slice(0, end);
}

/** Whether a cell is `Total`/`Totals`/`Grand total` (any case, spaces around). */
function isTotalCell(cell: string): boolean {
  // Every row of large files passes here: a cell over 16 characters, or one that starts with a visible
  // ASCII character other than t/T/g/G, cannot be one (the trim and lower-casing cost ~0.2 s per 1M rows).
  if (cell.length > 16) return false;
  const c = cell.charCodeAt(0) | 0x20;
  if (cell.charCodeAt(0) > 32 && cell.charCodeAt(0) < 127 && c !== 0x74 && c !== 0x67) return false;
  const v = cell.trim().toLowerCase();
  return v === 'total' || v === 'totals' || v === 'grand total';
}

/** `Total`/`Totals` summary rows (YouTube Studio, X overview) that start with the word: not data. */
function isSummaryRow(row: string[]): boolean {
  return isTotalCell(row[0] ?? '');
}

/**
 * A row the adapter refused that is a summary row with its `Total` in another column (columns
 * reordered: the X overview's `Date` last): one cell is Total and every other one a number or empty.
 * Checked only for refused rows, so the rows that map cost nothing more.
 */
function isSummaryRowElsewhere(row: string[]): boolean {
  let total = false;
  for (const cell of row) {
    if (!total && isTotalCell(cell)) total = true;
    else if (!isNumberOrEmpty(cell)) return false;
  }
  return total;
}

function isNumberOrEmpty(cell: string): boolean {
  const v = cell.trim();
  return (
    v === '' || parseNumber(v) !== null || parseNumber(v, true) !== null || /^(?:-|–|--|n\/?a)$/i.test(v)
  );
}

function truncateCell(value: string, n = 40): string {
  return value.length > n ? `${value.slice(0, n)}…` : value;
}

/**
 * The header names an adapter looks up when it starts, recorded on a view of the header: a lookup
 * by name (`indexOf`, `includes`, …) records that name; reading a cell by position (`map`, `filter`,
 * iteration, `header[i]`) records the name there, so an adapter that walks every column reads them
 * all. Null when the trial start fails (then every name counts as read).
 */
export function namesReadAtStart(
  adapter: TableAdapter,
  ctx: AdapterContext,
  header: string[],
): Set<string> | null {
  const read = new Set<string>();
  const byName = new Set<PropertyKey>(['indexOf', 'lastIndexOf', 'includes']);
  const view = new Proxy(header, {
    get(target, p, receiver) {
      if (byName.has(p))
        return (name: string, ...rest: number[]) => {
          read.add(name);
          return (target[p as 'indexOf'] as (n: string, ...r: number[]) => number)(name, ...rest);
        };
      if (typeof p === 'string' && /^\d+$/.test(p)) {
        const name = target[Number(p)];
        if (name !== undefined) read.add(name);
      }
      return Reflect.get(target, p, receiver) as unknown;
    },
  });
  try {
    adapter.start(ctx, view);
  } catch {
    return null;
  }
  return read;
}

/**
 * The first non-empty column name that appears twice in a (normalised) header and that `reads`
 * says the adapter reads (every name when `reads` is null), or null.
 */
function duplicateColumn(
  header: string[],
  reads: Set<string> | null = null,
): { name: string; first: number; second: number } | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < header.length; i++) {
    const name = header[i]!;
    if (name === '') continue;
    const first = seen.get(name);
    if (first !== undefined && (reads === null || reads.has(name))) return { name, first, second: i };
    seen.set(name, i);
  }
  return null;
}

/** The header cells as the file writes them (trimmed, BOM-free, unquoted): what issues and messages name. */
function headerLabelsOf(row: readonly string[]): string[] {
  return row.map((c) =>
    c
      .replace(/^\uFEFF/, '')
      .trim()
      .replace(/^"+|"+$/g, '')
      .trim(),
  );
}

/** How many CSV row problems (malformed quote, over-long value) are listed one by one. */
const MAX_CSV_PROBLEMS = 10;

/** A CsvRowProblem with its 1-based file row. */
type RowProblem = Omit<CsvRowProblem, 'index'> & { row: number };

export type TableImportState = 'searching' | 'settling' | 'mapping' | 'unrecognised';

/**
 * Streams the rows of one table file through header detection and an adapter's mapper. Feed it
 * consecutive row chunks with `push`; each call returns the records those rows produced, so the
 * caller can write them chunk by chunk. Row numbers in issues are 1-based file rows (header = its row).
 */
export class TableImport {
  readonly issues: ImportIssue[] = [];
  rows = 0;
  imported = 0;
  skipped = 0;
  detection: Detection | null = null;
  /** True when the file has a header no supported export matches (its columns can be mapped by hand). */
  unknownHeader = false;
  /** Each date column's day/month order as decided for this file (true = day first), once mapping started. */
  dateOrder: Readonly<Record<string, boolean>> = {};
  /** The questions this file leaves open (its adapter's, and a date column's order), after `end`. */
  needs: ImportNeeds | undefined;
  private dayOrderNeed: ImportNeeds['dayFirst'];
  private state: TableImportState = 'searching';
  private pending: string[][] = [];
  private seen = 0;
  private mapper: RowMapper | null = null;
  private scans: (DayOrderScan | undefined)[] = [];
  /** Per date column, the first value that settled its day/month order (for messages). */
  private settledBy: (string | undefined)[] = [];
  /** The file's decimal separator, read from its first rows (see NumberFormatScan). */
  private numbers = new NumberFormatScan();
  private numberRows = 0;
  private headerLabels: string[] = [];
  private reserved = 0;
  /** Rows pushed so far (all chunks), and the CSV problems met in them (see csvChunkProblems). */
  private pushed = 0;
  private csvProblems: RowProblem[] = [];
  /** The file's last row when no line break ends it (csv.ts `unended`), and how many values it has. */
  private unended: { row: number; values: number } | null = null;
  /** How many values the last two data rows mapped have (the last one last). */
  private lastWidths: [number, number] = [0, 0];
  /** The fewest values of a data row before the last one (a writer that leaves off empty trailing cells). */
  private narrowestBefore = Infinity;
  /** Data rows with more (non-empty) values than the header has columns. */
  private wideRows: { row: number; values: number }[] = [];
  /** The header row's cells as read, trailing empty ones included (they may head a column of values). */
  private headerWidth = 0;

  constructor(
    private readonly adapters: readonly TableAdapter[],
    /**
     * The file's context. `decimalComma` is the default for a file whose first rows hold no number
     * that tells the decimal separator (the callers set it for `;` files); the rows decide otherwise.
     */
    private ctx: AdapterContext,
    /** Force a format (the user chose it, or a saved mapping); skips detection. */
    private readonly forced?: TableAdapter,
  ) {}

  get status(): TableImportState {
    return this.state;
  }

  /**
   * About how many rows the file holds (an estimate from its size): passed on to the adapter's
   * mapper (`RowMapper.reserve`) now, or when it starts if the header is still being looked for.
   */
  reserve(rows: number): void {
    if (this.mapper) this.mapper.reserve?.(rows);
    else this.reserved = rows;
  }

  push(rows: string[][]): RecordBatch {
    const out = emptyBatch();
    if (this.state === 'unrecognised') return out;
    const problems = csvChunkProblems(rows);
    if (problems)
      for (const { index, ...p } of problems) {
        const row = this.pushed + index + 1;
        if (p.code === 'unended') this.unended = { row, values: p.column + 1 };
        else this.csvProblems.push({ ...p, row });
      }
    this.pushed += rows.length;
    if (this.state === 'searching') {
      for (const r of rows) this.pending.push(r); // not push(...rows): a large chunk would overflow the stack
      if (this.pending.length < HEADER_SEARCH_ROWS) return out;
      if (!this.locateHeader()) return out;
      this.scanRows(this.pending);
      if (this.needsMoreRows()) return out;
      this.startMapping(out);
      return out;
    }
    if (this.state === 'settling') {
      for (const r of rows) this.pending.push(r);
      this.scanRows(rows);
      if (this.needsMoreRows()) return out;
      this.startMapping(out);
      return out;
    }
    this.mapRows(rows, out);
    return out;
  }

  /** Call after the last chunk. Returns the records of any rows still buffered plus the mapper's tail. */
  end(): RecordBatch {
    const out = emptyBatch();
    if (this.state === 'searching') {
      if (this.locateHeader()) this.scanRows(this.pending);
    }
    if (this.state === 'settling') this.startMapping(out);
    if (this.state === 'mapping') {
      this.mapper?.finish?.(out, this.issues);
      const needs = this.mapper?.needs?.();
      if (needs || this.dayOrderNeed)
        this.needs = { ...needs, ...(this.dayOrderNeed ? { dayFirst: this.dayOrderNeed } : {}) };
    }
    if (this.state === 'mapping')
      this.issues.unshift(...this.cutShortIssues(), ...this.csvProblemIssues(), ...this.wideRowIssues());
    if (this.state === 'mapping' && this.rows === 0) {
      this.issues.push({
        file: this.ctx.fileName,
        severity: 'warning',
        message: 'The file has a header but no data rows.',
      });
    }
    return out;
  }

  /**
   * A file cut short in the middle of its last row (a download or export that did not finish): that
   * row has no line break after it and fewer values than the header and the row before it. The row
   * was read as it stands (its own problems, if any, are listed after this).
   */
  private cutShortIssues(): ImportIssue[] {
    const cut = this.unended;
    if (!cut || cut.row !== this.seen || this.lastWidths[1] !== cut.values) return [];
    const columns = this.detection?.header.filter((h) => h !== '').length ?? 0;
    // Shorter than the header and than every row before it: a file whose rows may leave off their
    // empty trailing cells (some writers) has had such rows before, and is not taken for a cut one.
    if (cut.values >= columns || cut.values >= this.narrowestBefore) return [];
    return [
      {
        file: this.ctx.fileName,
        row: cut.row,
        severity: 'warning',
        message: `The file ends in the middle of this row (it has ${cut.values} of the ${columns} columns, and no line break after it): it was probably cut short while it was downloaded or exported, so rows after it are missing. Download or export it again, and import the whole file.`,
      },
    ];
  }

  /**
   * The CSV problems met (malformed quotes, over-long values) as warnings, first in the list: the
   * rows were kept as read, but the rows after such a value may have been read into it.
   */
  private csvProblemIssues(): ImportIssue[] {
    const file = this.ctx.fileName;
    const header = this.detection?.header ?? [];
    const fix = 'Fix the quotes in the file, or export it again.';
    // An over-long value in a row refused anyway (its error names the value) needs no second line.
    const refused = new Set(
      this.issues.filter((i) => i.severity === 'error' && i.row !== undefined).map((i) => i.row),
    );
    const problems = this.csvProblems.filter((p) => p.code !== 'long-field' || !refused.has(p.row));
    const issues: ImportIssue[] = problems.slice(0, MAX_CSV_PROBLEMS).map((p) => {
      const label = this.headerLabels[p.column] || header[p.column] || `column ${p.column + 1}`;
      const mb = ((p.length ?? 0) / 1024 / 1024).toFixed(1);
      return {
        file,
        row: p.row,
        column: this.headerLabels[p.column] || header[p.column] || `${p.column + 1}`,
        severity: 'warning',
        message:
          p.code === 'invalid-quote'
            ? `A quote inside the text of "${label}" is not doubled (""), so the rows after it may have been read as part of this text (the row was kept as read). ${fix}`
            : `This "${label}" value is ${mb} MB long, far longer than any export holds: a quote in the file is most likely wrong, and the rows after it were read as part of this value (the row was kept as read). ${fix}`,
      };
    });
    const more = problems.length - MAX_CSV_PROBLEMS;
    if (more > 0) {
      issues.push({
        file,
        severity: 'warning',
        message: `${more.toLocaleString('en-US')} more ${more === 1 ? 'row has' : 'rows have'} a malformed quote or an over-long value (rows ${problems[MAX_CSV_PROBLEMS]!.row.toLocaleString('en-US')} and after). ${fix}`,
      });
    }
    return issues;
  }

  /**
   * Rows with more values than the header has columns, as warnings (the first MAX_CSV_PROBLEMS,
   * then one line): almost always a comma inside a value that was not quoted, which moves every
   * value after it one column to the right — the row is read as it stands, so it says where to look.
   */
  private wideRowIssues(): ImportIssue[] {
    const file = this.ctx.fileName;
    const columns = this.headerWidth;
    const issues: ImportIssue[] = this.wideRows.slice(0, MAX_CSV_PROBLEMS).map((w) => ({
      file,
      row: w.row,
      severity: 'warning',
      message: `This row has ${w.values} values but the header has ${columns} columns: a value probably holds a comma without quotes around it, so the values after it are one column off (the row was kept as read). Check the row in the file, or export it again.`,
    }));
    const more = this.wideRows.length - MAX_CSV_PROBLEMS;
    if (more > 0)
      issues.push({
        file,
        severity: 'warning',
        message: `${more.toLocaleString('en-US')} more ${more === 1 ? 'row has' : 'rows have'} more values than the header has columns (rows ${this.wideRows[MAX_CSV_PROBLEMS]!.row.toLocaleString('en-US')} and after).`,
      });
    return issues;
  }

  /**
   * Feeds buffered rows to the per-column day/month scans, and the first NUMBER_SCAN_ROWS rows to
   * the decimal separator scan (rows are only scanned while they are held back, before mapping).
   */
  private scanRows(rows: string[][]): void {
    for (const row of rows) {
      for (let i = 0; i < this.scans.length; i++) {
        const scan = this.scans[i];
        const v = row[i];
        if (!scan || v === undefined || v === '') continue;
        scan.add(v);
        if (this.settledBy[i] === undefined && scan.dayFirst !== undefined) this.settledBy[i] = v.trim();
      }
      if (this.numberRows < NUMBER_SCAN_ROWS) {
        this.numberRows++;
        for (let i = 0; i < row.length; i++) if (row[i] !== '') this.numbers.add(row[i]!);
      }
    }
  }

  private needsMoreRows(): boolean {
    if (this.ctx.dayFirst !== undefined) return false;
    if (this.pending.length >= SETTLE_MAX_ROWS) return false;
    return this.scans.some((s) => s !== undefined && s.ambiguous && !s.contradictory);
  }

  /** Decides each date column's order, starts the adapter and maps the rows held back so far. */
  private startMapping(out: RecordBatch): void {
    const det = this.detection!;
    const fixed = det.adapter.dateOrder ?? {};
    const columnDayFirst: Record<string, boolean> = { ...fixed };
    const file = this.ctx.fileName;
    const label = (i: number) => this.headerLabels[i] || det.header[i]!;
    // One file is written in one order: the order its settled date columns agree on is the default
    // for its date columns that settle nothing (an audience whose LAST_CHANGED shows 25/03 is day
    // first in OPTIN_TIME too). `witness` is the first such column, named in the messages.
    let fileOrder: boolean | undefined;
    let witness = -1;
    for (let i = 0; i < det.header.length; i++) {
      const settled = this.scans[i]?.dayFirst;
      if (settled === undefined) continue;
      if (witness < 0) {
        fileOrder = settled;
        witness = i;
      } else if (settled !== fileOrder) {
        fileOrder = undefined;
        break;
      }
    }
    const order = (dayFirst: boolean) => (dayFirst ? 'day/month' : 'month/day');
    det.header.forEach((name, i) => {
      const scan = this.scans[i];
      if (!scan) return;
      const settled = scan.dayFirst;
      if (name in fixed) {
        // The format fixes the order (Meetup's MM/DD/YYYY), but a spreadsheet that saved the file
        // again writes dates in its own order: values that settle the column win.
        if (settled !== undefined && settled !== fixed[name]) {
          columnDayFirst[name] = settled;
          this.issues.push({
            file,
            column: label(i),
            severity: 'warning',
            message: `Dates in column "${label(i)}" are written ${order(settled)} (e.g. ${this.settledBy[i]}), not ${order(!settled)} as a ${det.adapter.label} writes them: the file was probably saved again by a spreadsheet. They were read as ${order(settled)}.`,
          });
        } else if (
          settled === undefined &&
          !scan.contradictory &&
          fileOrder !== undefined &&
          // Only the format's own date columns overrule its order (a member's free-text answer
          // such as "25/09/2019" says nothing about how the list writes its dates).
          det.header[witness]! in fixed
        ) {
          columnDayFirst[name] = fileOrder;
        }
        return;
      }
      if (settled !== undefined) columnDayFirst[name] = settled;
      else if (scan.ambiguous) {
        const byFile = scan.contradictory ? undefined : fileOrder;
        columnDayFirst[name] = this.ctx.dayFirst ?? byFile ?? false;
        if (this.ctx.dayFirst === undefined) {
          // The review asks the user for the order (the first such column names the question).
          if (this.dayOrderNeed) this.dayOrderNeed.others++;
          else this.dayOrderNeed = { column: name, label: label(i), readDayFirst: columnDayFirst[name]!, others: 0 };
          const ambiguous = `Dates in column "${label(i)}" (e.g. ${scan.example}) could be day/month or month/day`;
          const choose = 'If that is wrong, choose the order for this file before importing it.';
          this.issues.push({
            file,
            column: label(i),
            severity: 'warning',
            message:
              byFile !== undefined
                ? `${ambiguous}, and none of its values settles it: read as ${order(byFile)}, like column "${label(witness)}" of the same file (e.g. ${this.settledBy[witness]}). ${choose}`
                : `${ambiguous}, and ${scan.contradictory ? 'the column mixes both orders' : 'no value settles it'}: read as month/day (US order). ${choose}`,
          });
        }
      }
    });
    const decimalComma = this.numbers.decimalComma ?? this.ctx.decimalComma;
    if (decimalComma !== undefined) this.ctx = { ...this.ctx, decimalComma };
    this.ctx = { ...this.ctx, columnDayFirst, headerLabels: this.headerLabels };
    this.dateOrder = columnDayFirst;
    this.mapper = det.adapter.start(this.ctx, det.header);
    if (this.reserved > 0) this.mapper.reserve?.(this.reserved);
    this.state = 'mapping';
    const buffered = this.pending;
    this.pending = [];
    this.mapRows(buffered, out);
  }

  /** Finds the header among the buffered rows; false when the file is empty or unrecognised. */
  private locateHeader(): boolean {
    const rows = this.pending;
    if (rows.length === 0) {
      this.state = 'unrecognised';
      this.issues.push({ file: this.ctx.fileName, severity: 'error', message: 'The file is empty.' });
      return false;
    }
    let det: Detection | null;
    if (this.forced) {
      const i = rows.findIndex((r) => !isBlankRow(r));
      det = {
        adapter: this.forced,
        confidence: 1,
        headerRow: Math.max(0, i),
        header: headerOf(rows[Math.max(0, i)]!),
      };
    } else {
      det = findHeader(this.adapters, rows, this.ctx.fileName);
    }
    if (!det) {
      this.state = 'unrecognised';
      this.unknownHeader = true;
      const first = rows.find((r) => !isBlankRow(r)) ?? [];
      // Cells are cut short: a header cell may be megabytes long (a file that is one huge value).
      const shown = first
        .slice(0, 8)
        .map((c) => truncateCell(c.trim()))
        .join(', ');
      this.issues.push({
        file: this.ctx.fileName,
        row: 1,
        severity: 'error',
        message: `Unknown format: no supported export has these columns (${shown}${first.length > 8 ? ', …' : ''}). Check the list of supported exports, or map the columns yourself.`,
      });
      return false;
    }
    // Matching by name (formats.md) cannot tell two columns of the same name apart: refuse rather than
    // guess — when the adapter reads that name. Mailchimp's unsubscribed export can repeat
    // UNSUB_REASON (a merge field named like Mailchimp's own column), which no adapter reads.
    const duplicate =
      duplicateColumn(det.header) &&
      duplicateColumn(det.header, namesReadAtStart(det.adapter, this.ctx, det.header));
    const labels = headerLabelsOf(rows[det.headerRow] ?? []);
    if (duplicate) {
      this.state = 'unrecognised';
      // Named as the file writes them ("Email" and "EMAIL" are one column name to Hearth).
      const [a, b] = [duplicate.first, duplicate.second].map((i) =>
        truncateCell(labels[i] || duplicate.name),
      );
      this.issues.push({
        file: this.ctx.fileName,
        row: det.headerRow + 1,
        column: a,
        severity: 'error',
        message: `The column "${a}" appears twice in the header${a === b ? '' : ` (also as "${b}")`} (columns ${duplicate.first + 1} and ${duplicate.second + 1}), so Hearth cannot tell which one to read. Rename or remove one of them, then import the file again.`,
      });
      return false;
    }
    this.detection = det;
    this.headerWidth = rows[det.headerRow]?.length ?? det.header.length;
    this.headerLabels = labels;
    this.state = 'settling';
    this.scans = det.header.map(() => new DayOrderScan());
    this.seen = det.headerRow + 1;
    this.pending = rows.slice(det.headerRow + 1);
    return true;
  }

  private mapRows(rows: string[][], out: RecordBatch): void {
    const mapper = this.mapper!;
    const width = this.headerWidth;
    for (const row of rows) {
      this.seen++;
      if (isBlankRow(row) || isSummaryRow(row)) continue;
      if (this.lastWidths[1] > 0 && this.lastWidths[1] < this.narrowestBefore) this.narrowestBefore = this.lastWidths[1];
      this.lastWidths = [this.lastWidths[1], row.length];
      const issues = this.issues.length;
      if (mapper.mapRow(row, this.seen, out, this.issues)) this.imported++;
      else if (isSummaryRowElsewhere(row)) {
        // Not data: the adapter's complaint about it ("Total" is not a day) is dropped with it.
        this.issues.length = issues;
        continue;
      } else this.skipped++;
      this.rows++;
      if (row.length > width && width > 0 && hasValueFrom(row, width))
        this.wideRows.push({ row: this.seen, values: row.length });
    }
  }
}

/** Whether any cell from `from` on holds something (trailing empty cells are harmless). */
function hasValueFrom(row: readonly string[], from: number): boolean {
  for (let i = from; i < row.length; i++) if (row[i]!.trim() !== '') return true;
  return false;
}
