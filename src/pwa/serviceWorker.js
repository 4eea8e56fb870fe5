/*
 * Calcium Routes service worker: the hosted app works offline after its first visit.
 *
 * src/build/pwa.ts writes dist/sw.js from this file at build time, filling in BUILD (the version and the list of
 * files of that build). Everything is same-origin; nothing is fetched from anywhere else.
 *
 * - install: download every file of the build into a cache named after the version (bypassing the HTTP cache).
 * - activate: delete older versions' caches, then take control of open pages (so the first visit is covered).
 *   A new version waits (no skipWaiting) until every tab of the old one is closed, so an open lesson never has
 *   its files swapped under it: a language loaded later still comes from the version the page started with.
 * - the app page (the scope itself or index.html): network first, so a connected class gets a new release at once;
 *   the cached page of this version when the network fails, answers with an error, or takes longer than a few
 *   seconds (school Wi-Fi).
 * - every other file of the build (hashed JS, CSS, fonts, icons, the manifest): cache first.
 * - anything else (source maps, the single-file download, other paths): left to the browser.
 */
const BUILD = { version: 'dev', files: [] };

const PREFIX = 'calcium-routes-';
const CACHE = `${PREFIX}${BUILD.version}`;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('index.html', SCOPE).href;
const FILES = new Set(BUILD.files.map((file) => new URL(file, SCOPE).href));
/** How long the app page waits for the network before using the cached copy, when there is one. */
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([...FILES].map((url) => new Request(url, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  const path = url.origin + url.pathname;
  if (request.mode === 'navigate' && (path === SCOPE.href || path === INDEX)) {
    event.respondWith(appPage(request));
  } else if (FILES.has(path)) {
    event.respondWith(cacheFirst(request, path));
  }
});

async function cacheFirst(request, path) {
  const cached = await caches.match(path, { cacheName: CACHE });
  return cached ?? fetch(request);
}

async function appPage(request) {
  const cached = caches.match(INDEX, { cacheName: CACHE });
  const network = fetch(request).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  });
  network.catch(() => undefined); // a failure is handled below; this keeps it from being reported as unhandled
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_WAIT_MS);
  });
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    // The network is slow: use this version's page if we have it, else keep waiting.
    return (await cached) ?? (await network);
  } catch (error) {
    const copy = await cached;
    if (copy) return copy;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
