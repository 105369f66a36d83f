import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { DataVersionProvider } from './data-version';
import { FiltersProvider } from './filters';
import { ROUTES } from './routes';
import { useHashRoute } from './use-hash-route';
import { RecoveryNotice } from '../features/import/recovery-notice';
import { FilterBar } from '../features/filters/filter-bar';

function Shell() {
  const [route] = useHashRoute('overview');
  // `#/members/<key>`: the first segment names the page; the page reads the rest.
  const current = ROUTES.find((r) => r.path === route) ?? ROUTES.find((r) => r.path === route.split('/')[0]) ?? ROUTES[0]!;
  const Page = current.component;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand" aria-label="Hearth">
          <span aria-hidden="true">🔥</span> Hearth
        </div>
        <nav aria-label="Pages">
          <ul>
            {ROUTES.filter((r) => !r.hidden).map((r) => (
              <li key={r.path}>
                <a href={`#/${r.path}`} aria-current={r.path === current.path ? 'page' : undefined}>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <RecoveryNotice />
      {current.path !== 'import' && <FilterBar />}
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
          <Shell />
        </FiltersProvider>
      </DataVersionProvider>
    </QueryClientProvider>
  );
}
