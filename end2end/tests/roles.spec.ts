import { expect } from "@playwright/test";
import { DEMO_PNS_NIP, signIn, test, waitForHydration } from "./helpers";

// Each demo role signs in and lands on its own home page, in Indonesian.
const staff: Array<[string, string, string, string]> = [
  ["verif2.sleman", "/verifikasi", "home-verifikasi", "Verifikasi"],
  ["verif3.kanreg1", "/verifikasi", "home-verifikasi", "Verifikasi"],
  ["verif4.bkn", "/verifikasi", "home-verifikasi", "Verifikasi"],
  ["hds.kanreg1", "/hds", "home-hds", "Kotak Masuk Help Desk"],
  ["admin.sleman", "/admin/instansi", "home-admin-instansi", "Administrasi Instansi"],
  ["admin.kanreg1", "/admin/kanreg", "home-admin-kanreg", "Administrasi Kanreg"],
  ["admin.bkn", "/admin/bkn", "home-admin-bkn", "Administrasi BKN"],
  ["eksekutif.bkn", "/eksekutif", "home-eksekutif", "Dasbor Eksekutif"],
];

for (const [login, path, testid, heading] of staff) {
  test(`${login} lands on ${path}`, async ({ page }) => {
    await signIn(page, login);
    await expect(page).toHaveURL(path);
    await expect(page.getByTestId(testid)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  });
}

test("a PNS signs in with the NIP and sees the own record's summary", async ({ page }) => {
  const nip = DEMO_PNS_NIP;
  await signIn(page, nip);
  await expect(page).toHaveURL("/pns");
  await expect(page.getByTestId("home-pns")).toContainText(nip);
  await expect(page.getByTestId("active-role")).toHaveText("PNS");
});

test("the L1 verifier is also a PNS and switches between the two roles", async ({ page }) => {
  await signIn(page, "verif1.sleman");
  await expect(page).toHaveURL("/pns");
  await waitForHydration(page);
  await page.getByLabel("Ganti peran").selectOption({ label: "Verifikator Level 1 (SKPD/UPT/Satker) — Dinas Pendidikan" });
  await page.getByRole("button", { name: "Ganti peran" }).click();
  await expect(page).toHaveURL("/verifikasi");
  await expect(page.getByTestId("home-verifikasi")).toBeVisible();
  await waitForHydration(page);
  await page.getByRole("tab", { name: "Pendaftaran" }).click();
  await expect(page.getByText("Pendaftaran menunggu verifikasi")).toBeVisible();
});

test("a wrong password and an unknown NIP get one message, which does not tell them apart", async ({ page }) => {
  await signIn(page, "admin.bkn", "salah-sandi-123");
  await expect(page.getByTestId("signin-error")).toHaveText("NIP/nama pengguna atau kata sandi salah.");
  await expect(page).toHaveURL("/masuk");
  await signIn(page, "199901012020011999", "apa-saja-123");
  await expect(page.getByTestId("signin-error")).toHaveText("NIP/nama pengguna atau kata sandi salah.");
});

test("a PNS cannot open a staff page", async ({ page }) => {
  await signIn(page, DEMO_PNS_NIP);
  await expect(page).toHaveURL("/pns");
  const response = await page.goto("/verifikasi");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("access-denied")).toContainText("Akses ditolak");
});

test("without a session a protected page sends you to sign in", async ({ page }) => {
  await page.goto("/admin/bkn");
  await expect(page).toHaveURL("/masuk");
});

test("the language switch shows English and remembers it", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to SIPUPNS");
  // Texts the WASM renders are English too (it carries Indonesian only; the page brings English).
  await waitForHydration(page);
  await page.getByLabel("NIP or username").fill("bukan.siapa.siapa");
  await page.getByLabel("Password").fill("salah-sekali-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText("Wrong NIP/username or password.");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Bahasa Indonesia" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "admin.kanreg1");
  await expect(page).toHaveURL("/admin/kanreg");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL("/masuk");
  await page.goto("/admin/kanreg");
  await expect(page).toHaveURL("/masuk");
});

test("a PNS sees the own master record in tabs", async ({ page }) => {
  const nip = DEMO_PNS_NIP;
  await signIn(page, nip);
  await expect(page.getByTestId("data-utama")).toContainText(nip);
  await waitForHydration(page);
  await page.getByRole("tab", { name: "Riwayat Golongan" }).click();
  await expect(page.getByRole("columnheader", { name: "Nomor SK" })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await page.getByRole("tab", { name: "Riwayat Pendidikan" }).click();
  await expect(page.getByRole("columnheader", { name: "Tahun lulus" })).toBeVisible();
  await page.getByRole("tab", { name: "Keluarga" }).click();
  await expect(page.getByRole("columnheader", { name: "Hubungan" })).toBeVisible();
});

test("the page's stylesheet, WASM and icon load by their hashed names and are kept a year", async ({ page }) => {
  const wasm: string[] = [];
  page.on("response", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(r.url());
  });
  await page.goto("/masuk");
  await waitForHydration(page);
  const css = await page.locator('link[rel="stylesheet"]').getAttribute("href");
  expect(css).toMatch(/^\/pkg\/sipupns\.[\w-]+\.css$/);
  const sheet = await page.request.get(css!);
  expect(sheet.status()).toBe(200);
  expect(sheet.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(wasm.some((url) => /\/pkg\/sipupns\.[\w-]+\.wasm$/.test(url))).toBe(true);
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/x-icon");
});
