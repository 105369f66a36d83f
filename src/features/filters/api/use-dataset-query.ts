import { queryOptions, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import type { ReportOptions } from '../../../domain/metrics/types';
import { computeClient } from '../../../workers/compute-client';
import type { QueryKind, QueryOf } from '../../../workers/compute-queries';
import { useResolvedFilters } from './get-data-meta';

/** Query options for a dataset query; the key holds every input (version, the query with its options). */
export function datasetQueryOptions<K extends QueryKind>(dataVersion: number, query: QueryOf<K>) {
  return queryOptions({
    queryKey: ['dataset', dataVersion, query],
    queryFn: () => computeClient.query<K>(dataVersion, query),
  });
}

/** Runs a dataset query built from the current resolved filters (disabled until they are known). */
export function useDatasetQuery<K extends QueryKind>(make: (options: ReportOptions) => QueryOf<K> | null) {
  const { version } = useDataVersion();
  const { options, status } = useResolvedFilters();
  const query = status === 'ready' ? make(options) : null;
  return useQuery({
    ...datasetQueryOptions<K>(version, query ?? ({ kind: 'meta', options } as QueryOf<K>)),
    enabled: query !== null,
  });
}
