import { describe, expect, it } from 'vitest';
import { undoMessage } from './undo-message';

describe('undoMessage', () => {
  it('says what was removed', () => {
    expect(undoMessage('likes.csv', { removed: 1203, kept: [] })).toBe(
      'Removed the 1,203 records imported from likes.csv.',
    );
    expect(undoMessage('one.csv', { removed: 1, kept: [] })).toBe(
      'Removed the 1 record imported from one.csv.',
    );
  });
  it('and what stayed because another listed import holds it too', () => {
    expect(undoMessage('jan-jun.csv', { removed: 0, kept: [{ fileName: 'jan-dec.csv', records: 5 }] })).toBe(
      'Removed the 0 records imported from jan-jun.csv. Kept 5 records also in jan-dec.csv: that import holds them now.',
    );
    expect(
      undoMessage('a.csv', {
        removed: 2,
        kept: [
          { fileName: 'b.csv', records: 1 },
          { fileName: 'c.csv', records: 3 },
        ],
      }),
    ).toBe(
      'Removed the 2 records imported from a.csv. Kept 1 record also in b.csv, 3 records also in c.csv: those imports hold them now.',
    );
  });
});
