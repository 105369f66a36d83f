import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { previewBytes } from '../../domain/preview/preview';
import { REGISTRY } from '../../domain/sources/registry';
import { ReviewPanel } from './review-panel';
import type { ReviewFile } from './use-review';

const LUMA = join(import.meta.dirname, '../../../tests/fixtures/real/luma');
const ONLINE = 'Loomcraft Online Weave-along - Guests - 2026-02-03-20-14-28.csv';
const QUESTION = 'Date of the event (this export does not say)';

const noop = () => undefined;
function render(files: ReviewFile[]): string {
  return renderToStaticMarkup(
    createElement(ReviewPanel, { files, timeZone: 'UTC', onAnswer: noop, onRemove: noop, onImport: noop, onCancel: noop }),
  ).replace(/<!-- -->/g, '');
}

/** A Luma guest list as the review holds it: previewed with the answers given so far. */
function luma(name: string, answers: ReviewFile['answers'] = {}): ReviewFile {
  const bytes = new Uint8Array(readFileSync(join(LUMA, name)));
  return {
    file: new File([], name),
    previews: previewBytes(name, bytes, { timeZone: 'UTC', ...answers }, REGISTRY),
    answers,
  };
}

describe('ReviewPanel: the event date question for Luma guest lists', () => {
  it('asks when guests joined online without a check-in, pre-filled with the date used otherwise', () => {
    const html = render([luma(ONLINE)]);
    expect(html).toContain(QUESTION);
    // The latest created_at in the file: 2026-01-28T21:40Z.
    expect(html).toContain('value="2026-01-28"');
  });

  it('keeps the question, with the answer, once a date is entered', () => {
    const html = render([luma(ONLINE, { eventDate: Date.UTC(2026, 0, 29) })]);
    expect(html).toContain(QUESTION);
    expect(html).toContain('value="2026-01-29"');
  });

  it('does not ask for a Luma file whose attendees all checked in', () => {
    expect(render([luma('Loomcraft_Spinning_Circle_-_Guests_-_2026-05-18-14-30-15.csv')])).not.toContain(
      QUESTION,
    );
  });
});
