import { describe, expect, it } from 'vitest';
import { importFixture, importText, utc } from '../testing';

describe('discord-chat-exporter-json', () => {
  const { batch, outcomes } = importFixture('discord/Hearth Friends - general [1062012345678901234] (2025-01-31).json');

  it('is recognised as a document and skips system messages', () => {
    expect(outcomes[0]).toMatchObject({ format: 'discord-chat-exporter-json', rows: 5, imported: 4, skipped: 1 });
    expect(outcomes[0]!.issues).toEqual([expect.objectContaining({ row: 6, column: 'timestamp', severity: 'error' })]);
  });

  it('a replied-to message starts a thread; replies (and replies to replies) are in it', () => {
    const msgs = batch.activities.filter((a) => a.kind !== 'reaction').map((a) => [a.key, a.kind, a.personKey, a.threadKey, a.at]);
    expect(msgs).toEqual([
      ['discord:m:1100', 'post', 'discord:417711223344556677', 'discord:t:1100', utc('2025-01-13T21:05:00Z')],
      ['discord:m:1101', 'reply', 'discord:528822334455667788', 'discord:t:1100', utc('2025-01-13T21:35:00Z')],
      ['discord:m:1102', 'reply', 'discord:417711223344556677', 'discord:t:1100', utc('2025-01-13T22:00:00Z')],
      ['discord:m:1104', 'message', 'discord:740044556677889900', undefined, utc('2025-01-14T09:00:00Z')],
    ]);
    expect(batch.activities[0]).toMatchObject({ channel: 'general', text: "Who's coming to the meetup?" });
  });

  it('reactions with users are attributed; count-only ones are not', () => {
    expect(batch.activities.filter((a) => a.kind === 'reaction').map((a) => [a.key, a.personKey])).toEqual([
      ['discord:r:1100:👍:528822334455667788', 'discord:528822334455667788'],
      ['discord:r:1100:👍:417711223344556677', 'discord:417711223344556677'],
    ]);
  });

  it('marks isBot authors as bots', () => {
    expect(batch.persons).toEqual([
      { key: 'discord:417711223344556677', source: 'discord', handle: 'jane.doe', name: 'Jane', roster: false, bot: false },
      { key: 'discord:528822334455667788', source: 'discord', handle: 'ana', name: 'Ana', roster: false, bot: false },
      { key: 'discord:740044556677889900', source: 'discord', handle: 'CI Bot', name: 'CI Bot', roster: false, bot: true },
    ]);
  });

  it('reports invalid JSON without throwing', () => {
    const { outcomes: o } = importText('x.json', '{"guild": {}, "channel": {}, "messages": [ {');
    expect(o[0]).toMatchObject({ format: 'discord-chat-exporter-json', rows: 0 });
    expect(o[0]!.issues[0]!.message).toMatch(/Not valid JSON/);
  });
});
