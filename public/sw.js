// The verifier's service worker (scope /verifikasi): keeps the front end of one release, and
// the offline page as an anonymous shell, so the verifier's pages load with no network.
// It never keeps personal data: the shell is fetched without cookies, every other page and
// every /api answer goes to the network untouched, and the offline work itself lives in
// IndexedDB (app/src/luring). At sign-out it clears what that work no longer needs. The
// server embeds this file (server/src/assets.rs).
//
// One script serves every release: the page registers `/sw.js?build=<its release>`, and a
// new script URL is what makes the browser install a new worker. A new worker waits until
// the page asks it to take over ("Versi baru siap"), so an open page never has its files
// swapped under it.

const BUILD = new URL(self.location.href).searchParams.get("build") || "";
const CACHE = `sipupns-${BUILD}`;
const SHELL = "/verifikasi/luring";
const BUILD_HEADER = "x-sipupns-build";
const SIGN_OUT = "/api/keluar";
const STORE = "sipupns-luring";

// Pages that loaded HTML of another release than this worker's: their files come from the
// network, so old HTML never meets new files nor new HTML old ones.
const otherRelease = new Set();

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const listed = await fetch("/sw/aset.json", { cache: "no-store", credentials: "omit" });
      if (!listed.ok) throw new Error(`aset.json: ${listed.status}`);
      const rilis = await listed.json();
      // The server moved on to another release meanwhile: the page of that release registers
      // its own worker.
      if (rilis.build !== BUILD) throw new Error(`release ${rilis.build} is not ${BUILD}`);
      const cache = await caches.open(CACHE);
      const keep = async (url) => {
        // `reload`: past the HTTP cache, which may hold another release's file of the same name.
        const answer = await fetch(new Request(url, { cache: "reload", credentials: "omit" }));
        if (!answer.ok) throw new Error(`${url}: ${answer.status}`);
        if (url === SHELL && answer.headers.get(BUILD_HEADER) !== BUILD) throw new Error("shell of another release");
        await cache.put(url, answer);
      };
      await Promise.all([...rilis.aset, SHELL].map(keep));
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("sipupns-") && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "lewati") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === SIGN_OUT) {
    event.respondWith(signOut(request));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    if (url.pathname === "/verifikasi" || url.pathname.startsWith("/verifikasi/")) {
      event.respondWith(navigate(event, url));
    }
    return;
  }
  if (url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/favicon.") || url.pathname === "/sw/daftar.js") {
    event.respondWith(asset(event));
  }
  // Everything else (/api, documents, slips, language switches) goes to the network as if
  // there were no worker: never cached.
});

/** Network first; with no network the offline page from this release's shell. */
async function navigate(event, url) {
  try {
    const answer = await fetch(event.request);
    const build = answer.headers.get(BUILD_HEADER);
    if (build && build !== BUILD && event.resultingClientId) otherRelease.add(event.resultingClientId);
    return answer;
  } catch (offline) {
    if (url.pathname !== SHELL) {
      // The shell is only ever shown as itself: the router hydrates the page its URL names.
      return Response.redirect(SHELL, 302);
    }
    const shell = await caches.match(SHELL, { cacheName: CACHE });
    if (shell) return shell;
    throw offline;
  }
}

/** This release's files from its cache; a page of another release gets them from the network. */
async function asset(event) {
  if (!otherRelease.has(event.clientId)) {
    const kept = await caches.match(event.request, { cacheName: CACHE, ignoreSearch: true });
    if (kept) return kept;
  }
  return fetch(event.request);
}

/** Signing out from a verifier's page: first what was taken offline and has no waiting
 * decision goes back to the queue (while the session still exists) and leaves this browser,
 * and every document file is dropped; waiting decisions, with their submissions, stay until
 * the same verifier signs in again. Then the sign-out itself. */
async function signOut(request) {
  try {
    await forgetOfflineWork();
  } catch (error) {
    console.warn("SIPUPNS: offline work not cleared at sign-out", error);
  }
  return fetch(request);
}

async function forgetOfflineWork() {
  const db = await openStore();
  if (!db) return;
  try {
    const read = db.transaction(["putusan", "usulan"], "readonly");
    const [waiting, taken] = await Promise.all([
      done(read.objectStore("putusan").getAll()),
      done(read.objectStore("usulan").getAllKeys()),
    ]);
    const keep = new Set(waiting.map((p) => p.item));
    const items = taken.map(String).filter((item) => !keep.has(item));
    if (items.length > 0) {
      // Only the caller's own checkouts are given back; the server ignores the rest.
      await fetch("/api/verifikasi/kembalikan-luring", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ items }),
      });
    }
    const write = db.transaction(["usulan", "dokumen"], "readwrite");
    for (const item of items) write.objectStore("usulan").delete(item);
    write.objectStore("dokumen").clear();
    await new Promise((resolve, reject) => {
      write.oncomplete = resolve;
      write.onabort = write.onerror = () => reject(write.error);
    });
  } finally {
    db.close();
  }
}

/** The offline store if this browser has one (never creates it: the app owns its schema). */
function openStore() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(STORE);
    open.onupgradeneeded = () => open.transaction.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => (open.error && open.error.name === "AbortError" ? resolve(null) : reject(open.error));
  });
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
