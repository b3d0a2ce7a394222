// Data sources as an admin manages them: add a PostgreSQL connection through the form, test it (and see
// wrong passwords and ports explained in words), use it on the SQL page, edit it without retyping the
// password, delete it. The password never reaches the browser: not in any page's HTML, not in any response.
//
// The connection is the e2e app's own embedded PostgreSQL (the demo warehouse's server). Its host, port,
// database and user are on the demo data source's edit page; its password is in the install's
// secrets.json, which is what a self-hoster would look up to connect anything else to that server.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openSqlPage, signInAsAdmin, typeSql } from "./helpers";

const SOURCE_NAME = "Local warehouse (e2e)";

function embeddedPostgresPassword(): string {
  const secrets = JSON.parse(readFileSync(path.resolve(".data/e2e/secrets.json"), "utf8")) as { postgresPassword: string };
  expect(secrets.postgresPassword.length).toBeGreaterThan(10);
  return secrets.postgresPassword;
}

/**
 * Every response the browser receives, read in full once it has finished downloading (a response that is
 * still streaming, such as a long-lived RSC request, would otherwise keep its body promise pending).
 */
function recordResponses(page: Page) {
  const reads: Promise<{ url: string; text: string }>[] = [];
  page.on("requestfinished", (request) => {
    reads.push(
      (async () => {
        const response = await request.response();
        if (!response) return { url: request.url(), text: "" };
        const headers = JSON.stringify(await response.allHeaders());
        // Redirects have no body to read.
        const body = await response.text().catch(() => "");
        return { url: response.url(), text: `${headers}\n${body}` };
      })(),
    );
  });
  return {
    all: () => Promise.all(reads),
  };
}

async function readDemoConnection(page: Page) {
  await page.goto("/admin/data-sources");
  await page.getByTestId("data-source-list").getByRole("link", { name: "Demo warehouse" }).click();
  await expect(page.getByRole("heading", { name: "Demo warehouse" })).toBeVisible();
  const form = page.getByTestId("data-source-form");
  const connection = {
    host: await form.getByLabel("Host").inputValue(),
    port: await form.getByLabel("Port").inputValue(),
    database: await form.getByLabel("Database").inputValue(),
    user: await form.getByLabel("User").inputValue(),
  };
  // The demo source's password is stored, and the form shows only that one is.
  await expect(form.getByLabel("Password")).toHaveValue("");
  await expect(form.getByLabel("Password")).toHaveAttribute("placeholder", "Unchanged — type to replace");
  return connection;
}

async function testConnection(page: Page) {
  const form = page.getByTestId("data-source-form");
  await form.getByRole("button", { name: "Test connection" }).click();
  const result = form.getByTestId("test-result");
  await expect(result).toBeVisible();
  return result;
}

test("an admin adds, tests, uses, edits and deletes a PostgreSQL data source; the password never reaches the browser", async ({ page }) => {
  // A long journey through six pages and three connection tests, on a machine that may be busy.
  test.setTimeout(180_000);
  const password = embeddedPostgresPassword();
  const responses = recordResponses(page);
  await signInAsAdmin(page);
  const demo = await readDemoConnection(page);
  expect(demo).toMatchObject({ host: "127.0.0.1", database: "warehouse", user: "spyglass" });
  expect(await page.content()).not.toContain(password);

  // Add it through the form.
  await page.goto("/admin/data-sources");
  await page.getByRole("link", { name: "Add data source" }).click();
  await expect(page.getByRole("heading", { name: "New data source" })).toBeVisible();
  const form = page.getByTestId("data-source-form");
  await form.getByLabel("Name").fill(SOURCE_NAME);
  await form.getByLabel("Kind").selectOption("POSTGRES");
  await form.getByLabel("Host").fill(demo.host);
  await form.getByLabel("Port").fill(demo.port);
  await form.getByLabel("Database").fill(demo.database);
  await form.getByLabel("User").fill(demo.user);
  await form.getByLabel("SSL mode").selectOption("disable"); // the embedded server has no certificate
  await form.getByLabel("Default schema").fill("demo");

  // A wrong password: authentication failed, said in words.
  await form.getByLabel("Password").fill("not-the-password");
  let result = await testConnection(page);
  await expect(result).toHaveAttribute("role", "alert");
  await expect(result).toHaveText(
    `The server refused the user '${demo.user}': wrong password or no access. (password authentication failed for user "${demo.user}")`,
  );

  // A port nobody listens on: refused.
  await form.getByLabel("Password").fill(password);
  await form.getByLabel("Port").fill("1");
  result = await testConnection(page);
  await expect(result).toHaveText(
    `Connection refused by ${demo.host}:1. Is the server running and reachable from the Spyglass server? Check the host and port.`,
  );

  // The right settings: it works, and says which server it reached.
  await form.getByLabel("Port").fill(demo.port);
  result = await testConnection(page);
  await expect(result).toHaveAttribute("role", "status");
  await expect(result).toContainText(/^Connected in \d+ ms: PostgreSQL \d+/);
  // A result vouches only for the settings it tested: changing one takes it away, and so does a test that
  // the form refuses (an empty host), instead of leaving "Connected" next to untested settings.
  await form.getByLabel("Host").fill("");
  await expect(result).toBeHidden();
  await form.getByRole("button", { name: "Test connection" }).click();
  await expect(form.getByRole("alert")).toHaveText("Host is required");
  await expect(result).toBeHidden();
  await form.getByLabel("Host").fill(demo.host);
  result = await testConnection(page);
  await expect(result).toContainText(/^Connected in \d+ ms: PostgreSQL \d+/);
  await page.screenshot({ path: "/tmp/data-source-form.png", fullPage: true });

  await form.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/admin\/data-sources$/);
  const list = page.getByTestId("data-source-list");
  const row = list.getByRole("row").filter({ hasText: SOURCE_NAME });
  await expect(row).toHaveText(`${SOURCE_NAME}PostgreSQL${demo.host}:${demo.port}${demo.database}`);
  await page.screenshot({ path: "/tmp/data-sources-list.png", fullPage: true });
  expect(await page.content()).not.toContain(password);

  // Usable on the SQL page: its schema browser lists the tables, and a query runs (through the default schema).
  await openSqlPage(page);
  await page.getByLabel("Data source").selectOption({ label: SOURCE_NAME });
  const browser = page.getByTestId("schema-browser");
  // The only schema with tables opens by itself.
  await expect(browser.getByRole("button", { name: "Collapse schema demo" })).toBeVisible();
  await expect(browser.getByRole("button", { name: "Insert table demo.users" })).toBeVisible();
  await expect(browser.getByRole("button", { name: "Insert table demo.photos" })).toBeVisible();
  await runOnSql(page, "select count(*) as members from users where user_id <= 3");
  await expect(page.getByTestId("results").getByRole("gridcell").last()).toHaveText("3");
  expect(await page.content()).not.toContain(password);

  // Edit with the password left empty: the stored one is kept.
  await page.goto("/admin/data-sources");
  await list.getByRole("link", { name: SOURCE_NAME }).click();
  await expect(page.getByRole("heading", { name: SOURCE_NAME })).toBeVisible();
  await expect(form.getByLabel("Password")).toHaveValue("");
  await expect(form.getByLabel("Password")).toHaveAttribute("placeholder", "Unchanged — type to replace");
  expect(await page.content()).not.toContain(password);
  // The stored password goes only to the server it was saved for: another port needs it typed again.
  await form.getByLabel("Port").fill("6543");
  await expect(form.getByLabel("Password")).toHaveAttribute("placeholder", "Type it again: the server or user changed");
  await form.getByRole("button", { name: "Test connection" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Type the password again: the port changed, and the stored password is only sent to the server and user it was saved for.",
  );
  await form.getByLabel("Port").fill(demo.port);
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(form.getByLabel("Password")).toHaveAttribute("placeholder", "Unchanged — type to replace");
  await form.getByLabel("Statement timeout (seconds)").fill("30");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/admin\/data-sources$/);

  await list.getByRole("link", { name: SOURCE_NAME }).click();
  await expect(form.getByLabel("Statement timeout (seconds)")).toHaveValue("30");
  result = await testConnection(page); // empty password: tests with the stored one
  await expect(result).toContainText(/^Connected in \d+ ms/);
  await openSqlPage(page);
  await page.getByLabel("Data source").selectOption({ label: SOURCE_NAME });
  await runOnSql(page, "select count(*) as members from users where user_id <= 4");
  await expect(page.getByTestId("results").getByRole("gridcell").last()).toHaveText("4");

  // Delete removes it, from the list and from the SQL page's choices; its two runs stay in the history.
  await page.goto("/admin/data-sources");
  await list.getByRole("link", { name: SOURCE_NAME }).click();
  let confirmation = "";
  page.once("dialog", (dialog) => {
    confirmation = dialog.message();
    void dialog.accept();
  });
  await form.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/admin\/data-sources$/);
  await expect(list.getByRole("link", { name: "Demo warehouse" })).toBeVisible();
  await expect(list.getByRole("row").filter({ hasText: SOURCE_NAME })).toHaveCount(0);
  expect(confirmation).toBe(
    `Delete the data source "${SOURCE_NAME}"? This cannot be undone.\n\nIts 2 runs in the query history will stay there, without a data source.`,
  );
  await page.goto("/sql");
  await expect(page.getByLabel("Data source").locator("option")).toHaveText(["Demo warehouse"]);
  await page.goto("/queries/history");
  const kept = page.getByTestId("history-row").filter({ hasText: `${SOURCE_NAME} (deleted)` });
  await expect(kept).toHaveCount(2);
  await expect(kept.first()).toContainText("select count(*) as members from users where user_id <= 4");
  await page.screenshot({ path: "/tmp/history-deleted-source.png", fullPage: true });

  // Not one response carried the password: pages, RSC payloads, API answers, headers.
  const all = await responses.all();
  expect(all.length).toBeGreaterThan(20);
  expect(all.filter((r) => r.url.includes("/api/data-sources")).length).toBeGreaterThanOrEqual(5);
  expect(all.filter((r) => r.text.includes(password)).map((r) => r.url)).toEqual([]);
});

async function runOnSql(page: Page, sql: string) {
  await typeSql(page, sql);
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("results")).toContainText("1 row");
}
