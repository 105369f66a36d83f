import { queryOptions, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import type { ReportOptions } from '../../../domain/metrics/types';
import { computeClient } from '../../../workers/compute-client';
import { useResolvedFilters } from '../../filters/api/get-data-meta';

export function reportQueryOptions(dataVersion: number, options: ReportOptions) {
  return queryOptions({
    queryKey: ['report', dataVersion, options],
    queryFn: () => computeClient.report(dataVersion, options),
    placeholderData: (prev) => prev,
  });
}

/**
 * The hearth.report/1 for the current filters (null before anything is imported). Pass
 * `which: 'compare'` for the comparison period of compare mode (disabled when compare is off).
 */
export function useReport(which: 'period' | 'compare' = 'period') {
  const { version } = useDataVersion();
  const resolved = useResolvedFilters();
  const options = which === 'compare' ? resolved.compare?.options : resolved.options;
  const enabled = resolved.status === 'empty' || (resolved.status === 'ready' && options !== undefined);
  return useQuery({ ...reportQueryOptions(version, options ?? resolved.options), enabled });
}
