import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../sources/registry';
import { headerKey, previewBytes, PREVIEW_BYTES } from './preview';

const enc = (s: string) => new TextEncoder().encode(s);
const POSTS = [
  'post_id,topic_id,post_number,username,created_at,topic_title,category,raw',
  '1,10,1,ada,2025-03-01T10:00:00Z,Hello,Help,First post',
  '2,10,2,ben,2025-03-02T11:00:00Z,Hello,Help,A reply',
  '3,10,3,system,2025-03-05T12:00:00Z,Hello,Help,Bot note',
  '4,11,1,ada,2025-04-10T09:30:00Z,Other,Help,Second topic',
].join('\n');

describe('previewBytes', () => {
  it('says what a table file is before anything is stored: format, rows, date range, people, first rows', () => {
    const [p, ...rest] = previewBytes('posts.csv', enc(POSTS), { timeZone: 'UTC' }, REGISTRY);
    expect(rest).toEqual([]);
    expect(p!.format).toBe('discourse-posts');
    expect(p!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(p!.rows).toBe(4);
    expect(p!.estimated).toBe(false);
    // 2025-03-01T10:00Z … 2025-04-10T09:30Z
    expect(p!.dateRange).toEqual([Date.UTC(2025, 2, 1, 10), Date.UTC(2025, 3, 10, 9, 30)]);
    // ada and ben; `system` is a bot.
    expect(p!.people).toBe(2);
    expect(p!.header[0]).toBe('post_id');
    expect(p!.sampleRows).toHaveLength(4);
    expect(p!.sampleRows[1]).toEqual(['2', '10', '2', 'ben', '2025-03-02T11:00:00Z', 'Hello', 'Help', 'A reply']);
  });

  it('previews each file inside a zip under the archive name', () => {
    const zip = zipSync({ 'export/posts.csv': strToU8(POSTS), 'export/notes.txt': strToU8('just notes') });
    const previews = previewBytes('export.zip', zip, { timeZone: 'UTC' }, REGISTRY);
    expect(previews.map((p) => p.file).sort()).toEqual(['export.zip › export/notes.txt', 'export.zip › export/posts.csv']);
    expect(previews.find((p) => p.file.endsWith('posts.csv'))!.format).toBe('discourse-posts');
    expect(previews.find((p) => p.file.endsWith('notes.txt'))!.format).toBeNull();
  });

  it('extrapolates the row count of a large file from its first part', () => {
    const row = '5,12,2,ben,2025-05-01T10:00:00Z,Big,Help,' + 'x'.repeat(200);
    const lines = [POSTS.split('\n')[0]!];
    const n = Math.ceil((PREVIEW_BYTES * 2) / row.length);
    for (let i = 0; i < n; i++) lines.push(row.replace(/^5,/, `${i + 100},`));
    const [p] = previewBytes('big.csv', enc(lines.join('\n')), { timeZone: 'UTC' }, REGISTRY);
    expect(p!.estimated).toBe(true);
    expect(Math.abs(p!.rows - n) / n).toBeLessThan(0.01);
  });

  it('names an unknown format and shows its first row as the header, for mapping', () => {
    const [p] = previewBytes('mystery.csv', enc('Foo,Bar\n1,2\n'), { timeZone: 'UTC' }, REGISTRY);
    expect(p!.format).toBeNull();
    expect(p!.header).toEqual(['Foo', 'Bar']);
    expect(p!.issues[0]!.message).toMatch(/^Unknown format/);
  });

  it('reports an empty file', () => {
    expect(previewBytes('e.csv', new Uint8Array(), { timeZone: 'UTC' }, REGISTRY)[0]!.issues[0]!.message).toBe('The file is empty.');
  });
});

describe('headerKey', () => {
  it('is the same for headers that differ only in case, spaces and BOM', () => {
    expect(headerKey(['\uFEFFWhen', ' Who '])).toBe(headerKey(['when', 'WHO']));
  });
});
