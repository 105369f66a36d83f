import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';

/**
 * A number that changes whenever stored data changes (import, undo, merge, correction, restore).
 * It is part of every data query key, so one bump refreshes every page. The change is also told to
 * Hearth's other tabs (BroadcastChannel, same origin only: nothing leaves the machine), which
 * refresh too: a tab must not keep showing — or writing beside — data another tab removed.
 */
interface DataVersion {
  version: number;
  /** `reset`: the data was replaced or deleted (restore, "Delete all data"): stored settings too. */
  bump(kind?: DataChange): void;
  /** Calls `listener` when another tab replaced or deleted the data; returns a function that stops. */
  onReset(listener: () => void): () => void;
}

export type DataChange = 'changed' | 'reset';

const CHANNEL = 'hearth-data';

const Ctx = createContext<DataVersion | null>(null);

export function DataVersionProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(1);
  const queryClient = useQueryClient();
  const channel = useRef<BroadcastChannel | null>(null);
  const resetListeners = useRef(new Set<() => void>());
  const refresh = useCallback(() => {
    setVersion((v) => v + 1);
    void queryClient.invalidateQueries();
  }, [queryClient]);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(CHANNEL);
    channel.current = ch;
    ch.onmessage = (e: MessageEvent<unknown>) => {
      refresh();
      if (e.data === 'reset') for (const l of resetListeners.current) l();
    };
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [refresh]);
  const bump = useCallback(
    (kind: DataChange = 'changed') => {
      refresh();
      channel.current?.postMessage(kind);
    },
    [refresh],
  );
  const onReset = useCallback((listener: () => void) => {
    resetListeners.current.add(listener);
    return () => {
      resetListeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ version, bump, onReset }), [version, bump, onReset]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDataVersion(): DataVersion {
  const v = useContext(Ctx);
  if (!v) throw new Error('useDataVersion outside DataVersionProvider');
  return v;
}
