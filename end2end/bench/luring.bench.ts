// Offline work on a slow network (issue #11, docs/PERFORMANCE.md): the time to take 50
// submissions offline with their documents, and to send 50 decisions made offline, in
// Chromium throttled to a 3G-like profile. Prints its figures; asserts no timings.
import { expect } from "@playwright/test";
import { signIn, sql, test, waitForHydration } from "../tests/helpers";

const PROFILE = { latency: 300, downloadThroughput: (1_500_000 / 8) | 0, uploadThroughput: (750_000 / 8) | 0 };

test("take 50 offline and send 50 decisions on a 3G-like network", async ({ page, context }) => {
  // scripts/bench-luring.sh seeds 80 proposals in the scope of this first-level verifier.
  const login = process.env.SIPUPNS_BENCH_LOGIN ?? "bench.l1.01";
  const free = sql(`SELECT count(*) FROM account a JOIN role_grant g ON g.account_id = a.id
      JOIN verifikasi_item v ON starts_with(v.unor_path, g.unor_path)
     WHERE a.username = '${login}' AND v.status = 'menunggu' AND v.tingkat = 1 AND v.klaim_oleh IS NULL`);
  const n = Math.min(50, Number(free));
  await signIn(page, login, "Bench2026pupns");
  await page.waitForURL("**/verifikasi", { timeout: 30_000 });
  await page.goto("/verifikasi/luring");
  await waitForHydration(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...PROFILE });

  let start = Date.now();
  await page.getByTestId("jumlah-luring").fill(String(n));
  await page.getByTestId("bawa-luring").click();
  await expect(page.getByTestId("siap-luring")).toContainText(`${n} usulan`, { timeout: 10 * 60_000 });
  const take = Date.now() - start;
  const [documents, bytes] = sql(`SELECT count(*), coalesce(sum(d.ukuran), 0) FROM verifikasi_pinjam p
      JOIN account a ON a.id = p.oleh JOIN verifikasi_item v ON v.id = p.item_id JOIN dokumen d ON d.nip = v.nip
     WHERE a.username = '${login}' AND p.selesai IS NULL`).split("|");

  // Decide every one while the decisions cannot leave (kept, waiting), then send them all.
  await page.route("**/api/verifikasi/putus", (route) => route.abort("internetdisconnected"));
  for (let decided = 1; decided <= n; decided++) {
    await page.locator('[data-testid="usulan-luring"][data-status="belum"]').first().getByTestId("putuskan-luring").click();
    await page.getByTestId("terima-semua").click();
    await page.getByTestId("teruskan").click();
    await expect(page.getByTestId("jumlah-tertunda")).toHaveText(String(decided), { timeout: 60_000 });
  }
  await page.unrouteAll({ behavior: "wait" });
  start = Date.now();
  await page.getByTestId("kirim-sekarang").click();
  await expect(page.getByTestId("jumlah-tertunda")).toHaveText("0", { timeout: 10 * 60_000 });
  const sync = Date.now() - start;
  expect(sql(`SELECT count(*) FROM verifikasi_pinjam p JOIN account a ON a.id = p.oleh
               WHERE a.username = '${login}' AND p.akhir = 'diputus'`)).toBe(String(n));

  const profile = `${PROFILE.latency} ms latency, 1.5 Mbit/s down, 0.75 Mbit/s up`;
  console.log(`offline bench (${profile}), ${login}:`);
  console.log(`  take ${n} submissions offline with ${documents} documents (${(Number(bytes) / 1024).toFixed(0)} KiB): ${(take / 1000).toFixed(1)} s`);
  console.log(`  send ${n} decisions made offline: ${(sync / 1000).toFixed(1)} s`);
});
