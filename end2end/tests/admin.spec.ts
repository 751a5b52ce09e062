import { expect } from "@playwright/test";
import {
  addUnit,
  choosePassword,
  DEMO_PNS_NIP,
  openPasswordLink,
  signIn,
  slemanPnsWithAccount,
  sql,
  test,
  waitForHydration,
} from "./helpers";

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
  await openPasswordLink(verifier, email);
  await choosePassword(verifier, "SandiRina2026");
  await signIn(verifier, username, "SandiRina2026");
  await verifier.waitForURL("/verifikasi");
  await expect(verifier.getByTestId("home-verifikasi")).toContainText("Dinas Kesehatan");
  await expect(verifier.getByTestId("antrian")).toBeVisible();

  // The admin sees the sign-in and moves the verifier to another unit in place: the
  // verifier's next page is the new unit's.
  await page.reload();
  await waitForHydration(page);
  await expect(row).not.toContainText("belum pernah");
  await row.getByTestId("ganti-unit").getByText("Ganti unit").click();
  await row.getByTestId("ganti-unit").getByLabel("Unit yang diverifikasi").selectOption({ label: "Dinas Pendidikan" });
  await row.getByTestId("ganti-unit").getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByTestId("kabar-akun")).toHaveText("Unit verifikator diganti.");
  await expect(row).toContainText("Dinas Pendidikan");
  await verifier.reload();
  await expect(verifier.getByTestId("home-verifikasi")).toContainText("Dinas Pendidikan");

  // Then disables the account: the verifier is out at once.
  await row.getByTestId("ubah-status").click();
  await expect(row.getByTestId("status-akun")).toHaveText("Nonaktif");
  await verifier.reload();
  await verifier.waitForURL(/\/masuk/);
  await signIn(verifier, username, "SandiRina2026");
  await expect(verifier.getByTestId("signin-error")).toHaveText("Akun ini dinonaktifkan.");
});

test("a Kanreg admin creates an L3 verifier of its office; admin BKN chooses Kanreg I and manages the same accounts", async ({
  page,
  browser,
}) => {
  const username = `verif3.uji${Date.now().toString(36)}`;
  const email = `${username}@bkn.go.id`;
  await signIn(page, "admin.kanreg1");
  await page.waitForURL("/admin/kanreg");
  await expect(page.getByTestId("kelola-akun")).toHaveAttribute("href", "/admin/akun");
  await page.goto("/admin/akun");
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kantor Regional I BKN Yogyakarta");
  await expect(page.locator('[data-testid="baris-akun"][data-login="hds.kanreg1"]')).toBeVisible();

  // Only the office's roles are offered: L3 and help desk, no instansi role.
  const form = page.getByTestId("form-akun-baru");
  const roles = form.getByLabel("Peran").locator("option");
  await expect(roles).toHaveText(["— pilih —", "Verifikator Level 3 (Kanreg/Dit. Pengadaan)", "Petugas Help Desk (HDS)"]);
  await form.getByLabel("Nama pengguna").fill(username);
  await form.getByLabel("Nama lengkap").fill("Bayu Verifikator Kanreg");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Peran").selectOption({ label: "Verifikator Level 3 (Kanreg/Dit. Pengadaan)" });
  await form.getByTestId("buat-akun").click();
  await expect(page.getByTestId("kabar-akun")).toContainText(email);
  const row = page.locator(`[data-testid="baris-akun"][data-login="${username}"]`);
  await expect(row).toContainText("Verifikator Level 3");

  // The owner sets a password from the mail and lands on the verifier's home.
  const verifier = await (await browser.newContext()).newPage();
  await openPasswordLink(verifier, email);
  await choosePassword(verifier, "SandiBayu2026");
  await signIn(verifier, username, "SandiBayu2026");
  await verifier.waitForURL("/verifikasi");
  await expect(verifier.getByTestId("antrian")).toBeVisible();

  // Admin BKN picks Kanreg I from its places and finds the same account and the Kanreg's admin.
  const bkn = await (await browser.newContext()).newPage();
  await signIn(bkn, "admin.bkn");
  await bkn.waitForURL("/admin/bkn");
  await expect(bkn.getByTestId("kelola-akun")).toHaveAttribute("href", "/admin/akun");
  await bkn.goto("/admin/akun");
  await waitForHydration(bkn);
  const chooser = bkn.getByTestId("pilih-tempat");
  await chooser.getByLabel("Instansi atau kantor").selectOption({ label: "Kantor Regional I BKN Yogyakarta" });
  await chooser.getByRole("button").click();
  await bkn.waitForURL(/tempat=k-1/);
  await waitForHydration(bkn);
  await expect(bkn.getByRole("heading", { level: 1 })).toContainText("Kantor Regional I BKN Yogyakarta");
  await expect(bkn.getByTestId("form-akun-baru").getByLabel("Peran").locator("option")).toContainText(["Admin Kanreg"]);
  const same = bkn.locator(`[data-testid="baris-akun"][data-login="${username}"]`);
  await same.getByTestId("ubah-status").click();
  await expect(same.getByTestId("status-akun")).toHaveText("Nonaktif");
  await expect(bkn.locator('[data-testid="baris-akun"][data-login="admin.kanreg1"]').getByTestId("ubah-status")).toBeVisible();
  await verifier.reload();
  await verifier.waitForURL(/\/masuk/);
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

/** An instansi of this journey's own (so closing its collection period stops no other journey's
 * sending), with its admin `admin.<kode>` and one PNS moved there from Sleman (outside Dinas
 * Pendidikan, where the registration journeys take theirs, and from the other end of the NIPs
 * than the help-desk journeys); returns the PNS's NIP. Accounts get the demo password. */
function instansiOfItsOwn(kode: string): string {
  const hash = `(SELECT password_hash FROM account WHERE nip = '${DEMO_PNS_NIP}')`;
  const nip = sql(`WITH i AS (
                INSERT INTO instansi (id, kode, nama, jenis, provinsi_kode, kanreg_id)
                VALUES (gen_random_uuid(), '${kode}', 'Pemerintah Kabupaten Uji ${kode}', 'daerah', '34', 1)
                RETURNING id),
              s AS (INSERT INTO instansi_setting (instansi_id) SELECT id FROM i),
              u AS (INSERT INTO unor (id, instansi_id, nama, jenis, path)
                    SELECT uid, i.id, 'Sekretariat Daerah', 'SKPD', replace(uid::text, '-', '') || '/'
                    FROM i, (SELECT gen_random_uuid() AS uid) g RETURNING id, instansi_id),
              p AS (UPDATE pns SET instansi_id = u.instansi_id, unor_id = u.id FROM u
                    WHERE nip = (SELECT p.nip FROM pns p JOIN instansi si ON si.id = p.instansi_id
                                 WHERE si.kode = 'KAB-SLEMAN' AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nip = p.nip)
                                   AND NOT EXISTS (SELECT 1 FROM usulan s WHERE s.nip = p.nip)
                                   AND p.unor_id NOT IN (SELECT x.id FROM unor x JOIN unor root ON x.path LIKE root.path || '%'
                                                         WHERE root.nama = 'Dinas Pendidikan')
                                 ORDER BY p.nip DESC LIMIT 1)
                    RETURNING pns.nip, pns.nama, pns.instansi_id, pns.unor_id),
              a AS (INSERT INTO account (id, nip, username, nama, password_hash, status, instansi_id, unor_id)
                    SELECT gen_random_uuid(), p.nip, NULL, p.nama, ${hash}, 'aktif', p.instansi_id, p.unor_id FROM p
                    UNION ALL
                    SELECT gen_random_uuid(), NULL, 'admin.${kode.toLowerCase()}', 'Admin PUPNS ${kode}', ${hash}, 'aktif', u.instansi_id, u.id FROM u
                    RETURNING id, nip, instansi_id),
              g AS (INSERT INTO role_grant (id, account_id, role, instansi_id)
                    SELECT gen_random_uuid(), id, CASE WHEN nip IS NULL THEN 'admin_instansi' ELSE 'pns' END, instansi_id FROM a)
              SELECT nip FROM a WHERE nip IS NOT NULL`);
  refreshRecord(nip);
  return nip;
}

/** The stored record personnel reads (`pns_rekam`) made again from the master tables, after a
 * journey changed them directly. */
function refreshRecord(nip: string) {
  sql(`UPDATE pns_rekam SET rekam = l.rekam FROM pns_lengkap l WHERE l.nip = pns_rekam.nip AND pns_rekam.nip = '${nip}'`);
}

test("outside the collection period the PNS can read the form but sending is refused with the reason", async ({
  page,
  browser,
}) => {
  const nip = instansiOfItsOwn(`UJI${Date.now() % 100000}`);
  const kode = sql(`SELECT i.kode FROM pns p JOIN instansi i ON i.id = p.instansi_id WHERE p.nip = '${nip}'`);

  // The admin closes the period: it ended yesterday.
  await signIn(page, `admin.${kode.toLowerCase()}`);
  await page.waitForURL("/admin/instansi");
  await waitForHydration(page);
  const settings = page.getByTestId("pengaturan-instansi");
  await settings.getByLabel("Mulai masa pendataan").fill(wib(-30));
  await settings.getByLabel("Akhir masa pendataan").fill(wib(-1));
  await settings.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(settings.getByRole("status")).toHaveText("Pengaturan tersimpan.");

  // The PNS sees on the home page that sending is closed, and reads the form as before.
  const pns = await (await browser.newContext()).newPage();
  await signIn(pns, nip);
  await pns.waitForURL("/pns");
  await expect(pns.getByTestId("masa-pendataan")).toContainText(`${wib(-30)} s.d. ${wib(-1)}`);
  await expect(pns.getByTestId("masa-pendataan")).toContainText("Di luar masa pendataan");
  await pns.goto("/pns/formulir");
  await waitForHydration(pns);
  await expect(pns.getByTestId("formulir")).toBeVisible();
  // Once seen in a loaded run: the tab's first click landed before the form took it (the
  // page had hydrated); a second click opens it.
  await expect(async () => {
    await pns.locator("#tab-tinjau").click();
    await expect(pns.getByTestId("kirim")).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await pns.getByTestId("kirim").click();
  await expect(pns.getByRole("alert")).toHaveText("Pengiriman hanya dapat dilakukan dalam masa pendataan instansi Anda.");
  expect(sql(`SELECT count(*) FROM usulan WHERE nip = '${nip}' AND status = 'dikirim'`)).toBe("0");
});

test("a BKN admin adds a JFU entry, then retires it: it leaves the picker but stays in the record that has it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36).toUpperCase();
  const kode = `UJI${suffix}`;
  const nama = `Penata Data Uji ${suffix}`;

  await signIn(page, "admin.bkn");
  await page.waitForURL("/admin/bkn");
  await expect(page.getByTestId("buka-referensi")).toHaveAttribute("href", "/admin/referensi");
  await page.goto("/admin/referensi");
  await waitForHydration(page);
  const tabel = page.getByTestId("tabel-referensi");
  await expect(tabel.getByTestId("daftar-entri")).toContainText("Pengadministrasi Umum");

  // A code already in the list is refused; then the entry is added.
  const form = page.getByTestId("form-entri-baru");
  await form.getByLabel("Kode").fill("JFU0001");
  await form.getByLabel("Nama").fill(nama);
  await form.getByTestId("tambah-entri").click();
  await expect(page.getByTestId("galat-referensi")).toHaveText("Kode ini sudah ada di daftar ini.");
  await form.getByLabel("Kode").fill(kode);
  await form.getByTestId("tambah-entri").click();
  await expect(page.getByTestId("kabar-referensi")).toHaveText("Entri ditambahkan.");

  // A PNS whose current position is that entry (the master keeps positions by name).
  const nip = slemanPnsWithAccount("DESC");
  sql(`UPDATE riwayat_jabatan SET jenis_jabatan = '4', nama_jabatan = '${nama}'
       WHERE id = (SELECT id FROM riwayat_jabatan WHERE nip = '${nip}' ORDER BY tmt DESC LIMIT 1)`);
  refreshRecord(nip);
  const pns = await (await browser.newContext()).newPage();
  await signIn(pns, nip);
  await pns.waitForURL("/pns");
  const openPosition = async () => {
    await pns.goto("/pns/formulir");
    await waitForHydration(pns);
    await pns.locator("#tab-data-posisi").click();
    await expect(pns.locator("#f-data-posisi-jabatan")).toHaveValue(nama);
  };
  const search = async (typed: string) => {
    const answer = pns.waitForResponse((r) => r.url().includes("/api/referensi/cari") && r.ok());
    await pns.locator("#f-data-posisi-jabatan").fill(typed);
    await answer;
  };
  await openPosition();
  await search(`Data Uji ${suffix}`);
  await expect(pns.locator("#f-data-posisi-jabatan-pilihan").getByRole("button", { name: nama })).toBeVisible();

  // The admin retires it.
  await tabel.getByLabel("Cari kode atau nama").fill(kode);
  await tabel.getByTestId("tampilkan-daftar").click();
  const row = tabel.locator(`[data-testid="baris-entri"][data-kode="${kode}"]`);
  await expect(row).toHaveAttribute("data-aktif", "true");
  await row.getByTestId("ubah-status-entri").click();
  await expect(page.getByTestId("kabar-referensi")).toHaveText("Entri disimpan.");
  await expect(row.getByTestId("status-entri")).toHaveText("Nonaktif (tetap tampil di data lama)");
  await row.getByTestId("riwayat-entri").locator("summary").click();
  await expect(row.getByTestId("riwayat-baris")).toHaveCount(2);
  await expect(row.getByTestId("riwayat-baris").first()).toContainText("Dinonaktifkan");

  // The PNS's record still shows it; the picker offers it no more.
  await openPosition();
  await search(`Data Uji ${suffix}`);
  await expect(pns.locator("#f-data-posisi-jabatan-pilihan")).toContainText("Tidak ditemukan.");
});

test("an instansi admin adds a unit, moves it to the top level and closes it; a unit with units below stays open", async ({
  page,
}) => {
  const nama = `Bidang Uji ${Date.now().toString(36)}`;
  await signIn(page, "admin.sleman");
  await page.waitForURL("/admin/instansi");
  await expect(page.getByTestId("kelola-unor")).toHaveAttribute("href", "/admin/instansi/unor");
  await page.goto("/admin/instansi/unor");
  await waitForHydration(page);
  const tree = page.getByTestId("daftar-unor");
  await expect(tree).toContainText("Dinas Kesehatan");

  await addUnit(page, "Dinas Kesehatan", nama);
  const row = tree.locator(`[data-testid="baris-unor"][data-nama="${nama}"]`);
  await expect(row).toContainText(`— ${nama}`);

  // To the top level, with what is below it.
  await row.getByTestId("pindah-unor").locator("summary").click();
  await row.getByTestId("pindah-unor").locator("select").selectOption({ label: "(tingkat teratas)" });
  await row.getByTestId("pindah-unor").getByRole("button", { name: "Pindahkan" }).click();
  await expect(page.getByTestId("kabar-unor")).toHaveText(
    "Unit dipindahkan bersama unit, verifikator L1 dan usulan di bawahnya.",
  );
  await expect(row.locator("td").first()).toHaveText(nama);

  // A unit with open units below cannot close; the empty one can.
  const dinas = tree.locator('[data-testid="baris-unor"][data-nama="Dinas Pendidikan"]');
  await dinas.getByTestId("tutup-unor").click();
  await expect(page.getByTestId("galat-unor")).toHaveText("Unit di bawahnya masih terbuka: tutup atau pindahkan dulu.");
  await row.getByTestId("tutup-unor").click();
  await expect(page.getByTestId("kabar-unor")).toHaveText("Unit ditutup.");
  await expect(row).toHaveAttribute("data-ditutup", "true");
  await expect(row.getByTestId("status-unor")).toHaveText("Ditutup");
});

test("an instansi admin imports units from a CSV file: bad lines are shown first, nothing is written until all are right", async ({
  page,
}) => {
  const run = Date.now().toString(36);
  const [dinas, seksi] = [`Dinas Impor ${run}`, `Seksi Hilang ${run}`];
  await signIn(page, "admin.sleman");
  await page.waitForURL("/admin/instansi");
  await page.goto("/admin/instansi/unor");
  await waitForHydration(page);
  const tree = page.getByTestId("daftar-unor");
  await expect(tree).toContainText("Dinas Kesehatan");

  // A spreadsheet's export: one line names a parent that is nowhere.
  const csv = `nama;jenis;induk\n${dinas};SKPD;\nBidang Arsip;Bidang;${dinas}\n${seksi};Seksi;Dinas Tidak Ada\n`;
  const impor = page.getByTestId("impor-unor");
  await impor.getByLabel("Berkas CSV").setInputFiles({ name: "unor.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(impor.getByLabel("CSV", { exact: true })).toHaveValue(csv);
  await impor.getByTestId("periksa-impor").click();
  const lines = page.getByTestId("pratinjau-impor").getByTestId("baris-impor");
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(1)).toContainText(`${dinas} / Bidang Arsip`);
  await expect(lines.nth(1)).toContainText("Siap");
  await expect(lines.nth(2)).toContainText("Unit induk tidak ada di pohon unit atau di baris sebelumnya.");
  await expect(page.getByTestId("tulis-impor")).toHaveCount(0);
  await expect(tree).not.toContainText(dinas);

  // The line corrected in the box: checked again, then every unit is written at once.
  await impor.getByLabel("CSV", { exact: true }).fill(csv.replace("Dinas Tidak Ada", `${dinas} / Bidang Arsip`));
  await impor.getByTestId("periksa-impor").click();
  await expect(lines.nth(2)).toContainText("Siap");
  await page.getByTestId("tulis-impor").click();
  await expect(page.getByTestId("kabar-unor")).toHaveText("Unit diimpor.");
  await expect(tree.locator(`[data-testid="baris-unor"][data-nama="${dinas}"]`)).toBeVisible();
  await expect(tree.locator(`[data-testid="baris-unor"][data-nama="${seksi}"]`)).toContainText(`— — ${seksi}`);
});

test("an instansi admin keeps its health facilities and schools: a CSV is checked first, a closed facility is offered no more", async ({
  page,
  browser,
}) => {
  const run = Date.now().toString(36);
  const [puskesmas, klinik, sekolah] = [`Puskesmas Impor ${run}`, `Klinik Tutup ${run}`, `SD Negeri Baru ${run}`];
  await signIn(page, "admin.sleman");
  await page.waitForURL("/admin/instansi");
  await waitForHydration(page);
  await page.getByTestId("kelola-fasilitas").click();
  await page.waitForURL("/admin/instansi/fasilitas");
  await waitForHydration(page);
  const list = page.getByTestId("daftar-fasilitas");
  await expect(list).toContainText("Puskesmas Depok I");

  // One line names a kind that is in no list: nothing is written until it is corrected.
  const csv = `nama;jenis\n${puskesmas};Puskesmas\n${klinik};Kebun Binatang\n`;
  const impor = page.getByTestId("impor-fasilitas");
  await impor.getByLabel("Berkas CSV").setInputFiles({ name: "faskes.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(impor.getByLabel("CSV", { exact: true })).toHaveValue(csv);
  await impor.getByTestId("periksa-impor").click();
  const lines = page.getByTestId("pratinjau-impor").getByTestId("baris-impor");
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText("Siap");
  await expect(lines.nth(1)).toContainText("Jenis fasilitas tidak ada di daftar jenis");
  await expect(page.getByTestId("tulis-impor")).toHaveCount(0);
  await impor.getByLabel("CSV", { exact: true }).fill(csv.replace("Kebun Binatang", "Klinik Pratama"));
  await impor.getByTestId("periksa-impor").click();
  await expect(lines.nth(1)).toContainText("Siap");
  await page.getByTestId("tulis-impor").click();
  await expect(page.getByTestId("kabar-fasilitas")).toHaveText("Fasilitas diimpor.");
  const row = list.locator(`[data-testid="baris-fasilitas"][data-nama="${klinik}"]`);
  await expect(row).toContainText("Klinik Pratama");
  await row.getByTestId("tutup-fasilitas").click();
  await expect(page.getByTestId("kabar-fasilitas")).toHaveText("Fasilitas ditutup.");
  await expect(row).toHaveAttribute("data-ditutup", "true");

  // Schools are the other list: one added by hand.
  await page.getByTestId("tab-pendidikan").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fasilitas pendidikan");
  const form = page.getByTestId("form-fasilitas-baru");
  await form.getByLabel("Nama fasilitas").fill(sekolah);
  await form.getByLabel("Jenis").selectOption({ label: "Sekolah Dasar (SD)" });
  await form.getByTestId("tambah-fasilitas").click();
  await expect(page.getByTestId("kabar-fasilitas")).toHaveText("Fasilitas ditambahkan.");
  await expect(list.locator(`[data-testid="baris-fasilitas"][data-nama="${sekolah}"]`)).toContainText("Sekolah Dasar (SD)");

  // A Sleman PNS's picker offers the open facility and not the closed one.
  const pns = await browser.newPage();
  await signIn(pns, slemanPnsWithAccount("DESC", 2));
  await expect(pns).toHaveURL("/pns");
  const search = await pns.request.post("/api/referensi/cari", {
    headers: { origin: new URL(pns.url()).origin },
    form: { jenis: "fasilitas_kesehatan", q: run },
  });
  expect(search.status()).toBe(200);
  const offered = ((await search.json()) as [string, string][]).map(([, nama]) => nama);
  expect(offered).toEqual([puskesmas]);
  await pns.close();
});

test("a Kanreg admin's home lists the settings of its region's instansi, read only", async ({ page }) => {
  await signIn(page, "admin.kanreg1");
  await page.waitForURL("/admin/kanreg");
  const settings = page.getByTestId("pengaturan-wilayah");
  await expect(settings.getByTestId("baris-pengaturan").filter({ hasText: "Pemerintah Kabupaten Sleman" })).toContainText(
    "Ya",
  );
  // BPS is a central instansi, outside Kanreg I.
  await expect(settings).not.toContainText("Badan Pusat Statistik");
  await expect(settings.locator("input, select, button")).toHaveCount(0);
});

test("the BKN admin sets a help-desk category's SLA clocks; a bad pair is refused with the reason", async ({ page }) => {
  await signIn(page, "admin.bkn");
  await page.waitForURL("/admin/bkn");
  await waitForHydration(page);
  await page.getByTestId("buka-sla").click();
  await page.waitForURL("/hds/sla");
  await waitForHydration(page);
  const row = page.locator('[data-testid="baris-sla"][data-kategori="Q"]');
  await expect(page.getByTestId("baris-sla")).toHaveCount(18);
  const answer = row.getByLabel("Q: Jawaban pertama (jam)");
  const solve = row.getByLabel("Q: Penyelesaian (jam)");
  const [was, wasSolve] = [await answer.inputValue(), await solve.inputValue()];

  await answer.fill("30");
  await solve.fill("12");
  await row.getByRole("button", { name: "Simpan" }).click();
  await expect(row.getByTestId("galat-sla")).toHaveText(
    "Waktu penyelesaian tidak boleh lebih pendek dari waktu jawaban pertama.",
  );
  await solve.fill("60");
  await row.getByRole("button", { name: "Simpan" }).click();
  await expect(row.getByTestId("sla-tersimpan")).toBeVisible();
  expect(sql("SELECT sla_jawab_jam || '/' || sla_selesai_jam FROM hds_kategori WHERE kode = 'Q'")).toBe("30/60");
  await page.reload();
  await waitForHydration(page);
  await expect(answer).toHaveValue("30");

  // Back as it was, for the other journeys.
  await answer.fill(was);
  await solve.fill(wasSolve);
  await row.getByRole("button", { name: "Simpan" }).click();
  await expect
    .poll(() => sql("SELECT sla_jawab_jam || '/' || sla_selesai_jam FROM hds_kategori WHERE kode = 'Q'"))
    .toBe(`${was}/${wasSolve}`);
});

test("the BKN admin routes a help-desk category to another office; a destination that cannot answer is refused", async ({
  page,
}) => {
  await signIn(page, "admin.bkn");
  await page.waitForURL("/admin/bkn");
  await waitForHydration(page);
  await page.getByTestId("buka-rute").click();
  await page.waitForURL("/hds/rute");
  await waitForHydration(page);

  // The instansi admin answers F, K, L, R only.
  const q = page.locator('[data-testid="baris-rute"][data-rute="Q-pusat-"]');
  await q.getByRole("combobox").selectOption({ label: "Admin PUPNS instansi" });
  await q.getByRole("button", { name: "Simpan" }).click();
  await expect(q.getByTestId("galat-rute")).toHaveText("Admin PUPNS instansi hanya menjawab kategori F, K, L dan R.");

  // JFU tickets of regional instansi to their own BKD, then back to Deputi SINKA.
  const jfu = page.locator('[data-testid="baris-rute"][data-rute="I-daerah-"]');
  const select = jfu.getByRole("combobox");
  await expect(select).toHaveValue("kantor:104");
  await select.selectOption({ label: "BKD/Ropeg instansi" });
  await jfu.getByRole("button", { name: "Simpan" }).click();
  await expect(jfu.getByTestId("rute-tersimpan")).toBeVisible();
  const route = () => sql("SELECT penerima FROM hds_rute WHERE kategori = 'I' AND jenis_instansi = 'daerah'");
  expect(route()).toBe("bkd");
  await select.selectOption("kantor:104");
  await jfu.getByRole("button", { name: "Simpan" }).click();
  await expect.poll(route).toBe("kantor");
});

test("the BKN admin changes which verification levels a kind of change takes; no level at all is refused", async ({
  page,
}) => {
  await signIn(page, "admin.bkn");
  await page.waitForURL("/admin/bkn");
  await expect(page.getByTestId("buka-rute-verifikasi")).toHaveAttribute("href", "/verifikasi/rute");
  await page.goto("/verifikasi/rute");
  await waitForHydration(page);

  // Every proposal of a regional instansi needs a level: unticking them all is refused.
  const semua = page.locator('[data-testid="baris-rute-verifikasi"][data-rute="daerah-semua"]');
  for (const label of ["L1 — SKPD/UPT", "L2 — BKD", "L3 — Kantor Regional BKN"]) {
    await semua.getByLabel(label).uncheck();
  }
  await semua.getByRole("button", { name: "Simpan" }).click();
  await expect(semua.getByTestId("galat-rute")).toHaveText("Setiap usulan perlu paling sedikit satu tingkat verifikasi.");

  // A NIP change of a regional instansi also through the BKD (every proposal already is, so
  // the other journeys' rounds are unchanged); kept after a reload; then back as it was.
  const nip = page.locator('[data-testid="baris-rute-verifikasi"][data-rute="daerah-nip"]');
  await nip.getByLabel("L2 — BKD").check();
  await nip.getByRole("button", { name: "Simpan" }).click();
  await expect(nip.getByTestId("rute-tersimpan")).toBeVisible();
  const levels = () =>
    sql("SELECT string_agg(tingkat::text, ',' ORDER BY tingkat) FROM verifikasi_rute WHERE jenis_instansi = 'daerah' AND jenis_perubahan = 'nip'");
  expect(levels()).toBe("2,4");
  await page.reload();
  await waitForHydration(page);
  await expect(nip.getByLabel("L2 — BKD")).toBeChecked();
  await nip.getByLabel("L2 — BKD").uncheck();
  await nip.getByRole("button", { name: "Simpan" }).click();
  await expect.poll(levels).toBe("4");
});
