/**
 * Byte-level sniffing: which encoding a file uses, and whether it is text at all (formats.md:
 * UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252 from Excel re-saves).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    (bytes[3] === 0x04 || bytes[3] === 0x06)
  );
}

/** Decides the encoding from the first bytes of a file (a few hundred KB is plenty). */
export function sniffEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // UTF-16 without BOM: most high or low bytes of ASCII text are zero.
  const n = Math.min(head.length, 4096) & ~1;
  if (n >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    if (oddZero > n / 4 && evenZero === 0) return 'utf-16le';
    if (evenZero > n / 4 && oddZero === 0) return 'utf-16be';
  }
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Whether `head` holds `name` in UTF-16LE: the name of a stream in an OLE2 compound file's
 * directory. A password-protected .xlsx (or .docx) is such a file, not a zip: its workbook is the
 * stream `EncryptedPackage` (MS-OFFCRYPTO), listed near the start of the file.
 */
function holdsUtf16(head: Uint8Array, name: string): boolean {
  const bytes = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) bytes[i * 2] = name.charCodeAt(i);
  for (let at = head.indexOf(bytes[0]!); at >= 0; at = head.indexOf(bytes[0]!, at + 1))
    if (bytes.every((b, k) => head[at + k] === b)) return true;
  return false;
}

/**
 * Why a file is not text, or null when it looks like text. Catches images, PDFs, spreadsheets in
 * binary form and other files renamed `.csv`. NUL bytes are counted over all of `head` (the first
 * 256 KB): binary files hold many, while a text file with a few stray ones (fewer than 1 in
 * MAX_NUL_PER bytes) is text — decodeBytes drops them — wherever they are.
 */
export function binaryReason(head: Uint8Array, encoding: TextEncodingName): string | null {
  const sig = (...b: number[]) => b.every((x, i) => head[i] === x);
  if (sig(0x89, 0x50, 0x4e, 0x47)) return 'it is a PNG image, not a CSV export';
  if (sig(0xff, 0xd8, 0xff)) return 'it is a JPEG image, not a CSV export';
  if (sig(0x47, 0x49, 0x46, 0x38)) return 'it is a GIF image, not a CSV export';
  if (sig(0x25, 0x50, 0x44, 0x46)) return 'it is a PDF document, not a CSV export';
  if (sig(0xd0, 0xcf, 0x11, 0xe0))
    return holdsUtf16(head, 'EncryptedPackage')
      ? 'it is a password-protected (encrypted) Office file: open it in Excel with its password, save the sheet as CSV and import the CSV'
      : 'it is a binary Excel (.xls) workbook: open it in a spreadsheet and save it as CSV';
  if (sig(0x1f, 0x8b)) return 'it is gzip-compressed: decompress it first';
  const archive = archiveKind(head);
  if (archive)
    return `it is ${archive}, which Hearth cannot open (it opens zip and gzip files): extract the files from it and import them, or a zip of them`;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return null;
  let nul = 0;
  for (let i = head.indexOf(0); i !== -1; i = head.indexOf(0, i + 1)) nul++;
  if (nul * MAX_NUL_PER >= head.length) return 'it contains binary data (NUL bytes), not text';
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if ((b > 0 && b < 9) || (b > 13 && b < 32)) control++;
  }
  if (n > 0 && control / n > 0.05) return 'it contains binary data, not text';
  return null;
}

/**
 * Archives other than zip (and gzip, which is read): tar (`.tar`, and what a `.tar.gz` holds), 7-Zip,
 * RAR, bzip2 and xz — named, rather than called binary data.
 */
function archiveKind(head: Uint8Array): string | null {
  const at = (offset: number, ...b: number[]) => b.every((x, i) => head[offset + i] === x);
  // POSIX tar: "ustar\0" at offset 257 of the first header; GNU tar: "ustar  \0" (a text that merely
  // has "ustar" there — "mustard" in a CSV — is not one).
  if (at(257, 0x75, 0x73, 0x74, 0x61, 0x72) && (at(262, 0) || at(262, 0x20, 0x20, 0))) return 'a tar archive';
  if (at(0, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return 'a 7-Zip archive (.7z)';
  if (at(0, 0x52, 0x61, 0x72, 0x21, 0x1a, 0x07)) return 'a RAR archive';
  if (
    at(0, 0x42, 0x5a, 0x68) &&
    head[3]! >= 0x31 &&
    head[3]! <= 0x39 &&
    at(4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)
  )
    return 'a bzip2-compressed file (.bz2)';
  if (at(0, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'an xz-compressed file (.xz)';
  return null;
}

/** A file with at least one NUL byte in this many bytes (of the sniffed head) is binary. */
export const MAX_NUL_PER = 1000;

/** Text without its NUL characters (stray NUL bytes of a text file, see binaryReason). */
export function dropNuls(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}

/** Windows-1252 bytes 0x80–0x9F (the rest is Latin-1); 0 = unassigned (kept as the C1 code point). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

/** Length of the valid UTF-8 sequence starting at `i` (2–4), or 0 when the bytes there are not one. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number) => {
    const c = bytes[i + k];
    return c !== undefined && (c & 0xc0) === 0x80;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const c1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f)) return 0; // overlong / surrogate
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const c1 = bytes[i + 1] ?? 0;
    if ((b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Whether `bytes` are valid UTF-8 as a fatal `TextDecoder` has it (no overlong forms, surrogates or
 * code points above U+10FFFF; a BOM is valid), without decoding them into a string. Runs of ASCII
 * are skipped four bytes at a time. 125 MB of chat JSON: ~25–45 ms in Chromium, ~40–120 ms in
 * Node; a fatal TextDecoder fed 1–4 MB slices with `{ stream: true }` took 300–1,000 ms in Chromium
 * and ~130–190 ms in Node (it builds the strings).
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  // Bytes before the first 4-byte-aligned one, then whole aligned words.
  const lead = (4 - (bytes.byteOffset & 3)) & 3;
  const wordCount = n > lead ? (n - lead) >>> 2 : 0;
  const words =
    wordCount > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + lead, wordCount) : new Uint32Array(0);
  let i = 0;
  while (i < n) {
    if (i >= lead && ((i - lead) & 3) === 0) {
      let w = (i - lead) >>> 2;
      while (w < wordCount && (words[w]! & 0x80808080) === 0) w++;
      i = lead + w * 4;
      if (i >= n) break;
    }
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceAt(bytes, i);
    if (len === 0) return false;
    i += len;
  }
  return true;
}

/**
 * Windows-1252 by table: some runtimes (Node without full ICU) decode the label as Latin-1 and turn
 * `€` (0x80) or curly quotes into control characters; the browser and the command must agree.
 * Files are often mixed: UTF-8 text with a few Windows-1252 bytes pasted in (a row copied from an
 * Excel re-save). Valid UTF-8 sequences are therefore read as UTF-8 and only the bytes that are not
 * UTF-8 as Windows-1252, so neither part turns into mojibake (`zoÃ«`). A pure Windows-1252 file
 * reads the same either way, unless it holds the unlikely pairs that form UTF-8 (`Ã©`).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  let codes: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      codes.push(b);
      i++;
    } else {
      const n = utf8SequenceAt(bytes, i);
      if (n > 0) {
        let cp = n === 2 ? b & 0x1f : n === 3 ? b & 0x0f : b & 0x07;
        for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
        if (cp > 0xffff) codes.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
        else codes.push(cp);
        i += n;
      } else {
        codes.push(b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b);
        i++;
      }
    }
    if (codes.length >= CHUNK) {
      parts.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  if (codes.length) parts.push(String.fromCharCode(...codes));
  return stripBom(parts.join(''));
}

/**
 * The text of `bytes`, without a BOM and without NUL characters (see binaryReason). `mixed`: the
 * bytes were sniffed as UTF-8 (sniffEncoding reads only the first 256 KB) but are not UTF-8 further
 * on — a Windows-1252 re-save whose first accented letter comes later (QA C1) — so they were read as
 * mixed Windows-1252 (decodeWindows1252: the UTF-8 sequences still as UTF-8) rather than with
 * U+FFFD for each such byte (a character cut at the very end is still one U+FFFD, see endOfUtf8).
 * A fatal decoder tells so for about what the plain one costs.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): { text: string; mixed: boolean } {
  if (encoding === 'windows-1252') return { text: dropNuls(decodeWindows1252(bytes)), mixed: false };
  if (encoding === 'utf-8') {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let text: string;
    try {
      text = utf8.decode(bytes, { stream: true });
    } catch {
      return { text: dropNuls(decodeWindows1252(bytes)), mixed: true };
    }
    return { text: dropNuls(stripBom(text + endOfUtf8(utf8))), mixed: false };
  }
  return { text: dropNuls(stripBom(new TextDecoder(encoding).decode(bytes))), mixed: false };
}

/**
 * Flushes a fatal UTF-8 decoder fed with `{ stream: true }`: a character cut at the very end (the
 * head of a file, or a file cut short) is one U+FFFD, as a plain decoder has it, not a sign that the
 * file is in another encoding.
 */
export function endOfUtf8(decoder: TextDecoder): string {
  try {
    return decoder.decode();
  } catch {
    return '\ufffd';
  }
}

/** decodeText's text. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
  return decodeText(bytes, encoding).text;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
