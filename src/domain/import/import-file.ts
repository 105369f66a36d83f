import { emptyBatch, type ImportIssue, type RecordBatch } from '../model/records';
import { parseCsvText, sniffDelimiter, type Delimiter } from '../parse/csv';
import {
  binaryReason,
  decodeBytes,
  decodeText,
  isZip,
  sniffEncoding,
  type TextEncodingName,
} from '../parse/encoding';
import { gunzipFile, gunzippedName, isGzip } from '../parse/gzip';
import {
  ArchiveError,
  chargeUnpacked,
  readZip,
  unpackBudget,
  OfficeDocumentError,
  ZipBombError,
  type UnpackBudget,
} from '../parse/zip';
import type { AdapterRegistry } from '../sources/registry';
import type { AdapterContext, DocumentAdapter, ImportNeeds } from '../sources/types';
import { MIN_CONFIDENCE, TableImport } from './table-import';

/** What one file (or one file inside a zip) gave. */
export interface FileOutcome {
  /** Name shown to the user: `export.zip › user-list.csv` for zip entries. */
  file: string;
  format: string | null;
  label: string | null;
  rows: number;
  imported: number;
  skipped: number;
  issues: ImportIssue[];
  /**
   * True for a table whose header no supported export has (and nothing else is wrong with it): the
   * user can map its columns by hand (the generic format).
   */
  mappable?: boolean;
  /** A table's date columns and the day/month order each was read in (true = day first). */
  dateOrder?: Readonly<Record<string, boolean>>;
  /** Questions the file leaves open for the user (the event date of an attendee list). */
  needs?: ImportNeeds;
  /** An office document Hearth does not read (zip.ts OfficeDocumentError): its message says what to do. */
  office?: true;
}

/** Why a recognised file gives nothing to store (the review's verdict and the import's result say it alike). */
export const NO_RECORDS =
  'its rows hold no activity, attendance, member or subscriber (e.g. an attendee list where nobody attended or checked in)';

/** A file whose quoted value never closes is refused (browser stream, browser in memory, command alike). */
export const UNCLOSED_QUOTE_MESSAGE =
  'A quoted value opened in this row is never closed, so the rest of the file cannot be read reliably; nothing was imported from it. Check the file for a stray " character.';

/**
 * A file sniffed as UTF-8 that holds other bytes further on (decodeText's `mixed`; in the browser's
 * stream, streamCsvBlob's `mixedEncoding`): said first among the file's issues (browser stream, browser
 * in memory, command alike) once the file is recognised.
 */
export function mixedEncodingIssue(file: string): ImportIssue {
  return {
    file,
    severity: 'warning',
    message:
      'This file starts as UTF-8 text but further on holds characters in another encoding (most likely Windows-1252, as Excel saves them); they were read as Windows-1252. Check that names with accents look right. If they do not, save the file again as UTF-8 (in Excel: "CSV UTF-8") and import it again.',
  };
}

/** What the first bytes of a file say about how to read it. */
export type Sniff =
  | { kind: 'zip' }
  /** Compressed with gzip: read what it holds (older Discourse exports are `….csv.gz`). */
  | { kind: 'gzip' }
  /** Not a file Hearth can read at all (an image, a web page…): `message` says what it is. */
  | { kind: 'refused'; message: string }
  | { kind: 'document'; encoding: TextEncodingName; adapter: DocumentAdapter }
  | { kind: 'table'; encoding: TextEncodingName; delimiter: Delimiter };

/** Comments and an XML declaration before a page's first tag. */
const MARKUP_PREAMBLE = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/i;
const HTML_START = /^<(?:!doctype\s+html|html|head|body)[\s>]/i;
/** The bare error page some servers send, with no `<!DOCTYPE>` or `<html>` (`<meta …><title>403</title>`). */
const HTML_HEAD_TAG = /^<(?:meta|title|script|style|link|base|noscript)[\s>/]/i;
/** Tags that start a page's body: a page only when its first line is not a row of cells (`<b>Name</b>,Email`). */
const HTML_BODY_TAG = /^<(?:div|p|form|table|h[1-6]|center|pre|main|header|span)[\s>/]/i;
/** An XML element that closes (`<Error><Code>AccessDenied</Code>…`: an expired download link). */
const XML_START = /^<[A-Za-z_][\w.:-]*[\s>/]/;
const XML_CLOSE = /<\/[A-Za-z_]|\/>/;
/** `{"key":`, `{}`, `[{`, `[[`, `["`, `[]`: the start of a JSON document, not of a CSV header. */
const JSON_START = /^\s*(?:\{\s*(?:"(?:[^"\\\n]|\\.)*"\s*:|\})|\[\s*[[{"\]])/;

/**
 * Why a text file that no JSON/document format recognised is not a table either, or null: a web
 * page saved instead of an export, or JSON (in a `.csv`, or a `.json` file of an unknown shape).
 * Without this their first line would be taken for a header of unknown columns.
 */
/** A Discord channel exported as HTML (DiscordChatExporter's default format). */
export const DISCORD_HTML_MESSAGE =
  'This is a Discord channel exported as a web page (HTML, DiscordChatExporter’s default format), which Hearth cannot read: export the channel again as CSV or JSON (Export format: CSV or JSON; on the command line --format Csv or --format Json) and import that.';

function notTableMessage(fileName: string, text: string): string | null {
  const preamble = text.match(MARKUP_PREAMBLE)?.[0] ?? '';
  const markup = text.slice(preamble.length);
  const firstLine = markup.slice(0, 4096).split(/\r|\n/, 1)[0]!;
  const cells = /[,;\t]/.test(firstLine);
  if (HTML_START.test(markup) || HTML_HEAD_TAG.test(markup) || (HTML_BODY_TAG.test(markup) && !cells)) {
    // DiscordChatExporter writes HTML unless told otherwise: its chat log's class names say so.
    if (/class="(?:chatlog|preamble)(?:__[\w-]+)?"/.test(text)) return DISCORD_HTML_MESSAGE;
    return 'This file is a web page (HTML), not a CSV export: download the export again (a sign-in or error page may have been saved instead).';
  }
  const declared = /<\?xml/i.test(preamble);
  if (XML_START.test(markup) && (declared || !cells) && XML_CLOSE.test(markup.slice(0, 64 * 1024))) {
    return 'This file holds XML, not CSV, and is not an export Hearth reads: download the export again (an error message from the server, such as an expired link, may have been saved instead).';
  }
  if (JSON_START.test(text)) {
    return /\.json$/i.test(fileName)
      ? 'This JSON file is not one of the JSON exports Hearth reads. Check the list of supported exports.'
      : 'This file holds JSON, not CSV, and is not one of the JSON exports Hearth reads. Check the list of supported exports.';
  }
  return null;
}

export function sniffFile(fileName: string, head: Uint8Array, registry: AdapterRegistry): Sniff {
  if (isZip(head)) return { kind: 'zip' };
  if (isGzip(head)) return { kind: 'gzip' };
  const encoding = sniffEncoding(head);
  const reason = binaryReason(head, encoding);
  if (reason) return { kind: 'refused', message: `This file cannot be read: ${reason}.` };
  const text = decodeBytes(head, encoding);
  let best: { adapter: DocumentAdapter; confidence: number } | null = null;
  for (const adapter of registry.documents) {
    const confidence = adapter.detect(fileName, text);
    if (confidence >= MIN_CONFIDENCE && confidence > (best?.confidence ?? 0)) best = { adapter, confidence };
  }
  if (best) return { kind: 'document', encoding, adapter: best.adapter };
  const refused = notTableMessage(fileName, text);
  if (refused) return { kind: 'refused', message: refused };
  return { kind: 'table', encoding, delimiter: sniffDelimiter(text) };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

function outcomeOf(file: string, t: TableImport): FileOutcome {
  return {
    file,
    format: t.detection?.adapter.format ?? null,
    label: t.detection ? (t.detection.adapter.describe?.(file) ?? t.detection.adapter.label) : null,
    rows: t.rows,
    imported: t.imported,
    skipped: t.skipped,
    issues: t.issues,
    ...(t.unknownHeader ? { mappable: true } : {}),
    ...(Object.keys(t.dateOrder).length > 0 ? { dateOrder: t.dateOrder } : {}),
    ...(t.needs ? { needs: t.needs } : {}),
  };
}

function failed(file: string, message: string): FileOutcome {
  return {
    file,
    format: null,
    label: null,
    rows: 0,
    imported: 0,
    skipped: 0,
    issues: [{ file, severity: 'error', message }],
  };
}

/**
 * Reads one file held in memory — a CSV/TSV, a JSON/document export, or a zip of them — and hands
 * its records to `onRecords` chunk by chunk. Never throws for bad input: every problem is an issue
 * in the returned outcomes (one per file, or per file inside a zip).
 */
export function importBytes(
  name: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  onRecords: (batch: RecordBatch) => void,
  displayName: string = name,
  /** Lower unpack limits (tests); see unpackBudget. */
  limits?: Parameters<typeof unpackBudget>[1],
): FileOutcome[] {
  try {
    return importIn(name, bytes, ctx, registry, onRecords, displayName, unpackBudget(bytes.length, limits));
  } catch (e) {
    // A zip bomb, at any depth, refuses the whole dropped file (its records are dropped with it:
    // nothing is imported from a file whose outcomes import nothing).
    if (e instanceof ZipBombError) return [failed(displayName, e.message)];
    throw e;
  }
}

/** importBytes for one file of a dropped file: everything unpacked counts against `budget`. */
function importIn(
  name: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  onRecords: (batch: RecordBatch) => void,
  displayName: string,
  budget: UnpackBudget,
  /** A sheet of an Excel workbook (parse/xlsx.ts): its empty rows count, as the sheet numbers rows. */
  sheet = false,
): FileOutcome[] {
  if (bytes.length === 0) return [failed(displayName, 'The file is empty.')];
  // A sheet is the CSV xlsx.ts wrote: UTF-8, commas, decimal points — whatever its cells hold (a
  // sheet of `;`-laden text, or one whose first cell reads like HTML or JSON, is still that table).
  const sniff: Sniff = sheet
    ? { kind: 'table', encoding: 'utf-8', delimiter: ',' }
    : sniffFile(name, bytes.subarray(0, 256 * 1024), registry);
  if (sniff.kind === 'zip') return importZip(name, bytes, ctx, registry, onRecords, displayName, budget);
  if (sniff.kind === 'gzip') {
    let inner: Uint8Array;
    try {
      inner = gunzipFile(bytes);
    } catch (e) {
      return [failed(displayName, e instanceof ArchiveError ? e.message : describe(e))];
    }
    chargeUnpacked(budget, inner.length);
    return importIn(gunzippedName(name), inner, ctx, registry, onRecords, displayName, budget);
  }
  if (sniff.kind === 'refused') return [failed(displayName, sniff.message)];
  const { text, mixed } = decodeText(bytes, sniff.encoding);
  const withMixed = (o: FileOutcome): FileOutcome =>
    mixed && o.format !== null ? { ...o, issues: [mixedEncodingIssue(displayName), ...o.issues] } : o;
  const fileCtx: AdapterContext = { ...ctx, fileName: displayName };
  if (sniff.kind === 'document') {
    const out = emptyBatch();
    const issues: ImportIssue[] = [];
    try {
      const { rows, skipped } = sniff.adapter.map(fileCtx, text, out, issues);
      onRecords(out);
      return [
        withMixed({
          file: displayName,
          format: sniff.adapter.format,
          label: sniff.adapter.label,
          rows,
          imported: rows - skipped,
          skipped,
          issues,
        }),
      ];
    } catch (e) {
      return [
        failed(
          displayName,
          `This ${sniff.adapter.label} file could not be read (${describe(e)}); nothing was imported from it.`,
        ),
      ];
    }
  }
  // The decimal separator is read from the table's numbers (TableImport); the delimiter is the default.
  const t = new TableImport(registry.tables, { ...fileCtx, decimalComma: sniff.delimiter === ';' });
  let unclosed: number | null = null;
  try {
    parseCsvText(
      text,
      (rows) => onRecords(t.push(rows)),
      sniff.delimiter,
      (p) => {
        if (p.code === 'unclosed-quote') unclosed ??= p.row;
      },
      sheet,
    );
    onRecords(t.end());
    if (unclosed !== null) {
      // The rest of the file was swallowed into one value: no row after it can be trusted.
      const message = UNCLOSED_QUOTE_MESSAGE;
      return [
        {
          ...failed(displayName, message),
          issues: [{ file: displayName, row: unclosed, severity: 'error', message }],
        },
      ];
    }
  } catch (e) {
    t.issues.push({
      file: displayName,
      severity: 'error',
      message: `Reading stopped after row ${t.rows} because of an unexpected problem (${describe(e)}).`,
    });
  }
  return [withMixed(outcomeOf(displayName, t))];
}

function importZip(
  name: string,
  bytes: Uint8Array,
  ctx: Omit<AdapterContext, 'fileName'>,
  registry: AdapterRegistry,
  onRecords: (batch: RecordBatch) => void,
  displayName: string,
  budget: UnpackBudget,
): FileOutcome[] {
  let entries;
  try {
    entries = readZip(bytes, budget);
  } catch (e) {
    if (e instanceof ZipBombError) throw e;
    const outcome = failed(
      displayName,
      e instanceof ArchiveError ? e.message : `The zip archive cannot be opened: ${String(e)}`,
    );
    return [e instanceof OfficeDocumentError ? { ...outcome, office: true } : outcome];
  }
  const names = entries.map((e) => e.name);
  let archive: { adapter: (typeof registry.archives)[number]; confidence: number } | null = null;
  for (const adapter of registry.archives) {
    const confidence = adapter.detect(names);
    if (confidence >= MIN_CONFIDENCE && confidence > (archive?.confidence ?? 0))
      archive = { adapter, confidence };
  }
  const outcomes: FileOutcome[] = [];
  let rest = entries;
  if (archive) {
    const claims = archive.adapter.claims?.bind(archive.adapter);
    const mine = claims ? entries.filter((e) => claims(e.name)) : entries;
    rest = claims ? entries.filter((e) => !claims(e.name)) : [];
    const out = emptyBatch();
    const issues: ImportIssue[] = [];
    try {
      const { rows, skipped } = archive.adapter.map(
        { ...ctx, fileName: displayName, archiveName: name },
        mine,
        out,
        issues,
      );
      onRecords(out);
      outcomes.push({
        file: displayName,
        format: archive.adapter.format,
        label: archive.adapter.label,
        rows,
        imported: rows - skipped,
        skipped,
        issues,
      });
    } catch (e) {
      outcomes.push(
        failed(
          displayName,
          `This ${archive.adapter.label} archive could not be read (${describe(e)}); nothing was imported from it.`,
        ),
      );
    }
  }
  for (const entry of rest) {
    const entryName = `${displayName} › ${entry.name}`;
    const results = importIn(
      baseName(entry.name),
      entry.bytes,
      { ...ctx, archiveName: name },
      registry,
      onRecords,
      entryName,
      budget,
      entry.sheet === true,
    );
    outcomes.push(...results);
  }
  const recognised = outcomes.filter((o) => o.format !== null);
  // A workbook zipped for sending: what to do with it, rather than the list of what the zip holds.
  const office = outcomes.find((o) => o.office);
  if (recognised.length === 0 && office && outcomes.length === 1) return [office];
  // A zip of one table whose columns no export has: its own message, which names the columns, rather
  // than "no supported export" (its columns can be mapped once it is unzipped).
  const only = outcomes.length === 1 ? outcomes[0]! : undefined;
  if (recognised.length === 0 && only?.mappable) {
    const { mappable: _mappable, ...rest } = only;
    return [
      {
        ...rest,
        issues: only.issues.map((i) => ({
          ...i,
          message: entries.some((e) => e.sheet)
            ? `${i.message} (To map the columns of a sheet, save it as CSV and import the CSV.)`
            : `${i.message} (To map the columns of a file inside a zip, unzip it and import the file itself.)`,
        })),
      },
    ];
  }
  if (recognised.length === 0) {
    const listed = `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
    return [
      failed(
        displayName,
        entries.some((e) => e.sheet)
          ? `No sheet of this Excel workbook is a supported export (its sheets: ${listed}). Check the list of supported exports, or save the sheet as CSV and map its columns.`
          : `No file in this archive is a supported export (it holds: ${listed}).`,
      ),
    ];
  }
  // Files in an archive that are not exports (README.txt, images) are mentioned, not errors; so are
  // a workbook's other sheets (LinkedIn's demographics beside its daily figures), in one line each.
  const sheets = entries.some((e) => e.sheet);
  return outcomes.map((o) => {
    if (o.format !== null) return o;
    if (sheets) {
      // A sheet of columns no export has (LinkedIn's demographics) in one line; one refused for a
      // reason of its own (a repeated column, a cut-short sheet) keeps that reason.
      const { mappable, ...rest } = o;
      const reason = o.issues.find((i) => i.severity === 'error') ?? o.issues[0];
      return {
        ...rest,
        issues: [
          mappable || !reason
            ? {
                file: o.file,
                severity: 'warning',
                message: 'Skipped: this sheet is not one of the supported exports.',
              }
            : { ...reason, severity: 'warning', message: `Skipped: ${reason.message}` },
        ],
      };
    }
    return {
      ...o,
      issues: o.issues.map((i) => ({ ...i, severity: 'warning' as const, message: `Skipped: ${i.message}` })),
    };
  });
}
