import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function read(name: string): string | null {
  const q = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(q).get(name);
}

/** A parameter of the hash route (`#/brief?month=2025-03`), so a chosen month survives links and reloads. */
export function useHashParam(name: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(subscribe, () => read(name));
  const set = useCallback(
    (v: string) => {
      const [path, q] = window.location.hash.split('?');
      const params = new URLSearchParams(q ?? '');
      params.set(name, v);
      window.history.replaceState(null, '', `${path || '#/'}?${params.toString()}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    [name],
  );
  return [value, set];
}
