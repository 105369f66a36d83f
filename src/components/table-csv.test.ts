import { describe, expect, it } from 'vitest';
import { tableFileName } from './table-csv';

describe('tableFileName', () => {
  it('names the file after the table caption', () => {
    expect(tableFileName('Top contributors in the period')).toBe('hearth-top-contributors-in-the-period.csv');
    expect(tableFileName('Activity of Zoë Müller, newest first')).toBe('hearth-activity-of-zoe-muller-newest-first.csv');
    expect(tableFileName('???')).toBe('hearth-table.csv');
  });
});
