// Shared steps for the specs. Every spec runs against the same fresh install (see playwright.config.ts);
// 00-first-run.spec.ts creates the admin through the setup page, and the others sign in as that admin
// (creating it through the setup API when a spec runs alone).
import { expect, type Page } from "@playwright/test";

export const admin = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };

export async function signInAsAdmin(page: Page) {
  const setup = await page.request.post("/api/setup", { data: admin });
  expect([201, 409]).toContain(setup.status());
  await page.goto("/signin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboards" })).toBeVisible();
}

/** Replaces the text of the Monaco editor inside `container` (default: the visible SQL editor). */
export async function typeSql(page: Page, sql: string) {
  const editor = page.getByTestId("sql-editor").locator(".monaco-editor").first();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(sql);
}
