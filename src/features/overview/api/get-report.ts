import { queryOptions, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import { reportOptions, useFilters } from '../../../app/filters';
import type { ReportOptions } from '../../../domain/metrics/types';
import { computeClient } from '../../../workers/compute-client';

export function reportQueryOptions(dataVersion: number, options: ReportOptions) {
  return queryOptions({
    queryKey: ['report', dataVersion, options],
    queryFn: () => computeClient.report(dataVersion, options),
    placeholderData: (prev) => prev,
  });
}

/** The hearth.report/1 for the current filters (null before anything is imported). */
export function useReport() {
  const { version } = useDataVersion();
  const { filters } = useFilters();
  return useQuery(reportQueryOptions(version, reportOptions(filters)));
}
