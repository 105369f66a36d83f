import { describe, it, expect } from 'vitest';
import { isTraceLine, stripNonOwnText } from './clean.ts';

describe('stripNonOwnText', () => {
  it('keeps ordinary prose', () => {
    expect(stripNonOwnText('Hello there.\nSecond line.')).toBe('Hello there.\nSecond line.');
  });
  it('drops fenced, tilde-fenced and indented code', () => {
    expect(stripNonOwnText('before\n```js\nconst a = 1;\n```\nafter')).toBe('before\nafter');
    expect(stripNonOwnText('before\n~~~\nx\n~~~\nafter')).toBe('before\nafter');
    expect(stripNonOwnText('before\n    indented code\n\tmore code\nafter')).toBe('before\nafter');
  });
  it('drops inline code spans but keeps an unmatched backtick line', () => {
    expect(stripNonOwnText('run `npm ci` now')).toBe('run   now');
    expect(stripNonOwnText('it`s fine')).toBe('it`s fine');
  });
  it('drops > quotes and Discourse quote blocks', () => {
    expect(stripNonOwnText('> quoted\nmine')).toBe('mine');
    expect(stripNonOwnText('[quote="a, post:1, topic:2"]\nquoted\n[/quote]\nmine').trim()).toBe('mine');
    expect(stripNonOwnText('[QUOTE]x[/QUOTE] mine').trim()).toBe('mine');
  });
  it('drops stack-trace and code-statement lines', () => {
    expect(stripNonOwnText('It fails:\nTypeError: boom\n    at f (a.js:1:2)\nat g (b.ts:3:4)\nHelp?')).toBe('It fails:\nHelp?');
    expect(stripNonOwnText('console.log(x);\nok')).toBe('ok');
  });
});

describe('isTraceLine', () => {
  it('recognises common trace and error-dump lines', () => {
    for (const line of [
      'at Server.setupListenHandle [as _listen2] (node:net:1817:16)',
      'at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      'Traceback (most recent call last):',
      'File "main.py", line 12, in <module>',
      "ModuleNotFoundError: No module named 'foo'",
      'java.lang.NullPointerException',
      'Caused by: java.io.IOException: broken pipe',
      'Error: listen EADDRINUSE: address already in use :::3000',
      'npm ERR! code ELIFECYCLE',
      'panic: runtime error: index out of range',
      'error[E0382]: borrow of moved value',
    ]) {
      expect(isTraceLine(line), line).toBe(true);
    }
  });
  it('leaves prose alone', () => {
    for (const line of ['at least it works now', 'Error handling is great', 'Thanks for the fix!', 'This error is annoying: again']) {
      expect(isTraceLine(line), line).toBe(false);
    }
  });
});
