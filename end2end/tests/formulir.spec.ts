import { expect, Page } from "@playwright/test";
import { DEMO_PNS_NIP, DEMO_VERIFIER_NIP, signIn, sql, test, waitForHydration } from "./helpers";

// One PNS works through the whole form, in order: these steps share the demo PNS's draft.
test.describe.configure({ mode: "serial" });

/** Signs in as the demo PNS and waits for the home page (the session cookie is set by then). */
async function signInPns(page: Page): Promise<string> {
  const nip = DEMO_PNS_NIP;
  await signIn(page, nip);
  await expect(page).toHaveURL("/pns");
  return nip;
}

async function openForm(page: Page) {
  await page.goto("/pns/formulir");
  await waitForHydration(page);
  await expect(page.getByTestId("formulir")).toBeVisible();
}

async function openTab(page: Page, slug: string) {
  await page.locator(`#tab-${slug}`).click();
  await expect(page.getByTestId(`bagian-${slug}`)).toBeVisible();
}

/** Presses "Simpan bagian ini" and expects the section to be marked checked. */
async function saveSection(page: Page, slug: string) {
  await page.getByTestId(`bagian-${slug}`).getByRole("button", { name: "Simpan bagian ini" }).click();
  await expect(page.getByTestId("section-ok")).toBeVisible();
  await expect(page.locator(`#tab-${slug}`)).toContainText("✓");
}

/** Types into a type-ahead picker and clicks the entry named `choice`. */
async function pick(page: Page, id: string, typed: string, choice: string) {
  await page.locator(`#${id}`).fill(typed);
  await page.locator(`#${id}-pilihan`).getByRole("button", { name: choice, exact: true }).click();
  await expect(page.locator(`#${id}`)).toHaveValue(choice);
}

function draftValue(nip: string, path: string): string {
  return sql(`SELECT isi #>> '{${path}}' FROM usulan WHERE nip = '${nip}'`);
}

test("Data Utama: the master value stands beside each field, errors show as typed", async ({ page, browser }) => {
  const nip = DEMO_PNS_NIP;
  await signIn(page, nip);
  await expect(page).toHaveURL("/pns");
  await waitForHydration(page);
  await page.getByTestId("buka-formulir").click();
  await expect(page).toHaveURL("/pns/formulir");
  await waitForHydration(page);

  // A wrong NIK is refused at once, in Indonesian, by the same rule the server runs.
  const nik = page.locator("#f-data-utama-nik");
  const masterNik = await nik.inputValue();
  await nik.fill("1234");
  await expect(page.locator("#f-data-utama-nik-error")).toHaveText("NIK harus 16 digit angka.");
  await nik.fill(masterNik.slice(0, 6) + "311399" + masterNik.slice(12));
  await expect(page.locator("#f-data-utama-nik-error")).toHaveText("Tanggal lahir di dalam NIK (digit 7–12) tidak valid.");

  // Saving without confirming each value asks for a tick or an edit.
  await page.getByRole("button", { name: "Simpan bagian ini" }).click();
  await expect(page.getByTestId("section-errors")).toBeVisible();
  await expect(page.locator("#f-data-utama-nama-error")).toContainText("sesuai");

  // Tick "sesuai" everywhere (the tick puts the master value back), then change the address.
  for (const tick of await page.locator("input[id$='-sesuai']").all()) {
    await tick.check();
  }
  await expect(nik).toHaveValue(masterNik);
  await page.locator("#f-data-utama-alamat-sesuai").uncheck();
  await page.locator("#f-data-utama-alamat").fill("Jl. Kaliurang km 9 No. 12, Sleman");
  await saveSection(page, "data-utama");
  await expect.poll(() => draftValue(nip, "data_utama,alamat")).toBe("Jl. Kaliurang km 9 No. 12, Sleman");

  // "[?]": the right value cannot be chosen. It opens a ticket filled in from the field.
  const masterNama = await page.locator("#f-data-utama-nama").inputValue();
  await page.locator("#f-data-utama-nama-tanda").click();
  await page.waitForURL(/\/pns\/bantuan\?bagian=data-utama&field=nama$/);
  await waitForHydration(page);
  await expect(page.getByTestId("dari-tanda")).toContainText("Data Utama › Nama (tanpa gelar)");
  await expect(page.getByLabel("Kategori masalah")).toHaveValue("A");
  const uraian = page.getByLabel("Uraian masalah");
  await expect(uraian).toHaveValue(
    `Data Utama › Nama (tanpa gelar)\nData master: ${masterNama}\nIsian saya: ${masterNama}\n\n`,
  );
  await uraian.fill((await uraian.inputValue()) + "Di SK CPNS nama saya ditulis dengan ejaan lama.");
  await page.getByTestId("kirim-tiket").click();
  await page.waitForURL(/\/pns\/bantuan\/[0-9a-f-]{36}$/);
  await waitForHydration(page);
  const nomor = (await page.getByTestId("nomor-tiket").innerText()).trim();
  const ticketId = page.url().split("/").pop();

  // The field waits for the Help Desk, with the ticket's number; the section still saves.
  await openForm(page);
  const flag = page.getByTestId("f-data-utama-nama-tanda");
  await expect(flag).toContainText(`Menunggu Help Desk, tiket ${nomor}`);
  await expect(flag).toContainText("[?] Data Utama › Nama (tanpa gelar)");

  // Kanreg I checks the evidence and corrects the master from the ticket: the ticket is
  // solved, the form shows the new master value in the field and the flag settled.
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "hds.kanreg1");
  await officer.waitForURL("/hds");
  await officer.goto(`/hds/tiket/${ticketId}`);
  await waitForHydration(officer);
  await expect(officer.getByTestId("nilai-master")).toHaveText(masterNama);
  const corrected = `${masterNama} PUTRI`;
  // The page draws the ticket again when its live stream connects: a value typed while the
  // form is redrawn can land twice (seen once in CI), so each value is typed until it stands.
  await expect(officer.getByTestId("langsung")).toHaveAttribute("data-aktif", "true");
  const nilai = officer.getByLabel("Nilai yang benar");
  const type = (value: string) =>
    expect(async () => {
      await nilai.fill(value);
      await expect(nilai).toHaveValue(value, { timeout: 1000 });
    }).toPass();
  await type(masterNama);
  await officer.getByTestId("kirim-koreksi").click();
  await expect(officer.getByTestId("galat-koreksi")).toHaveText("Nilai baru sama dengan data master.");
  await type(corrected);
  await officer.getByTestId("kirim-koreksi").click();
  await expect(officer.getByTestId("pesan").filter({ hasText: `menjadi "${corrected}"` })).toBeVisible();
  await expect(officer.getByTestId("status-tiket")).toHaveText("Selesai");
  await officer.context().close();
  await openForm(page);
  await expect(flag).toContainText(`Diselesaikan Help Desk, tiket ${nomor}`);
  await expect(page.locator("#f-data-utama-nama")).toHaveValue(corrected);
  expect(sql(`SELECT nama FROM pns WHERE nip = '${nip}'`)).toBe(corrected);
});

test("closing the tab mid-typing loses nothing", async ({ page, context }) => {
  const nip = await signInPns(page);
  await openForm(page);
  await openTab(page, "data-stakeholder");
  await page.locator("#f-data-stakeholder-nomor_kpe").fill("KPE-7788");
  await page.close(); // before the autosave's two seconds are up

  const again = await context.newPage();
  await openForm(again);
  await expect(again.getByTestId("restored")).toBeVisible();
  await openTab(again, "data-stakeholder");
  await expect(again.locator("#f-data-stakeholder-nomor_kpe")).toHaveValue("KPE-7788");
  // ...and the restored input reaches the server by itself.
  await expect.poll(() => draftValue(nip, "stakeholder,nomor_kpe"), { timeout: 15_000 }).toBe("KPE-7788");
  await expect(again.getByTestId("save-state")).toHaveAttribute("data-state", "Saved");
});

test("every section is filled and checked, then the proposal is sent and followed", async ({ page }) => {
  test.setTimeout(180_000);
  const nip = await signInPns(page);
  await openForm(page);

  // Sending before every section is checked lists what is missing.
  await page.locator("#tab-tinjau").click();
  await page.getByTestId("kirim").click();
  await expect(page.getByTestId("belum")).toContainText("Data Posisi");

  await openTab(page, "data-posisi");
  await pick(page, "f-data-posisi-lokasi_kerja", "Sleman", "Kabupaten Sleman");
  await saveSection(page, "data-posisi");

  for (const slug of ["riwayat-golongan", "riwayat-pendidikan", "riwayat-jabatan", "diklat-struktural", "pasangan", "anak"]) {
    await openTab(page, slug);
    await saveSection(page, slug);
  }

  // A new functional training, with a date that does not exist first.
  await openTab(page, "diklat-fungsional");
  await page.getByTestId("tambah-diklat-fungsional").click();
  await pick(page, "f-diklat-fungsional-0-diklat", "komputer", await firstChoice(page, "f-diklat-fungsional-0-diklat", "komputer"));
  await page.locator("#f-diklat-fungsional-0-penyelenggara").fill("BKPSDM Kabupaten Sleman");
  await page.locator("#f-diklat-fungsional-0-tanggal_mulai").fill("2023-03-06");
  await page.locator("#f-diklat-fungsional-0-tanggal_selesai").fill("2023-03-01");
  await expect(page.locator("#f-diklat-fungsional-0-tanggal_selesai-error")).toHaveText(
    "Tanggal ini tidak boleh sebelum tanggal awalnya.",
  );
  await page.locator("#f-diklat-fungsional-0-tanggal_selesai").fill("2023-03-10");
  await page.locator("#f-diklat-fungsional-0-jumlah_jam").fill("40");
  await saveSection(page, "diklat-fungsional");

  // The certificate's scan goes with the entry; a file that is not a scan is refused.
  await page.locator("#dok-diklat-fungsional-0").setInputFiles({
    name: "program.exe", mimeType: "application/pdf", buffer: Buffer.from("MZ this is no PDF"),
  });
  await expect(page.getByTestId("dok-diklat-fungsional-0")).toContainText("Hanya berkas PDF, JPEG atau PNG");
  await page.locator("#dok-diklat-fungsional-0").setInputFiles({
    name: "sertifikat-diklat.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
  });
  const link = page.getByTestId("dok-diklat-fungsional-0").getByRole("link", { name: "sertifikat-diklat.pdf" });
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect((await download.body()).toString()).toContain("%PDF-1.4");

  if (await page.locator("#tab-data-guru").count()) {
    await openTab(page, "data-guru");
    await page.locator("#f-data-guru-nuptk").fill("4455766667130223");
    // The school is one of the instansi's own (the admin keeps the list).
    await pick(page, "f-data-guru-sekolah", "smp", "SMP Negeri 1 Sleman");
    await pick(page, "f-data-guru-mata_pelajaran", "Matematika", "Matematika");
    await page.locator("#f-data-guru-jam_mengajar").fill("24");
    await saveSection(page, "data-guru");
  }

  await openTab(page, "data-stakeholder");
  await page.locator("#f-data-stakeholder-bapertarum").selectOption("Y");
  await page.locator("#f-data-stakeholder-nomor_bpjs").fill("0001234567890");
  await saveSection(page, "data-stakeholder");

  await openTab(page, "sosial-ekonomi");
  await page.locator("#f-sosial-ekonomi-status_rumah").selectOption("MILIK");
  await page.locator("#f-sosial-ekonomi-tipe_rumah").selectOption("T36");
  await page.locator("#f-sosial-ekonomi-jarak_km").fill("8");
  await page.locator("#f-sosial-ekonomi-jumlah_tanggungan").fill("2");
  await page.locator("#f-sosial-ekonomi-pengeluaran").selectOption("B");
  await saveSection(page, "sosial-ekonomi");

  await openTab(page, "self-assessment");
  for (const group of await page.locator(".score").all()) {
    await group.locator("input[value='4']").check();
  }
  await saveSection(page, "self-assessment");

  // The review shows each change against the master, field by field.
  await page.locator("#tab-tinjau").click();
  const address = page.getByTestId("diff").locator("tr[data-field='alamat']");
  await expect(address.locator(".new")).toHaveText("Jl. Kaliurang km 9 No. 12, Sleman");
  await expect(page.getByTestId("diff").locator("tr[data-field='penyelenggara'] .new")).toHaveText("BKPSDM Kabupaten Sleman");
  await page.getByTestId("kirim").click();
  await expect(page.getByTestId("terkirim")).toBeVisible();
  expect(sql(`SELECT status FROM usulan WHERE nip = '${nip}'`)).toBe("dikirim");

  // Sent: read-only until returned.
  await openForm(page);
  await expect(page.getByTestId("locked")).toBeVisible();
  await openTab(page, "data-stakeholder");
  await expect(page.locator("#f-data-stakeholder-nomor_bpjs")).toBeDisabled();

  await page.goto("/pns/progres");
  await expect(page.getByTestId("status")).toHaveText("Dikirim, dalam verifikasi");
  await expect(page.getByTestId("timeline")).toContainText("Dikirim oleh PNS");
  expect(Number(await page.getByTestId("jumlah-perubahan").textContent())).toBeGreaterThan(3);
});

test("another PNS sees only their own form, whatever NIP is sent", async ({ page }) => {
  const owner = DEMO_PNS_NIP;
  await signIn(page, "verif1.sleman");
  await expect(page).toHaveURL("/pns");
  await openForm(page);
  await expect(page.getByTestId("formulir")).not.toContainText(owner);
  const response = await page.request.post(`/api/pns/formulir?nip=${owner}`, { headers: { origin: new URL(page.url()).origin } });
  expect(response.status()).toBe(200);
  // The answer is the verifier's own form, with nothing of the owner's (values the seed put there,
  // so the check holds whichever journeys ran before).
  const text = await response.text();
  const form = JSON.parse(text);
  expect(form.nip).toBe(DEMO_VERIFIER_NIP);
  expect(form.nama).toContain(sql(`SELECT nama FROM pns WHERE nip = '${DEMO_VERIFIER_NIP}'`));
  expect(text).not.toContain(owner);
  expect(text).not.toContain(sql(`SELECT nik FROM pns WHERE nip = '${owner}'`));
});

/** The first entry a picker offers for `typed` (the exact list is the seed's business). */
async function firstChoice(page: Page, id: string, typed: string): Promise<string> {
  await page.locator(`#${id}`).fill(typed);
  const first = page.locator(`#${id}-pilihan button`).first();
  await expect(first).toBeVisible();
  return (await first.textContent()) ?? "";
}
