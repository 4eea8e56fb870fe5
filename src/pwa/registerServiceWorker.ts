/**
 * Registers the service worker (dist/sw.js, written by src/build/pwa.ts) that lets the hosted app work offline
 * after the first visit. The hosted build adds this module to index.html; the dev server, the browser tests' dev
 * server and the single-file build never load it. It needs a secure context served over http(s) (https, or
 * localhost), registers from the page's own folder, and fails quietly: without it the app still runs, online.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  const register = (): void => {
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: './' }).catch(() => {
      // e.g. a sandboxed frame or storage turned off: the app works as before, just not offline.
    });
  };
  // After the page has loaded, so caching the app does not compete with showing it.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

registerServiceWorker();
