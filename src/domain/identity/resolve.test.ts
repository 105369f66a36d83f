import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../model/records';
import { mergeByKey, resolveIdentity } from './resolve';
import { normaliseEmail } from './email';

const p = (key: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({
  key,
  source: key.split(':')[0] ?? '',
  roster: false,
  bot: false,
  ...extra,
});

describe('mergeByKey', () => {
  it('merges records with one key: roster any, bot any, earliest join, name/handle/email from whichever has them', () => {
    // The posts file emits a bare placeholder; the user list the roster data.
    const m = mergeByKey([
      p('d:jdoe', { handle: 'jdoe' }),
      p('d:jdoe', { name: 'Jane Doe', email: 'jane@x.org', roster: true, joinedAt: 200 }),
      p('d:jdoe', { joinedAt: 100, bot: false }),
    ]);
    expect(m.get('d:jdoe')).toEqual({ key: 'd:jdoe', source: 'd', handle: 'jdoe', name: 'Jane Doe', email: 'jane@x.org', roster: true, bot: false, joinedAt: 100 });
  });
});

describe('resolveIdentity', () => {
  it('merges persons across sources by normalised email, transitively', () => {
    // Three sources share one email → one person of three keys; a fourth email stays apart.
    const id = resolveIdentity({
      persons: [p('d:a', { email: 'x@y.org' }), p('s:b', { email: 'x@y.org' }), p('m:c', { email: 'x@y.org' }), p('d:z', { email: 'z@y.org' })],
    });
    expect(id.persons.map((q) => q.keys)).toEqual([['d:a', 'm:c', 's:b'], ['d:z']]);
    expect(id.idOf.get('s:b')).toBe(id.idOf.get('m:c'));
  });

  it('applies manual merges on top of email merges (and ignores pairs naming unknown keys)', () => {
    const id = resolveIdentity({
      persons: [p('d:a', { email: 'a@y.org' }), p('s:b', { email: 'a@y.org' }), p('x:c')],
      merges: [
        ['x:c', 'd:a'],
        ['x:c', 'nobody:1'],
      ],
    });
    expect(id.persons).toHaveLength(1);
    expect(id.persons[0]?.keys).toEqual(['d:a', 's:b', 'x:c']);
  });

  it('does not merge on anything but email', () => {
    const id = resolveIdentity({ persons: [p('d:jdoe', { handle: 'jdoe' }), p('s:jdoe', { handle: 'jdoe' })] });
    expect(id.persons).toHaveLength(2);
  });

  it('sets bots aside: they are not persons and never join a merge', () => {
    const id = resolveIdentity({
      persons: [p('d:system', { bot: true, email: 'x@y.org' }), p('s:b', { email: 'x@y.org' })],
      merges: [['d:system', 's:b']],
    });
    expect(id.bots).toEqual(new Set(['d:system']));
    expect(id.idOf.has('d:system')).toBe(false);
    expect(id.persons.map((q) => q.keys)).toEqual([['s:b']]);
  });

  it('creates plain persons for activity keys without a record', () => {
    const id = resolveIdentity({ persons: [], extraKeys: ['d:ghost'] });
    expect(id.persons[0]).toMatchObject({ keys: ['d:ghost'], name: 'ghost' });
    expect(id.persons[0]?.records[0]).toMatchObject({ roster: false, bot: false });
  });

  it('names a person by the first name of its records (by key), else the first handle', () => {
    const withName = resolveIdentity({ persons: [p('d:a', { handle: 'ann', email: 'a@y.org' }), p('s:b', { name: 'Ann Lee', email: 'a@y.org' })] });
    expect(withName.persons[0]?.name).toBe('Ann Lee');
    const handleOnly = resolveIdentity({ persons: [p('d:a', { handle: 'ann' })] });
    expect(handleOnly.persons[0]?.name).toBe('ann');
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases; rejects non-emails', () => {
    expect(normaliseEmail('  Jane.Doe@Example.ORG ')).toBe('jane.doe@example.org');
    expect(normaliseEmail('not an email')).toBeUndefined();
  });
});
