// Shared steps for the specs. Every spec runs against the same fresh install (see playwright.config.ts);
// 00-first-run.spec.ts creates the admin through the setup page, and the others sign in as that admin
// (creating it through the setup API when a spec runs alone).
import { expect, type Locator, type Page } from "@playwright/test";

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

/** The visible SQL editor, once Monaco has loaded. */
async function waitForSqlEditor(page: Page): Promise<Locator> {
  const editor = page.getByTestId("sql-editor").locator(".monaco-editor").first();
  // The first open of the SQL page loads Monaco (a few MB of script): slow on a busy machine.
  await expect(editor).toBeVisible({ timeout: 60_000 });
  return editor;
}

/** Opens the SQL page and waits for its editor. */
export async function openSqlPage(page: Page) {
  await page.goto("/sql");
  await waitForSqlEditor(page);
}

/** Replaces the text of the visible SQL editor. */
export async function typeSql(page: Page, sql: string) {
  const editor = await waitForSqlEditor(page);
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(sql);
}

/** The id of the demo warehouse's data source. */
export async function demoDataSourceId(page: Page): Promise<string> {
  const res = await page.request.get("/api/data-sources");
  expect(res.status()).toBe(200);
  const { dataSources } = (await res.json()) as { dataSources: { id: string; isDemo: boolean }[] };
  const demo = dataSources.find((d) => d.isDemo);
  if (!demo) throw new Error("No demo data source");
  return demo.id;
}

/** Saves a chart through the app's API (as the signed-in user) and returns its id. */
export async function createChart(
  page: Page,
  chart: { title: string; sql: string; dataSourceId: string; vizType?: string; parameters?: unknown[]; description?: string },
): Promise<string> {
  const res = await page.request.post("/api/charts", { data: chart });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Puts a chart on a dashboard (the first free slot at the bottom), as "Add to dashboard" does. */
export async function addChartTile(page: Page, dashboardId: string, chartId: string) {
  const res = await page.request.post(`/api/dashboards/${dashboardId}/tiles`, { data: { chartId } });
  expect(res.status(), await res.text()).toBe(201);
}

/** Replaces a dashboard's filter definitions, at its current version. */
export async function saveDashboardFilters(page: Page, dashboardId: string, filters: unknown[]) {
  const view = (await (await page.request.get(`/api/dashboards/${dashboardId}/results`)).json()) as { version: number };
  const res = await page.request.put(`/api/dashboards/${dashboardId}/filters`, { data: { version: view.version, filters } });
  expect(res.status(), await res.text()).toBe(200);
}

/** A real mouse drag of `handle` by (dx, dy) CSS pixels, in small steps as a hand moves. */
export async function dragBy(page: Page, handle: Locator, dx: number, dy: number) {
  await handle.scrollIntoViewIfNeeded();
  const box = await handle.boundingBox();
  if (!box) throw new Error("The handle is not visible");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 12 });
  await page.mouse.up();
}
