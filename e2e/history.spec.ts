// Query history: every run is recorded (who, data source, SQL, parameters, duration, rows or error), and a
// past run reopens in the SQL page with its SQL and parameter values.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { admin, demoDataSourceId, openSqlPage, signInAsAdmin, typeSql } from "./helpers";

test("two runs (one failing) are in the history with rows, duration and error; one reopens with its SQL and parameters", async ({ page }) => {
  // A tag of this test's own, so runs from other specs in the same install do not confuse it.
  const tag = randomUUID().slice(0, 8);
  const okSql = `select user_id, '${tag}' as tag from demo.users where signup_client = {{client}} order by user_id limit {{n}}`;
  const failSql = `select * from demo.no_such_table_${tag}`;

  await signInAsAdmin(page);
  await openSqlPage(page);
  const results = page.getByTestId("results");

  await typeSql(page, okSql);
  await page.getByLabel("Parameter client", { exact: true }).fill("web");
  await page.getByLabel("Type of parameter n").selectOption("number");
  await page.getByLabel("Parameter n", { exact: true }).fill("4");
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await expect(results).toContainText("4 rows");

  await typeSql(page, failSql);
  await page.keyboard.press("ControlOrMeta+Enter");
  const failure = `relation "demo.no_such_table_${tag}" does not exist`;
  await expect(page.getByRole("main").getByRole("alert")).toContainText(failure);

  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Query history" })).toBeVisible();
  const rows = page.getByTestId("history-row").filter({ hasText: tag });
  await expect(rows).toHaveCount(2);
  // Newest first: the failed run, then the one that returned rows.
  const failed = rows.nth(0);
  const succeeded = rows.nth(1);
  for (const row of [failed, succeeded]) {
    await expect(row.getByRole("cell").nth(0)).toHaveText(admin.name);
    await expect(row.getByRole("cell").nth(1)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    await expect(row.getByRole("cell").nth(2)).toHaveText("Demo warehouse");
    await expect(row.getByRole("cell").nth(4)).toHaveText(/^\d+ ms$|^\d+\.\d+ s$/);
  }
  await expect(failed.getByRole("cell").nth(3)).toHaveText(failSql);
  await expect(failed.getByRole("cell").nth(5)).toHaveText(failure);
  // The SQL as run, and the parameter values it ran with.
  await expect(succeeded.getByRole("cell").nth(3).locator("code")).toHaveText(okSql);
  await expect(succeeded.getByRole("cell").nth(3)).toContainText("client = web");
  await expect(succeeded.getByRole("cell").nth(3)).toContainText("n = 4");
  await expect(succeeded.getByRole("cell").nth(5)).toHaveText("4 rows");

  await page.screenshot({ path: "/tmp/history.png", fullPage: true });

  // Reopen the run that returned rows: a browser tab with a SQL tab holding its SQL and parameters.
  const [reopened] = await Promise.all([page.context().waitForEvent("page"), succeeded.getByRole("link", { name: "Open" }).click()]);
  await reopened.waitForLoadState();
  await expect(reopened).toHaveURL(/\/sql\?run=/);
  await expect(reopened.getByRole("tab", { name: "From history" })).toHaveAttribute("aria-selected", "true");
  await expect(reopened.getByTestId("sql-editor")).toContainText(`'${tag}' as tag from demo.users`);
  await expect(reopened.getByLabel("Parameter client", { exact: true })).toHaveValue("web");
  await expect(reopened.getByLabel("Type of parameter n")).toHaveValue("number");
  await expect(reopened.getByLabel("Parameter n", { exact: true })).toHaveValue("4");
  await reopened.getByRole("button", { name: /^Run/ }).first().click();
  await expect(reopened.getByTestId("results")).toContainText("4 rows");
  const tags = reopened.getByTestId("results").getByRole("grid").locator('[role=gridcell][aria-colindex="3"]');
  await expect(tags).toHaveText([tag, tag, tag, tag]);

  // A result cut at the row cap (100,000 by default) says so.
  const cappedSql = `select g, '${tag}' as capped from generate_series(1, 100001) g`;
  const capped = await page.request.post("/api/queries/run", { data: { dataSourceId: await demoDataSourceId(page), sql: cappedSql } });
  expect(capped.status()).toBe(200);
  await page.reload();
  const cappedRow = page.getByTestId("history-row").filter({ hasText: `'${tag}' as capped` });
  await expect(cappedRow.getByRole("cell").nth(5)).toHaveText("100,000 rows (row cap)");
  await page.screenshot({ path: "/tmp/history-capped.png" });
});

test("a run whose data source was deleted stays in the history, and reopens saying which data source it is open on", async ({ page }) => {
  const tag = randomUUID().slice(0, 8);
  await signInAsAdmin(page);
  // A second connection to the e2e app's own warehouse server (its password is in the install's secrets).
  const secrets = JSON.parse(readFileSync(path.resolve(".data/e2e/secrets.json"), "utf8")) as { postgresPassword: string };
  const demo = (await (await page.request.get(`/api/data-sources/${await demoDataSourceId(page)}`)).json()) as Record<string, unknown>;
  const name = `Old warehouse ${tag}`;
  const created = await page.request.post("/api/data-sources", {
    data: {
      ...{ name, kind: "POSTGRES", host: demo.host, port: demo.port, database: demo.database, user: demo.user, password: secrets.postgresPassword },
      ...{ sslMode: "disable", statementTimeoutSeconds: 30, rowLimit: 1000, maxConcurrency: 2 },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { dataSource: { id: string } }).dataSource.id;
  const ran = await page.request.post("/api/queries/run", { data: { dataSourceId: id, sql: `select '${tag}' as note` } });
  expect(ran.status()).toBe(200);
  expect((await page.request.delete(`/api/data-sources/${id}`)).status()).toBe(204);

  await page.goto("/queries/history");
  const row = page.getByTestId("history-row").filter({ hasText: tag });
  await expect(row.getByRole("cell").nth(2)).toHaveText(`${name} (deleted)`);
  await expect(row.getByRole("cell").nth(5)).toHaveText("1 row");
  const [reopened] = await Promise.all([page.context().waitForEvent("page"), row.getByRole("link", { name: "Open" }).click()]);
  await expect(reopened.getByTestId("sql-editor")).toContainText(`select '${tag}' as note`);
  await expect(reopened.getByTestId("history-notice")).toHaveText(
    `This run was on "${name}", which no longer exists: it is open on "Demo warehouse". Pick the data source to run it on.`,
  );
  await expect(reopened.getByLabel("Data source")).toHaveValue(await demoDataSourceId(page));
});
