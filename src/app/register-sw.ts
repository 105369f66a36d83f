/**
 * Registers the service worker (public/sw.js) so Hearth works offline after the first visit. Only in
 * builds (the dev server's modules change on every edit) and only on http(s) origins (a build opened
 * from file:// cannot have one). The build's MODE is checked, not PROD: PROD follows NODE_ENV, which
 * a build started from a test runner (NODE_ENV=test) leaves false.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.MODE !== 'production') return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (!/^https?:$/.test(location.protocol)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * Calls `listener` when a newer build's service worker takes over this tab: Hearth was deployed
 * again since the tab opened (the tab keeps running its own build: public/sw.js keeps its files).
 * The first service worker taking over a page it did not control yet is not a new version.
 */
export function onNewVersion(listener: () => void): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  const sw = navigator.serviceWorker;
  let controlled = sw.controller !== null;
  const changed = () => {
    if (controlled) listener();
    controlled = true;
  };
  sw.addEventListener('controllerchange', changed);
  return () => sw.removeEventListener('controllerchange', changed);
}
