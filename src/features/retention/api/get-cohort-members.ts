import { queryOptions, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import type { ReportOptions } from '../../../domain/metrics/types';
import { computeClient } from '../../../workers/compute-client';
import { useResolvedFilters } from '../../filters/api/get-data-meta';

export interface CohortCell {
  cohort: string;
  k: number;
}

export function cohortMembersQueryOptions(dataVersion: number, options: ReportOptions, cell: CohortCell) {
  return queryOptions({
    queryKey: ['cohort-members', dataVersion, options, cell.cohort, cell.k],
    queryFn: () => computeClient.query(dataVersion, { kind: 'cohortMembers', options, cohort: cell.cohort, k: cell.k }),
  });
}

/** The members of one retention cell: cohort members active in month cohort + k (the engine's cohortMembers). */
export function useCohortMembers(cell: CohortCell | null) {
  const { version } = useDataVersion();
  const { options, status } = useResolvedFilters();
  return useQuery({
    ...cohortMembersQueryOptions(version, options, cell ?? { cohort: '', k: 0 }),
    enabled: cell !== null && status === 'ready',
  });
}
