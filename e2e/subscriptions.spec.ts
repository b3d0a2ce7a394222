// Email digests from the dashboard page: add a subscription with a user, an outside address, a weekday
// schedule in a time zone (with its next runs), CSV files, a subject template (previewed, and an unknown
// placeholder named) and a Slack webhook that is shown as "set" but never again; then "Send a test to me"
// and the delivery log.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { leafParts, parseMime } from "@/lib/mail/parse-mime";
import { admin, signInAsAdmin } from "./helpers";

/** The unsubscribe link of the newest email to `to` in the e2e server's outbox (no SMTP_URL: mail goes there). */
async function unsubscribeLinkInOutbox(to: string): Promise<string> {
  const dir = path.resolve(".data/e2e/outbox");
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".eml")).sort().reverse()) {
    const root = parseMime(await readFile(path.join(dir, file), "utf8"));
    if (!root.headers.get("to")?.includes(to)) continue;
    const text = leafParts(root).find((p) => p.contentType === "text/plain")!.body.toString("utf8");
    return /^Unsubscribe: (\S+)$/m.exec(text)![1];
  }
  throw new Error(`No email to ${to} in ${dir}`);
}

const DASHBOARD = "Executive weekly tearsheet";

test("an editor sets up a digest, sends a test to themselves and reads the delivery log", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  await page.goto("/dashboards");
  await page.getByRole("link", { name: DASHBOARD, exact: true }).click();
  await expect(page.getByRole("heading", { name: DASHBOARD, level: 1 })).toBeVisible();
  // A filter, and a value for it in the URL: the digest can take the filters on screen.
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const setup = (await (await page.request.get(`/api/dashboards/${id}/filters`)).json()) as { version: number };
  const saved = await page.request.put(`/api/dashboards/${id}/filters`, { data: { version: setup.version, filters: [{ type: "text", name: "region", label: "Region" }] } });
  expect(saved.status()).toBe(200);
  await page.goto(`/dashboards/${id}?f.region=EMEA`);

  await page.getByRole("button", { name: "Email subscriptions" }).click();
  const panel = page.getByRole("region", { name: "Email subscriptions" });
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByText("Nobody receives this dashboard by email yet.")).toBeVisible();
  const form = panel.getByRole("form", { name: "New subscription" });
  if (!(await form.isVisible())) await panel.getByText("New subscription").click();

  await form.getByRole("group", { name: "Spyglass users" }).getByLabel(admin.name).check();
  await form.getByLabel("Outside email addresses").fill("cfo@partner.example, not-an-address");
  await form.getByLabel("Days").selectOption("weekdays");
  await form.getByLabel("At").fill("07:30");
  await form.getByLabel("Time zone").fill("Europe/London");
  await expect(form.getByTestId("next-runs")).toContainText("Next:");
  await form.getByLabel("CSV of each chart").check();
  await form.getByRole("button", { name: "Use the filters on screen" }).click();
  await expect(form.getByText("Filters: Region: EMEA")).toBeVisible();

  await form.getByLabel("Subject").fill("{{dashboard}} on {{day}}");
  await expect(form.getByTestId("subject-preview")).toHaveText("Unknown placeholder {{day}}: use {{dashboard}} and {{date}}");
  await form.getByLabel("Subject").fill("{{dashboard}} for {{date}}");
  await expect(form.getByTestId("subject-preview")).toContainText(`Preview: ${DASHBOARD} for `);
  await form.getByLabel(/Incoming webhook URL/).fill("https://hooks.slack.com/services/T0/B0/e2e-secret");
  const slackNote = form.getByTestId("slack-image-note");
  await expect(slackNote).toHaveText("The Slack post includes the dashboard's image: anyone with the image's link can open it for 30 days.");
  await slackNote.locator("xpath=ancestor::fieldset[1]").screenshot({ path: "test-results/subscriptions-slack-note.png" });

  await form.getByRole("button", { name: "Add subscription" }).click();
  await expect(form.getByRole("alert")).toHaveText("“not-an-address” is not an email address");
  await form.getByLabel("Outside email addresses").fill("cfo@partner.example");
  await form.getByRole("button", { name: "Add subscription" }).click();

  const item = panel.getByTestId("subscription").first();
  await expect(item).toContainText("Weekdays at 07:30 (Europe/London)");
  await expect(item).toContainText("image · CSV per chart · Slack · Region: EMEA");
  await expect(item).toContainText("cfo@partner.example");
  await expect(item).toContainText(admin.name);
  expect(await page.content()).not.toContain("e2e-secret");

  await item.getByRole("button", { name: "Edit" }).click();
  const edit = item.getByRole("form", { name: "Edit subscription" });
  await expect(edit.getByText("set", { exact: true })).toBeVisible();
  await expect(edit.getByLabel(/Incoming webhook URL/)).toHaveValue("");
  await edit.getByRole("button", { name: "Cancel" }).click();

  // Nothing was posted yet: revoking deletes no image, and says so.
  page.once("dialog", (d) => void d.accept());
  await item.getByRole("button", { name: "Revoke posted images" }).click();
  await expect(item.getByText("0 posted image(s) deleted; their links no longer open.", { exact: true })).toBeVisible();

  // Pause stops the schedule (no next runs) until Resume.
  await item.getByRole("button", { name: "Pause" }).click();
  await expect(item).toContainText("Weekdays at 07:30 (Europe/London) · paused");
  await expect(item).not.toContainText(" · next ");
  await item.getByRole("button", { name: "Resume" }).click();
  await expect(item).not.toContainText("· paused");
  await expect(item).toContainText(" · next ");

  // "Send now" that never reaches the server says so and can be clicked again (it stayed on "Queued…").
  await page.route("**/api/subscriptions/*/send", (route) => route.abort());
  await item.getByRole("button", { name: "Send now" }).click();
  await expect(item.getByText("The server did not answer; nothing was queued.")).toBeVisible();
  await expect(item.getByRole("button", { name: "Send now" })).toBeEnabled();
  await page.unroute("**/api/subscriptions/*/send");

  await item.getByRole("button", { name: "Send a test to me" }).click();
  await expect(item.getByText(`Test sent to ${admin.email}`)).toBeVisible({ timeout: 90_000 });
  await item.getByRole("button", { name: "Delivery log" }).click();
  const log = item.getByTestId("delivery-log");
  await expect(log.getByRole("row").nth(1)).toContainText("Test sent");
  await expect(log.getByRole("row").nth(1)).toContainText(admin.email);

  await item.getByRole("button", { name: "Edit" }).click();
  await expect(item.getByTestId("next-runs")).toContainText("Next:");
  await panel.screenshot({ path: "test-results/subscriptions-panel.png" });

  // The test email's unsubscribe link: unsubscribe, see it on the panel, then subscribe again from the same page.
  const unsubscribe = await unsubscribeLinkInOutbox(admin.email);
  await page.goto(unsubscribe);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await page.screenshot({ path: "test-results/unsubscribed.png" });
  await page.goto(`/dashboards/${id}`);
  await page.getByRole("button", { name: "Email subscriptions" }).click();
  await expect(page.getByRole("region", { name: "Email subscriptions" }).getByText(`· unsubscribed: ${admin.email}`)).toBeVisible();
  await page.goto(unsubscribe);
  await page.getByRole("button", { name: "Subscribe again" }).click();
  await expect(page.getByTestId("resubscribed")).toHaveText(`${admin.email} is subscribed to the “${DASHBOARD}” digest again.`);
  await page.goto(`/dashboards/${id}`);
  await page.getByRole("button", { name: "Email subscriptions" }).click();
  await expect(page.getByRole("region", { name: "Email subscriptions" }).getByText(/Send a test to me/)).toBeVisible();
  await expect(page.getByText("· unsubscribed:")).toHaveCount(0);
});
