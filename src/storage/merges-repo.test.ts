import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HearthDb } from './db';
import { addMerge, listMerges, removeMerge } from './merges-repo';

let db: HearthDb;
let n = 0;
beforeEach(async () => {
  db = new HearthDb(`merges-${n++}`);
  await db.open();
});
afterEach(() => db.delete());

describe('merges repository', () => {
  it('stores a merge once whichever way round it is given, and undoes it', async () => {
    await addMerge(db, 'slack:U1', 'discourse:ada');
    await addMerge(db, 'discourse:ada', 'slack:U1');
    const merges = await listMerges(db);
    expect(merges.map((m) => [m.a, m.b])).toEqual([['discourse:ada', 'slack:U1']]);
    await removeMerge(db, merges[0]!.id);
    expect(await listMerges(db)).toEqual([]);
  });
});
