// An export that fails after its file has started downloading (a division by zero at row 300,000) can only
// cut the download short, which the browser shows as a failed download without a reason: the SQL page asks
// the server how the download ended and says why.
import { expect, test } from "@playwright/test";
import { openSqlPage, signInAsAdmin, typeSql } from "./helpers";

for (const format of ["CSV", "Excel"] as const) {
  test(`an ${format} export that fails part-way says why on the SQL page`, async ({ page }) => {
    await signInAsAdmin(page);
    await openSqlPage(page);
    await typeSql(page, "select g, 1 / (g - 300000) as x from generate_series(1, 310000) g");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /Export/ }).click();
    await page.getByRole("menuitem", { name: new RegExp(format) }).click();
    // The file started (the first rows went out), then the download broke off.
    expect(await (await download).failure()).not.toBeNull();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("The export failed:");
    await expect(alert).toContainText("The download stopped part-way, so the file is incomplete: division by zero");
    await page.screenshot({ path: `/tmp/export-failed-part-way-${format}.png`, fullPage: true });
  });
}

test("an export that ends well shows no error, also after the page has asked how it ended", async ({ page }) => {
  await signInAsAdmin(page);
  await openSqlPage(page);
  await typeSql(page, "select g from generate_series(1, 20000) g");
  const download = page.waitForEvent("download");
  const asked = page.waitForResponse(async (r) => /\/api\/queries\/export\/[0-9a-f-]{36}$/.test(r.url()) && (await r.json()).state === "done");
  await page.getByRole("button", { name: /Export/ }).click();
  await page.getByRole("menuitem", { name: /CSV/ }).click();
  expect(await (await download).failure()).toBeNull();
  await asked;
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});
