import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { importBytesForTest, importFixture, utc } from '../testing';

const ZIP = 'slack-export/Hearth Friends Slack export Jan 1 2025 - Mar 31 2025.zip';

describe('slack-export', () => {
  const { batch, outcomes } = importFixture(ZIP);
  const byKey = new Map(batch.activities.map((a) => [a.key, a]));

  it('reads the whole archive as one export', () => {
    expect(outcomes).toHaveLength(1);
    // 7 member messages (join skipped); one without ts
    expect(outcomes[0]).toMatchObject({ format: 'slack-export', rows: 7, imported: 6, skipped: 1 });
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('general/2025-01-06.json'),
        row: 5,
        column: 'ts',
        severity: 'error',
      }),
    ]);
  });

  it('threads: a message with replies starts the thread, replies point at it', () => {
    expect(byKey.get('slack:m:general:1736154000.000200')).toEqual({
      key: 'slack:m:general:1736154000.000200',
      source: 'slack',
      personKey: 'slack:U01JANE',
      kind: 'post',
      at: utc('2025-01-06T09:00:00Z'),
      threadKey: 'slack:t:general:1736154000.000200',
      text: 'Welcome everyone! Introduce yourselves in this thread :wave:',
      channel: 'general',
    });
    expect(byKey.get('slack:m:general:1736157600.000300')).toMatchObject({
      kind: 'reply',
      personKey: 'slack:U02ANA',
      threadKey: 'slack:t:general:1736154000.000200',
      at: utc('2025-01-06T10:00:00Z'),
    });
    expect(byKey.get('slack:m:general:1736240400.000500')).toMatchObject({
      kind: 'reply',
      threadKey: 'slack:t:general:1736154000.000200',
      at: utc('2025-01-07T09:00:00Z'),
    });
  });

  it('plain messages, including thread_ts = ts without replies, are messages', () => {
    expect(byKey.get('slack:m:random:1736164800.000600')).toMatchObject({
      kind: 'message',
      channel: 'random',
    });
    expect(byKey.get('slack:m:random:1736164900.000700')).toMatchObject({ kind: 'message' });
    expect(byKey.get('slack:m:random:1736164800.000600')!.threadKey).toBeUndefined();
  });

  it('reactions are activities by each reacting user', () => {
    const reactions = batch.activities
      .filter((a) => a.kind === 'reaction')
      .map((a) => [a.key, a.personKey, a.at]);
    expect(reactions).toEqual([
      ['slack:r:general:1736154000.000200:wave:U02ANA', 'slack:U02ANA', utc('2025-01-06T09:00:00Z')],
      ['slack:r:general:1736154000.000200:wave:U01JANE', 'slack:U01JANE', utc('2025-01-06T09:00:00Z')],
      ['slack:r:general:1736240400.000500:heart:U09UNKNOWN', 'slack:U09UNKNOWN', utc('2025-01-07T09:00:00Z')],
    ]);
  });

  it('bot messages belong to bot persons; users.json gives names and emails, not a roster', () => {
    expect(byKey.get('slack:m:general:1736160000.000400')).toMatchObject({
      personKey: 'slack:B05GIT',
      kind: 'message',
    });
    const persons = Object.fromEntries(batch.persons.map((p) => [p.key, p]));
    expect(persons['slack:U01JANE']).toEqual({
      key: 'slack:U01JANE',
      source: 'slack',
      name: 'Jane Doe',
      handle: 'jane.doe',
      email: 'jane.doe@example.org',
      roster: false,
      bot: false,
    });
    expect(persons['slack:U05GIT']!.bot).toBe(true);
    expect(persons['slack:USLACKBOT']!.bot).toBe(true);
    expect(persons['slack:B05GIT']).toEqual({
      key: 'slack:B05GIT',
      source: 'slack',
      roster: false,
      bot: true,
    });
    expect(persons['slack:U09UNKNOWN']).toEqual({
      key: 'slack:U09UNKNOWN',
      source: 'slack',
      roster: false,
      bot: false,
    });
    expect(batch.persons.some((p) => p.roster)).toBe(false);
  });
});

describe('slack-export with damaged day files', () => {
  const zip = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
  const users = '[{"id":"U1","name":"ana","profile":{"real_name":"Ana"}}]';
  const good = '[{"type":"message","user":"U1","ts":"1740823200.000100","text":"hi"}]';
  it('a day file with a syntax error is skipped with its line and column; the rest imports', () => {
    // Line 2, column 3: a comma is missing between the two messages.
    const broken =
      '[{"type":"message","user":"U1","ts":"1740823300.000100","text":"a"}\n  {"type":"message","user":"U1","ts":"1740823400.000100"}]';
    const { batch, outcomes } = importBytesForTest(
      'export.zip',
      zip({
        'users.json': users,
        'channels.json': '[]',
        'general/2025-03-01.json': good,
        'general/2025-03-02.json': broken,
      }),
    );
    expect(batch.activities).toHaveLength(1);
    expect(outcomes[0]!.issues).toEqual([
      {
        file: 'export.zip › general/2025-03-02.json',
        row: 2,
        severity: 'error',
        message:
          'Not valid JSON: unexpected "{" at line 2, column 3 (the file was edited or damaged); file skipped.',
      },
    ]);
  });
  it('items of a day file that are not messages are named, not dropped silently', () => {
    const { batch, outcomes } = importBytesForTest(
      'export.zip',
      zip({
        'users.json': users,
        'channels.json': '[]',
        'general/2025-03-01.json': `[5, null, ${good.slice(1, -1)}]`,
      }),
    );
    expect(batch.activities).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ rows: 3, imported: 1, skipped: 2 });
    expect(outcomes[0]!.issues.map((i) => [i.row, i.message])).toEqual([
      [1, 'Item 1 is not a message (5); skipped.'],
      [2, 'Item 2 is not a message (null); skipped.'],
    ]);
  });
});

describe('slack-export without day files', () => {
  it('is recognised and says it holds no channel messages (not "not a supported export"); nothing is kept', () => {
    const zip = zipSync({
      'users.json': strToU8(
        '[{"id":"U1","name":"ada","profile":{"real_name":"Ada","email":"ada@example.org"}}]',
      ),
      'channels.json': strToU8('[{"id":"C1","name":"general"}]'),
      'integration_logs.json': strToU8('[]'),
    });
    const { batch, outcomes } = importBytesForTest('Hearth Slack export Mar 1 2025.zip', zip);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ format: 'slack-export', rows: 0, imported: 0 });
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('holds no channel messages'),
      }),
    ]);
    expect(batch.persons).toEqual([]);
  });
});
