// First load on a slow phone (issue #14): headless Chromium with the network held to 1.6 Mbit/s
// down, 750 kbit/s up, 150 ms latency, and the CPU slowed 4x (DevTools protocol). Prints, per
// run, the time until the sign-in page is hydrated (accepts input) and, after signing in as the
// demo PNS, until the PNS form is hydrated and shown. Every run starts with an empty cache.
//
//   node bench/first-load.mjs http://127.0.0.1:3000 [runs] [identity]
//
// With `identity` the browser asks for uncompressed assets: the server as it was before it sent
// precompressed files, for a side-by-side figure. Start the release server with --demo first
// (bench/first-load.sh does both).
import { createRequire } from "node:module";

const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [base = "http://127.0.0.1:3000", runs = "3", encoding] = process.argv.slice(2);
const PNS = "199407232020012001";
const PASSWORD = "Demo2026pupns";

async function hydrated(page) {
  await page.waitForSelector("body[data-hydrated='true']", { timeout: 120_000 });
}

async function once() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext(
    encoding === "identity" ? { extraHTTPHeaders: { "Accept-Encoding": "identity" } } : {},
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

  let start = Date.now();
  await page.goto(`${base}/masuk`);
  await hydrated(page);
  const signIn = Date.now() - start;

  await page.getByLabel("NIP atau nama pengguna").fill(PNS);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL(`${base}/pns`);
  start = Date.now();
  await page.goto(`${base}/pns/formulir`);
  await hydrated(page);
  await page.getByTestId("formulir").waitFor();
  const form = Date.now() - start;
  await browser.close();
  return { signIn, form };
}

for (let i = 1; i <= Number(runs); i++) {
  const { signIn, form } = await once();
  console.log(`run ${i}: sign-in page usable after ${(signIn / 1000).toFixed(1)} s, ` +
    `PNS form usable after ${(form / 1000).toFixed(1)} s (${encoding ?? "br/gzip"})`);
}
