// The site's service worker (harness/sphinxext/runhere): written to the site's root at
// build time, with BUNDLE replaced by the bundle's key.
//
// * The browser's Python (_static/run-here/pyodide/) is served from a cache once it
//   has been fetched: a second visit downloads nothing. A new bundle has a new key,
//   hence a new cache; the old one is deleted.
// * _live/<page>/<module>/... is an example app running in a page's Python: each
//   request goes to the page over a BroadcastChannel, the page's Python answers it
//   (runhere.app_request), and the answer comes back as the response.
const BUNDLE = "@BUNDLE@";
const CACHE = `run-here-${BUNDLE}`;
const channel = new BroadcastChannel("run-here-live");
const waiting = new Map();

channel.onmessage = ({ data }) => {
  const answer = waiting.get(data.reply);
  if (answer) {
    waiting.delete(data.reply);
    answer(data);
  }
};

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("run-here-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith("_live/")) event.respondWith(live(event.request, url, path, scope));
  else if (path.startsWith("_static/run-here/pyodide/")) event.respondWith(cached(event.request));
});

async function cached(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

function base64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

async function live(request, url, path, scope) {
  const [, page, module, ...rest] = path.split("/");
  const id = crypto.randomUUID();
  const body = ["GET", "HEAD"].includes(request.method) ? new Uint8Array() : new Uint8Array(await request.arrayBuffer());
  const answer = new Promise((resolve) => {
    waiting.set(id, resolve);
    setTimeout(() => {
      if (waiting.delete(id)) resolve(null);
    }, 30000);
  });
  channel.postMessage({
    id,
    page,
    request: {
      module,
      method: request.method,
      path: "/" + rest.join("/") + url.search,
      headers: [...request.headers],
      body: base64(body),
      base: `${scope.origin}${scope.pathname}_live/${page}/${module}/`,
    },
  });
  const reply = await answer;
  if (reply === null || reply.error) {
    const why = reply ? reply.error : "the page that runs this app is closed or busy";
    return new Response(`The app did not answer: ${why}.`, {
      status: 502,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const bytes = Uint8Array.from(atob(reply.body), (c) => c.charCodeAt(0));
  const empty = [101, 204, 205, 304].includes(reply.status) || request.method === "HEAD";
  return new Response(empty ? null : bytes, {
    status: reply.status,
    statusText: reply.statusText,
    headers: reply.headers,
  });
}
