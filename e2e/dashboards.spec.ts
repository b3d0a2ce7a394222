// A dashboard built, filtered and shared like a person would: tiles dragged and resized on the grid with
// the mouse (positions checked after a reload), a text tile and a section header, a date-range preset and
// a drop-down filter, a public link opened in a fresh browser (no session) that shows exactly the
// filtered numbers and none of the SQL, its Open Graph / Twitter tags and image, the title-only unfurl of
// the internal link, revocation, and the phone layout. Screenshots go to test-results/dashboards/.
import { expect, request, test, type Locator, type Page } from "@playwright/test";
import type { DashboardView } from "@/lib/dashboards/get-dashboard-view";
import { addChartTile, createChart, demoDataSourceId, dragBy, saveDashboardFilters, signInAsAdmin } from "./helpers";

const SLACKBOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
const TITLE = "Growth review";
const DESCRIPTION = "Signups by client, for the growth meeting.";
const WHERE = "where signup_date >= {{period.start}} and signup_date < {{period.end}} [[and country = {{country}}]]";
const TOTAL_SQL = `select count(*)::int as signups from demo.users ${WHERE}`;
const BY_CLIENT_SQL = `select signup_client, count(*)::int as signups from demo.users ${WHERE} group by 1 order by 1`;
const PERIOD = { name: "period", type: "date_range", default: { start: "2025-01-01", end: "2026-12-01" } };
const SHOT = (name: string) => `test-results/dashboards/${name}.png`;

test.describe.configure({ mode: "serial" });

function tile(page: Page, title: string): Locator {
  return page.getByTestId("dashboard-tile").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

/** The numbers a reader sees: the big number and the table's cells, as text. */
async function readNumbers(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");
  const total = (await tile(page, "Signups").locator("[data-spyglass-value]").textContent())!.trim();
  const table = await tile(page, "Signups by client").locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent!.trim())),
  );
  return { total, table };
}

async function layoutOf(page: Page, id: string) {
  const view = (await (await page.request.get(`/api/dashboards/${id}/results`)).json()) as DashboardView;
  const name = (t: DashboardView["tiles"][number]) => (t.chart ? t.chart.title : `${t.kind}:${t.text}`);
  return Object.fromEntries(view.tiles.map((t) => [name(t), [t.x, t.y, t.w, t.h]]));
}

test("build, filter and share a dashboard; the public link shows the same numbers", async ({ page, browser, baseURL }) => {
  await signInAsAdmin(page);

  // A new dashboard, through the list page.
  await page.getByRole("button", { name: "New dashboard" }).click();
  await page.getByLabel("New dashboard title").fill(TITLE);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;

  // Two charts over the demo warehouse, with the parameters the filters bind to, put on the dashboard.
  const dataSourceId = await demoDataSourceId(page);
  const parameters = [PERIOD, { name: "country", type: "text" }];
  const total = await createChart(page, { title: "Signups", sql: TOTAL_SQL, dataSourceId, vizType: "number", parameters });
  const byClient = await createChart(page, { title: "Signups by client", sql: BY_CLIENT_SQL, dataSourceId, vizType: "table", parameters });
  await addChartTile(page, id, total);
  await addChartTile(page, id, byClient);
  await page.reload();
  expect(await layoutOf(page, id)).toEqual({ Signups: [0, 0, 6, 4], "Signups by client": [6, 0, 6, 4] });

  // Layout editing: a text tile and a section header, then real mouse drags and a resize.
  await page.getByRole("button", { name: "Edit layout" }).click();
  await page.getByRole("button", { name: "Add text" }).click();
  await page.getByLabel("Text (Markdown)").fill("**Numbers** for the growth review");
  await page.getByRole("button", { name: "Add section header" }).click();
  await page.getByLabel("Section header").fill("Signups overview");
  const grid = await page.getByTestId("dashboard-tile").first().locator("..").boundingBox();
  const colStep = grid!.width / 12;
  const chartBox = (await tile(page, "Signups").boundingBox())!;
  const rowStep = chartBox.height / 4;

  // The header, dropped at the bottom, is dragged to the top: everything moves down one row.
  const header = page.getByRole("button", { name: "Move header Signups overview", exact: true });
  const headerBox = (await header.boundingBox())!;
  await dragBy(page, header, 0, -(headerBox.y - chartBox.y) - rowStep / 2);
  // "Signups by client" goes to the left column, pushing "Signups" below it...
  await dragBy(page, page.getByRole("button", { name: "Move Signups by client", exact: true }), -6 * colStep, 0);
  // ...which is widened to the full width and made a row shorter.
  await dragBy(page, page.getByRole("button", { name: "Resize Signups", exact: true }), 6 * colStep, -rowStep);
  await page.screenshot({ path: SHOT("editing"), fullPage: true });
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByRole("button", { name: "Add text" })).toBeHidden();

  await page.reload();
  const expected = {
    "header:Signups overview": [0, 0, 12, 1],
    "Signups by client": [0, 1, 6, 4],
    Signups: [0, 5, 12, 3],
    "text:**Numbers** for the growth review": [0, 8, 6, 3],
  };
  expect(await layoutOf(page, id)).toEqual(expected);
  await expect(page.getByTestId("dashboard-header-tile")).toHaveText("Signups overview");
  await expect(page.getByTestId("dashboard-text-tile").locator("strong")).toHaveText("Numbers");

  // Version history: move the text tile, then restore the layout from before the move. The first try is
  // made from a stale page (someone saved meanwhile) and gets the conflict prompt.
  const saved = ((await (await page.request.get(`/api/dashboards/${id}/results`)).json()) as DashboardView).version;
  await page.getByRole("button", { name: "Edit layout" }).click();
  await dragBy(page, page.getByRole("button", { name: "Move text Numbers for the growth review", exact: true }), 6 * colStep, 0);
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByRole("button", { name: "Add text" })).toBeHidden();
  expect((await layoutOf(page, id))["text:**Numbers** for the growth review"]).toEqual([6, 8, 6, 3]);
  await page.reload();
  await page.getByRole("button", { name: "History" }).click();
  const history = page.getByRole("region", { name: "Version history" });
  await history.getByRole("button", { name: new RegExp(`^Version ${saved}(?!\\d)`) }).click();
  await history.getByRole("button", { name: `Restore version ${saved}` }).click();
  const stale = ((await (await page.request.get(`/api/dashboards/${id}/results`)).json()) as DashboardView).version;
  expect((await page.request.patch(`/api/dashboards/${id}`, { data: { version: stale, description: DESCRIPTION } })).status()).toBe(200);
  await history.getByRole("group", { name: "Confirm restore" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(history.getByRole("alert")).toContainText("Someone else saved this dashboard while you were looking at it");
  await page.screenshot({ path: SHOT("history-conflict"), fullPage: true });
  await history.getByRole("alert").getByRole("button", { name: "Reload" }).click();
  await page.getByRole("button", { name: "History" }).click();
  await history.getByRole("button", { name: new RegExp(`^Version ${saved}(?!\\d)`) }).click();
  await history.getByRole("button", { name: `Restore version ${saved}` }).click();
  await history.getByRole("group", { name: "Confirm restore" }).getByRole("button", { name: "Restore", exact: true }).click();
  // The page reloads with the restored layout.
  await expect(page.getByRole("button", { name: "History" })).toHaveAttribute("aria-expanded", "false");
  expect(await layoutOf(page, id)).toEqual(expected);
  const textBox = (await page.getByTestId("dashboard-text-tile").boundingBox())!;
  expect(Math.abs(textBox.x - chartBox.x)).toBeLessThan(2);

  // Chart history, from the tile's menu: the page lists the chart's versions.
  await tile(page, "Signups").getByLabel("More for Signups").click();
  await tile(page, "Signups").getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History of Signups", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Versions" }).getByRole("button", { name: /^Version 1(?!\d)/ })).toBeVisible();
  await page.screenshot({ path: SHOT("chart-history"), fullPage: true });
  await page.getByRole("link", { name: `← ${TITLE}` }).click();
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();

  // Favourites: the dashboard from its header, a chart from its tile's menu; the list shows both.
  const star = page.getByRole("button", { name: `Favourite ${TITLE}`, exact: true });
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await tile(page, "Signups").getByLabel("More for Signups").click();
  const chartStar = tile(page, "Signups").getByRole("button", { name: "Favourite Signups", exact: true });
  await chartStar.click();
  await expect(chartStar).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: SHOT("tile-menu") });
  await page.goto("/dashboards");
  const firstListed = page.getByRole("list", { name: "Dashboards" }).getByRole("listitem").first();
  await expect(firstListed.getByRole("link").first()).toHaveText(TITLE);
  await expect(firstListed.getByRole("button", { name: `Favourite ${TITLE}` })).toHaveAttribute("aria-pressed", "true");
  const starred = page.getByRole("region", { name: "Starred charts" });
  await expect(starred.getByText("Signups", { exact: true })).toBeVisible();
  await page.screenshot({ path: SHOT("favourites"), fullPage: true });
  await page.goto(`/dashboards/${id}`);
  await expect(page.getByRole("button", { name: `Favourite ${TITLE}`, exact: true })).toHaveAttribute("aria-pressed", "true");

  // A description for the link previews (the restore above took the dashboard back to before it had one),
  // and the filters (a date range and a drop-down from a query).
  const version = ((await (await page.request.get(`/api/dashboards/${id}/results`)).json()) as DashboardView).version;
  expect((await page.request.patch(`/api/dashboards/${id}`, { data: { version, description: DESCRIPTION } })).status()).toBe(200);
  await saveDashboardFilters(page, id, [
    { name: "period", label: "Period", type: "date_range" },
    { name: "country", label: "Country", type: "select", options: { dataSourceId, sql: "select distinct country from demo.users order by 1" } },
  ]);
  await page.reload();
  const unfiltered = await readNumbers(page);

  // Filter: a preset and a country from the drop-down (its values come from the query).
  const countries = ((await (await page.request.get(`/api/dashboards/${id}/filters/country/options`)).json()) as { values: string[] }).values;
  expect(countries.length).toBeGreaterThan(1);
  const country = countries[1];
  await page.getByLabel("Period").selectOption({ label: "Last 90 days" });
  await expect(page.getByRole("group", { name: "Filters" })).toHaveAttribute("aria-busy", "false");
  await page.getByLabel("Country").selectOption(country);
  await expect(page.getByRole("group", { name: "Filters" })).toHaveAttribute("aria-busy", "false");
  await expect(page).toHaveURL(new RegExp(`f\\.period=last_90_days&f\\.country=${encodeURIComponent(country).replace(/%20/g, "\\+")}`));
  const filtered = await readNumbers(page);
  // The page shows what the results API computes for those values, and the filter changed the numbers.
  const api = (await (await page.request.get(`/api/dashboards/${id}/results${new URL(page.url()).search}`)).json()) as DashboardView;
  const apiTotal = api.tiles.find((t) => t.chart?.title === "Signups")!.result!.rows[0][0] as number;
  expect(filtered.total).toBe(apiTotal.toLocaleString("en-US"));
  expect(filtered.total).not.toBe(unfiltered.total);
  expect(filtered.table.length).toBeGreaterThan(0);
  await page.screenshot({ path: SHOT("filtered"), fullPage: true });

  // Share: a public link, which carries the filters.
  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("button", { name: "Create public link" }).click();
  const linkInput = page.getByLabel("Public link").first();
  await expect(linkInput).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}\?f\.period=last_90_days&f\.country=/);
  const publicUrl = await linkInput.inputValue();
  await page.screenshot({ path: SHOT("share-panel"), fullPage: true });

  // A fresh browser context: no session, no cookies.
  const stranger = await browser.newContext({ baseURL });
  try {
    const pub = await stranger.newPage();
    const response = await pub.goto(publicUrl);
    expect(response!.status()).toBe(200);
    await expect(pub.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
    expect(await readNumbers(pub)).toEqual(filtered);
    // Its own filter bar, showing the link's values.
    await expect(pub.getByLabel("Period")).toHaveValue("last_90_days");
    await expect(pub.getByLabel("Country")).toHaveValue(country);
    await pub.screenshot({ path: SHOT("public"), fullPage: true });
    // No SQL anywhere on the page, the HTML it came in included.
    const html = await response!.text();
    for (const text of [html, await pub.content()]) {
      expect(text).not.toContain("demo.users");
      expect(text).not.toMatch(/select (distinct|count|signup_client)/i);
    }
    // Open Graph and Twitter tags, and an image that loads.
    const meta = (selector: string) => pub.locator(`head meta[${selector}]`).getAttribute("content");
    expect(await meta('property="og:title"')).toBe(TITLE);
    expect(await meta('property="og:description"')).toBe(DESCRIPTION);
    expect(await meta('name="twitter:card"')).toBe("summary_large_image");
    expect(await meta('name="twitter:title"')).toBe(TITLE);
    const ogImage = (await meta('property="og:image"'))!;
    expect(ogImage).toMatch(/\/api\/share\/[A-Za-z0-9_-]{43}\/image\.png$/);
    expect(await meta('name="twitter:image"')).toBe(ogImage);
    const size = await pub.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, ogImage);
    expect(size[0]).toBe(2560);
    expect(size[1]).toBeGreaterThan(400);

    // An internal link pasted in Slack: the title only.
    const bot = await request.newContext({ baseURL, userAgent: SLACKBOT });
    const unfurl = await bot.get(`/dashboards/${id}`, { maxRedirects: 0 });
    expect(unfurl.status()).toBe(200);
    const head = await unfurl.text();
    expect(head).toContain(`<meta property="og:title" content="${TITLE}">`);
    expect(head).toContain(`<meta name="twitter:title" content="${TITLE}">`);
    expect(head).not.toContain("og:description");
    expect(head).not.toContain("og:image");
    expect(head).not.toContain(DESCRIPTION);
    await bot.dispose();

    // Revoked: the public page is gone.
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByTestId("share-link").first()).toContainText("Revoked");
    const gone = await pub.goto(publicUrl);
    expect(gone!.status()).toBe(404);
    await expect(pub.getByRole("heading", { name: TITLE })).toHaveCount(0);
  } finally {
    await stranger.close();
  }

  // On a phone the tiles stack in reading order: header, "Signups by client", "Signups", the text.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");
  const stacked = page.locator("[data-tile-id]");
  await expect(stacked).toHaveCount(4);
  const boxes = await stacked.evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? "", ...el.getBoundingClientRect().toJSON() })));
  const order = [...boxes].sort((a, b) => a.y - b.y);
  expect(order.map((b) => b.text)).toEqual(boxes.map((b) => b.text));
  expect(order[0].text).toContain("Signups overview");
  expect(order[1].text).toContain("Signups by client");
  expect(order[3].text).toContain("for the growth review");
  for (const b of boxes) {
    expect(b.x).toBe(boxes[0].x);
    expect(b.width).toBe(boxes[0].width);
  }
  for (let i = 1; i < order.length; i++) expect(order[i].y).toBeGreaterThanOrEqual(order[i - 1].y + order[i - 1].height);
  await page.screenshot({ path: SHOT("phone"), fullPage: true });
});

test("a 20-tile dashboard's data comes with the page: no request per chart", async ({ page }) => {
  await signInAsAdmin(page);
  const dataSourceId = await demoDataSourceId(page);
  const created = await page.request.post("/api/dashboards", { data: { title: "Twenty tiles" } });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  for (let i = 1; i <= 20; i++) {
    const chart = await createChart(page, { title: `Tile ${i}`, sql: `select ${1000 + i} as n`, dataSourceId, vizType: "number" });
    await addChartTile(page, id, chart);
  }

  const api: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith("/api/")) api.push(`${r.method()} ${url.pathname}`);
  });
  const response = await page.goto(`/dashboards/${id}`);
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");
  await expect(page.locator("[data-spyglass-value]")).toHaveCount(20);
  for (let i = 1; i <= 20; i++) await expect(tile(page, `Tile ${i}`).locator("[data-spyglass-value]")).toHaveText((1000 + i).toLocaleString("en-US"));
  // Every number came in the page's own response; the browser asked the API for no chart's data.
  const html = await response!.text();
  expect(html).toContain("1,020");
  expect(api.filter((r) => !r.startsWith("GET /api/auth/"))).toEqual([]);

  // "Refresh now"'s polling and the filters use one request for all tiles, and it says how long the server took.
  const results = await page.request.get(`/api/dashboards/${id}/results`);
  expect(results.status()).toBe(200);
  expect(((await results.json()) as DashboardView).tiles.filter((t) => t.result?.rows[0]?.[0] !== undefined)).toHaveLength(20);
  expect(results.headers()["server-timing"]).toMatch(/^auth;dur=\d+\.\d, view;dur=\d+\.\d;desc="every tile's result", json;dur=\d+\.\d, total;dur=\d+\.\d$/);
});
