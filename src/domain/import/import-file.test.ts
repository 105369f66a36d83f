import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../sources/registry';
import { sniffFile } from './import-file';

const sniff = (name: string, text: string) => sniffFile(name, new TextEncoder().encode(text), REGISTRY);
const WEB_PAGE = 'This file is a web page (HTML), not a CSV export: download the export again (a sign-in or error page may have been saved instead).';

describe('sniffFile: text that is not a table', () => {
  it.each([
    '<!DOCTYPE html>\n<html lang="en">',
    '\uFEFF  <html>\n<body>Sign in</body></html>',
    '<!-- saved from url=(0042)https://forum.example/admin -->\n<!doctype html><title>x</title>',
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">',
    '<head><title>Error</title></head>',
  ])('a web page: %j', (text) => {
    expect(sniff('export.csv', text)).toEqual({ kind: 'refused', message: WEB_PAGE });
  });

  it('JSON: "not CSV" in a .csv, "not an export Hearth reads" in a .json', () => {
    for (const text of ['{"posts": []}', '  [\n  {"id": 1}\n]', '[]', '{}', '["a", "b"]']) {
      expect(sniff('data.csv', text)).toEqual({ kind: 'refused', message: 'This file holds JSON, not CSV, and is not one of the JSON exports Hearth reads. Check the list of supported exports.' });
    }
    expect(sniff('users.json', '[{"id": "U1"}]')).toEqual({ kind: 'refused', message: 'This JSON file is not one of the JSON exports Hearth reads. Check the list of supported exports.' });
  });

  it('keeps CSVs that merely start with a bracket or hold markup in cells', () => {
    for (const text of ['[id],[name]\n1,ana\n', '{id},name\n1,ana\n', 'post_id,raw\n1,<html><body>hi</body></html>\n', '<b>Name</b>,Email\nana,a@x.org\n']) {
      expect(sniff('data.csv', text).kind).toBe('table');
    }
  });

  it('still recognises a DiscordChatExporter JSON, whatever the file is called', () => {
    expect(sniff('chat.csv', '{"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": []}').kind).toBe('document');
  });
});
