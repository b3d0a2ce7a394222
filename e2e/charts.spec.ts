// Every chart type, drawn from the demo warehouse on the demo dashboards: each tile is photographed
// (test-results/charts/<type>.png) and what it drew is checked against the tile's own cached rows, which
// the test reads from the dashboard's results API. Canvas charts are checked by their pixels (the
// series colours are on the canvas) and by ECharts' generated screen-reader description; HTML charts by
// their text.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { COHORT_COLORS } from "@/lib/charts/options/cohort";
import { PALETTE, TARGET_COLOR, assignSeriesColors } from "@/lib/charts/options/palette";
import type { DashboardTileView, DashboardView } from "@/lib/dashboards/get-dashboard-view";
import { signInAsAdmin, typeSql } from "./helpers";

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Opens a demo dashboard and returns what its page drew from: every tile with its cached result. */
async function openDashboard(page: Page, title: string): Promise<DashboardView> {
  await page.goto("/dashboards");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  // The page says when every tile has drawn (the signal the snapshot renderer waits for).
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const response = await page.request.get(`/api/dashboards/${id}/results`);
  expect(response.status()).toBe(200);
  return (await response.json()) as DashboardView;
}

function tileOf(view: DashboardView, title: string): DashboardTileView & { chart: NonNullable<DashboardTileView["chart"]>; result: NonNullable<DashboardTileView["result"]> } {
  const tile = view.tiles.find((t) => t.chart?.title === title);
  if (!tile?.chart || !tile.result) throw new Error(`No tile with data titled ${title}`);
  return tile as ReturnType<typeof tileOf>;
}

function tileLocator(page: Page, title: string): Locator {
  return page.getByTestId("dashboard-tile").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

async function photograph(tile: Locator, name: string) {
  await tile.scrollIntoViewIfNeeded();
  await tile.screenshot({ path: `test-results/charts/${name}.png` });
}

/**
 * How many canvas pixels have each colour (±12 per channel), counted in the page over every canvas of the
 * tile (ECharts may draw large series progressively on a layer of their own).
 */
async function colourCounts(tile: Locator, colours: string[]): Promise<number[]> {
  await expect(tile.locator("canvas").first()).toBeVisible();
  return tile.evaluate((root, rgbs) => {
    const counts = rgbs.map(() => 0);
    for (const c of root.querySelectorAll("canvas")) {
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 200) continue;
        rgbs.forEach(([r, g, b], k) => {
          if (Math.abs(data[i] - r) <= 12 && Math.abs(data[i + 1] - g) <= 12 && Math.abs(data[i + 2] - b) <= 12) counts[k]++;
        });
      }
    }
    return counts;
  }, colours.map(hexToRgb));
}

/** ECharts' generated description of the chart for screen readers (its aria component), inside a figure labelled with the title. */
async function ariaDescription(tile: Locator): Promise<string> {
  const title = (await tile.getByRole("heading").first().textContent())!.trim();
  const image = tile.getByRole("figure", { name: title, exact: true }).getByRole("img");
  await expect(image).toBeVisible();
  return (await image.getAttribute("aria-label")) ?? "";
}

/** Per colour (±12 per channel), the canvas x positions where it is painted below the legend (top 36 CSS px). */
async function colourColumns(tile: Locator, colours: string[]): Promise<number[][]> {
  await expect(tile.locator("canvas").first()).toBeVisible();
  return tile.evaluate(
    (root, rgbs) => {
      const canvas = root.querySelector("canvas")!;
      const { width, height } = canvas;
      const data = canvas.getContext("2d")!.getImageData(0, 0, width, height).data;
      const columns = rgbs.map(() => new Set<number>());
      const legend = Math.round((36 * width) / canvas.clientWidth);
      for (let i = legend * width * 4; i < data.length; i += 4) {
        if (data[i + 3] < 200) continue;
        rgbs.forEach(([r, g, b], k) => {
          if (Math.abs(data[i] - r) <= 12 && Math.abs(data[i + 1] - g) <= 12 && Math.abs(data[i + 2] - b) <= 12) columns[k].add((i / 4) % width);
        });
      }
      return columns.map((c) => [...c].sort((a, b) => a - b));
    },
    colours.map(hexToRgb),
  );
}

/**
 * Per colour, its longest horizontal run in CSS px below `skipTop` CSS px. Translucent marks count: on the
 * transparent canvas they keep their colour with a lower alpha (0.7 opacity → alpha 178).
 */
async function longestRuns(tile: Locator, colours: string[], skipTop: number): Promise<number[]> {
  return tile.evaluate(
    (root, { rgbs, skipTop }) => {
      const canvas = root.querySelector("canvas")!;
      const scale = canvas.width / canvas.clientWidth;
      const { width, height } = canvas;
      const data = canvas.getContext("2d")!.getImageData(0, 0, width, height).data;
      const longest = rgbs.map(() => 0);
      for (let y = Math.round(skipTop * scale); y < height; y++) {
        const runs = rgbs.map(() => 0);
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          rgbs.forEach(([r, g, b], k) => {
            const hit = data[i + 3] >= 150 && Math.abs(data[i] - r) <= 10 && Math.abs(data[i + 1] - g) <= 10 && Math.abs(data[i + 2] - b) <= 10;
            runs[k] = hit ? runs[k] + 1 : 0;
            if (runs[k] > longest[k]) longest[k] = runs[k];
          });
        }
      }
      return longest.map((n) => n / scale);
    },
    { rgbs: colours.map(hexToRgb), skipTop },
  );
}

/** The share of the smaller set's positions that the larger one also has. */
function overlap(a: number[], b: number[]): number {
  const [small, large] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  return small.length === 0 ? 0 : small.filter((x) => large.has(x)).length / small.length;
}

/** The canvas pixel at a fraction of its width and height: [r, g, b, alpha]. */
async function pixelAt(tile: Locator, fx: number, fy: number): Promise<number[]> {
  return tile.evaluate(
    (root, [x, y]) => {
      const canvas = root.querySelector("canvas")!;
      return [...canvas.getContext("2d")!.getImageData(Math.round(canvas.width * x), Math.round(canvas.height * y), 1, 1).data];
    },
    [fx, fy],
  );
}

const column = (tile: ReturnType<typeof tileOf>, name: string) => tile.result.columns.findIndex((c) => c.name === name);
const distinct = (values: unknown[]) => [...new Set(values.map(String))];

test.beforeEach(async ({ page }) => {
  await signInAsAdmin(page);
});

test("executive tearsheet: big numbers with change and sparkline, a formatted table, a combo against target", async ({ page }) => {
  const view = await openDashboard(page, "Executive weekly tearsheet");

  // Big number: last week's value, the change against the week before, and a 12-week sparkline.
  const wau = tileOf(view, "Weekly active users, last week");
  const rows = wau.result.rows;
  const last = Number(rows[rows.length - 1][1]);
  const previous = Number(rows[rows.length - 2][1]);
  const wauTile = tileLocator(page, "Weekly active users, last week");
  await expect(wauTile.locator("[data-spyglass-value]")).toHaveText(last.toLocaleString("en-US"));
  const change = previous === 0 ? null : ((last - previous) / previous) * 100;
  if (change !== null && Math.abs(change) >= 0.05) {
    const sign = change > 0 ? "+" : "−";
    await expect(wauTile).toContainText(new RegExp(`[${sign}-]${Math.abs(change).toFixed(1)}% vs previous period`));
  }
  const points = await wauTile.locator("svg polyline").getAttribute("points");
  expect(points?.trim().split(/\s+/)).toHaveLength(rows.length);
  await photograph(wauTile, "number");

  // Table with conditional formatting: "vs target (%)" cells are green at or above plan, red 5 % below.
  const sheet = tileOf(view, "Key metrics: last five weeks vs target");
  const sheetTile = tileLocator(page, "Key metrics: last five weeks vs target");
  const vsIndex = column(sheet, "vs target (%)");
  // The first column numbers the rows.
  const cells = sheetTile.locator("tbody tr").locator(`td:nth-child(${vsIndex + 2})`);
  await expect(cells).toHaveCount(sheet.result.rows.length);
  for (const [i, row] of sheet.result.rows.entries()) {
    const value = row[vsIndex] === null ? null : Number(row[vsIndex]);
    const background = await cells.nth(i).evaluate((el) => getComputedStyle(el).backgroundColor);
    if (value === null) expect(background, `row ${i}`).toBe("rgba(0, 0, 0, 0)");
    else if (value >= 0) expect(background, `row ${i}: ${value}`).toBe("rgb(211, 242, 227)");
    else if (value < -5) expect(background, `row ${i}: ${value}`).toBe("rgb(249, 214, 213)");
    else expect(background, `row ${i}: ${value}`).toBe("rgb(253, 240, 196)");
  }
  await photograph(sheetTile, "table");

  // Combo: revenue bars in their colour and the dashed target line in grey.
  const comboTile = tileLocator(page, "Weekly revenue vs target");
  const [revenuePixels, targetPixels] = await colourCounts(comboTile, [assignSeriesColors(["revenue"]).get("revenue")!, TARGET_COLOR]);
  expect(revenuePixels).toBeGreaterThan(500);
  expect(targetPixels).toBeGreaterThan(50);
  expect(await ariaDescription(comboTile)).toMatch(/bar/i);
  await photograph(comboTile, "combo");

  // The plan is drawn: a dashed grey "Target" line beside the weekly active users.
  const wauTarget = tileOf(view, "Weekly active users vs target");
  const wauTargetTile = tileLocator(page, wauTarget.chart.title);
  const targets = wauTarget.result.rows.filter((r) => r[column(wauTarget, "target")] !== null).length;
  expect(targets).toBeGreaterThan(10);
  const [actualPixels, planPixels] = await colourCounts(wauTargetTile, [assignSeriesColors(["weekly_active_users"]).get("weekly_active_users")!, TARGET_COLOR]);
  expect(actualPixels).toBeGreaterThan(300);
  expect(planPixels).toBeGreaterThan(150);
  expect(await ariaDescription(wauTargetTile)).toContain("Target");
  await photograph(wauTargetTile, "line-target");
});

test("product: funnel, cohort heatmap, scatter, horizontal bars, line", async ({ page }) => {
  const view = await openDashboard(page, "Product");

  const funnel = tileOf(view, "Funnel: visit → signup → active → paid");
  const funnelTile = tileLocator(page, funnel.chart.title);
  const funnelText = await ariaDescription(funnelTile);
  for (const [stage, members] of funnel.result.rows) {
    expect(funnelText).toContain(String(stage));
    expect(funnelText).toContain(String(members));
  }
  const stageColours = [...assignSeriesColors(funnel.result.rows.map((r) => String(r[0]))).values()];
  for (const [i, count] of (await colourCounts(funnelTile, stageColours)).entries()) expect(count, `stage ${i}`).toBeGreaterThan(100);
  await photograph(funnelTile, "funnel");

  const cohort = tileOf(view, "Weekly retention by signup cohort");
  const cohortTile = tileLocator(page, cohort.chart.title);
  expect(await ariaDescription(cohortTile)).toMatch(/heat ?map/i);
  // Period 0 is 100 % of every cohort, and the heatmap labels its cells.
  const cohortCount = distinct(cohort.result.rows.map((r) => r[column(cohort, cohort.chart.vizConfig.x!)])).length;
  expect(cohortCount).toBe(8);
  await photograph(cohortTile, "cohort");
  // The heatmap's darkest cells (period 0 = 100 %) are painted in the scale's top colour.
  const [fullCells] = await colourCounts(cohortTile, [COHORT_COLORS[COHORT_COLORS.length - 1]]);
  expect(fullCells).toBeGreaterThan(2_000);

  const scatterTile = tileLocator(page, "Photographers: uploads vs likes received, last 28 days");
  expect(await ariaDescription(scatterTile)).toMatch(/scatter/i);
  const anyPalette = await colourCounts(scatterTile, PALETTE);
  expect(Math.max(...anyPalette)).toBeGreaterThan(100);
  await photograph(scatterTile, "scatter");

  const barsTile = tileLocator(page, "Photos by category, last 90 days");
  expect(await ariaDescription(barsTile)).toMatch(/bar/i);
  await photograph(barsTile, "bar-horizontal");

  const lineTile = tileLocator(page, "Daily active users, last 90 days");
  const [linePixels] = await colourCounts(lineTile, [assignSeriesColors(["daily_active_users"]).get("daily_active_users")!]);
  expect(linePixels).toBeGreaterThan(200);
  await photograph(lineTile, "line");
});

test("marketing: 100 % stacked bars, donut, pivot, stacked area", async ({ page }) => {
  const view = await openDashboard(page, "Marketing");

  const mix = tileOf(view, "Signup channel mix by month");
  const mixTile = tileLocator(page, mix.chart.title);
  const channels = distinct(mix.result.rows.map((r) => r[column(mix, mix.chart.vizConfig.series!)]));
  const channelColours = [...assignSeriesColors(channels).values()];
  for (const [i, count] of (await colourCounts(mixTile, channelColours)).entries()) expect(count, channels[i]).toBeGreaterThan(50);
  await photograph(mixTile, "bar-stacked-percent");

  const donut = tileOf(view, "Signups by country, last 90 days");
  const donutTile = tileLocator(page, donut.chart.title);
  const donutText = await ariaDescription(donutTile);
  expect(donutText).toMatch(/pie/i);
  expect(donutText).toContain(String(donut.result.rows[0][0]));
  // A donut has a hole: its centre (legend on top moves it to 50 %, 55 %) is not painted, while the ring
  // around it (between the 45 % and 70 % radii, straight above the centre) is.
  expect((await pixelAt(donutTile, 0.5, 0.55))[3]).toBe(0);
  const box = (await donutTile.locator("canvas").first().boundingBox())!;
  // 20° clockwise from the top, clear of the seam where the first slice starts.
  const ring = (0.575 * Math.min(box.width, box.height)) / 2;
  const [r, g, b, alpha] = await pixelAt(donutTile, 0.5 + (ring * Math.sin(Math.PI / 9)) / box.width, 0.55 - (ring * Math.cos(Math.PI / 9)) / box.height);
  expect(alpha).toBe(255);
  expect(Math.min(r, g, b), "a slice colour, not white").toBeLessThan(230);
  await photograph(donutTile, "donut");

  const pivot = tileOf(view, "Subscription revenue by plan and month");
  const pivotTile = tileLocator(page, pivot.chart.title);
  const table = pivotTile.getByRole("table");
  for (const plan of distinct(pivot.result.rows.map((r) => r[column(pivot, pivot.chart.vizConfig.pivot!.columns![0])]))) {
    await expect(table.getByRole("columnheader", { name: plan, exact: true })).toBeVisible();
  }
  const revenueIndex = column(pivot, pivot.chart.vizConfig.pivot!.value!);
  const total = pivot.result.rows.reduce((sum, r) => sum + Number(r[revenueIndex]), 0);
  const totalText = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(total);
  await expect(table.locator("tr").last()).toContainText(totalText.endsWith(".00") ? totalText.slice(0, -3) : totalText);
  await photograph(pivotTile, "pivot");

  const areaTile = tileLocator(page, "Weekly signups by acquisition channel");
  expect(await ariaDescription(areaTile)).toMatch(/line/i);
  await photograph(areaTile, "area-stacked");

  // Grouped bars: each client's bars stand beside the others, so their colours share no x positions.
  const grouped = tileOf(view, "Signups by channel and client, last 4 weeks");
  const groupedTile = tileLocator(page, grouped.chart.title);
  const clients = distinct(grouped.result.rows.map((r) => r[column(grouped, "client")]));
  expect(clients).toEqual(["android", "iphone", "web"]);
  const clientColumns = await colourColumns(groupedTile, [...assignSeriesColors(clients).values()]);
  for (const [i, xs] of clientColumns.entries()) expect(xs.length, clients[i]).toBeGreaterThan(20);
  expect(overlap(clientColumns[0], clientColumns[1])).toBeLessThan(0.05);
  expect(overlap(clientColumns[1], clientColumns[2])).toBeLessThan(0.05);
  expect(await ariaDescription(groupedTile)).toMatch(/bar/i);
  await photograph(groupedTile, "bar-grouped");

  // Stacked bars: Plus and Pro share each month's bar, one on top of the other (the same x positions).
  const stacked = tileOf(view, "New subscriptions by plan, by month");
  const stackedTile = tileLocator(page, stacked.chart.title);
  const plans = distinct(stacked.result.rows.map((r) => r[column(stacked, "plan")]));
  expect(plans).toEqual(["Plus", "Pro"]);
  const [plusColumns, proColumns] = await colourColumns(stackedTile, [...assignSeriesColors(plans).values()]);
  expect(plusColumns.length).toBeGreaterThan(50);
  expect(overlap(plusColumns, proColumns)).toBeGreaterThan(0.8);
  await photograph(stackedTile, "bar-stacked");
});

test("mobile: combo with a right axis, bubbles, pie", async ({ page }) => {
  const view = await openDashboard(page, "Mobile");

  const combo = tileOf(view, "Weekly sessions and sessions per active member");
  const comboTile = tileLocator(page, combo.chart.title);
  const names = combo.chart.vizConfig.y ?? combo.result.columns.filter((c) => c.type === "number").map((c) => c.name);
  for (const [i, count] of (await colourCounts(comboTile, [...assignSeriesColors(names).values()])).entries()) expect(count, names[i]).toBeGreaterThan(100);
  // A second y axis on the right, with its title, for the line.
  await expect(comboTile.getByRole("figure", { name: combo.chart.title })).toHaveAccessibleDescription(
    "Left axis: Sessions. Right axis: Sessions per active member.",
  );
  await photograph(comboTile, "combo-right-axis");

  const bubble = tileOf(view, "Countries: members, paid share and revenue");
  const bubbleTile = tileLocator(page, bubble.chart.title);
  expect(await ariaDescription(bubbleTile)).toMatch(/scatter/i);
  // Bubble sizes vary with revenue: the widest run of one bubble colour in the plot (below the legend) is
  // the largest bubble's 40 px diameter, while some colours only ever draw small bubbles.
  const countries = bubble.result.rows.map((r) => String(r[0]));
  const colours = [...new Set(assignSeriesColors(countries).values())];
  const widths = await longestRuns(bubbleTile, colours, 40);
  expect(Math.max(...widths), widths.join(",")).toBeGreaterThanOrEqual(34);
  expect(Math.min(...widths.filter((w) => w > 0)), widths.join(",")).toBeLessThanOrEqual(24);
  await photograph(bubbleTile, "bubble");

  const pieTile = tileLocator(page, "Members by apps used");
  expect(await ariaDescription(pieTile)).toMatch(/pie/i);
  await photograph(pieTile, "pie");
});

test("the chart's data is available as a table for screen readers", async ({ page }) => {
  const view = await openDashboard(page, "Product");
  const funnel = tileOf(view, "Funnel: visit → signup → active → paid");
  const tile = tileLocator(page, funnel.chart.title);
  await tile.getByRole("button", { name: "Data" }).click();
  const table = tile.getByRole("table", { name: funnel.chart.title });
  await expect(table.locator("tbody tr")).toHaveCount(funnel.result.rows.length);
  await expect(table.locator("tbody tr").first()).toContainText(String(funnel.result.rows[0][0]));
  await tile.getByRole("button", { name: "Data" }).click();
  await expect(tile.locator("canvas").first()).toBeVisible();
});

test("a public share page offers each chart's data as a table", async ({ page }) => {
  await page.goto("/dashboards");
  await page.getByRole("link", { name: "Product", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Product", level: 1 })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const created = await page.request.post(`/api/dashboards/${id}/share-links`, { data: {} });
  expect(created.status()).toBe(201);
  const { link } = (await created.json()) as { link: { url: string } };
  await page.context().clearCookies();
  await page.goto(new URL(link.url).pathname);
  await expect(page.locator("html")).toHaveAttribute("data-spyglass-render", "done");
  const tile = tileLocator(page, "Funnel: visit → signup → active → paid");
  await tile.getByRole("button", { name: "Data" }).click();
  const table = tile.getByRole("table", { name: "Funnel: visit → signup → active → paid" });
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await page.screenshot({ path: "test-results/charts/public-page-data.png" });
});

test("the settings panel turns a result into a 100 % stacked bar chart that is saved and reopened as set", async ({ page }) => {
  await page.goto("/sql");
  await typeSql(
    page,
    "select date_trunc('month', signed_up_at)::date as month, client, count(*) as signups from demo.signups where signed_up_at >= '2026-05-01' and signed_up_at < '2026-11-01' group by 1, 2 order by 1, 2",
  );
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("results")).toContainText("18 rows");
  const settings = page.getByRole("complementary", { name: "Chart settings" });
  // Spyglass picked a line split by client; the analyst wants the mix per month.
  await expect(settings.getByRole("radio", { name: "Auto (line)", exact: true })).toBeChecked();
  // The type buttons are labels over visually hidden radios: click what the analyst sees.
  await settings.getByRole("group", { name: "Chart type" }).getByText("Bar", { exact: true }).click();
  await expect(settings.getByRole("radio", { name: "Bar", exact: true })).toBeChecked();
  await settings.getByLabel("Stacking").selectOption("percent");
  await expect(settings.getByLabel("Split by")).toHaveValue("client");

  const chart = page.getByTestId("chart");
  await expect(chart.locator("[data-chart-status=rendered]")).toBeVisible();
  const description = await chart.getByRole("figure").getByRole("img").getAttribute("aria-label");
  expect(description).toMatch(/bar/i);
  for (const client of ["android", "iphone", "web"]) expect(description).toContain(client);
  // 100 %: every month's bar reaches the top of the axis, so each client's colour is on the canvas.
  const colours = [...assignSeriesColors(["android", "iphone", "web"]).values()];
  for (const count of await colourCounts(chart, colours)) expect(count).toBeGreaterThan(100);
  await page.screenshot({ path: "test-results/charts/sql-page-settings.png", fullPage: true });

  await page.getByRole("button", { name: "Save as chart" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Signup client mix by month");
  await page.getByLabel("Description").fill("**Signups** by client as a share of each month's signups.");
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/charts" && r.request().method() === "POST");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const { id } = (await (await created).json()) as { id: string };
  await expect(page.getByRole("button", { name: "Add to dashboard" })).toBeVisible();

  // Saved with exactly what the analyst changed; reopened in a fresh page, the panel shows it.
  const record = (await (await page.request.get(`/api/charts/${id}`)).json()) as { vizType: string; vizConfig: Record<string, unknown> };
  expect(record.vizType).toBe("bar");
  expect(record.vizConfig).toEqual({ stacking: "percent" });
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/sql?chart=${id}`);
  // Opening a saved chart runs it.
  await expect(page.getByTestId("results")).toContainText("18 rows");
  await expect(settings.getByRole("radio", { name: "Bar", exact: true })).toBeChecked();
  await expect(settings.getByLabel("Stacking")).toHaveValue("percent");
});

test("a saved chart's page: edit the title and the Markdown definition, star it, and reload after a conflicting save", async ({ page }) => {
  const { dataSources } = (await (await page.request.get("/api/data-sources")).json()) as { dataSources: { id: string; isDemo: boolean }[] };
  const dataSourceId = dataSources.find((d) => d.isDemo)!.id;
  const create = await page.request.post("/api/charts", {
    data: { title: "Signups by client", description: "All signups.", sql: "select client, count(*) as signups from demo.signups group by 1 order by 1", dataSourceId, vizType: "bar" },
  });
  expect(create.status()).toBe(201);
  const { id } = (await create.json()) as { id: string };
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/sql?chart=${id}`);
  await expect(page.getByRole("heading", { name: "Signups by client", level: 1 })).toBeVisible();

  // Title and description, checked with the API's schema before they are sent.
  await page.getByRole("button", { name: "Edit title and description" }).click();
  const form = page.getByRole("form", { name: "Edit title and description" });
  await form.getByLabel("Title", { exact: true }).fill("   ");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText("Title is required");
  await form.getByLabel("Title", { exact: true }).fill("Signups by signup client");
  await form.getByLabel("Description").fill("**Signups**: new accounts, by the client they signed up on.");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Signups by signup client", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Saved the title and description" })).toBeVisible();
  await page.getByText("Definition", { exact: true }).click();
  await expect(page.locator("details strong")).toHaveText("Signups");
  let record = (await (await page.request.get(`/api/charts/${id}`)).json()) as { title: string; description: string; version: number; sql: string };
  expect([record.title, record.description, record.version]).toEqual(["Signups by signup client", "**Signups**: new accounts, by the client they signed up on.", 2]);

  // The star saves a favourite.
  const star = page.getByRole("button", { name: "Favourite Signups by signup client" });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(async () => ((await (await page.request.get("/api/favourites")).json()) as { favourites: { id: string }[] }).favourites.map((f) => f.id))
    .toContain(id);

  // Someone else saves meanwhile: this tab's save is refused with a Reload prompt, and Reload loads theirs.
  const theirs = "select client, count(*) as signups from demo.signups where client <> 'web' group by 1 order by 1";
  expect((await page.request.patch(`/api/charts/${id}`, { data: { version: 2, sql: theirs } })).status()).toBe(200);
  await typeSql(page, "select 1 as mine");
  await page.getByRole("button", { name: "Save changes" }).click();
  const prompt = page.getByRole("alert").filter({ hasText: "Someone else saved this chart since you opened it" });
  await expect(prompt).toBeVisible();
  await page.screenshot({ path: "test-results/charts/chart-page-conflict.png", fullPage: true });
  await prompt.getByRole("button", { name: "Reload" }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Loaded the latest version" })).toContainText("(version 3)");
  await expect(page.getByTestId("sql-editor")).toContainText("client <> 'web'");
  // Saving again now works from version 3.
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved “Signups by signup client”." })).toBeVisible();
  record = (await (await page.request.get(`/api/charts/${id}`)).json()) as typeof record;
  expect([record.version, record.sql]).toEqual([4, theirs]);
});
