import { describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../domain/model/records';
import { importsReadElsewhere, importZoneNote } from './import-zones';

const batch = (
  fileName: string,
  timeZone?: string,
  status: ImportBatch['status'] = 'complete',
): ImportBatch => ({
  id: fileName,
  fileName,
  format: 'x',
  contentHash: '',
  startedAt: 0,
  status,
  rows: 1,
  imported: 1,
  skipped: 0,
  added: 1,
  issues: [],
  schemaVersion: 1,
  ...(timeZone ? { timeZone } : {}),
});

describe('imports read in another time zone', () => {
  const imports = [
    batch('campaigns.csv', 'America/New_York'),
    batch('audience.zip', 'America/New_York'),
    batch('posts.csv', 'UTC'),
    batch('old.csv'), // before the zone was recorded
    batch('running.csv', 'Asia/Tokyo', 'pending'),
  ];
  it('groups those read elsewhere by zone; same zone, unknown zone and pending imports are not counted', () => {
    expect(importsReadElsewhere(imports, 'UTC')).toEqual([
      { zone: 'America/New_York', files: ['campaigns.csv', 'audience.zip'] },
    ]);
    expect(importsReadElsewhere(imports, 'America/New_York')).toEqual([
      { zone: 'UTC', files: ['posts.csv'] },
    ]);
  });
  it('says which, and what to do', () => {
    expect(importZoneNote(importsReadElsewhere(imports, 'UTC'), 'UTC')).toBe(
      '2 imports were read in another time zone: America/New_York (2 files). Times without a zone in them keep that reading, while the months here are in UTC; to read them in UTC, undo and import again.',
    );
    expect(importZoneNote(importsReadElsewhere(imports, 'America/New_York'), 'America/New_York')).toBe(
      'One import was read in another time zone: UTC (posts.csv). Times without a zone in it keep that reading, while the months here are in America/New_York; to read it in America/New_York, undo and import again.',
    );
    expect(importZoneNote([], 'UTC')).toBeNull();
  });
});
