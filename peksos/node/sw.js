// The book's service worker. peksos/node/offline.mjs bundles it with esbuild (the Workbox modules
// from npm, PEKSOS_* filled in from the build) and workbox-build's injectManifest puts the precache
// list (every chapter and the app shell, each with its revision) in place of self.__WB_MANIFEST.
/* global PEKSOS_CACHE_ID, PEKSOS_PAGES, PEKSOS_FILES */
import { clientsClaim, setCacheNameDetails } from "workbox-core";
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { CacheFirst, StaleWhileRevalidate } from "workbox-strategies";

setCacheNameDetails({ prefix: PEKSOS_CACHE_ID });

// Pages ask for every file they load as `file?v=<digest of its content>` (peksos.sphinxext.offline):
// under such a URL the file never changes, so the answer says so, and the browser keeps it in memory
// for the next page instead of asking this worker again for each stylesheet and script. The precache
// looks a file up under its own key: the page's request is `event.request`.
const LASTING = "public, max-age=31536000, immutable";
const lasting = {
  async cachedResponseWillBeUsed({ event, request, cachedResponse }) {
    const asked = (event && event.request) || request;
    if (!cachedResponse || cachedResponse.type === "opaque" || asked.mode === "navigate"
        || !new URL(asked.url).searchParams.has("v")) return cachedResponse;
    const headers = new Headers(cachedResponse.headers);
    headers.set("Cache-Control", LASTING);
    return new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
  },
};

// A new build waits until the reader presses "muat ulang" on the notice (peksos-offline.js).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
clientsClaim();
cleanupOutdatedCaches();
addPlugins([lasting]);
// the precache keeps its own revision per file: the query a page adds (`?v=`) does not matter to it
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });

// Runtime caches answer a URL whatever its query (`?v=` on files, `?highlight=` on pages): the save
// control stores each file under its plain URL.
registerRoute(
  ({ request, url }) => request.mode === "navigate" || url.pathname.endsWith(".html") || url.pathname.endsWith("/"),
  new StaleWhileRevalidate({ cacheName: PEKSOS_PAGES, matchOptions: { ignoreSearch: true } }),
);
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && !url.pathname.endsWith("/sw.js"),
  new CacheFirst({ cacheName: PEKSOS_FILES, matchOptions: { ignoreSearch: true }, plugins: [lasting] }),
);
