import type { HearthReport, ReportOptions } from '../domain/metrics/types';
import type { DatasetQuery, QueryKind, QueryResults } from './compute-queries';
import type { LoadState } from './compute-runner';

export type ComputeRequest =
  | { id: number; type: 'report'; dataVersion: number; options: ReportOptions }
  | { id: number; type: 'query'; dataVersion: number; query: DatasetQuery };

export type ComputeResponse =
  | { id: number; ok: true; report: HearthReport | null }
  | { id: number; ok: true; result: QueryResults[QueryKind] }
  | { id: number; ok: false; message: string }
  /** Not an answer: what the worker's dataset load is doing (ComputeEngine's LoadState). */
  | { load: LoadState };
