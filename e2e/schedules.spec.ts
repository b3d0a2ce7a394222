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

  await page.getByRole("link", { name: "Schedules" }).click();
  await expect(page.getByRole("heading", { name: "Schedules" })).toBeVisible();
  const row = page.getByTestId("schedule-row").filter({ hasText: "Cron 0 7 * * 1-5 (Europe/Paris)" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Dashboard refresh");
  await expect(row.locator("td").last()).toHaveText("ok");
  await page.screenshot({ path: "test-results/schedules/admin-schedules.png", fullPage: true });
});
