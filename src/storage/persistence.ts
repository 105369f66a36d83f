import type { HearthDb } from './db';

/** What the browser says about Hearth's storage (navigator.storage), where it says anything. */
export interface StorageStatus {
  /** Bytes used by this site, when the browser can estimate them. */
  usage: number | null;
  /** Bytes this site may use, when the browser can estimate them. */
  quota: number | null;
  /** true: the browser will not evict the data under storage pressure; null: unknown. */
  persisted: boolean | null;
}

type StorageManagerLike = {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
};

function manager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

export async function storageStatus(): Promise<StorageStatus> {
  const m = manager();
  const est = await m?.estimate?.().catch(() => undefined);
  const persisted = (await m?.persisted?.().catch(() => undefined)) ?? null;
  return { usage: est?.usage ?? null, quota: est?.quota ?? null, persisted };
}

/** Asks the browser to keep Hearth's data (no eviction under storage pressure). Returns the outcome. */
export async function requestPersistence(): Promise<boolean | null> {
  const m = manager();
  if (!m?.persist) return null;
  try {
    if (await m.persisted?.()) return true;
    return await m.persist();
  } catch {
    return null;
  }
}

let asked = false;
let checking: Promise<void> | null = null;

/**
 * Requests persistent storage once per page load, as soon as Hearth holds data. Calls while one is
 * checking share it (two imports finishing together ask once).
 */
export function ensurePersistence(db: HearthDb): Promise<void> {
  if (asked) return Promise.resolve();
  checking ??= (async () => {
    try {
      if ((await db.imports.count()) === 0) return;
    } catch {
      return;
    }
    asked = true;
    await requestPersistence();
  })().finally(() => {
    checking = null;
  });
  return checking;
}
