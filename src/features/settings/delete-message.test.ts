import { describe, expect, it } from 'vitest';
import { deletedMessage, MAY_KEEP_BYTES } from './delete-message';

describe('what "Delete all data" says it did', () => {
  it('claims the files are gone only when the browser removed them, and otherwise says what to do', () => {
    expect(deletedMessage({ files: 'removed' })).toBe(
      'All data was deleted from this browser. The browser removed the files that held it.',
    );
    expect(deletedMessage({ files: 'may-remain' })).toBe(
      `All data was deleted from this browser. ${MAY_KEEP_BYTES}`,
    );
    expect(MAY_KEEP_BYTES).toContain('clear this site’s data in the browser’s settings');
    const blocked = deletedMessage({ files: 'kept', reason: 'blocked' });
    expect(blocked).toContain('another Hearth tab kept the database open');
    expect(blocked).toContain('close Hearth’s other tabs');
    expect(blocked).toContain(MAY_KEEP_BYTES);
    expect(deletedMessage({ files: 'kept', reason: 'failed' })).toContain(
      'the browser did not delete the database’s files',
    );
    for (const o of [
      { files: 'kept', reason: 'blocked' },
      { files: 'kept', reason: 'failed' },
    ] as const) {
      expect(deletedMessage(o)).not.toContain('removed');
    }
  });
});
