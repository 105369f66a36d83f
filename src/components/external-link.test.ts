import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExternalLink } from './external-link';

const html = (url: string | undefined) =>
  renderToStaticMarkup(createElement(ExternalLink, { url, children: 'the thread' }));

describe('ExternalLink', () => {
  it('links an http(s) URL from an export, in a new tab without referrer', () => {
    expect(html('https://forum.example.org/t/123')).toBe(
      '<a href="https://forum.example.org/t/123" rel="noopener noreferrer" target="_blank">the thread</a>',
    );
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>x</script>',
    '/relative/path',
    'vbscript:x',
    undefined,
    '',
  ])('keeps %j as plain text', (url) => {
    expect(html(url)).toBe('the thread');
  });
});
