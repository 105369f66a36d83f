import { describe, expect, it } from 'vitest';
import { formatLabel } from '../../domain/sources/registry';
import { formatsLabel } from './format-labels';

describe('formatsLabel (the import history’s Format column)', () => {
  it('shows each format of a zip by its label, not its id', () => {
    const shown = formatsLabel('substack-email-list, substack-posts');
    expect(shown).toBe(`${formatLabel('substack-email-list')}, ${formatLabel('substack-posts')}`);
    expect(shown).not.toContain('substack-');
  });

  it('shows a single file’s format as before, and an unknown id as it is', () => {
    expect(formatsLabel('substack-posts')).toBe(formatLabel('substack-posts'));
    expect(formatsLabel('not-a-format')).toBe('not-a-format');
    expect(formatsLabel('')).toBe('');
  });
});
