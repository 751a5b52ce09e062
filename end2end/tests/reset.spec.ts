import { createHash } from "node:crypto";
import { expect } from "@playwright/test";
import { choosePassword, openPasswordLink, signIn, sql, test, waitForHydration } from "./helpers";

test("a forgotten password is reset through the emailed link", async ({ page }) => {
  // The demo registration that waits for approval: no other journey signs in with it.
  const nip = sql("SELECT nip FROM account WHERE status = 'menunggu_verifikasi' ORDER BY created_at LIMIT 1");
  const email = `reset.${nip}@example.go.id`;
  sql(`UPDATE account SET email = '${email}' WHERE nip = '${nip}'`);

  await page.goto("/lupa-sandi");
  await waitForHydration(page);
  await page.getByLabel("NIP atau nama pengguna").fill(nip);
  await page.getByRole("button", { name: "Kirim tautan" }).click();
  await expect(page.getByText("tautan telah dikirim")).toBeVisible();

  await openPasswordLink(page, email);
  await page.getByLabel("Kata sandi baru").fill("pendek");
  await page.getByLabel("Ulangi kata sandi").fill("pendek");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByRole("alert")).toHaveText("Kata sandi minimal 10 karakter.");
  await choosePassword(page, "SandiReset2026");

  // The new password is accepted (the account still waits for approval, and says so).
  await signIn(page, nip, "SandiReset2026");
  await expect(page.getByTestId("signin-error")).toContainText("menunggu verifikasi");
});

test("an expired session is explained on the sign-in page", async ({ page }) => {
  await signIn(page, "eksekutif.bkn");
  await expect(page).toHaveURL("/eksekutif");
  // Age exactly this browser's session (other journeys may be signed in with the same account).
  const cookie = (await page.context().cookies()).find((c) => c.name === "sipupns_sesi")!;
  const hash = createHash("sha256").update(cookie.value).digest("hex");
  sql(`UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE id_hash = decode('${hash}', 'hex')`);
  // The server may reuse a session it resolved in the last few seconds (session cache).
  await expect
    .poll(async () => {
      await page.goto("/eksekutif");
      return new URL(page.url()).pathname;
    }, { timeout: 20_000, intervals: [1_000] })
    .toBe("/masuk");
  await expect(page.getByRole("status")).toContainText("Sesi Anda telah berakhir");
});
