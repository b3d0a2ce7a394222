// Spyglass served over plain HTTP on a company network (http://bi.internal:3000) is not a secure context:
// the browser leaves out crypto.randomUUID there. The e2e app runs on 127.0.0.1, which browsers treat as
// secure, so the page is given what an insecure one has: no crypto.randomUUID.
import { expect, test } from "@playwright/test";
import { openSqlPage, signInAsAdmin, typeSql } from "./helpers";

test("the SQL page runs a query where crypto.randomUUID does not exist (plain HTTP)", async ({ page }) => {
  await page.addInitScript(() => {
    delete (Crypto.prototype as { randomUUID?: unknown }).randomUUID;
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signInAsAdmin(page);
  await openSqlPage(page);
  expect(await page.evaluate(() => typeof crypto.randomUUID)).toBe("undefined");
  await typeSql(page, "select 40 + 2 as answer");
  await page.keyboard.press("ControlOrMeta+Enter");
  const results = page.getByTestId("results");
  await expect(results).toContainText("1 row");
  await expect(results.getByRole("gridcell").last()).toHaveText("42");
  expect(errors).toEqual([]);
});
