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

test("Copy internal link works where the Clipboard API does not exist (plain HTTP)", async ({ page, context, baseURL }) => {
  await page.addInitScript(() => {
    // What a page that is not a secure context has: no navigator.clipboard.
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    Object.defineProperty(window, "isSecureContext", { get: () => false, configurable: true });
  });
  await signInAsAdmin(page);
  await page.goto("/dashboards");
  await page.getByRole("link", { name: "Executive weekly tearsheet", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboards\/\w+$/);
  const dashboardUrl = page.url();
  expect(await page.evaluate(() => navigator.clipboard === undefined && !window.isSecureContext)).toBe(true);
  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("button", { name: "Copy internal link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();

  // Read the clipboard from a page that has the Clipboard API.
  await context.grantPermissions(["clipboard-read"], { origin: baseURL });
  const reader = await context.newPage();
  await reader.goto("/api/health");
  await reader.bringToFront();
  expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(dashboardUrl.split("?")[0]);
});
