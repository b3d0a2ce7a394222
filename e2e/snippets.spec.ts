// Snippets: an editor saves a named SQL fragment, and a query that writes [name] runs it.
import { expect, test } from "@playwright/test";
import { openSqlPage, signInAsAdmin, typeSql } from "./helpers";

test("a snippet created on the snippets page expands in a query", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Snippets" }).click();
  await expect(page.getByRole("heading", { name: "SQL snippets" })).toBeVisible();

  await page.getByRole("button", { name: "New snippet" }).click();
  await page.getByLabel("Name").fill("Web users");
  await page.getByRole("button", { name: "Save snippet" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("lowercase letters");

  await page.getByLabel("Name").fill("web_users");
  await page.getByLabel("Description").fill("Members who signed up on the web");
  await page.getByLabel("SQL").fill("select user_id from demo.users where signup_client = 'web'");
  await page.getByRole("button", { name: "Save snippet" }).click();
  await expect(page.getByText("[web_users]")).toBeVisible();

  // The same number through the snippet and written out.
  await page.getByRole("link", { name: "SQL", exact: true }).click();
  await typeSql(page, "select count(*) as web_members from ([web_users]) w");
  await page.keyboard.press("ControlOrMeta+Enter");
  const results = page.getByTestId("results");
  await expect(results).toContainText("1 row");
  const viaSnippet = await results.getByRole("gridcell").last().textContent();

  await typeSql(page, "select count(*) as web_members from demo.users where signup_client = 'web'");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(results).toContainText("1 row");
  await expect(results.getByRole("gridcell").last()).toHaveText(viaSnippet!);
  expect(Number(viaSnippet!.replace(/,/g, ""))).toBeGreaterThan(0);
});

test("a parameter inside a snippet gets an input on the SQL page, and its value is bound", async ({ page }) => {
  await signInAsAdmin(page);
  const created = await page.request.post("/api/snippets", {
    data: { name: "signed_up_since", sql: "signup_date >= {{since}}", description: "Members who signed up on or after a date" },
  });
  expect(created.status(), await created.text()).toBe(201);

  await openSqlPage(page);
  await typeSql(page, "select count(*) as members from demo.users where [signed_up_since]");
  const since = page.getByLabel("Parameter since", { exact: true });
  await expect(since).toBeVisible();
  await since.fill("2099-01-01");
  await since.press("Enter");
  const results = page.getByTestId("results");
  await expect(results).toContainText("1 row");
  await expect(results.getByRole("gridcell").last()).toHaveText("0");
});
