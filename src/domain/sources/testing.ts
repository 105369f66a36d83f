/** Test helpers: import a fixture file exactly as the app and the command do. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBytes, type FileOutcome } from '../import/import-file';
import { emptyBatch, RECORD_KINDS, type RecordBatch } from '../model/records';
import { REGISTRY, type AdapterRegistry } from './registry';
import type { AdapterContext } from './types';

export const FIXTURES = join(process.cwd(), 'tests/fixtures/formats');

export interface Imported {
  batch: RecordBatch;
  outcomes: FileOutcome[];
}

export function importBytesForTest(
  name: string,
  bytes: Uint8Array,
  ctx: Partial<Omit<AdapterContext, 'fileName'>> = {},
  registry: AdapterRegistry = REGISTRY,
): Imported {
  const batch = emptyBatch();
  const outcomes = importBytes(name, bytes, { timeZone: 'UTC', ...ctx }, registry, (b) => {
    for (const k of RECORD_KINDS) (batch[k] as unknown[]).push(...b[k]);
  });
  return { batch, outcomes };
}

/** Imports `tests/fixtures/formats/<path>`. */
export function importFixture(
  path: string,
  ctx: Partial<Omit<AdapterContext, 'fileName'>> = {},
  registry?: AdapterRegistry,
): Imported {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, path)));
  return importBytesForTest(path.split('/').pop()!, bytes, ctx, registry);
}

export function importText(
  name: string,
  text: string,
  ctx: Partial<Omit<AdapterContext, 'fileName'>> = {},
): Imported {
  return importBytesForTest(name, new TextEncoder().encode(text), ctx);
}

export const utc = (iso: string): number => Date.parse(iso);
