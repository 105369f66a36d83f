import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import type { ListeningItem } from '../../../domain/listening';
import type { ReportOptions } from '../../../domain/metrics/types';
import type { SentimentLabel } from '../../../domain/sentiment';
import { getDb } from '../../../storage';
import { correctionMap, removeCorrection, setCorrection } from '../../../storage/corrections-repo';
import { computeClient } from '../../../workers/compute-client';
import { useResolvedFilters } from '../../filters/api/get-data-meta';

export function listeningQueryOptions(dataVersion: number, options: ReportOptions) {
  return queryOptions({
    queryKey: ['listening', dataVersion, options],
    queryFn: async () => {
      const corrections = await correctionMap(getDb());
      return computeClient.query(dataVersion, { kind: 'listening', options, corrections });
    },
    placeholderData: (prev) => prev,
  });
}

/** The Listening page's lists for the app's filters (period, sources, zone). */
export function useListening() {
  const { version } = useDataVersion();
  const resolved = useResolvedFilters();
  const query = useQuery({ ...listeningQueryOptions(version, resolved.options), enabled: resolved.status === 'ready' });
  return { resolved, query };
}

/**
 * Relabels a text (or undoes its correction) and bumps the data version so every metric
 * recomputes with it. Choosing the scorer's own label removes the correction.
 */
export function useRelabel() {
  const { bump } = useDataVersion();
  return useMutation({
    mutationFn: async ({ item, label }: { item: ListeningItem; label: SentimentLabel | null }) => {
      // A text listed once for all its copies is relabelled for them all.
      for (const key of [item.key, ...(item.sameText ?? [])]) {
        if (label === null || label === item.scorerLabel) await removeCorrection(getDb(), key);
        else await setCorrection(getDb(), key, label);
      }
    },
    onSuccess: () => bump(),
  });
}
