import { buildReport, prepareDataset, type Dataset } from '../domain/metrics';
import type { HearthReport, ReportOptions } from '../domain/metrics/types';
import type { HearthDb } from '../storage/db';
import { loadDatasetInput, loadTexts, sourceSummaries } from '../storage/records-repo';
import { readsTexts, runQuery, type QueryKind, type QueryOf, type QueryResults } from './compute-queries';

/**
 * The source filters a user reaches in one click from `current` (undefined = every source): each
 * source alone, and every source but one. Sorted like the filter bar sends them.
 */
export function neighbourFilters(all: readonly string[], current: readonly string[] | undefined): string[][] {
  if (all.length < 2) return [];
  const key = (s: readonly string[]) => [...s].sort().join(',');
  const seen = new Set<string>([key(current && current.length ? current : all)]);
  const out: string[][] = [];
  const add = (s: string[]) => {
    const k = key(s);
    if (s.length === 0 || seen.has(k)) return;
    seen.add(k);
    out.push([...s].sort());
  };
  for (const s of all) add(all.filter((x) => x !== s));
  for (const s of all) add([s]);
  return out;
}

function inWorker(): boolean {
  const g = globalThis as { WorkerGlobalScope?: abstract new () => unknown };
  return typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope;
}

/**
 * What loading the stored data is doing: reading the activity chunks (`read` of `total`), preparing
 * the dataset (identity, sorting, indexes), or done. Loads take seconds only for millions of
 * activities; the page shows the phase instead of a bare "Computing…".
 */
export type LoadState = { phase: 'reading'; read: number; total: number } | { phase: 'preparing'; activities: number } | { phase: 'ready' };

/**
 * Holds the prepared dataset between requests: loading and preparing (identity, sorting; sentiment
 * scores come stored with the chunks) happens once per data version; a period, source or zone
 * change only rebuilds the report. After each report, while the worker is otherwise idle, it
 * computes the reports of the source filters one click away (`neighbourFilters`), one per task, so
 * the first source change finds its metrics memoised instead of rescanning every activity.
 */
export class ComputeEngine {
  private version = -1;
  private prepared: Promise<{ dataset: Dataset; sources: ReturnType<typeof sourceSummaries> }> | null = null;
  /** Bumped by every report request: a warm-up started for an older one stops (queries interleave). */
  private generation = 0;
  private warming: Promise<void> = Promise.resolve();
  /** The texts of each prepared dataset, loaded by the first query (reports need none). */
  private readonly texts = new WeakMap<Dataset, Promise<void>>();

  constructor(
    private readonly db: HearthDb,
    /**
     * Background warm-up of neighbouring source filters; by default only inside a worker (the
     * page's fallback engine must not add long tasks to the main thread).
     */
    private readonly warm = inWorker(),
    /** Hears what a (re)load of the dataset is doing, for the page's status line (see LoadState). */
    private readonly onLoad: (state: LoadState) => void = () => undefined,
  ) {}

  private dataset(dataVersion: number) {
    if (this.prepared && this.version === dataVersion) return this.prepared;
    this.version = dataVersion;
    this.prepared = (async () => {
      const [{ records, activities, imports }, merges, corrections] = await Promise.all([
        loadDatasetInput(this.db, (read, total) => this.onLoad({ phase: 'reading', read, total })),
        this.db.merges.toArray(),
        this.db.corrections.toArray(),
      ]);
      this.onLoad({ phase: 'preparing', activities: activities.n });
      // Let the status reach the page before the (synchronous) preparation starts.
      await new Promise((r) => setTimeout(r, 0));
      const dataset = prepareDataset({
        records,
        activities,
        merges: merges.map((m) => [m.a, m.b]),
        sentimentOverrides: Object.fromEntries(corrections.map((c) => [c.activityKey, c.label])),
      });
      return { dataset, sources: sourceSummaries(imports) };
    })();
    this.prepared.then(
      () => this.onLoad({ phase: 'ready' }),
      () => {
        this.onLoad({ phase: 'ready' });
        this.prepared = null;
      },
    );
    return this.prepared;
  }

  /** The report, or null when nothing is imported yet. */
  async report(dataVersion: number, options: ReportOptions): Promise<HearthReport | null> {
    const generation = ++this.generation;
    performance.mark('hearth:compute:start');
    const { dataset, sources } = await this.dataset(dataVersion);
    if (sources.length === 0) return null;
    const report = buildReport(dataset, { ...options, sourceSummaries: sources });
    performance.measure('hearth:compute', 'hearth:compute:start');
    if (this.warm) this.warming = this.warmNeighbours(generation, dataset, options);
    return report;
  }

  /** Resolves when the current background warm-up has finished or stopped (tests, benches). */
  idle(): Promise<void> {
    return this.warming;
  }

  private async warmNeighbours(generation: number, dataset: Dataset, options: ReportOptions): Promise<void> {
    for (const sources of neighbourFilters(dataset.sources, options.sources)) {
      // One filter per task: a request that arrives meanwhile waits for one filter at most.
      await new Promise((r) => setTimeout(r, 0));
      if (generation !== this.generation) return;
      try {
        buildReport(dataset, { ...options, sources });
      } catch {
        return; // e.g. an invalid period: the real request reports the error
      }
    }
  }

  /**
   * Runs `fn` on the prepared dataset (retention cell members, timelines, …). With `texts`, the
   * activities' texts are loaded first: the load leaves them in storage (`loadDatasetInput`), and
   * lists of activities show them (`readsTexts`).
   */
  async query<T>(dataVersion: number, fn: (ds: Dataset) => T, texts = true): Promise<T> {
    const { dataset } = await this.dataset(dataVersion);
    if (texts) await this.loadTexts(dataset);
    return fn(dataset);
  }

  /** A dataset query (compute-queries.ts) — the worker's and the main-thread fallback's — with the texts loaded first when it reads them. */
  datasetQuery<K extends QueryKind>(dataVersion: number, query: QueryOf<K>): Promise<QueryResults[K]> {
    return this.query(dataVersion, (ds) => runQuery<K>(ds, query), readsTexts(query.kind));
  }

  /** Reads the dataset's texts from storage, once. */
  private loadTexts(dataset: Dataset): Promise<void> {
    let texts = this.texts.get(dataset);
    if (!texts) {
      texts = loadTexts(this.db, dataset.table);
      this.texts.set(dataset, texts);
      texts.catch(() => this.texts.delete(dataset));
    }
    return texts;
  }
}
