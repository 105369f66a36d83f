import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ReportOptions } from '../domain/metrics/types';

/** Filters every page honours: period, sources, report time zone (issue 4). */
export interface Filters {
  /** `YYYY-MM`; undefined = the default period (the last 12 months with data). */
  from?: string;
  to?: string;
  /** Source namespaces; empty = all. */
  sources: string[];
  timeZone: string;
}

interface FiltersState {
  filters: Filters;
  setFilters(f: Filters): void;
}

const Ctx = createContext<FiltersState | null>(null);

export function FiltersProvider({ children }: { children: ReactNode }) {
  const [filters, setFilters] = useState<Filters>({ sources: [], timeZone: 'UTC' });
  const value = useMemo(() => ({ filters, setFilters }), [filters]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useFilters(): FiltersState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useFilters outside FiltersProvider');
  return v;
}

/** The engine's options for the current filters. */
export function reportOptions(f: Filters): ReportOptions {
  return {
    timeZone: f.timeZone,
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.sources.length ? { sources: f.sources } : {}),
  };
}
