import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ReportOptions } from '../domain/metrics/types';
import { getSetting, setSetting } from '../storage/settings-repo';
import { useDataVersion } from './data-version';
import type { CompareMode, PresetId } from '../features/filters/period';

/** Filters every page honours: period, sources, report time zone (issue 4). */
export interface Filters {
  /** Which period: a preset relative to the data (default: the last 12 months with data) or a custom range. */
  preset: PresetId;
  /** `YYYY-MM`; the custom range (used when `preset` is `custom`). */
  from?: string;
  to?: string;
  /** Source namespaces; empty = all. */
  sources: string[];
  timeZone: string;
  /** Compare this period with the previous one or the same period a year earlier. */
  compare: CompareMode;
}

export const DEFAULT_FILTERS: Filters = { preset: 'last-12', sources: [], timeZone: 'UTC', compare: 'off' };
const SETTING_KEY = 'filters';

interface FiltersState {
  filters: Filters;
  setFilters(f: Filters): void;
  /** False until the stored filters are read (queries wait for it so the first compute is the right one). */
  ready: boolean;
  /** Reads the stored filters again (after a restore or "Delete all data" replaced them). */
  reload(): Promise<void>;
}

const Ctx = createContext<FiltersState | null>(null);

function sanitize(stored: Partial<Filters> | null): Filters {
  if (!stored || typeof stored !== 'object') return DEFAULT_FILTERS;
  return {
    ...DEFAULT_FILTERS,
    ...stored,
    sources: Array.isArray(stored.sources) ? stored.sources.filter((s) => typeof s === 'string') : [],
  };
}

export function FiltersProvider({ children }: { children: ReactNode }) {
  const [filters, setState] = useState<Filters>(DEFAULT_FILTERS);
  const [ready, setReady] = useState(false);
  // A choice made before the stored filters were read (a quick first click) wins over them.
  const touched = useRef(false);
  useEffect(() => {
    let live = true;
    void getSetting<Partial<Filters> | null>(SETTING_KEY, null).then((stored) => {
      if (!live) return;
      if (!touched.current) setState(sanitize(stored));
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  const setFilters = useCallback((f: Filters) => {
    touched.current = true;
    setState(f);
    void setSetting(SETTING_KEY, f).catch(() => undefined);
  }, []);
  const reload = useCallback(async () => {
    setState(sanitize(await getSetting<Partial<Filters> | null>(SETTING_KEY, null)));
  }, []);
  // Another tab restored a backup or deleted everything: its stored filters are this tab's too.
  const { onReset } = useDataVersion();
  useEffect(() => onReset(() => void reload()), [onReset, reload]);
  const value = useMemo(() => ({ filters, setFilters, ready, reload }), [filters, setFilters, ready, reload]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useFilters(): FiltersState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useFilters outside FiltersProvider');
  return v;
}

/** The engine's options for the filters and a resolved period (see features/filters/api/use-report-options). */
export function reportOptions(f: Pick<Filters, 'sources' | 'timeZone'>, period?: { from: string; to: string }): ReportOptions {
  return {
    timeZone: f.timeZone,
    ...(period ? { from: period.from, to: period.to } : {}),
    ...(f.sources.length ? { sources: [...f.sources].sort() } : {}),
  };
}
