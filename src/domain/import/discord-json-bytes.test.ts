import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../domain/import/import-file';
import type { RecordBatch } from '../domain/model/records';
import { REGISTRY } from '../domain/sources/registry';
import { importDiscordJsonBytes } from './discord-json';

function both(name: string, bytes: Buffer) {
  const fastBatches: RecordBatch[] = [];
  const fast = importDiscordJsonBytes(name, bytes, 'UTC', REGISTRY, (b) => fastBatches.push(b));
  const refBatches: RecordBatch[] = [];
  const ref = importBytes(name, new Uint8Array(bytes), { timeZone: 'UTC' }, REGISTRY, (b) => refBatches.push(b));
  return { fast: fast && JSON.stringify({ outcomes: fast, batches: fastBatches }), ref: JSON.stringify({ outcomes: ref, batches: refBatches }) };
}

describe('importDiscordJsonBytes', () => {
  it('reads DiscordChatExporter JSON exactly as importBytes does', () => {
    for (const path of [
      'tests/fixtures/formats/discord/Hearth Friends - general [1062012345678901234] (2025-01-31).json',
      'tests/fixtures/real/discord/Loomcraft - Text Channels - help [1100000000000000003].json',
      'sample-data/Loomcraft - Text Channels - patterns [1100000000000000004].json',
    ]) {
      const { fast, ref } = both(path.split('/').pop()!, readFileSync(join(process.cwd(), path)));
      expect(fast, path).not.toBeNull();
      expect(fast, path).toBe(ref);
    }
  });

  it('decodes non-ASCII text per message (emoji, accents, escapes)', () => {
    const doc = {
      guild: { name: 'Zoë’s 🧶' },
      channel: { name: 'général' },
      messages: [
        { id: '1', type: 'Default', timestamp: '2025-01-01T10:00:00+00:00', content: 'Merci 👍 “great”', author: { id: 'a', name: 'zoë' }, reactions: [{ emoji: { name: '❤️' }, users: [{ id: 'b', name: 'ßen' }] }] },
        { id: '2', type: 'Reply', timestamp: '2025-01-01T11:00:00+00:00', content: 'line\nbreak \u2028 "quoted"', author: { id: 'b' }, reference: { messageId: '1' } },
      ],
    };
    const { fast, ref } = both('x.json', Buffer.from(JSON.stringify(doc, null, 2)));
    expect(fast).not.toBeNull();
    expect(fast).toBe(ref);
  });

  it('leaves broken, BOM-prefixed, non-UTF-8 and other files to importBytes', () => {
    const broken = readFileSync(join(process.cwd(), 'tests/fixtures/bad/broken-discord.json'));
    expect(both('broken-discord.json', broken).fast).toBeNull();
    const text = JSON.stringify({ guild: {}, channel: { name: 'g' }, messages: [] });
    expect(both('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).fast).toBeNull();
    expect(both('latin1.json', Buffer.from(text.replace('"g"', '"gé"'), 'latin1')).fast).toBeNull();
    expect(both('x.csv', Buffer.from('id,name\n1,a\n')).fast).toBeNull();
    expect(both('empty.json', Buffer.alloc(0)).fast).toBeNull();
  });
});
