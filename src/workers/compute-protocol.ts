import type { HearthReport, ReportOptions } from '../domain/metrics/types';

export type ComputeRequest = { id: number; type: 'report'; dataVersion: number; options: ReportOptions };

export type ComputeResponse =
  | { id: number; ok: true; report: HearthReport | null }
  | { id: number; ok: false; message: string };
