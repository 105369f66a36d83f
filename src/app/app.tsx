import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { DataVersionProvider, useDataVersion } from './data-version';
import { registerServiceWorker } from './register-sw';
import { getDb } from '../storage';
import { ensurePersistence } from '../storage/persistence';
import { FiltersProvider } from './filters';
import { ROUTES } from './routes';
import { useHashRoute } from './use-hash-route';
import { RecoveryNotice } from '../features/import/recovery-notice';
import { UpgradeNotice } from './upgrade-notice';
import { ImportingNotice } from './importing-notice';
import { ImportProvider } from '../features/import/import-provider';
import { FilterBar } from '../features/filters/filter-bar';

function Shell() {
  const [route] = useHashRoute('overview');
  const { version } = useDataVersion();
  // Once Hearth holds data, ask the browser to keep it (no eviction under storage pressure); the
  // "Your data" page's status read waits for the answer (storageStatus).
  useEffect(() => {
    void ensurePersistence(getDb());
  }, [version]);
  // `#/members/<key>`: the first segment names the page; the page reads the rest.
  const current = ROUTES.find((r) => r.path === route) ?? ROUTES.find((r) => r.path === route.split('/')[0]) ?? ROUTES[0]!;
  const Page = current.component;
  // On a phone the navigation is one row that scrolls sideways: bring the current page's link into
  // view (centred), or "Listening" would be chosen with "Overview … Responsive" showing.
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const box = nav.current;
    const link = box?.querySelector<HTMLElement>('a[aria-current="page"]');
    if (!box || !link) return;
    const b = box.getBoundingClientRect();
    const l = link.getBoundingClientRect();
    if (l.left < b.left || l.right > b.right) box.scrollLeft += l.left - b.left - (b.width - l.width) / 2;
  }, [current.path]);
  return (
    <div className="app">
      {/* `#main` would be read as a route (hash routing): focus the page's main region instead. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href="#/overview">
          <img src="./favicon.svg" alt="" width="24" height="24" /> Hearth
        </a>
        <nav aria-label="Pages" ref={nav}>
          {[ROUTES.filter((r) => !r.hidden && !r.group), ROUTES.filter((r) => !r.hidden && r.group === 'tools')].map((list, i) => (
            <ul key={i} className={i === 0 ? 'nav-dashboards' : 'nav-tools'}>
              {list.map((r) => (
                <li key={r.path}>
                  <a href={`#/${r.path}`} aria-current={r.path === current.path ? 'page' : undefined}>
                    {r.label}
                  </a>
                </li>
              ))}
            </ul>
          ))}
        </nav>
      </header>
      <UpgradeNotice />
      <RecoveryNotice />
      <ImportingNotice route={current.path} />
      {!current.noFilters && <FilterBar compare={current.compares === true} />}
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
      <footer className="app-footer">
        Your data stays in this browser: Hearth has no server and makes no network requests.
      </footer>
    </div>
  );
}

export function App() {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <DataVersionProvider>
        <FiltersProvider>
          <ImportProvider>
            <Shell />
          </ImportProvider>
        </FiltersProvider>
      </DataVersionProvider>
    </QueryClientProvider>
  );
}

registerServiceWorker();
