import { queryOptions, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import { computeClient } from '../../../workers/compute-client';
import { useDatasetQuery } from '../../filters/api/use-dataset-query';

export function useTopContributors(limit = 10) {
  return useDatasetQuery<'contributors'>((options) => ({ kind: 'contributors', options, limit }));
}

export function useNewMembers(month: string | null) {
  return useDatasetQuery<'newMembers'>((options) => (month ? { kind: 'newMembers', options, month } : null));
}

export function useQuietMembers(month: string | null) {
  return useDatasetQuery<'quietMembers'>((options) => (month ? { kind: 'quietMembers', options, month } : null));
}

export const TIMELINE_LIMIT = 500;

export function timelineQueryOptions(dataVersion: number, key: string) {
  return queryOptions({
    queryKey: ['timeline', dataVersion, key],
    queryFn: () => computeClient.query(dataVersion, { kind: 'timeline', key, limit: TIMELINE_LIMIT }),
  });
}

/** One member's timeline across sources (all data: a timeline is not cut by the period). */
export function useMemberTimeline(key: string) {
  const { version } = useDataVersion();
  return useQuery(timelineQueryOptions(version, key));
}
