import { expect } from "@playwright/test";
import { DEMO_PNS_NIP, signIn, sql, test, waitForHydration } from "./helpers";

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
