import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDataVersion } from '../../../app/data-version';
import { reportOptions, useFilters } from '../../../app/filters';
import type { ReportOptions } from '../../../domain/metrics/types';
import { computeClient } from '../../../workers/compute-client';
import type { DataMeta } from '../../../workers/compute-queries';
import { comparePeriod, monthOfNow, presetPeriod, type Period } from '../period';

export function dataMetaQueryOptions(dataVersion: number, options: ReportOptions) {
  return queryOptions({
    queryKey: ['data-meta', dataVersion, options],
    queryFn: () => computeClient.query(dataVersion, { kind: 'meta', options }),
    placeholderData: (prev) => prev,
  });
}

/** The sources present and the data's extent under the current zone and source filter. */
export function useDataMeta() {
  const { version } = useDataVersion();
  const { filters, ready } = useFilters();
  return useQuery({ ...dataMetaQueryOptions(version, reportOptions(filters)), enabled: ready });
}

export interface ResolvedFilters {
  /** pending: still reading settings or the data extent; empty: nothing imported. */
  status: 'pending' | 'empty' | 'ready';
  meta: DataMeta | undefined;
  period: Period | null;
  options: ReportOptions;
  compare: { period: Period; options: ReportOptions } | null;
  error: Error | null;
}

/** The filters resolved into engine options: the preset becomes a month range, compare a second range. */
export function useResolvedFilters(): ResolvedFilters {
  const { filters } = useFilters();
  const meta = useDataMeta();
  return useMemo(() => {
    const base = reportOptions(filters);
    if (!meta.data) return { status: meta.isError ? 'empty' : 'pending', meta: undefined, period: null, options: base, compare: null, error: meta.error };
    const { from, to } = meta.data;
    if (!from || !to) return { status: 'empty', meta: meta.data, period: null, options: base, compare: null, error: null };
    const period = presetPeriod(filters.preset, { from, to }, monthOfNow(new Date(), filters.timeZone), {
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
    });
    const cmp = filters.compare === 'off' ? null : comparePeriod(period, filters.compare);
    return {
      status: 'ready',
      meta: meta.data,
      period,
      options: reportOptions(filters, period),
      compare: cmp ? { period: cmp, options: reportOptions(filters, cmp) } : null,
      error: null,
    };
  }, [filters, meta.data, meta.isError, meta.error]);
}
