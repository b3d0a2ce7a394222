// The refresh schedule selector (cron with a time zone and its next three runs) and the admin schedules
// page, driven in the real app. Screenshots: test-results/schedules/*.png.
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./helpers";

test("an analyst sets a cron refresh schedule and an admin sees it on the schedules page", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Executive weekly tearsheet", exact: false }).first().click();
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");

  const select = page.getByLabel("Refresh schedule");
  await expect(select).toHaveValue("every:60");
  // An emptied custom interval is refused with a reason, not saved as "off" (a dashboard's interval 0).
  await select.selectOption("custom");
  await page.getByLabel("Minutes between refreshes").fill("");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a whole number of minutes." })).toBeVisible();
  const dashboardId = new URL(page.url()).pathname.split("/").pop()!;
  expect(((await (await page.request.get(`/api/dashboards/${dashboardId}/results`)).json()) as { refreshIntervalMinutes: number }).refreshIntervalMinutes).toBe(60);
  await select.selectOption("cron");
  await page.getByLabel("Cron expression").fill("0 7 * * 1-5");
  await page.getByLabel("Time zone").fill("Europe/Paris");
  const preview = page.getByTestId("cron-preview");
  await expect(preview).toContainText("Next runs (Europe/Paris):");
  await expect(preview).toHaveText(/^Next runs \(Europe\/Paris\): (\w{3} \d+ \w{3}, 07:00 · ){2}\w{3} \d+ \w{3}, 07:00$/);
  await page.screenshot({ path: "test-results/schedules/schedule-selector.png", clip: { x: 0, y: 0, width: 1400, height: 260 } });

  await page.getByLabel("Cron expression").fill("0 25 * * *");
  await expect(preview).toContainText('Invalid cron expression "0 25 * * *"');
  await page.getByLabel("Cron expression").fill("0 7 * * 1-5");
  await expect(preview).toContainText("Next runs");
  const patched = page.waitForResponse((r) => r.request().method() === "PATCH" && /\/api\/dashboards\/[^/]+$/.test(r.url()));
  await page.getByRole("button", { name: "Save schedule" }).click();
  expect((await patched).status()).toBe(200);
  // Saved: nothing left to save.
  await expect(page.getByRole("button", { name: "Save schedule" })).toBeDisabled();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const saved = (await (await page.request.get(`/api/dashboards/${id}/results`)).json()) as { refreshCron: string | null; refreshTimezone: string };
  expect([saved.refreshCron, saved.refreshTimezone]).toEqual(["0 7 * * 1-5", "Europe/Paris"]);

  // A tile's menu offers "Same as dashboard (cron 0 7 * * 1-5 (Europe/Paris))": that long option may not
  // make its selector stick out of the menu.
  const tile = page.getByTestId("dashboard-tile").first();
  const tileTitle = (await tile.getAttribute("aria-label"))!;
  await tile.getByLabel(`More for ${tileTitle}`).click();
  const chartSelect = tile.getByLabel(`Refresh schedule of ${tileTitle}`);
  await expect(chartSelect.locator("option:checked")).toHaveText("Same as dashboard (cron 0 7 * * 1-5 (Europe/Paris))");
  const menuBox = (await tile.locator("details[open] > div").boundingBox())!;
  const selectBox = (await chartSelect.boundingBox())!;
  expect(selectBox.x + selectBox.width).toBeLessThanOrEqual(menuBox.x + menuBox.width);
  await page.screenshot({ path: "test-results/schedules/chart-menu-long-inherit.png" });
  await tile.getByLabel(`More for ${tileTitle}`).click();

  await page.getByRole("link", { name: "Schedules" }).click();
  await expect(page.getByRole("heading", { name: "Schedules" })).toBeVisible();
  // The launcher's one worker, named by its heartbeat; no "no worker is running" alert.
  await expect(page.getByTestId("workers-alive")).toHaveText(/^1 worker running: \S+ \(pid \d+, since \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/);
  await expect(page.getByTestId("no-worker")).toHaveCount(0);
  const row = page.getByTestId("schedule-row").filter({ hasText: "Cron 0 7 * * 1-5 (Europe/Paris)" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Dashboard refresh");
  await expect(row.locator("td").last()).toHaveText("ok");

  // The bounce webhook's secret is on this page only when asked for.
  await expect(page.getByTestId("bounce-webhook")).toHaveCount(0);
  await page.getByRole("button", { name: "Show the webhook address and secret" }).click();
  await expect(page.getByTestId("bounce-webhook")).toContainText(/POST http:\/\/\S+\/api\/digests\/bounces with Authorization: Bearer [A-Za-z0-9_-]{20,}/);
  await page.screenshot({ path: "test-results/schedules/admin-schedules.png", fullPage: true });
  await page.getByRole("button", { name: "Hide the secret" }).click();
  await expect(page.getByTestId("bounce-webhook")).toHaveCount(0);
});

test("an analyst gives one chart its own refresh schedule from the tile menu and from the chart's page, an admin sees it, a viewer reads it, and it goes back to the dashboard's", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Product", exact: true }).first().click();
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");

  const tile = page.getByTestId("dashboard-tile").first();
  const title = (await tile.getAttribute("aria-label"))!;
  await expect(tile.getByTestId("tile-own-schedule")).toHaveCount(0);
  await tile.getByLabel(`More for ${title}`).click();
  const select = tile.getByLabel(`Refresh schedule of ${title}`);
  await expect(select).toHaveValue("inherit");
  await expect(select.locator("option:checked")).toHaveText(/^Same as dashboard \((every hour|cron .+|off)\)$/);

  await select.selectOption("cron");
  const cron = tile.getByLabel("Cron expression");
  const zone = tile.getByLabel("Time zone");
  const preview = tile.getByTestId("cron-preview");
  // Readable errors from the server: an unknown time zone, an expression that runs too often.
  await cron.fill("0 */2 * * *");
  await zone.fill("Mars/Olympus_Mons");
  await expect(preview).toHaveText("Unknown time zone: use an IANA name such as Europe/London or America/New_York");
  await zone.fill("Asia/Tokyo");
  await cron.fill("*/2 * * * *");
  await expect(preview).toHaveText('Refresh at most every 5 minutes: "*/2 * * * *" runs more often.');
  await expect(tile.getByRole("button", { name: "Save schedule" })).toBeDisabled();
  await cron.fill("0 */2 * * *");
  await expect(preview).toHaveText(/^Next runs \(Asia\/Tokyo\): (\w{3} \d+ \w{3}, \d{2}:00 · ){2}\w{3} \d+ \w{3}, \d{2}:00$/);
  await page.screenshot({ path: "test-results/schedules/chart-schedule-menu.png", fullPage: false });

  const patched = page.waitForResponse((r) => r.request().method() === "PATCH" && /\/api\/charts\/[^/]+\/schedule$/.test(r.url()));
  await tile.getByRole("button", { name: "Save schedule" }).click();
  expect((await patched).status()).toBe(200);
  await expect(tile.getByRole("button", { name: "Save schedule" })).toBeDisabled();
  await expect(tile.getByTestId("tile-own-schedule")).toHaveText("own schedule: cron 0 */2 * * * (Asia/Tokyo)");
  await tile.getByLabel(`More for ${title}`).click(); // close the menu
  await tile.screenshot({ path: "test-results/schedules/chart-schedule-tile.png" });
  const dashboardUrl = page.url();

  // It survives a reload, and the admin schedules page lists it as a chart override.
  await page.reload();
  await expect(page.getByTestId("dashboard-tile").first().getByTestId("tile-own-schedule")).toHaveText("own schedule: cron 0 */2 * * * (Asia/Tokyo)");
  await page.getByRole("link", { name: "Schedules" }).click();
  const row = page.getByTestId("schedule-row").filter({ hasText: title }).filter({ hasText: "Chart override" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Cron 0 */2 * * * (Asia/Tokyo)");
  await expect(row.locator("td").last()).toHaveText("ok");

  // The chart's own page (the tile menu's "History") says it too, and changes it with the same selector.
  await page.goto(dashboardUrl);
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");
  const onDashboard = page.getByTestId("dashboard-tile").first();
  await onDashboard.getByLabel(`More for ${title}`).click();
  await onDashboard.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: `History of ${title}`, level: 1 })).toBeVisible();
  const chartUrl = page.url();
  const panel = page.getByRole("region", { name: "Refresh schedule" });
  const status = panel.getByTestId("chart-schedule-status");
  await expect(status).toHaveText("Own schedule: cron 0 */2 * * * (Asia/Tokyo)");
  const chartSelect = panel.getByLabel(`Refresh schedule of ${title}`);
  await expect(chartSelect).toHaveValue("cron");
  const followed = page.waitForResponse((r) => r.request().method() === "PATCH" && /\/api\/charts\/[^/]+\/schedule$/.test(r.url()));
  await chartSelect.selectOption("inherit");
  expect((await followed).status()).toBe(200);
  await expect(status).toHaveText("Follows the dashboard: every hour");
  await expect(chartSelect.locator("option:checked")).toHaveText("Same as dashboard (every hour)");
  const own = page.waitForResponse((r) => r.request().method() === "PATCH" && /\/api\/charts\/[^/]+\/schedule$/.test(r.url()));
  await chartSelect.selectOption("every:15");
  expect((await own).status()).toBe(200);
  await expect(status).toHaveText("Own schedule: every 15 minutes");
  await page.screenshot({ path: "test-results/schedules/chart-page-schedule.png", fullPage: false });
  await page.reload();
  await expect(page.getByRole("region", { name: "Refresh schedule" }).getByTestId("chart-schedule-status")).toHaveText("Own schedule: every 15 minutes");

  // A viewer reads the schedule on the chart's page, with no selector.
  const viewerEmail = `viewer-${Date.now()}@example.com`;
  const invite = (await (await page.request.post("/api/invites", { data: { email: viewerEmail, role: "VIEWER" } })).json()) as { url: string };
  const inviteToken = new URL(invite.url).pathname.split("/").pop()!;
  expect((await page.request.post(`/api/invites/token/${inviteToken}/accept`, { data: { name: "Vera Viewer", password: "a long viewer password" } })).status()).toBe(201);
  const viewerContext = await page.context().browser()!.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto("/signin");
  await viewer.getByLabel("Email").fill(viewerEmail);
  await viewer.getByLabel("Password").fill("a long viewer password");
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer.getByRole("heading", { name: "Dashboards" })).toBeVisible();
  await viewer.goto(chartUrl);
  const viewerPanel = viewer.getByRole("region", { name: "Refresh schedule" });
  await expect(viewerPanel.getByTestId("chart-schedule-status")).toHaveText("Own schedule: every 15 minutes");
  await expect(viewerPanel.getByRole("combobox")).toHaveCount(0);
  await viewer.screenshot({ path: "test-results/schedules/chart-page-schedule-viewer.png", fullPage: false });
  await viewerContext.close();

  // Back to the dashboard's schedule from the tile menu: the tile says nothing more, and the admin page no
  // longer lists it.
  await page.goto(dashboardUrl);
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");
  const again = page.getByTestId("dashboard-tile").first();
  await expect(again.getByTestId("tile-own-schedule")).toHaveText("own schedule: every 15 minutes");
  await again.getByLabel(`More for ${title}`).click();
  const reverted = page.waitForResponse((r) => r.request().method() === "PATCH" && /\/api\/charts\/[^/]+\/schedule$/.test(r.url()));
  await again.getByLabel(`Refresh schedule of ${title}`).selectOption("inherit");
  expect((await reverted).status()).toBe(200);
  await expect(again.getByTestId("tile-own-schedule")).toHaveCount(0);
  await page.goto(chartUrl);
  await expect(page.getByRole("region", { name: "Refresh schedule" }).getByTestId("chart-schedule-status")).toHaveText("Follows the dashboard: every hour");
  await page.getByRole("link", { name: "Schedules" }).click();
  await expect(page.getByRole("heading", { name: "Schedules" })).toBeVisible();
  await expect(page.getByTestId("schedule-row").filter({ hasText: title }).filter({ hasText: "Chart override" })).toHaveCount(0);
});
