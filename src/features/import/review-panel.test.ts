import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { previewBytes, PREVIEW_BYTES } from '../../domain/preview/preview';
import { REGISTRY } from '../../domain/sources/registry';
import { ReviewPanel } from './review-panel';
import type { ReviewFile } from './use-review';

const BAD = join(import.meta.dirname, '../../../tests/fixtures/bad');
const POSTS = 'post_id,topic_id,post_number,username,created_at,topic_title,category,raw';

function reviewOf(name: string, bytes: Uint8Array = new Uint8Array(readFileSync(join(BAD, name))), totalSize = bytes.length): ReviewFile {
  return { file: new File([], name), previews: previewBytes(name, bytes, { timeZone: 'UTC' }, REGISTRY, totalSize), answers: {} };
}

const noop = () => undefined;
/** The panel as plain markup, without React's text separators. */
function render(files: ReviewFile[]): string {
  return renderToStaticMarkup(createElement(ReviewPanel, { files, timeZone: 'UTC', onAnswer: noop, onRemove: noop, onImport: noop, onCancel: noop })).replace(/<!-- -->/g, '');
}
const importButton = (html: string) => /<button type="button" class="primary"( disabled="")?>(Import \d+ files?)<\/button>/.exec(html);
const count = (html: string, text: string) => html.split(text).length - 1;

describe('ReviewPanel: files that cannot be imported', () => {
  it.each([
    ['empty.zip', 'The zip archive holds no files.'],
    ['folders-only.zip', 'The zip archive holds only folders, no files.'],
  ])('lists %s with its reason; nothing to import', (file, reason) => {
    const html = render([reviewOf(file)]);
    expect(html).toContain(`<strong>${file}</strong>`);
    expect(html).toContain(reason);
    expect(importButton(html)?.slice(1)).toEqual([' disabled=""', 'Import 0 files']);
  });

  it.each([
    ['photo.png.csv', 'This file cannot be read: it is a PNG image, not a CSV export.'],
    ['animation.gif.csv', 'This file cannot be read: it is a GIF image, not a CSV export.'],
    ['photo.jpg.csv', 'This file cannot be read: it is a JPEG image, not a CSV export.'],
    ['report.pdf.csv', 'This file cannot be read: it is a PDF document, not a CSV export.'],
    ['workbook.xls.csv', 'This file cannot be read: it is a binary Excel (.xls) workbook: open it in a spreadsheet and save it as CSV.'],
    ['program.exe.csv', 'This file cannot be read: it contains binary data (NUL bytes), not text.'],
    ['empty.csv', 'The file is empty.'],
    ['whitespace-only.csv', 'The file is empty.'],
    ['web-page.csv', 'This file is a web page (HTML), not a CSV export: download the export again (a sign-in or error page may have been saved instead).'],
    ['json-in.csv', 'This file holds JSON, not CSV, and is not one of the JSON exports Hearth reads. Check the list of supported exports.'],
  ])('%s: says why, once, and offers no column mapping', (file, reason) => {
    const html = render([reviewOf(file)]);
    expect(count(html, reason)).toBe(1);
    expect(html).not.toContain('map its columns');
    expect(html).not.toContain('Map the columns of');
    expect(importButton(html)?.slice(1)).toEqual([' disabled=""', 'Import 0 files']);
  });

  it('offers the mapping for a CSV with columns no format has', () => {
    const html = render([reviewOf('unknown-columns.csv')]);
    expect(html).toContain('not recognised — map its columns below, or it will be skipped');
    expect(html).toContain('Map the columns of unknown-columns.csv');
  });

  it('does not promise a mapping it does not offer (a zip of several unknown files)', () => {
    const html = render([reviewOf('not-exports.zip')]);
    expect(html).not.toContain('map its columns');
    expect(html).toContain('not-exports.zip › README.txt</strong>: <span class="unrecognised">not recognised, so it will be skipped</span>');
  });

  it('says before importing that no row of a fully read file can be imported, and does not offer to import it', () => {
    const html = render([reviewOf('dates-1899.csv'), reviewOf('clean-posts.csv')]);
    expect(html).toContain('Its only row cannot be imported (see the problem below), so nothing will be imported from this file.');
    expect(html).toContain('Row 2 (created_at): &quot;1899-12-31T10:00:00Z&quot; is outside the dates Hearth accepts (years 1970–2100); row skipped.');
    expect(importButton(html)?.slice(1)).toEqual([undefined, 'Import 1 file']);
    expect(render([reviewOf('dates-1899.csv')])).toMatch(/disabled="">Import 0 files</);
  });

  it('a large JSON read only in part: says its rows are counted on import, shows no facts yet, offers the import', () => {
    const json = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../sample-data/Loomcraft - Text Channels - patterns [1100000000000000004].json')));
    const html = render([reviewOf('chat.json', json.subarray(0, 3000), json.length)]);
    expect(html).toContain('This file is large and was read only in part for this preview: its rows are counted when it is imported.');
    expect(html).not.toContain('Not valid JSON');
    expect(html).not.toContain('preview-facts');
    expect(importButton(html)?.slice(1)).toEqual([undefined, 'Import 1 file']);
  });

  it('only warns when it read just the first part of a large file', () => {
    const bad = '5,12,2,ben,1899-01-01T10:00:00Z,Big,Help,' + 'x'.repeat(200);
    const lines = [POSTS, ...Array.from({ length: Math.ceil((PREVIEW_BYTES * 1.5) / bad.length) }, () => bad)];
    const html = render([reviewOf('big.csv', new TextEncoder().encode(lines.join('\n')))]);
    expect(html).toContain('No row in the part of the file read for this preview can be imported (see the problems below); the import reads the whole file.');
    expect(importButton(html)?.slice(1)).toEqual([undefined, 'Import 1 file']);
  });
});
