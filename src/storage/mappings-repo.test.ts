import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HearthDb } from './db';
import { getMapping, saveMapping } from './mappings-repo';
import { freshDbPerTest } from './test-db';

let db: HearthDb;
freshDbPerTest('mappings-test', (d) => (db = d));

describe('mappings repository', () => {
  it('keeps a mapping by header, with the date order when one was chosen', async () => {
    expect(await getMapping(db, 'date|member')).toBeUndefined();
    await saveMapping(db, 'date|member', { when: 'Date', who: 'Member' }, true);
    await saveMapping(db, 'at|who', { when: 'At', who: 'Who' });
    expect(await getMapping(db, 'date|member')).toEqual({ mapping: { when: 'Date', who: 'Member' }, dayFirst: true });
    expect(await getMapping(db, 'at|who')).toEqual({ mapping: { when: 'At', who: 'Who' } });
  });
});
