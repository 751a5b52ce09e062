import { Browser, expect, Page } from "@playwright/test";
import { addUnit, DEMO_PNS_NIP, lastMailTo, signIn, slemanPnsWithAccount, sql, test, waitForHydration } from "./helpers";

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

/** A Sleman PNS with an account of their own for journey `n` to raise tickets as: a PNS may
 * raise five an hour, so journeys do not share one. */
function ticketPns(n: number): string {
  return slemanPnsWithAccount("ASC", n);
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

  // Only those waiting three days or more: fewer rows, each waited "3 hr …" or longer.
  const all = await rows.count();
  await waitForHydration(page);
  await page.getByLabel("Menunggu lebih dari").selectOption("72");
  await page.getByTestId("terapkan-filter").click();
  await expect(rows).not.toHaveCount(all);
  const waited = await page.locator("[data-testid=baris-tiket] td:nth-child(8)").allInnerTexts();
  expect(waited.length).toBeGreaterThan(0);
  for (const w of waited) expect(Number(w.match(/^(\d+) hr/)?.[1] ?? 0)).toBeGreaterThanOrEqual(3);
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

test("a PNS attaches the decree to their ticket, and the officer sees it live and downloads it", async ({ browser }) => {
  const officer = await signedIn(browser, "hds.kanreg1", "/hds");
  await live(officer);
  // Another PNS than the demo's, whose tickets other journeys count against the hourly limit.
  const nip = "198508252020032001";
  const pns = await signedIn(browser, nip, "/pns/bantuan");
  await pns.getByTestId("buat-tiket").click();
  await pns.getByLabel("Kategori masalah").selectOption("A");
  await pns.getByLabel("Subjek").fill("Gelar belakang tidak tercatat");
  await pns.getByLabel("Uraian masalah").fill("Gelar S.Pd. ada di SK CPNS saya tetapi tidak di data master.");
  await pns.getByTestId("kirim-tiket").click();
  await pns.waitForURL(/\/pns\/bantuan\/[0-9a-f-]{36}$/);
  await waitForHydration(pns);
  await live(pns);
  const nomor = (await pns.getByTestId("nomor-tiket").innerText()).trim();
  const row = officer.getByTestId("baris-tiket").filter({ hasText: nomor });
  await row.getByRole("link", { name: nomor }).click();
  await officer.waitForURL(/\/hds\/tiket\//);
  await waitForHydration(officer);
  await live(officer);
  await expect(officer.getByTestId("lampiran")).toContainText("Belum ada lampiran.");
  // Both sides see that the evidence an A ticket needs is missing, until the PNS attaches it.
  await expect(officer.getByTestId("bukti-belum")).toContainText("Bukti belum dilampirkan");
  await expect(pns.getByTestId("bukti-belum")).toBeVisible();

  // Checked by content in the browser's upload and again on the server: a text file is refused.
  const lampiran = pns.getByTestId("lampiran");
  await lampiran.getByLabel("Tambah lampiran").setInputFiles({
    name: "catatan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("bukan PDF"),
  });
  await expect(lampiran.getByRole("alert")).toContainText("PDF, JPEG atau PNG");
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
  await lampiran.getByLabel("Tambah lampiran").setInputFiles({ name: "SK CPNS.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(lampiran.getByTestId("berkas-lampiran")).toContainText("SK CPNS.pdf");

  // The officer's open ticket shows it by itself; the link downloads the same bytes.
  const file = officer.getByTestId("berkas-lampiran").filter({ hasText: "SK CPNS.pdf" });
  await expect(file).toBeVisible();
  await expect(officer.getByTestId("bukti-belum")).toHaveCount(0);
  await expect(pns.getByTestId("bukti-belum")).toHaveCount(0);
  const download = await officer.request.get((await file.getByRole("link").getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.compare(await download.body(), pdf)).toBe(0);
  // …and every officer read of it is audited.
  expect(Number(sql(`SELECT count(*) FROM audit_log WHERE action = 'data_read' AND subject = '${nip}'
                     AND detail->>'fields' = 'hds_lampiran SK CPNS.pdf'`))).toBeGreaterThan(0);
});

test("someone whose masked name is wrong sends a ticket from registration, confirmed by mail and followed by link", async ({
  page,
  browser,
}) => {
  const officer = await signedIn(browser, "hds.kanreg1", "/hds");
  await live(officer);
  // A PNS of Sleman (Kanreg I answers A) with no account yet.
  const [nip, nama] = sql(
    `SELECT p.nip, p.nama FROM pns p JOIN instansi i ON i.id = p.instansi_id
     WHERE i.nama = 'Pemerintah Kabupaten Sleman' AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
     ORDER BY p.nip DESC LIMIT 1`,
  ).split("|");
  const email = `tamu.${nip}@example.go.id`;

  await page.goto("/daftar");
  await waitForHydration(page);
  await page.getByLabel("NIP").fill(nip);
  await page.getByRole("button", { name: "Cari NIP" }).click();
  const tamu = page.getByTestId("tiket-tamu");
  await tamu.getByText("[?] Nama/instansi salah").click();
  await tamu.getByLabel("Kategori masalah").selectOption("A");
  await tamu.getByLabel("Subjek").fill("Nama saya tertulis salah");
  await tamu.getByLabel("Uraian masalah").fill("Nama pada data master berbeda dengan SK CPNS saya.");
  await tamu.getByLabel("Email untuk tiket ini").fill("bukan-email");
  await tamu.getByRole("button", { name: "Kirim kode ke email" }).click();
  await expect(tamu.getByRole("alert")).toBeVisible();
  await tamu.getByLabel("Email untuk tiket ini").fill(email);
  await tamu.getByRole("button", { name: "Kirim kode ke email" }).click();
  await expect(tamu.getByText("Kode konfirmasi telah dikirim")).toBeVisible();
  const codeMail = await lastMailTo(email);
  expect(codeMail).not.toContain(nama);
  const code = codeMail.match(/Anda: (\d{6})/)![1];
  await tamu.getByLabel("Kode verifikasi").fill(code);
  await tamu.getByRole("button", { name: "Kirim tiket" }).click();
  const nomor = (await tamu.getByTestId("nomor-tiket-tamu").innerText()).trim();
  expect(nomor).toMatch(/^HDS-\d{4}-\d{6}$/);

  // Kanreg I's open inbox shows it without a reload; the officer answers.
  const row = officer.getByTestId("baris-tiket").filter({ hasText: nomor });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: nomor }).click();
  await officer.waitForURL(/\/hds\/tiket\//);
  await waitForHydration(officer);
  await live(officer);
  await officer.getByLabel("Balasan Anda").fill("Mohon kirim scan SK CPNS Anda.");
  await officer.getByLabel("Status setelah dibalas").selectOption("menunggu_pns");
  await officer.getByTestId("kirim-balasan").click();
  await expect(officer.getByTestId("pesan").filter({ hasText: "Mohon kirim scan" })).toBeVisible();

  // The notice mail carries a new link, not the answer; the link opens the ticket.
  let notice = "";
  await expect(async () => {
    notice = await lastMailTo(email);
    expect(notice).toContain("dijawab");
  }).toPass();
  expect(notice).not.toContain("Mohon kirim scan");
  const link = new URL(notice.match(/https?:\/\/\S+\/daftar\/tiket\?tautan=\S+/)![0]);
  await page.goto(link.pathname + link.search);
  await waitForHydration(page);
  await expect(page.getByTestId("nomor-tiket")).toHaveText(nomor);
  await expect(page.getByTestId("status-tiket")).toHaveText("Menunggu PNS");
  await expect(page.getByTestId("pesan").filter({ hasText: "Mohon kirim scan SK CPNS Anda." })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(nama);
  await page.getByLabel("Balasan Anda").fill("SK CPNS saya titipkan ke BKD.");
  await page.getByTestId("kirim-balasan").click();
  await expect(page.getByTestId("pesan").filter({ hasText: "titipkan ke BKD" })).toBeVisible();

  // The officer's open ticket shows the answer by itself.
  await expect(officer.getByTestId("pesan").filter({ hasText: "titipkan ke BKD" })).toBeVisible();
  await expect(officer.getByTestId("status-tiket")).toHaveText("Dibuka");

  // A made-up link opens nothing.
  await page.goto("/daftar/tiket?tautan=bukan-tautan");
  await waitForHydration(page);
  await expect(page.getByText("Tautan tiket tidak valid")).toBeVisible();
});

test("an officer whose connection dropped catches up on what was missed when it comes back", async ({ browser }) => {
  const officer = await signedIn(browser, "hds.kanreg1", "/hds");
  await live(officer);
  const before = await officer.getByTestId("baris-tiket").count();
  await officer.context().setOffline(true);
  await expect(officer.getByTestId("langsung")).toHaveAttribute("data-aktif", "false");

  // Raised while the officer is offline (by another PNS, through the server function).
  const pns = await signedIn(browser, ticketPns(0), "/pns/bantuan");
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

test("an officer hands a ticket to a colleague, answers with a canned reply, and transfers it to another office", async ({
  browser,
}) => {
  const pns = await signedIn(browser, ticketPns(1), "/pns/bantuan");
  await pns.getByTestId("buat-tiket").click();
  await pns.getByLabel("Kategori masalah").selectOption("D");
  await pns.getByLabel("Subjek").fill("Tercatat diberhentikan");
  await pns.getByLabel("Uraian masalah").fill("Saya tercatat diberhentikan, padahal masih bekerja di Dinas Kesehatan.");
  await pns.getByTestId("kirim-tiket").click();
  await pns.waitForURL(/\/pns\/bantuan\/[0-9a-f-]{36}$/);
  await waitForHydration(pns);
  await live(pns);
  const nomor = (await pns.getByTestId("nomor-tiket").innerText()).trim();
  const ticketId = pns.url().split("/").pop()!;

  // The colleague watches their own tickets only.
  const colleague = await signedIn(browser, "hds2.kanreg1", "/hds");
  await colleague.getByLabel("Hanya milik saya").check();
  await colleague.getByTestId("terapkan-filter").click();
  await live(colleague);
  await expect(colleague.getByTestId("baris-tiket").filter({ hasText: nomor })).toHaveCount(0);

  const officer = await signedIn(browser, "hds.kanreg1", `/hds/tiket/${ticketId}`);
  await live(officer);
  await officer.getByLabel("Tugaskan ke").selectOption({ label: "Petugas HDS Kanreg I (2)" });
  await officer.getByTestId("tugaskan").click();
  await expect(officer.getByTestId("petugas")).toHaveText("Petugas HDS Kanreg I (2)");
  // It appears in the colleague's "mine" inbox by itself.
  await expect(colleague.getByTestId("baris-tiket").filter({ hasText: nomor })).toBeVisible();

  // A canned reply of Kanreg I goes into the reply box; the officer saves a new one.
  await officer.getByLabel("Templat balasan").selectOption({ label: "Minta SK pendukung" });
  await officer.getByTestId("sisipkan-templat").click();
  await expect(officer.getByLabel("Balasan Anda")).toHaveValue(/^Mohon unggah SK yang memuat data yang benar/);
  await officer.getByLabel("Balasan Anda").fill("Data Anda sedang kami periksa bersama Deputi SINKA.");
  await officer.getByLabel("Judul templat baru").fill("Ok");
  await officer.getByTestId("simpan-templat").click();
  await expect(officer.getByTestId("galat-templat")).toHaveText("Judul templat minimal 3 karakter.");
  await officer.getByLabel("Judul templat baru").fill("Sedang diperiksa SINKA");
  await officer.getByTestId("simpan-templat").click();
  await expect(officer.getByLabel("Templat balasan").locator("option", { hasText: "Sedang diperiksa SINKA" })).toHaveCount(1);
  expect(sql("SELECT count(*) FROM hds_templat WHERE judul = 'Sedang diperiksa SINKA' AND kantor_id = 1")).toBe("1");

  // The transfer needs a reason; then the ticket leaves Kanreg I and the PNS sees who answers now.
  await officer.getByText("Alihkan ke kantor lain").click();
  await officer.getByLabel("Kantor tujuan", { exact: true }).selectOption("kantor:104");
  await officer.getByLabel(/^Alasan pengalihan/).fill("Salah");
  await officer.getByTestId("kirim-alih").click();
  await expect(officer.getByTestId("galat-tindakan")).toHaveText("Tulis alasan pengalihan, minimal 10 karakter.");
  await officer.getByLabel(/^Alasan pengalihan/).fill("Pemberhentian PNS instansi pusat ditangani Deputi SINKA.");
  await officer.getByTestId("kirim-alih").click();
  await officer.waitForURL(/\/hds\?dialihkan=/);
  await expect(officer.getByTestId("dialihkan")).toContainText(nomor);
  await expect(officer.getByTestId("baris-tiket").filter({ hasText: nomor })).toHaveCount(0);
  await expect(colleague.getByTestId("baris-tiket").filter({ hasText: nomor })).toHaveCount(0);
  await expect(pns.getByTestId("penerima")).toContainText("Deputi");
  expect(sql(`SELECT ke_kantor_id || ' ' || oleh_nama FROM hds_pengalihan WHERE tiket_id = '${ticketId}'`)).toBe(
    "104 Petugas HDS Kanreg I",
  );
});

/** The id of the unit named `nama`. */
function unitIdOf(nama: string): string {
  return sql(`SELECT id FROM unor WHERE nama = '${nama}'`);
}

test("a PNS whose unit is missing flags the field; the instansi admin adds the unit, names it on the ticket, and the form offers it", async ({
  browser,
}) => {
  const unit = `Bidang Arsip Digital ${Date.now().toString(36)}`;
  const adminContext = await browser.newContext();
  const inbox = await adminContext.newPage();
  await signIn(inbox, "admin.sleman");
  await inbox.waitForURL("/admin/instansi");
  await inbox.goto("/hds");
  await waitForHydration(inbox);
  await live(inbox);

  // The PNS's "[?]" beside the unit opens a ticket filled in as "unit not found" (F).
  const nip = ticketPns(2);
  const pns = await signedIn(browser, nip, "/pns/formulir");
  await pns.locator("#tab-data-posisi").click();
  await pns.locator("#f-data-posisi-unor-tanda").click();
  await pns.waitForURL(/\/pns\/bantuan\?bagian=data-posisi&field=unor$/);
  await waitForHydration(pns);
  await expect(pns.getByLabel("Kategori masalah")).toHaveValue("F");
  const uraian = pns.getByLabel("Uraian masalah");
  await uraian.fill((await uraian.inputValue()) + `Saya bertugas di ${unit} yang baru dibentuk.`);
  await pns.getByTestId("kirim-tiket").click();
  await pns.waitForURL(/\/pns\/bantuan\/[0-9a-f-]{36}$/);
  const nomor = (await pns.getByTestId("nomor-tiket").innerText()).trim();

  // It reaches the admin's open inbox; the unit is added in the unit tree first.
  const row = inbox.getByTestId("baris-tiket").filter({ hasText: nomor });
  await expect(row).toBeVisible();
  const tree = await adminContext.newPage();
  await tree.goto("/admin/instansi/unor");
  await waitForHydration(tree);
  await addUnit(tree, "Dinas Kesehatan", unit);

  // On the ticket the admin chooses the new unit among the instansi's units and names it: the
  // ticket is solved.
  await row.getByRole("link", { name: nomor }).click();
  await inbox.waitForURL(/\/hds\/tiket\//);
  await waitForHydration(inbox);
  const form = inbox.getByTestId("form-koreksi");
  await form.getByTestId("kirim-koreksi").click();
  await expect(inbox.getByTestId("galat-koreksi")).toContainText("Nilai tidak ada dalam tabel referensi.");
  await form.getByLabel("Entri yang disarankan").selectOption({ label: unit });
  await form.getByTestId("kirim-koreksi").click();
  await expect(inbox.getByTestId("pesan").filter({ hasText: `Entri "${unit}" sudah tersedia` })).toBeVisible();
  await expect(inbox.getByTestId("status-tiket")).toHaveText("Selesai");
  await adminContext.close();

  // The PNS sees the answer live, which names the unit; the field's picker offers it now: the
  // PNS picks it and the draft keeps it.
  await expect(pns.getByTestId("pesan").filter({ hasText: unit })).toBeVisible();
  await pns.goto("/pns/formulir");
  await waitForHydration(pns);
  await pns.locator("#tab-data-posisi").click();
  await expect(pns.getByTestId("f-data-posisi-unor-tanda")).toContainText(`Diselesaikan Help Desk, tiket ${nomor}`);
  await expect(pns.getByTestId("f-data-posisi-unor-tanda").getByTestId("saran-tanda")).toHaveText(
    `Pilih entri yang sudah ditambahkan: ${unit}`,
  );
  await pns.locator("#f-data-posisi-unor").fill("Arsip Digital");
  await pns.locator("#f-data-posisi-unor-pilihan").getByRole("button", { name: unit }).click();
  await expect(pns.locator("#f-data-posisi-unor")).toHaveValue(unit);
  await expect
    .poll(() => sql(`SELECT isi #>> '{data_posisi,unor}' FROM usulan WHERE nip = '${nip}'`))
    .toBe(unitIdOf(unit));
});
