import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/**
 * A number that changes whenever stored data changes (import, undo, merge, correction, restore).
 * It is part of every data query key, so one bump refreshes every page.
 */
interface DataVersion {
  version: number;
  bump(): void;
}

const Ctx = createContext<DataVersion | null>(null);

export function DataVersionProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(1);
  const queryClient = useQueryClient();
  const bump = useCallback(() => {
    setVersion((v) => v + 1);
    void queryClient.invalidateQueries();
  }, [queryClient]);
  const value = useMemo(() => ({ version, bump }), [version, bump]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDataVersion(): DataVersion {
  const v = useContext(Ctx);
  if (!v) throw new Error('useDataVersion outside DataVersionProvider');
  return v;
}
