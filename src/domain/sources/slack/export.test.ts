import { describe, expect, it } from 'vitest';
import { importFixture, utc } from '../testing';

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
