import type { FileImportResult, ImportProgress, ImportSettings } from './import-runner';

export type ImportRequest = { type: 'import'; files: File[]; settings: ImportSettings } | { type: 'cancel' };

export type ImportEvent =
  | { type: 'progress'; progress: ImportProgress; fileIndex: number; fileCount: number }
  | { type: 'file-done'; result: FileImportResult }
  | { type: 'done' }
  | { type: 'error'; message: string };
