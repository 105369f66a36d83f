import { buildReport, prepareDataset, type Dataset } from '../domain/metrics';
import type { HearthReport, ReportOptions } from '../domain/metrics/types';
import type { HearthDb } from '../storage/db';
import { loadRecords, sourceSummaries } from '../storage/records-repo';

/**
 * Holds the prepared dataset between requests: loading and preparing (identity, sentiment, sorting)
 * happens once per data version; a period, source or zone change only rebuilds the report.
 */
export class ComputeEngine {
  private version = -1;
  private prepared: Promise<{ dataset: Dataset; sources: ReturnType<typeof sourceSummaries> }> | null = null;

  constructor(private readonly db: HearthDb) {}

  private dataset(dataVersion: number) {
    if (this.prepared && this.version === dataVersion) return this.prepared;
    this.version = dataVersion;
    this.prepared = (async () => {
      const [{ records, imports }, merges, corrections] = await Promise.all([
        loadRecords(this.db),
        this.db.merges.toArray(),
        this.db.corrections.toArray(),
      ]);
      const dataset = prepareDataset({
        records,
        merges: merges.map((m) => [m.a, m.b]),
        sentimentOverrides: Object.fromEntries(corrections.map((c) => [c.activityKey, c.label])),
      });
      return { dataset, sources: sourceSummaries(imports) };
    })();
    this.prepared.catch(() => {
      this.prepared = null;
    });
    return this.prepared;
  }

  /** The report, or null when nothing is imported yet. */
  async report(dataVersion: number, options: ReportOptions): Promise<HearthReport | null> {
    performance.mark('hearth:compute:start');
    const { dataset, sources } = await this.dataset(dataVersion);
    if (sources.length === 0) return null;
    const report = buildReport(dataset, { ...options, sourceSummaries: sources });
    performance.measure('hearth:compute', 'hearth:compute:start');
    return report;
  }

  /** Runs `fn` on the prepared dataset (retention cell members, timelines, …). */
  async query<T>(dataVersion: number, fn: (ds: Dataset) => T): Promise<T> {
    const { dataset } = await this.dataset(dataVersion);
    return fn(dataset);
  }
}
