import { expect } from "@playwright/test";
import { lastMailTo, signIn, sql, test, waitForHydration } from "./helpers";

test("a PNS registers, the L1 verifier approves, and the PNS signs in", async ({ page, browser }) => {
  // A PNS of Dinas Pendidikan Sleman with no account yet.
  const [nip, nik, birth, tmt, sk, nama] = sql(
    `SELECT p.nip, p.nik, p.tanggal_lahir, p.tmt_cpns,
            (SELECT g.nomor_sk FROM riwayat_golongan g WHERE g.nip = p.nip ORDER BY g.tmt, g.tanggal_sk, g.id LIMIT 1),
            p.nama FROM pns p
     JOIN unor u ON u.id = p.unor_id JOIN unor root ON u.path LIKE root.path || '%'
     WHERE root.nama = 'Dinas Pendidikan' AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
     ORDER BY p.nip LIMIT 1`,
  ).split("|");
  const email = `pns.${nip}@example.go.id`;

  await page.goto("/daftar");
  await waitForHydration(page);
  await page.getByLabel("NIP").fill("12345");
  await expect(page.getByRole("alert").first()).toHaveText("NIP harus 18 digit angka.");
  await page.getByLabel("NIP").fill(nip);
  await page.getByRole("button", { name: "Cari NIP" }).click();
  const result = page.getByTestId("lookup-result");
  await expect(result).toContainText("Pemerintah Kabupaten Sleman");
  await expect(result).not.toContainText(nama); // only the masked name is shown

  await page.getByLabel("NIK").fill(nik);
  await page.getByLabel("Tanggal lahir").fill(birth);
  await page.getByLabel("TMT CPNS").fill(tmt);
  // The SK number as a person might type it: case and punctuation do not matter.
  await page.getByLabel("Nomor SK CPNS").fill(sk.toLowerCase().replace(/[^a-z0-9]/g, " "));
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expect(page.getByText("Kode verifikasi 6 angka telah dikirim")).toBeVisible();

  const code = (await lastMailTo(email)).match(/: (\d{6})/)![1];
  await page.getByLabel("Kode verifikasi").fill(code);
  await page.getByLabel("Kata sandi", { exact: true }).fill("SandiBaru2026");
  await page.getByLabel("Ulangi kata sandi").fill("SandiBaru2026");
  await page.getByRole("button", { name: "Daftar akun PNS" }).click();
  await expect(page.getByTestId("registration-number")).toHaveText(/^PUPNS-\d{4}-\d{9}$/);
  const slip = await page.request.get(await page.getByRole("link", { name: /slip/ }).getAttribute("href") ?? "");
  expect(slip.headers()["content-type"]).toBe("application/pdf");

  // Waiting for approval: sign-in says so.
  const pns = await browser.newPage();
  await signIn(pns, nip, "SandiBaru2026");
  await expect(pns.getByTestId("signin-error")).toContainText("menunggu verifikasi");

  // The L2 verifier of the instansi approves.
  await signIn(page, "verif2.sleman");
  await expect(page).toHaveURL("/verifikasi");
  await waitForHydration(page);
  await page.getByRole("tab", { name: "Pendaftaran" }).click();
  const row = page.getByRole("row", { name: new RegExp(nip) });
  await row.getByRole("button", { name: "Setujui" }).click();
  await expect(page.getByText("Pendaftaran disetujui.")).toBeVisible();

  await signIn(pns, nip, "SandiBaru2026");
  await expect(pns).toHaveURL("/pns");
});
