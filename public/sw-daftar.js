// The page side of the verifier's service worker (public/sw.js), loaded by every page from
// the shell (plain JS: it costs the WASM nothing). On the verifier's pages it registers the
// worker of the page's own release, and once a worker of a newer release waits, it shows the
// offline page's "Versi baru siap" notice, whose button lets that worker take over and
// reloads: the page and its files are then all of the new release. The server embeds this
// file (server/src/assets.rs).
(() => {
  if (!("serviceWorker" in navigator) || window.sipupnsPekerja) return;
  window.sipupnsPekerja = true;
  const build = document.querySelector('meta[name="sipupns-build"]')?.content;
  const verifier = () => location.pathname === "/verifikasi" || location.pathname.startsWith("/verifikasi/");
  if (!build || !verifier()) return;
  const url = `/sw.js?build=${encodeURIComponent(build)}`;
  navigator.serviceWorker.register(url, { scope: "/verifikasi" }).then(
    (registration) => {
      // The page is a single-page app: the notice comes and goes with the route, so look
      // every second or so rather than once.
      setInterval(() => {
        const notice = document.querySelector('[data-testid="versi-baru"]');
        const waiting = registration.waiting;
        if (!notice || !waiting || !notice.hidden) return;
        notice.hidden = false;
        notice.querySelector("button").addEventListener("click", () => {
          navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
          waiting.postMessage("lewati");
        });
      }, 1000);
    },
    (error) => console.warn("SIPUPNS: the offline worker was not registered", error),
  );
})();
