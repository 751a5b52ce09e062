import { expect, Page } from "@playwright/test";
import { signIn, sql, test, waitForHydration } from "./helpers";

/** Signs `login` in and opens the queue, narrowed to `nip` when given. */
async function openQueue(page: Page, login: string, nip?: string) {
  await page.context().clearCookies();
  await signIn(page, login);
  await page.waitForURL("**/verifikasi");
  await waitForHydration(page);
  // The queue is a lazy route: its filter works once its chunks have arrived and hydrated,
  // which can be after <body data-hydrated> (the app shell) is set. A choice made before
  // that is reset by hydration, and the click would submit the unhydrated form.
  await page.waitForLoadState("networkidle");
  if (nip) {
    await page.getByTestId("filter-antrian").locator("input").first().fill(nip);
    await page.getByTestId("terapkan-filter").click();
    await expect(page.getByTestId("item-antrian")).toHaveCount(1);
  }
  await expect(page.getByTestId("item-antrian").first()).toBeVisible();
}

/** Opens the first submission of the queue and accepts every change. */
async function openFirstAndAcceptAll(page: Page): Promise<string> {
  const row = page.getByTestId("item-antrian").first();
  const nip = (await row.locator("a").first().innerText()).trim();
  await row.locator("a").first().click();
  await page.waitForURL("**/verifikasi/usulan/**");
  await waitForHydration(page);
  await expect(page.getByTestId("nip")).toHaveText(nip);
  await expect(page.getByTestId("klaim")).toContainText("Anda");
  await page.getByTestId("terima-semua").click();
  return nip;
}

test("a proposal passes L1, L2 and L3 in the browser and becomes the master record", async ({ page }) => {
  await openQueue(page, "verif1.dinkes");
  const nip = await openFirstAndAcceptAll(page);
  const versi = Number(sql(`SELECT versi FROM pns WHERE nip = '${nip}'`));
  await page.getByTestId("teruskan").click();
  await expect(page.getByTestId("hasil-putusan")).toHaveAttribute("data-status", "diteruskan");
  await expect(page.getByTestId("hasil-putusan")).toContainText("2");

  for (const [login, status] of [
    ["verif2.sleman", "diteruskan"],
    ["verif3.kanreg1", "final"],
  ]) {
    await openQueue(page, login, nip);
    await openFirstAndAcceptAll(page);
    await page.getByTestId("teruskan").click();
    await expect(page.getByTestId("hasil-putusan")).toHaveAttribute("data-status", status);
  }
  await expect(page.getByTestId("hasil-putusan")).toContainText("data master");
  expect(sql(`SELECT status FROM usulan WHERE nip = '${nip}' ORDER BY dibuat DESC LIMIT 1`)).toBe("final");
  expect(Number(sql(`SELECT versi FROM pns WHERE nip = '${nip}'`))).toBe(versi + 1);
});

test("a verifier returns a proposal with a reason the PNS will see", async ({ page }) => {
  await openQueue(page, "verif1.dinkes");
  const nip = await openFirstAndAcceptAll(page);
  // Returning without a rejection is refused in the page, before anything is sent.
  await page.getByTestId("kembalikan").click();
  await expect(page.getByTestId("putusan-error")).toContainText("tolak");
  const row = page.locator("tr[data-testid^='keputusan-']").first();
  await row.locator("input[value='tolak']").check();
  await row.locator("input.alasan").fill("Tidak sesuai dengan dokumen pendukung");
  await page.getByTestId("kembalikan").click();
  await expect(page.getByTestId("hasil-putusan")).toHaveAttribute("data-status", "dikembalikan");
  expect(sql(`SELECT status FROM usulan WHERE nip = '${nip}' AND status <> 'final'`)).toBe("dikembalikan");
  expect(sql(`SELECT penolakan::text FROM usulan WHERE nip = '${nip}' AND status <> 'final'`)).toContain(
    "Tidak sesuai dengan dokumen pendukung",
  );
});

test("the PNS sees the verified change in Data Saya once L3 approves", async ({ page }) => {
  // The demo PNS of Dinas Kesehatan with an account whose proposal waits at L3.
  const nip = sql(`SELECT v.nip FROM verifikasi_item v JOIN account a ON a.nip = v.nip
                   WHERE v.status = 'menunggu' AND v.tingkat = 3 LIMIT 1`);
  const alamat = sql(`SELECT c.baru FROM usulan_perubahan c JOIN usulan u ON u.id = c.usulan_id
                      WHERE u.nip = '${nip}' AND u.status = 'dikirim' AND c.field = 'alamat'`);
  expect(alamat).not.toBe("");
  await openQueue(page, "verif3.kanreg1", nip);
  await openFirstAndAcceptAll(page);
  await page.getByTestId("teruskan").click();
  await expect(page.getByTestId("hasil-putusan")).toHaveAttribute("data-status", "final");

  await page.context().clearCookies();
  await signIn(page, nip);
  await page.waitForURL("**/pns");
  await expect(page.getByTestId("home-pns")).toContainText(alamat);
  await page.goto("/pns/progres");
  await expect(page.getByTestId("timeline")).toContainText("Kantor Regional I");
});

test("a PNS whose proposal was returned sees the rejected field and the reason in the form", async ({ page }) => {
  const nip = sql(`SELECT u.nip FROM usulan u JOIN account a ON a.nip = u.nip WHERE u.status = 'dikembalikan' LIMIT 1`);
  const alasan = sql(`SELECT penolakan->0->>'alasan' FROM usulan WHERE nip = '${nip}' AND status = 'dikembalikan'`);
  expect(alasan).not.toBe("");
  await page.context().clearCookies();
  await signIn(page, nip);
  await page.waitForURL("**/pns");
  await page.goto("/pns/formulir");
  await waitForHydration(page);
  await expect(page.getByTestId("penolakan")).toContainText(alasan);
  await expect(page.locator(".ditolak").first()).toBeVisible();
});

test("L4 approves a birth-date change and the PNS gets the new NIP, the old one kept as an alias", async ({ page }) => {
  await openQueue(page, "verif4.bkn");
  const nip = await openFirstAndAcceptAll(page);
  // The new NIP follows the corrected birth date.
  await expect(page.getByTestId("nip-baru")).toBeVisible();
  await page.getByTestId("teruskan").click();
  await expect(page.getByTestId("hasil-putusan")).toHaveAttribute("data-status", "final");
  const baru = sql(`SELECT nip FROM pns_nip_lama WHERE nip_lama = '${nip}'`);
  expect(baru).toMatch(/^[0-9]{18}$/);
  expect(baru).not.toBe(nip);
  expect(sql(`SELECT count(*) FROM pns WHERE nip = '${nip}'`)).toBe("0");
  expect(sql(`SELECT to_char(tanggal_lahir, 'YYYYMMDD') FROM pns WHERE nip = '${baru}'`)).toBe(baru.slice(0, 8));
});

test("an L2 verifier narrows the queue to one unit and sees exactly its waiting proposals", async ({ page }) => {
  await openQueue(page, "verif2.sleman");
  const select = page.getByTestId("filter-unor");
  const option = select.locator("option", { hasText: "Dinas Kesehatan" }).first();
  const unit = await option.getAttribute("value");
  await select.selectOption(unit!);
  await page.getByTestId("terapkan-filter").click();
  const expected = Number(
    sql(`SELECT count(*) FROM verifikasi_item WHERE tingkat = 2 AND status = 'menunggu'
         AND starts_with(unor_path, (SELECT path FROM unor WHERE id = '${unit}'))`),
  );
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByTestId("item-antrian")).toHaveCount(Math.min(expected, 50));
  const nip = (await page.getByTestId("item-antrian").first().locator("a").first().innerText()).trim();
  expect(
    sql(`SELECT count(*) FROM pns p JOIN unor u ON u.id = p.unor_id
         WHERE p.nip = '${nip}' AND starts_with(u.path, (SELECT path FROM unor WHERE id = '${unit}'))`),
  ).toBe("1");
});
