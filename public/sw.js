/*
 * Hearth's service worker: works offline after the first visit. It caches the static build only —
 * the app's own files, listed at build time in sw-assets.js (vite.config.ts) — and never touches a
 * request to another origin or anything but GET. Pages are network-first (an update shows at once
 * when online), hashed assets cache-first. A new build gets a new cache.
 *
 * A tab opened before a deployment keeps running the build it loaded, and asks later for that
 * build's hashed files (a worker when an import starts, …) which the host no longer serves. So the
 * caches of the last OLD_BUILDS_KEPT builds are kept, and hashed files are looked up in every
 * Hearth cache; older ones are deleted when a new build takes over. (CacheStorage lists its
 * caches in the order they were created.)
 */
/* global self, caches, importScripts */
importScripts('./sw-assets.js');

const CACHE = `hearth-${self.HEARTH_BUILD || 'dev'}`;
const OLD_BUILDS_KEPT = 2;
const ASSETS = self.HEARTH_ASSETS || ['./'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const old = keys.filter((k) => k.startsWith('hearth-') && k !== CACHE);
        return Promise.all(old.slice(0, Math.max(0, old.length - OLD_BUILDS_KEPT)).map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim()),
  );
});

/** This build's copy first; for a hashed file, an older build's (a tab still running it); for a page, this build's start page. */
async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const own = await cache.match(request, { ignoreSearch: true });
  if (own) return own;
  if (request.mode === 'navigate') return cache.match('./');
  if (!new URL(request.url).pathname.includes('/assets/')) return undefined;
  for (const name of (await caches.keys()).filter((k) => k.startsWith('hearth-') && k !== CACHE).reverse()) {
    const old = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (old) return old;
  }
  return undefined;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' || url.pathname.endsWith('/') || url.pathname.endsWith('.html')) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(async () => (await fromCache(request)) || Response.error()),
    );
    return;
  }
  event.respondWith(
    fromCache(request).then(
      (cached) =>
        cached ||
        fetch(request).then((response) => {
          if (response.ok && url.pathname.includes('/assets/')) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
