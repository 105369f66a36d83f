import { queryOptions, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import type { ReportOptions } from '../../../domain/metrics/types';
import { computeClient } from '../../../workers/compute-client';
import { useResolvedFilters } from '../../filters/api/get-data-meta';

export function sentimentQueryOptions(dataVersion: number, options: ReportOptions) {
  return queryOptions({
    queryKey: ['sentiment-breakdown', dataVersion, options],
    queryFn: () => computeClient.query(dataVersion, { kind: 'sentiment', options }),
    placeholderData: (prev) => prev,
  });
}

/** Positive/negative/neutral counts and shares per month and per source, for the app's filters. */
export function useSentimentBreakdown() {
  const { version } = useDataVersion();
  const resolved = useResolvedFilters();
  const query = useQuery({ ...sentimentQueryOptions(version, resolved.options), enabled: resolved.status === 'ready' });
  return { resolved, query };
}
