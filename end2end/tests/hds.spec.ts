import { Browser, expect, Page } from "@playwright/test";
import { DEMO_PNS_NIP, signIn, sql, test, waitForHydration } from "./helpers";

/** A signed-in page of its own browser context (the PNS and the officer side by side). */
async function signedIn(browser: Browser, login: string, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login);
  await page.waitForURL(/\/(pns|hds)/);
  await page.goto(path);
  await waitForHydration(page);
  return page;
}

/** The page's live stream is open (the lazy route hydrated and the EventSource connected). */
async function live(page: Page) {
  await expect(page.getByTestId("langsung")).toHaveAttribute("data-aktif", "true");
}

test("hds.kanreg1 opens an inbox with work in it, overdue tickets first", async ({ page }) => {
  await signIn(page, "hds.kanreg1");
  await expect(page).toHaveURL("/hds");
  const rows = page.getByTestId("baris-tiket");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(rows.first()).toHaveAttribute("data-terlambat", "true");
  // Only Kanreg I's categories.
  const categories = await page.locator("[data-testid=baris-tiket] td:nth-child(2)").allInnerTexts();
  expect(new Set(categories.map((c) => c.trim()))).toEqual(new Set(["A", "B", "C", "D", "P"]));
});

test("a PNS's ticket appears live in the officer's inbox, and the answers go back and forth without reloading", async ({
  browser,
}) => {
  const officer = await signedIn(browser, "hds.kanreg1", "/hds");
  await live(officer);
  const pns = await signedIn(browser, DEMO_PNS_NIP, "/pns/bantuan");

  // The PNS raises an A (beda nama) ticket; the page checks it first.
  await pns.getByTestId("buat-tiket").click();
  await pns.getByLabel("Kategori masalah").selectOption("A");
  await pns.getByLabel("Subjek").fill("Nama");
  await pns.getByTestId("kirim-tiket").click();
  await expect(pns.getByText("Subjek minimal 5 karakter.")).toBeVisible();
  await pns.getByLabel("Subjek").fill("Nama saya salah eja");
  await pns.getByLabel("Uraian masalah").fill("Di data master tertulis SITI AMINAH, di SK CPNS SITI AMINAH S.");
  await pns.getByTestId("kirim-tiket").click();
  await pns.waitForURL(/\/pns\/bantuan\/[0-9a-f-]{36}$/);
  await waitForHydration(pns);
  const nomor = (await pns.getByTestId("nomor-tiket").innerText()).trim();
  expect(nomor).toMatch(/^HDS-\d{4}-\d{6}$/);
  await expect(pns.getByTestId("penerima")).toContainText("Kantor Regional I");

  // The officer's open inbox shows it without a reload, unread, and the tab title counts it.
  const row = officer.getByTestId("baris-tiket").filter({ hasText: nomor });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("belum-dibaca")).toBeVisible();
  await expect(officer).toHaveTitle(/^\(\d+\) Kotak Masuk Help Desk/);

  await row.getByRole("link", { name: nomor }).click();
  await officer.waitForURL(/\/hds\/tiket\//);
  await waitForHydration(officer);
  await live(officer);
  await live(pns);
  await officer.getByTestId("ambil-tiket").click();
  await expect(officer.getByTestId("petugas")).toContainText("Petugas HDS Kanreg I");
  await officer.getByLabel("Balasan Anda").fill("Mohon unggah SK CPNS Anda.");
  await officer.getByLabel("Status setelah dibalas").selectOption("menunggu_pns");
  await officer.getByTestId("kirim-balasan").click();

  // The PNS's page shows the answer and the new status by itself.
  await expect(pns.getByTestId("pesan").filter({ hasText: "Mohon unggah SK CPNS Anda." })).toBeVisible();
  await expect(pns.getByTestId("status-tiket")).toHaveText("Menunggu PNS");

  // The officer starts typing; the PNS's answer arrives meanwhile: shown, with a notice, and
  // the draft is kept.
  await officer.getByLabel("Balasan Anda").fill("Terima kasih, kami");
  await pns.getByLabel("Balasan Anda").fill("Sudah saya unggah di formulir.");
  await pns.getByTestId("kirim-balasan").click();
  await expect(officer.getByTestId("pesan").filter({ hasText: "Sudah saya unggah di formulir." })).toBeVisible();
  await expect(officer.getByTestId("pesan-baru")).toBeVisible();
  await expect(officer.getByLabel("Balasan Anda")).toHaveValue("Terima kasih, kami");

  // An internal note never reaches the PNS.
  await officer.getByLabel("Balasan Anda").fill("Catatan: cocokkan dengan SK.");
  await officer.getByLabel("Catatan internal (tidak terlihat oleh PNS)").check();
  await officer.getByTestId("kirim-balasan").click();
  await expect(officer.getByTestId("pesan").filter({ hasText: "Catatan: cocokkan" })).toBeVisible();
  const id = pns.url().split("/").pop();
  expect(sql(`SELECT count(*) FROM hds_pesan WHERE tiket_id = '${id}' AND internal`)).toBe("1");
  await pns.reload();
  await waitForHydration(pns);
  await expect(pns.getByTestId("pesan")).toHaveCount(2);

  // Every officer read of the ticket is in the audit log.
  expect(Number(sql(`SELECT count(*) FROM audit_log WHERE action = 'data_read' AND subject = '${DEMO_PNS_NIP}'
                     AND detail->>'fields' = 'hds_tiket'`))).toBeGreaterThan(0);
});

test("an officer whose connection dropped catches up on what was missed when it comes back", async ({ browser }) => {
  const officer = await signedIn(browser, "hds.kanreg1", "/hds");
  await live(officer);
  const before = await officer.getByTestId("baris-tiket").count();
  await officer.context().setOffline(true);
  await expect(officer.getByTestId("langsung")).toHaveAttribute("data-aktif", "false");

  // Raised while the officer is offline (by another PNS, through the server function).
  const pns = await signedIn(browser, DEMO_PNS_NIP, "/pns/bantuan");
  await pns.getByTestId("buat-tiket").click();
  await pns.getByLabel("Kategori masalah").selectOption("C");
  await pns.getByLabel("Subjek").fill("Tercatat pensiun");
  await pns.getByLabel("Uraian masalah").fill("Status saya pensiun padahal masih aktif bekerja.");
  await pns.getByTestId("kirim-tiket").click();
  await pns.waitForURL(/\/pns\/bantuan\/[0-9a-f-]{36}$/);
  const nomor = (await pns.getByTestId("nomor-tiket").innerText()).trim();
  await expect(officer.getByTestId("baris-tiket").filter({ hasText: nomor })).toHaveCount(0);

  await officer.context().setOffline(false);
  await expect(officer.getByTestId("baris-tiket").filter({ hasText: nomor })).toBeVisible({ timeout: 15_000 });
  await expect(officer.getByTestId("baris-tiket")).toHaveCount(before + 1);
});

test("two officers who open the same ticket each see the other", async ({ browser }) => {
  const first = await signedIn(browser, "hds.kanreg1", "/hds");
  const row = first.getByTestId("baris-tiket").first();
  const href = await row.getByRole("link").getAttribute("href");
  await first.goto(href!);
  await waitForHydration(first);
  await live(first);
  await expect(first.getByTestId("juga-membuka")).toHaveCount(0);

  const second = await signedIn(browser, "hds2.kanreg1", href!);
  await expect(second.getByTestId("juga-membuka")).toContainText("Petugas HDS Kanreg I");
  // The first officer is told without reloading.
  await expect(first.getByTestId("juga-membuka")).toContainText("Petugas HDS Kanreg I (2)");
});
