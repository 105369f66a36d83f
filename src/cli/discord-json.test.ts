import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../domain/import/import-file';
import type { RecordBatch } from '../domain/model/records';
import { REGISTRY } from '../domain/sources/registry';
import { importDiscordJsonBytes } from './discord-json';

// The reading itself is tested in src/domain/import/discord-json-bytes.test.ts; here, the command's Node glue.
describe("the command's importDiscordJsonBytes", () => {
  it('reads with Node’s decoder what importBytes reads, in one batch', () => {
    const bytes = readFileSync(join(process.cwd(), 'sample-data/Loomcraft - Text Channels - patterns [1100000000000000004].json'));
    const batches: RecordBatch[] = [];
    const fast = importDiscordJsonBytes('p.json', bytes, 'UTC', REGISTRY, (b) => batches.push(b));
    const ref: RecordBatch[] = [];
    const outcomes = importBytes('p.json', new Uint8Array(bytes), { timeZone: 'UTC' }, REGISTRY, (b) => ref.push(b));
    expect(batches).toHaveLength(1);
    expect(JSON.stringify({ fast, batches })).toBe(JSON.stringify({ fast: outcomes, batches: ref }));
  });

  it('refuses bytes that are not UTF-8 (Node’s isUtf8), past the sniffed head too', () => {
    const doc = { guild: {}, channel: { name: 'g' }, messages: [{ id: '1', timestamp: '2025-01-01T10:00:00Z', author: { id: 'a' } }], note: `${'x'.repeat(300_000)}#` };
    const bytes = Buffer.from(JSON.stringify(doc, null, 2));
    expect(importDiscordJsonBytes('ok.json', bytes, 'UTC', REGISTRY, () => undefined)).not.toBeNull();
    bytes[bytes.indexOf('#')] = 0xff;
    expect(importDiscordJsonBytes('bad.json', bytes, 'UTC', REGISTRY, () => undefined)).toBeNull();
  });
});
