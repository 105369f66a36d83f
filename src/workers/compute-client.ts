import type { HearthReport, ReportOptions } from '../domain/metrics/types';
import { getDb } from '../storage';
import { ComputeEngine, type LoadState } from './compute-runner';
import type { ComputeRequest, ComputeResponse } from './compute-protocol';
import type { QueryKind, QueryOf, QueryResults } from './compute-queries';

type Pending = { resolve: (r: unknown) => void; reject: (e: Error) => void };
type Payload = { type: 'report'; dataVersion: number; options: ReportOptions } | Omit<Extract<ComputeRequest, { type: 'query' }>, 'id'>;

/**
 * Computes reports in the compute worker, or on the main thread where a worker cannot start or
 * fails (same engine code). The main-thread engine is also used for dataset queries.
 */
class ComputeClient {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private local: ComputeEngine | null = null;

  private load: LoadState = { phase: 'ready' };
  private readonly loadListeners = new Set<() => void>();

  get mainThreadEngine(): ComputeEngine {
    this.local ??= new ComputeEngine(getDb(), false, (s) => this.setLoad(s));
    return this.local;
  }

  private setLoad(s: LoadState): void {
    this.load = s;
    for (const l of this.loadListeners) l();
  }

  /** What the dataset load is doing now (for useSyncExternalStore). */
  readonly getLoad = (): LoadState => this.load;

  readonly subscribeLoad = (listener: () => void): (() => void) => {
    this.loadListeners.add(listener);
    return () => this.loadListeners.delete(listener);
  };

  private ensureWorker(): Worker | null {
    if (this.failed) return null;
    if (this.worker) return this.worker;
    try {
      const w = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'hearth-compute' });
      w.onmessage = (e: MessageEvent<ComputeResponse>) => {
        if ('load' in e.data) return this.setLoad(e.data.load);
        const p = this.pending.get(e.data.id);
        if (!p) return;
        this.pending.delete(e.data.id);
        if (!e.data.ok) p.reject(new Error(e.data.message));
        else p.resolve('report' in e.data ? e.data.report : e.data.result);
      };
      w.onerror = () => {
        // Fall back for this and every later request.
        this.failed = true;
        w.terminate();
        this.worker = null;
        const waiting = [...this.pending.values()];
        this.pending.clear();
        for (const p of waiting) p.reject(new Error('compute worker failed'));
      };
      this.worker = w;
      return w;
    } catch {
      this.failed = true;
      return null;
    }
  }

  private post(w: Worker, payload: Payload): Promise<unknown> {
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const req: ComputeRequest = { id, ...payload };
      w.postMessage(req);
    });
  }

  async report(dataVersion: number, options: ReportOptions): Promise<HearthReport | null> {
    const w = this.ensureWorker();
    if (!w) return this.mainThreadEngine.report(dataVersion, options);
    try {
      return (await this.post(w, { type: 'report', dataVersion, options })) as HearthReport | null;
    } catch (e) {
      if (this.failed) return this.mainThreadEngine.report(dataVersion, options);
      throw e;
    }
  }

  /** A dataset query (compute-queries.ts) in the worker, or on the main thread where it fails. */
  async query<K extends QueryKind>(dataVersion: number, query: QueryOf<K>): Promise<QueryResults[K]> {
    const local = () => this.mainThreadEngine.datasetQuery(dataVersion, query);
    const w = this.ensureWorker();
    if (!w) return local();
    try {
      return (await this.post(w, { type: 'query', dataVersion, query })) as QueryResults[K];
    } catch (e) {
      if (this.failed) return local();
      throw e;
    }
  }
}

export const computeClient = new ComputeClient();
