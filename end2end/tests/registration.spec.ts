import { expect, Page } from "@playwright/test";
import { lastMailTo, signIn, sql, test, waitForHydration } from "./helpers";

/** A PNS of Dinas Pendidikan Sleman with no account yet: the first by NIP, or the last. */
function unregistered(order: "ASC" | "DESC"): string[] {
  return sql(
    `SELECT p.nip, p.nik, p.tanggal_lahir, p.tmt_cpns,
            (SELECT g.nomor_sk FROM riwayat_golongan g WHERE g.nip = p.nip ORDER BY g.tmt, g.tanggal_sk, g.id LIMIT 1),
            p.nama FROM pns p
     JOIN unor u ON u.id = p.unor_id JOIN unor root ON u.path LIKE root.path || '%'
     WHERE root.nama = 'Dinas Pendidikan' AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
       AND EXISTS (SELECT 1 FROM riwayat_golongan g WHERE g.nip = p.nip)
     ORDER BY p.nip ${order} LIMIT 1`,
  ).split("|");
}

/** Registers the PNS `person` on /daftar through to the registration number. */
async function register(page: Page, person: string[], email: string, password: string) {
  const [nip, nik, birth, tmt, sk] = person;
  await page.goto("/daftar");
  await waitForHydration(page);
  await page.getByLabel("NIP").fill(nip);
  await page.getByRole("button", { name: "Cari NIP" }).click();
  await expect(page.getByTestId("lookup-result")).toContainText("Pemerintah Kabupaten Sleman");
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
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByLabel("Ulangi kata sandi").fill(password);
  await page.getByRole("button", { name: "Daftar akun PNS" }).click();
  await expect(page.getByTestId("registration-number")).toHaveText(/^PUPNS-\d{4}-\d{9}$/);
}

test("a PNS registers, the L1 verifier approves, and the PNS signs in", async ({ page, browser }) => {
  const person = unregistered("ASC");
  const [nip, , , , , nama] = person;
  const email = `pns.${nip}@example.go.id`;

  await page.goto("/daftar");
  await waitForHydration(page);
  await page.getByLabel("NIP").fill("12345");
  await expect(page.getByRole("alert").first()).toHaveText("NIP harus 18 digit angka.");
  await page.getByLabel("NIP").fill(nip);
  await page.getByRole("button", { name: "Cari NIP" }).click();
  await expect(page.getByTestId("lookup-result")).not.toContainText(nama); // only the masked name is shown
  await register(page, person, email, "SandiBaru2026");
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

test("the instansi admin rejects a registration with a mailed reason, then approves the corrected one", async ({
  page,
  browser,
}) => {
  const person = unregistered("DESC");
  const nip = person[0];
  const email = `pns.${nip}@example.go.id`;
  await register(page, person, email, "SandiPertama2026");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin.sleman");
  await admin.waitForURL("/admin/instansi");
  await waitForHydration(admin);
  const row = admin.getByTestId("baris-pendaftaran").filter({ hasText: nip });
  await row.getByText("Tolak pendaftaran").click();
  await row.getByLabel("Alasan penolakan").fill("salah");
  await row.getByRole("button", { name: "Tolak", exact: true }).click();
  await expect(admin.getByTestId("galat-pendaftaran")).toContainText("10–500 karakter");
  await row.getByLabel("Alasan penolakan").fill("Email yang didaftarkan bukan email dinas Anda.");
  await row.getByRole("button", { name: "Tolak", exact: true }).click();
  await expect(admin.getByTestId("kabar-pendaftaran")).toHaveText("Pendaftaran ditolak; pendaftar diberi tahu lewat email.");
  await expect(row).toBeHidden();
  await expect.poll(async () => (await lastMailTo(email)).includes("Email yang didaftarkan bukan email dinas Anda.")).toBe(true);

  // The NIP registers again; this time the admin approves, and the PNS signs in.
  const fresh = await (await browser.newContext()).newPage();
  await register(fresh, person, email, "SandiKedua2026");
  await admin.reload();
  await waitForHydration(admin);
  await admin.getByTestId("baris-pendaftaran").filter({ hasText: nip }).getByRole("button", { name: "Setujui" }).click();
  await expect(admin.getByTestId("kabar-pendaftaran")).toHaveText("Pendaftaran disetujui.");
  await signIn(fresh, nip, "SandiKedua2026");
  await expect(fresh).toHaveURL("/pns");
});
