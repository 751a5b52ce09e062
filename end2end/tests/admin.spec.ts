import { expect } from "@playwright/test";
import { DEMO_PNS_NIP, lastMailTo, signIn, sql, test, waitForHydration } from "./helpers";

/** A date `days` from today in WIB (UTC+7), the server's calendar, as `YYYY-MM-DD`. */
function wib(days: number): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test("an instansi admin sets the collection period and the PNS home shows the days left", async ({ page, browser }) => {
  try {
    await signIn(page, "admin.sleman");
    await page.waitForURL("/admin/instansi");
    await waitForHydration(page);
    const settings = page.getByTestId("pengaturan-instansi");
    await expect(settings).toContainText("Pemerintah Kabupaten Sleman");

    // An end before the start is refused in the page, before anything is sent.
    await settings.getByLabel("Mulai masa pendataan").fill(wib(10));
    await settings.getByLabel("Akhir masa pendataan").fill(wib(0));
    await settings.getByRole("button", { name: "Simpan pengaturan" }).click();
    await expect(settings.getByRole("alert")).toHaveText("Tanggal selesai pendataan tidak boleh sebelum tanggal mulai.");

    // A period open today (other journeys keep sending meanwhile), ending in nine days.
    await settings.getByLabel("Mulai masa pendataan").fill(wib(-3));
    await settings.getByLabel("Akhir masa pendataan").fill(wib(9));
    await settings.getByRole("button", { name: "Simpan pengaturan" }).click();
    await expect(settings.getByRole("status")).toHaveText("Pengaturan tersimpan.");
    await page.reload();
    await expect(page.getByLabel("Akhir masa pendataan")).toHaveValue(wib(9));

    const pns = await (await browser.newContext()).newPage();
    await signIn(pns, DEMO_PNS_NIP);
    await pns.waitForURL("/pns");
    await expect(pns.getByTestId("masa-pendataan")).toContainText(`${wib(-3)} s.d. ${wib(9)}`);
    await expect(pns.getByTestId("masa-pendataan")).toContainText("10 hari lagi untuk mengirim");
  } finally {
    // The demo's setting again: no period.
    sql(`UPDATE instansi_setting SET pendataan_mulai = NULL, pendataan_selesai = NULL
         WHERE instansi_id = (SELECT id FROM instansi WHERE nama = 'Pemerintah Kabupaten Sleman')`);
  }
});

test("an instansi admin creates an L1 verifier, who sets a password from the mail and sees their unit's queue", async ({
  page,
  browser,
}) => {
  const username = `verif1.uji${Date.now().toString(36)}`;
  const email = `${username}@slemankab.go.id`;
  await signIn(page, "admin.sleman");
  await page.waitForURL("/admin/instansi");
  // Opened by its address: a click while the lazy route still loads can race its hydration.
  await expect(page.getByTestId("kelola-akun")).toHaveAttribute("href", "/admin/instansi/akun");
  await page.goto("/admin/instansi/akun");
  await waitForHydration(page);
  await expect(page.getByTestId("baris-akun").filter({ hasText: "verif1.dinkes" })).toBeVisible();

  const form = page.getByTestId("form-akun-baru");
  // A bad username is named before anything is sent.
  await form.getByLabel("Nama pengguna").fill("1 salah");
  await form.getByLabel("Nama lengkap").fill("Rina Verifikator Dinkes");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Peran").selectOption({ label: "Verifikator Level 1 (SKPD/UPT/Satker)" });
  await form.getByTestId("buat-akun").click();
  await expect(page.getByTestId("galat-akun")).toContainText("Nama pengguna 3–40 karakter");
  // A username in use is the field's error from the server.
  await form.getByLabel("Nama pengguna").fill("verif1.dinkes");
  await form.getByLabel("Unit yang diverifikasi").selectOption({ label: "Dinas Kesehatan" });
  await form.getByTestId("buat-akun").click();
  await expect(page.getByTestId("galat-akun")).toHaveText("Nama pengguna ini sudah dipakai. Pilih nama lain.");
  await form.getByLabel("Nama pengguna").fill(username);
  await form.getByTestId("buat-akun").click();
  await expect(page.getByTestId("kabar-akun")).toContainText(email);
  const row = page.locator(`[data-testid="baris-akun"][data-login="${username}"]`);
  await expect(row).toContainText("Dinas Kesehatan");
  await expect(row).toContainText("belum pernah");
  // A typo in the name is corrected in place.
  await row.getByText("Ubah nama/email").click();
  await row.getByLabel("Nama lengkap").fill("Rina Verifikator Dinas Kesehatan");
  await row.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByTestId("kabar-akun")).toHaveText("Akun disimpan.");
  await expect(row).toContainText("Rina Verifikator Dinas Kesehatan");

  // The owner sets a password from the mailed link and signs in to their unit's queue.
  const verifier = await (await browser.newContext()).newPage();
  const link = (await lastMailTo(email)).match(/https?:\/\/\S+\/reset-sandi\?token=\S+/)![0];
  await verifier.goto(new URL(link).pathname + new URL(link).search);
  await waitForHydration(verifier);
  await verifier.getByLabel("Kata sandi baru").fill("SandiRina2026");
  await verifier.getByLabel("Ulangi kata sandi").fill("SandiRina2026");
  await verifier.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(verifier.getByText("Kata sandi diubah.")).toBeVisible();
  await signIn(verifier, username, "SandiRina2026");
  await verifier.waitForURL("/verifikasi");
  await expect(verifier.getByTestId("home-verifikasi")).toContainText("Dinas Kesehatan");
  await expect(verifier.getByTestId("antrian")).toBeVisible();

  // The admin sees the sign-in, then disables the account: the verifier is out at once.
  await page.reload();
  await waitForHydration(page);
  await expect(row).not.toContainText("belum pernah");
  await row.getByTestId("ubah-status").click();
  await expect(row.getByTestId("status-akun")).toHaveText("Nonaktif");
  await verifier.reload();
  await verifier.waitForURL(/\/masuk/);
  await signIn(verifier, username, "SandiRina2026");
  await expect(verifier.getByTestId("signin-error")).toHaveText("Akun ini dinonaktifkan.");
});

test("a BKN admin reads the audit log, filtered by actor and action", async ({ page }) => {
  await signIn(page, "admin.bkn");
  await page.waitForURL("/admin/bkn");
  await expect(page.getByTestId("buka-audit")).toHaveAttribute("href", "/admin/audit");
  await page.goto("/admin/audit");
  await waitForHydration(page);
  await expect(page.getByTestId("baris-audit").first()).toBeVisible();

  const filter = page.getByTestId("filter-audit");
  await filter.getByLabel("Pelaku").fill("admin.bkn");
  await filter.getByLabel("Aksi").fill("signin_ok");
  await filter.getByTestId("terapkan-audit").click();
  const rows = page.getByTestId("baris-audit");
  await expect(rows.first()).toContainText("signin_ok");
  await expect(rows.filter({ hasNotText: "admin.bkn" })).toHaveCount(0);
  // Its own reads are in the log too.
  await filter.getByLabel("Aksi").fill("audit_log_read");
  await filter.getByTestId("terapkan-audit").click();
  await expect(rows.first()).toContainText("audit_log_read");
  await filter.getByLabel("Aksi").fill("bukan aksi!");
  await filter.getByTestId("terapkan-audit").click();
  await expect(page.getByRole("alert")).toContainText("Aksi ditulis sebagai kode");
});
