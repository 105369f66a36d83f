import type { HearthReport } from './types';

/**
 * The hearth.report/1 JSON of a report, as the download and `hearth report` write it: without
 * `earlier` (the months before the period, which only the highlights read; not part of the contract).
 */
export function reportJson(report: HearthReport): string {
  const contract: Partial<HearthReport> = { ...report };
  delete contract.earlier;
  return `${JSON.stringify(contract, null, 2)}\n`;
}
