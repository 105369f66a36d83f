import { describe, expect, it } from 'vitest';
import { findJsonProblem } from './json-error';
import { importText } from '../sources/testing';

describe('findJsonProblem', () => {
  it('finds nothing in valid JSON (whatever JSON.parse accepts)', () => {
    for (const t of [
      '{}',
      ' [ ] ',
      '{"a": [1, -2.5e3, true, false, null, "x\\"\\u00e9\\n"], "b": {}}',
      '"s"',
      '0',
    ]) {
      JSON.parse(t);
      expect(findJsonProblem(t), t).toBeNull();
    }
  });

  it('a text that ends inside a value is cut', () => {
    for (const t of [
      '{"a": "abc',
      '{"a": [1,2',
      '{"a": 1',
      '{"a": 1,',
      '{"a": tr',
      '[{"id": "1"}, {"id": "2", "content": "hel',
      '',
      '  ',
      '{"a": "\\u00',
    ]) {
      expect(() => JSON.parse(t)).toThrow();
      expect(findJsonProblem(t), t).toEqual({ kind: 'cut' });
    }
  });

  it('gives line and column (1-based) of a syntax error', () => {
    // A trailing comma before "]": line 3, column 1.
    expect(findJsonProblem('{"messages": [\n  {"id": "1"},\n]}')).toEqual({
      kind: 'syntax',
      at: 30,
      line: 3,
      column: 1,
      found: ']',
    });
    expect(findJsonProblem('{"a":1,}')).toEqual({ kind: 'syntax', at: 7, line: 1, column: 8, found: '}' });
    expect(findJsonProblem('{"a": "x",\n "b": tru\n}')).toEqual({
      kind: 'syntax',
      at: 17,
      line: 2,
      column: 7,
      found: 't',
    });
    expect(findJsonProblem('{"a": 1} x')).toEqual({ kind: 'syntax', at: 9, line: 1, column: 10, found: 'x' });
    expect(findJsonProblem('{"a": "tab\there"}')).toEqual({
      kind: 'syntax',
      at: 10,
      line: 1,
      column: 11,
      found: '\t',
    });
  });
});

describe('the DiscordChatExporter JSON messages (importBytes, browser and command alike)', () => {
  const head = '{"guild": {"id": "1"}, "channel": {"id": "2", "name": "general"}, "messages": [\n';
  const msg = (id: number) =>
    `  {"id": "${id}", "type": "Default", "timestamp": "2025-01-05T10:00:00+00:00", "content": "hi", "author": {"id": "9", "name": "ana"}}`;
  const issuesOf = (text: string) =>
    importText('chat.json', text).outcomes.flatMap((o) => o.issues.map((i) => i.message));

  it('a trailing comma: the line and column, not the engine message', () => {
    expect(issuesOf(`${head}${msg(1)},\n${msg(2)},\n]}\n`)).toEqual([
      'Not valid JSON: unexpected "]" at line 4, column 1 (a stray or missing comma, quote or bracket: the file was edited or damaged); nothing imported. Export the channel again.',
    ]);
  });

  it('a file cut in the middle of a message', () => {
    const whole = `${head}${msg(1)},\n${msg(2)}\n]}\n`;
    expect(issuesOf(whole.slice(0, whole.indexOf('"content": "hi"', 200) + 13))).toEqual([
      'Not valid JSON — the file ends in the middle of a message: the export did not finish or was cut; export the channel again.',
    ]);
  });
});
