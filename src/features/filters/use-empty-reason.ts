import { useCallback } from 'react';
import { useFilters } from '../../app/filters';
import { useResolvedFilters } from './api/get-data-meta';
import { emptyReason, type EmptyReason, type EmptySpec } from './empty-reason';

/** `emptyReason` under the current filters and data: what an empty card or chart should say. */
export function useEmptyReason(): (spec: EmptySpec) => EmptyReason {
  const { filters } = useFilters();
  const { meta, period } = useResolvedFilters();
  const kinds = meta?.kinds;
  return useCallback(
    (spec: EmptySpec) => emptyReason(spec, kinds, filters.sources, period),
    [kinds, filters.sources, period],
  );
}
