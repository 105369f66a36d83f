/**
 * One import at a time across Hearth's tabs, through the Web Locks API (where the runtime has it:
 * browsers and their workers; not Node, where the command runs alone).
 *
 * Without it, a tab opened or reloaded while another imports took that import for one a closed tab
 * left unfinished and rolled it back (the other tab's import then failed, or — when the rollback
 * fell between its last write and its commit — was listed with none of its data), and the same file
 * imported in two tabs at once was stored twice (each import checks against complete imports only).
 */

const LOCK = 'hearth-import';

interface LockManagerLike {
  query?(): Promise<{ held?: Array<{ name?: string }>; pending?: Array<{ name?: string }> }>;
  request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T>;
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

function locks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/**
 * Runs `work` holding the import lock. When another tab holds it, calls `onWait` first, then waits
 * for it (an import in another tab finishes, or that tab closes).
 */
export async function withImportLock<T>(work: () => Promise<T>, onWait?: () => void): Promise<T> {
  const manager = locks();
  if (!manager) return work();
  const NOT_AVAILABLE = Symbol('not available');
  const first = await manager.request(LOCK, { ifAvailable: true }, async (lock) =>
    lock ? { value: await work() } : NOT_AVAILABLE,
  );
  if (first !== NOT_AVAILABLE) return first.value;
  onWait?.();
  return manager.request(LOCK, () => work());
}

/** An import holds the import lock (in this tab or another): what needs it idle was not done. */
export class ImportRunningError extends Error {
  constructor() {
    super(
      'An import is running, in this tab or another Hearth tab: wait for it to finish (or cancel it), then try again.',
    );
    this.name = 'ImportRunningError';
  }
}

/**
 * Runs `work` holding the import lock when no import holds it; when one does, rejects at once with
 * ImportRunningError (nothing waits, nothing runs). Without the Web Locks API, runs `work`.
 */
export async function withImportLockIfIdle<T>(work: () => Promise<T>): Promise<T> {
  const manager = locks();
  if (!manager) return work();
  const BUSY = Symbol('busy');
  const result = await manager.request(LOCK, { ifAvailable: true }, async (lock) =>
    lock ? { value: await work() } : BUSY,
  );
  if (result === BUSY) throw new ImportRunningError();
  return result.value;
}

/**
 * Whether an import holds the import lock (or waits for it), in this tab or another. False without
 * the Web Locks API. The lock is also held briefly by the start-up recovery and by "Delete all
 * data": a caller that must tell those apart looks twice (import-watch.ts).
 */
export async function importLockHeld(): Promise<boolean> {
  const manager = locks();
  if (!manager?.query) return false;
  const state = await manager.query();
  return [...(state.held ?? []), ...(state.pending ?? [])].some((l) => l.name === LOCK);
}

const ACTIVITY = 'hearth-import-activity';

/**
 * Tells Hearth's pages that an import took the import lock or waits for it, through a
 * BroadcastChannel (same origin only): every Hearth tab's page hears it, this tab's too (an import
 * runs in a worker; on the page itself, a channel hears the other channels of the same name).
 */
export function announceImport(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(ACTIVITY);
  channel.postMessage('import');
  channel.close();
}

/** Calls `listener` when an import (in this tab or another) announces itself; returns a function that stops. */
export function onImportAnnounced(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(ACTIVITY);
  channel.onmessage = () => listener();
  return () => channel.close();
}
