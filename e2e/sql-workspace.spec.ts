// The SQL workspace as an analyst uses it: autocomplete, run selection, cancel, parameters, export, tabs.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin, typeSql } from "./helpers";

async function openSql(page: Page) {
  await signInAsAdmin(page);
  await page.goto("/sql");
  await expect(page.getByTestId("sql-editor").locator(".monaco-editor").first()).toBeVisible();
}

const results = (page: Page) => page.getByTestId("results");
const grid = (page: Page) => results(page).getByRole("grid");

test("autocomplete offers the aliased table's columns after `u.`", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select u. from demo.users u");
  // Put the cursor right after `u.`.
  await page.keyboard.press("Home");
  for (let i = 0; i < "select u.".length; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Control+Space");
  const suggest = page.locator(".suggest-widget");
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText("user_id");
  await expect(suggest).toContainText("signup_client");
  // Only demo.users' columns: no keywords, no other tables.
  await expect(suggest).not.toContainText("session_id");
  await page.screenshot({ path: "/tmp/sql-autocomplete.png" });
});

test("Ctrl+Enter runs the selected statement only", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select 'first' as which;\nselect 'second' as which");
  // Cursor is at the end of line 2: select that line with the keyboard.
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(results(page)).toContainText("1 row");
  await expect(grid(page)).toContainText("second");
  await expect(grid(page)).not.toContainText("first");
});

test("Cancel stops a long query and says so calmly", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select pg_sleep(30)");
  await page.keyboard.press("ControlOrMeta+Enter");
  const cancel = page.getByRole("button", { name: "Cancel", exact: true });
  await expect(cancel).toBeVisible();
  await cancel.click();
  await expect(page.getByRole("status").filter({ hasText: "Query cancelled" })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Run/ }).first()).toBeEnabled();
});

test("parameters are bound, never pasted", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select * from demo.users where signup_client = {{client}} limit 5");
  const input = page.getByLabel("Parameter client", { exact: true });
  await expect(input).toBeVisible();
  await input.fill("web");
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await expect(results(page)).toContainText("5 rows");
  const clientCol = await grid(page).getByRole("columnheader").allInnerTexts();
  const index = clientCol.findIndex((t) => t.startsWith("signup_client"));
  expect(index).toBeGreaterThan(0);
  const cells = grid(page).locator(`[role=row] [role=gridcell][aria-colindex="${index + 1}"]`);
  await expect(cells).toHaveCount(5);
  expect(new Set(await cells.allInnerTexts())).toEqual(new Set(["web"]));

  // A hostile value is just a value: no match, no error, and the table is still there.
  await input.fill("'; drop table demo.users; --");
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await expect(results(page)).toContainText("0 rows");
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);

  await typeSql(page, "select count(*) as n from demo.users");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(results(page)).toContainText("1 row");
  await expect(grid(page).getByRole("columnheader", { name: /^n/ })).toBeVisible();
});

test("Export CSV downloads the full result", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select user_id, username from demo.users order by user_id limit 3");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  const path = await download.path();
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  expect(lines[0]).toBe("user_id,username");
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(/^1,/);
});

test("tabs keep their text across a reload; the grid sorts and the page looks calm", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select signup_client, count(*) as users from demo.users group by 1 order by 1");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(results(page)).toContainText("3 rows");

  // Sort by users descending (two clicks) and check the first row is the largest.
  const header = grid(page).getByRole("columnheader", { name: /^users/ });
  await header.getByRole("button").click();
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const usersCells = grid(page).locator('[role=gridcell][aria-colindex="3"]');
  const values = (await usersCells.allInnerTexts()).map((t) => Number(t.replace(/,/g, "")));
  expect(values).toEqual([...values].sort((a, b) => b - a));
  await page.screenshot({ path: "/tmp/sql-workspace.png", fullPage: true });

  await page.getByRole("button", { name: "New tab" }).click();
  await expect(page.getByRole("tab", { name: "Query 2" })).toHaveAttribute("aria-selected", "true");
  await typeSql(page, "select 2 as second_tab");
  // Rename by double-click.
  await page.getByRole("tab", { name: "Query 2" }).dblclick();
  await page.getByLabel("Tab name").fill("Second");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { name: "Second" })).toBeVisible();
  await page.waitForTimeout(600); // tabs are written to localStorage after a short debounce

  await page.reload();
  await expect(page.getByRole("tab", { name: "Second" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("sql-editor")).toContainText("select 2 as second_tab");
  await page.getByRole("tab", { name: "Query 1" }).click();
  await expect(page.getByTestId("sql-editor")).toContainText("group by 1 order by 1");
});
