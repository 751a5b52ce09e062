import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, Page, test as base } from "@playwright/test";

export const PASSWORD = "Demo2026pupns";

/** Playwright's `test`, failing any journey whose pages violate the Content-Security-Policy
 * (an inline script without the nonce, an inline style, a connection elsewhere): the policy
 * must allow everything the app really does. Chromium reports a violation to the page as a
 * `securitypolicyviolation` event, which the init script turns into a console message, and
 * also logs its own "Refused to ... Content Security Policy" error. Every page of the test's
 * context is watched; a page from `browser.newPage()` has its own context and is not. */
export const test = base.extend<{ contentSecurityPolicy: void }>({
  contentSecurityPolicy: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(
            `CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
          );
        });
      });
      context.on("console", (message) => {
        if (message.type() === "error" && /CSP violation|Content Security Policy/i.test(message.text())) {
          violations.push(`${message.page()?.url()}: ${message.text()}`);
        }
      });
      await use();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

/** Direct access to the e2e database (scripts/e2e.sh passes its URL) for test set-up and look-ups. */
export function sql(query: string): string {
  const url = process.env.SIPUPNS_E2E_DATABASE_URL;
  if (!url) throw new Error("SIPUPNS_E2E_DATABASE_URL is not set (run through scripts/e2e.sh)");
  return execFileSync("psql", [url, "-Atqc", query], { encoding: "utf8" }).trim();
}

/** The demo PNS (a PNS-only account), as the README lists it; the demo seed is deterministic. */
export const DEMO_PNS_NIP = "199407232020012001";
/** The L1 verifier `verif1.sleman`, also a PNS. */
export const DEMO_VERIFIER_NIP = "198405032017011001";

/** The newest mail written to the data folder for `to` (no SMTP in tests). Mail goes out in
 * the background, so it is waited for briefly. */
export async function lastMailTo(to: string): Promise<string> {
  const dir = join(process.env.SIPUPNS_DATA_DIR ?? "../data", "mail");
  for (let attempt = 0; attempt < 50; attempt++) {
    const files = existsSync(dir)
      ? readdirSync(dir).filter((f) => f.includes(to.replace(/[^A-Za-z0-9@.]/g, "_"))).sort()
      : [];
    if (files.length > 0) return readFileSync(join(dir, files[files.length - 1]), "utf8");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail for ${to} in ${dir}`);
}

/** Opens the password link last mailed to `email` (a new staff account's or a reset's). */
export async function openPasswordLink(page: Page, email: string) {
  const link = (await lastMailTo(email)).match(/https?:\/\/\S+\/reset-sandi\?token=\S+/)![0];
  await page.goto(new URL(link).pathname + new URL(link).search);
  await waitForHydration(page);
}

/** On the page the mailed link opened: chooses `password` and waits for the confirmation. */
export async function choosePassword(page: Page, password: string) {
  await page.getByLabel("Kata sandi baru").fill(password);
  await page.getByLabel("Ulangi kata sandi").fill(password);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByText("Kata sandi diubah.")).toBeVisible();
}

export async function signIn(page: Page, login: string, password = PASSWORD) {
  await page.goto("/masuk");
  await waitForHydration(page);
  await page.getByLabel("NIP atau nama pengguna").fill(login);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

/** The app marks <body data-hydrated> once the WASM has taken over the page. */
export async function waitForHydration(page: Page) {
  await expect(page.locator("body[data-hydrated]")).toBeAttached();
  // A lazy route's page hydrates later, once its chunk has loaded: it marks itself then.
  await expect(page.locator("[data-lazy-route]:not([data-ready])")).toHaveCount(0);
}

/** On the instansi admin's unit tree (`/admin/instansi/unor`, open and hydrated): adds a unit
 * named `nama` of kind Bidang under `induk`. */
export async function addUnit(page: Page, induk: string, nama: string) {
  const form = page.getByTestId("form-unor-baru");
  await form.getByLabel("Di bawah unit").selectOption({ label: induk });
  await form.getByLabel("Nama unit").fill(nama);
  await form.getByLabel("Jenis unit").fill("Bidang");
  await form.getByTestId("tambah-unor").click();
  await expect(page.getByTestId("kabar-unor")).toHaveText("Unit ditambahkan.");
}

/** A Sleman PNS without an account or a proposal, given an account (the demo password), for a
 * journey that must not share its PNS with another: taken from the start of the NIPs (`ASC`,
 * the help-desk journeys, `offset` apart) or from their end (`DESC`, the admin journeys),
 * outside Dinas Pendidikan, where the registration journeys take theirs. */
export function slemanPnsWithAccount(order: "ASC" | "DESC", offset = 0): string {
  return sql(`WITH p AS (
                SELECT p.nip, p.nama, p.instansi_id, p.unor_id FROM pns p JOIN instansi i ON i.id = p.instansi_id
                WHERE i.kode = 'KAB-SLEMAN' AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
                  AND NOT EXISTS (SELECT 1 FROM usulan s WHERE s.nip = p.nip)
                  AND p.unor_id NOT IN (SELECT u.id FROM unor u JOIN unor root ON u.path LIKE root.path || '%'
                                        WHERE root.nama = 'Dinas Pendidikan')
                ORDER BY p.nip ${order} OFFSET ${offset} LIMIT 1),
              a AS (
                INSERT INTO account (id, nip, nama, password_hash, status, instansi_id, unor_id)
                SELECT gen_random_uuid(), p.nip, p.nama,
                       (SELECT password_hash FROM account WHERE nip = '${DEMO_PNS_NIP}'), 'aktif', p.instansi_id, p.unor_id
                FROM p RETURNING id, nip, instansi_id),
              g AS (INSERT INTO role_grant (id, account_id, role, instansi_id)
                    SELECT gen_random_uuid(), id, 'pns', instansi_id FROM a)
              SELECT nip FROM a`);
}
