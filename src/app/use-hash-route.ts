import { useEffect, useState } from 'react';

/** Hash routing (`#/overview`): works from any static host or sub-path with no server rules. */
export function useHashRoute(defaultRoute: string): [string, (r: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('?')[0] || defaultRoute;
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  });
  return [route, (r: string) => (window.location.hash = `#/${r}`)];
}
