import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TableImport } from '../../import/table-import';
import { emptyBatch, RECORD_KINDS } from '../../model/records';
import { parseCsvText } from '../../parse/csv';
import { FIXTURES, utc } from '../testing';
import { kindFromCell, makeGenericAdapter, suggestMapping } from './generic';

function runGeneric(mapping: Parameters<typeof makeGenericAdapter>[0]) {
  const adapter = makeGenericAdapter(mapping);
  const t = new TableImport([], { fileName: 'forum-activity.csv', timeZone: 'UTC' }, adapter);
  const batch = emptyBatch();
  const add = (b: typeof batch) => RECORD_KINDS.forEach((k) => (batch[k] as unknown[]).push(...b[k]));
  parseCsvText(readFileSync(join(FIXTURES, 'generic/forum-activity.csv'), 'utf8'), (rows) =>
    add(t.push(rows)),
  );
  add(t.end());
  return { t, batch };
}

describe('generic', () => {
  const mapping = suggestMapping(['Date', 'Member', 'E-mail', 'Action', 'Thread', 'Message']);

  it('suggests a mapping from the header', () => {
    expect(mapping).toEqual({
      when: 'Date',
      who: 'Member',
      email: 'E-mail',
      kind: 'Action',
      text: 'Message',
      thread: 'Thread',
      defaultKind: 'reply',
    });
  });

  it('maps rows with the user mapping: kinds by word, threads, emails, day-first dates settled', () => {
    const { t, batch } = runGeneric({ ...mapping, defaultKind: 'message' });
    expect(t.detection?.adapter.format).toBe('generic');
    expect(batch.activities.map((a) => [a.personKey, a.kind, a.at, a.threadKey, a.text])).toEqual([
      ['generic:jdoe', 'post', utc('2025-01-13T10:00:00Z'), 'generic:t:t-1', 'Where do we meet?'],
      ['generic:ana', 'reply', utc('2025-01-13T11:30:00Z'), 'generic:t:t-1', 'At the café'],
      ['generic:ana', 'reaction', utc('2025-01-14T09:00:00Z'), undefined, undefined],
      ['generic:ana', 'message', utc('2025-01-14T09:05:00Z'), undefined, undefined],
    ]);
    expect(new Set(batch.activities.map((a) => a.key)).size).toBe(4);
    expect(batch.persons).toEqual([
      {
        key: 'generic:jdoe',
        source: 'generic',
        handle: 'jdoe',
        email: 'jane.doe@example.org',
        roster: false,
        bot: false,
      },
      { key: 'generic:ana', source: 'generic', handle: 'ana', roster: false, bot: false },
    ]);
    expect(t.issues).toEqual([
      expect.objectContaining({ row: 6, column: 'Date', severity: 'error' }),
      expect.objectContaining({
        column: 'Action',
        severity: 'warning',
        message: expect.stringContaining('"wave"'),
      }),
    ]);
  });

  it('knows common kind words', () => {
    expect(['Comment', 'likes', 'Topic', 'checked in', 'zzz'].map(kindFromCell)).toEqual([
      'reply',
      'reaction',
      'post',
      'attend',
      null,
    ]);
  });
});
