import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyBatch, type ImportIssue } from '../../model/records';
import { splitJsonArray, stringSource } from '../../parse/json-split';
import { importFixture, importText, utc } from '../testing';
import { discordJson, mapDiscordJsonSplit, mapDiscordJsonWhole } from './json';

describe('discord-chat-exporter-json', () => {
  const { batch, outcomes } = importFixture(
    'discord/Hearth Friends - general [1062012345678901234] (2025-01-31).json',
  );

  it('is recognised as a document and skips system messages', () => {
    expect(outcomes[0]).toMatchObject({
      format: 'discord-chat-exporter-json',
      rows: 5,
      imported: 4,
      skipped: 1,
    });
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 6, column: 'timestamp', severity: 'error' }),
    ]);
  });

  it('a replied-to message starts a thread; replies (and replies to replies) are in it', () => {
    const msgs = batch.activities
      .filter((a) => a.kind !== 'reaction')
      .map((a) => [a.key, a.kind, a.personKey, a.threadKey, a.at]);
    expect(msgs).toEqual([
      ['discord:m:1100', 'post', 'discord:417711223344556677', 'discord:t:1100', utc('2025-01-13T21:05:00Z')],
      [
        'discord:m:1101',
        'reply',
        'discord:528822334455667788',
        'discord:t:1100',
        utc('2025-01-13T21:35:00Z'),
      ],
      [
        'discord:m:1102',
        'reply',
        'discord:417711223344556677',
        'discord:t:1100',
        utc('2025-01-13T22:00:00Z'),
      ],
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
      {
        key: 'discord:417711223344556677',
        source: 'discord',
        handle: 'jane.doe',
        name: 'Jane',
        roster: false,
        bot: false,
      },
      {
        key: 'discord:528822334455667788',
        source: 'discord',
        handle: 'ana',
        name: 'Ana',
        roster: false,
        bot: false,
      },
      {
        key: 'discord:740044556677889900',
        source: 'discord',
        handle: 'CI Bot',
        name: 'CI Bot',
        roster: false,
        bot: true,
      },
    ]);
  });

  it('says a timestamp outside the accepted years is out of range (both readers)', () => {
    const message = (timestamp: string) => ({
      id: '1',
      type: 'Default',
      timestamp,
      content: 'hi',
      author: { id: '7', name: 'ana' },
    });
    const text = JSON.stringify({
      guild: {},
      channel: {},
      messages: [message('1899-12-31T10:00:00+00:00'), message('soon')],
    });
    const expected = [
      'Message 1 has a timestamp outside the dates Hearth accepts (years 1970–2100) ("1899-12-31T10:00:00+00:00"); skipped.',
      'Message 2 has no valid timestamp ("soon"); skipped.',
    ];
    const whole: ImportIssue[] = [];
    mapDiscordJsonWhole({ fileName: 'x.json', timeZone: 'UTC' }, text, emptyBatch(), whole);
    expect(whole.map((i) => i.message)).toEqual(expected);
    const split: ImportIssue[] = [];
    const parts = splitJsonArray(stringSource(text), 'messages')!;
    mapDiscordJsonSplit(
      { fileName: 'x.json', timeZone: 'UTC' },
      parts,
      (i) => JSON.parse(text.slice(parts.start(i), parts.end(i))) as unknown,
      emptyBatch(),
      split,
    );
    expect(split.map((i) => i.message)).toEqual(expected);
  });

  it('reports invalid JSON without throwing', () => {
    const { outcomes: o } = importText('x.json', '{"guild": {}, "channel": {}, "messages": [ {');
    expect(o[0]).toMatchObject({ format: 'discord-chat-exporter-json', rows: 0 });
    expect(o[0]!.issues[0]!.message).toMatch(/Not valid JSON/);
  });
});

describe('discord-chat-exporter-json read message by message', () => {
  const id = fc.constantFrom('1', '2', '3', '4', '5');
  const user = fc.record(
    {
      id: fc.constantFrom('1', '2', '7', 7),
      name: fc.constantFrom('ana', 'bo', ''),
      nickname: fc.constantFrom('Ana', ''),
      isBot: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const msg = fc.record(
    {
      id: fc.oneof(id, fc.constant(''), fc.constant(9)),
      type: fc.constantFrom('Default', 'Reply', 'GuildMemberJoin', ''),
      timestamp: fc.constantFrom('2025-01-13T21:05:00+00:00', '2025-02-01 10:00', 'not a time'),
      content: fc.constantFrom('Thanks, great!', '', 'slow and broken'),
      author: user,
      reference: fc.option(fc.record({ messageId: fc.option(id) })),
      reactions: fc.array(
        fc.record(
          {
            emoji: fc.record({ id: fc.constantFrom('', '99'), name: fc.constantFrom('👍', '') }),
            users: fc.array(user, { maxLength: 2 }),
          },
          { requiredKeys: ['emoji'] },
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['id'] },
  );
  const messages = fc.array(
    fc.oneof({ weight: 8, arbitrary: msg }, { weight: 1, arbitrary: fc.constantFrom(null, 3, 'x', [], {}) }),
    { maxLength: 12 },
  );

  function read(text: string, fast: boolean) {
    const out = emptyBatch();
    const issues: ImportIssue[] = [];
    const ctx = { fileName: 'x.json', timeZone: 'UTC' };
    const result = fast
      ? discordJson.map(ctx, text, out, issues)
      : mapDiscordJsonWhole(ctx, text, out, issues);
    return JSON.stringify({ result, out, issues });
  }

  it("gives mapDiscordJsonWhole's records, persons, issues and counts, split or not", () => {
    fc.assert(
      fc.property(messages, fc.constantFrom(undefined, 2, 4), (ms, space) => {
        const text = JSON.stringify(
          { guild: { name: 'G' }, channel: { name: 'general' }, messages: ms },
          null,
          space,
        );
        const split = splitJsonArray(stringSource(text), 'messages');
        expect(split).not.toBeNull();
        expect(
          mapDiscordJsonSplit(
            { fileName: 'x.json', timeZone: 'UTC' },
            split!,
            (i) => JSON.parse(text.slice(split!.start(i), split!.end(i))),
            emptyBatch(),
            [],
          ),
        ).not.toBeNull();
        expect(read(text, true)).toBe(read(text, false));
      }),
      { numRuns: 400 },
    );
  });

  it("a broken message gets JSON.parse's own message for the whole file", () => {
    const text =
      '{"guild": {}, "channel": {"name": "g"}, "messages": [\n  {\n    "id": "1", "author": {"id": "2"}, "timestamp": "2025-01-01T00:00:00Z"\n  },\n  {\n    "id": "3", tru\n  }\n]}';
    expect(read(text, true)).toBe(read(text, false));
    expect(read(text, true)).toMatch(/Not valid JSON/);
  });
});

describe('discord-chat-exporter-json: an export without messages', () => {
  it('says the export holds no messages and what to check (both readings)', () => {
    const text = JSON.stringify(
      { guild: { name: 'G' }, channel: { name: 'general' }, messages: [] },
      null,
      2,
    );
    for (const map of [discordJson.map, mapDiscordJsonWhole]) {
      const issues: ImportIssue[] = [];
      expect(map({ fileName: 'x.json', timeZone: 'UTC' }, text, emptyBatch(), issues)).toEqual({
        rows: 0,
        skipped: 0,
      });
      expect(issues).toEqual([
        {
          file: 'x.json',
          severity: 'warning',
          message: expect.stringMatching(/^This export of #general holds no messages.*date range/),
        },
      ]);
    }
  });
});
