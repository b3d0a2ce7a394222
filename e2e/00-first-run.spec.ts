// The foundation's user journey: first admin, sign in, run a query, save it as a chart, put it on a
// new dashboard, and see it drawn there.
import { expect, test } from "@playwright/test";
import { admin, typeSql } from "./helpers";

test("from a fresh install to a chart on a dashboard", async ({ page }) => {
  // A fresh install sends everyone to the setup page.
  await page.goto("/dashboards");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("heading", { name: "Dashboards" })).toBeVisible();
  // The demo's dashboards are already there.
  await expect(page.getByRole("link", { name: "Executive weekly tearsheet" })).toBeVisible();

  // Sign out, then in again through the sign-in form.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match");
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboards" })).toBeVisible();

  // Run a query with Ctrl+Enter in Monaco.
  await page.getByRole("link", { name: "SQL" }).click();
  await typeSql(page, "select signup_client as client, count(*) as users from demo.users group by 1 order by 1");
  await page.keyboard.press("ControlOrMeta+Enter");
  const results = page.getByTestId("results");
  await expect(results).toContainText("android");
  await expect(results).toContainText("iphone");
  await expect(results).toContainText("web");
  await expect(results).toContainText("3 rows");
  await expect(page.getByTestId("chart").locator("[data-chart-status=rendered]")).toBeVisible();

  // Save it as a chart with its definition, and add it to a new dashboard.
  await page.getByRole("button", { name: "Save as chart" }).click();
  await page.getByLabel("Title").fill("Users by signup client");
  await page.getByLabel("Description").fill("Users by the client they signed up on. Source: demo.users.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("button", { name: "Add to dashboard" }).click();
  await page.getByLabel("New dashboard title").fill("Acquisition");
  await page.getByRole("button", { name: "Add to dashboard" }).last().click();
  await page.getByRole("link", { name: /open dashboard|Acquisition/i }).first().click();

  // The dashboard shows the chart, drawn, with when its numbers were computed.
  await expect(page.getByRole("heading", { name: "Acquisition" })).toBeVisible();
  const tile = page.getByTestId("dashboard-tile").filter({ hasText: "Users by signup client" });
  await expect(tile.locator("[data-chart-status=rendered]")).toBeVisible();
  await expect(tile.locator("canvas")).toBeVisible();
  await expect(tile).toContainText(/updated (just now|1 minute ago)/);
  await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });
});
