// The SQL workspace as an analyst uses it: autocomplete, run selection, cancel, parameters, export, tabs.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { readXlsx } from "@/lib/testing/read-xlsx";
import { openSqlPage, signInAsAdmin, typeSql } from "./helpers";

async function openSql(page: Page) {
  await signInAsAdmin(page);
  await openSqlPage(page);
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

  // Running with the list open closes it: it would stay over the text until the next key.
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(suggest).toBeHidden();
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

/** Opens Export ▾ from the keyboard and picks `format`: the menu must work without a mouse. */
async function exportAs(page: Page, format: "CSV" | "Excel (.xlsx)") {
  await page.getByRole("button", { name: "Export" }).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Export" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  if (format !== "CSV") await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: format })).toBeFocused();
  const downloadPromise = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const download = await downloadPromise;
  await expect(menu).toBeHidden();
  return download;
}

test("Export ▸ CSV downloads the full result", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select user_id, username from demo.users order by user_id limit 3");
  const download = await exportAs(page, "CSV");
  expect(download.suggestedFilename()).toBe("query-results.csv");
  const path = await download.path();
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  expect(lines[0]).toBe("user_id,username");
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(/^1,/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});

test("an export of SQL that fails says why and keeps the SQL page", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select 1 as ok;\nselect nope from demo.users");
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Shift+Home");
  await page.getByRole("button", { name: /Export/ }).click();
  await page.getByRole("menuitem", { name: /CSV/ }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("The export failed:");
  await expect(alert).toContainText('column "nope" does not exist');
  await expect(alert).toContainText("at line 2, column 8");
  await expect(page).toHaveURL(/\/sql$/);
  await expect(page.getByTestId("sql-editor")).toBeVisible();
});

test("Export ▸ Excel downloads the full result as a workbook", async ({ page }) => {
  await openSql(page);
  await typeSql(
    page,
    "select g as n, 'row ' || g as label, date '2024-01-01' + g as day, g % 2 = 0 as even,\n" +
      "  timestamptz '2024-01-05 12:00:00+00' + g * interval '90 minutes' as at, null::text as nothing\nfrom generate_series(1, 3) g",
  );
  // Open the menu with the mouse once, to see it.
  await page.getByRole("button", { name: "Export" }).click();
  await expect(page.getByRole("menu", { name: "Export" })).toBeVisible();
  await page.screenshot({ path: "/tmp/sql-export-menu.png" });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu", { name: "Export" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Export" })).toBeFocused();

  const download = await exportAs(page, "Excel (.xlsx)");
  expect(download.suggestedFilename()).toBe("query-results.xlsx");
  const { sheets } = await readXlsx(await download.path());
  expect(sheets.map((s) => [s.name, s.frozen, s.header_bold])).toEqual([["Sheet1", true, true]]);
  const n = (v: number) => ({ t: "n", v, raw: String(v) });
  const s = (v: string) => ({ t: "s", v });
  const d = (v: string) => ({ t: "d", v });
  const b = (v: boolean) => ({ t: "b", v });
  expect(sheets[0].rows).toEqual([
    ["n", "label", "day", "even", "at (UTC)", "nothing"].map(s),
    [n(1), s("row 1"), d("2024-01-02"), b(false), d("2024-01-05 13:30:00.000")],
    [n(2), s("row 2"), d("2024-01-03"), b(true), d("2024-01-05 15:00:00.000")],
    [n(3), s("row 3"), d("2024-01-04"), b(false), d("2024-01-05 16:30:00.000")],
  ]);
});

test("a tab is renamed from the keyboard with F2, and a long name ends in an ellipsis with the whole name as its tooltip", async ({ page }) => {
  await openSql(page);
  await page.getByRole("tab", { name: "Query 1" }).focus();
  await page.keyboard.press("F2");
  const long = "Weekly revenue by country and plan, last 12 weeks";
  await page.getByLabel("Tab name").fill(long);
  await page.keyboard.press("Enter");
  const tab = page.getByRole("tab", { name: long });
  await expect(tab).toHaveAttribute("title", `${long} (double-click or F2 to rename)`);
  const cut = await tab.locator("span").last().evaluate((el) => ({ overflow: getComputedStyle(el).textOverflow, clipped: el.scrollWidth > el.clientWidth }));
  expect(cut).toEqual({ overflow: "ellipsis", clipped: true });
});

test("a closed tab with text in it can be reopened", async ({ page }) => {
  await openSql(page);
  await page.getByRole("button", { name: "New tab" }).click();
  const tabName = (await page.getByRole("tab", { selected: true }).innerText()).trim();
  await typeSql(page, "select 'keep me' as precious");
  await page.getByRole("button", { name: `Close ${tabName}` }).click();
  await expect(page.getByRole("tab", { name: tabName })).toHaveCount(0);
  const notice = page.getByRole("status").filter({ hasText: `Closed “${tabName}”.` });
  await notice.getByRole("button", { name: "Reopen it" }).click();
  await expect(page.getByRole("tab", { name: tabName })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("sql-editor").locator(".view-lines")).toContainText("select 'keep me' as precious");
  await expect(notice).toHaveCount(0);
});

test("a tab keeps its undo history while another tab is shown", async ({ page }) => {
  await openSql(page);
  const firstTab = (await page.getByRole("tab", { selected: true }).innerText()).trim();
  await typeSql(page, "select 1 as one, 2 as two");
  const text = page.getByTestId("sql-editor").locator(".view-lines");
  const lines = text.locator(".view-line");
  // Formatting is one undoable edit: one line becomes three.
  await page.keyboard.press("Shift+Alt+F");
  await expect(lines).toHaveCount(3);
  await page.getByRole("button", { name: "New tab" }).click();
  await typeSql(page, "select 'other'");
  await page.getByRole("tab", { name: firstTab }).click();
  await expect(lines).toHaveCount(3);
  await page.getByTestId("sql-editor").locator(".monaco-editor textarea").focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(lines).toHaveCount(1);
  await expect(text).toHaveText("select 1 as one, 2 as two");
});

test("two browser tabs of the SQL page do not overwrite each other's newer text", async ({ page, context }) => {
  await openSql(page);
  await typeSql(page, "select 'first' as v");
  const stored = () => page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("spyglass.sql.tabs"))?.[1] ?? "");
  await expect.poll(stored).toContain("select 'first' as v");

  // History's "Open" opens the SQL page in another browser tab like this one.
  const other = await context.newPage();
  await openSqlPage(other);
  await typeSql(page, "select 'edited in the first page' as v");
  await expect.poll(stored).toContain("edited in the first page");
  // The second page changes its tabs: it must not write its older copy of Query 1 back.
  await other.getByRole("button", { name: "New tab" }).click();
  await expect(other.getByRole("tab")).toHaveCount(2);
  await expect.poll(stored).toContain("Query 2");

  await page.reload();
  await page.getByRole("tab", { name: "Query 1" }).click();
  await expect(page.getByTestId("sql-editor").locator(".view-lines")).toContainText("edited in the first page");
  await expect(page.getByRole("tab")).toHaveCount(2);
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

test("a 100,000-row result (the default row cap) shows its first rows, its row count, a bounded chart and its last row", async ({ page }) => {
  await openSql(page);
  // bench/grid-scroll.ts's query: by default it is a line over `at` split by `hash`, 100,000 series.
  await typeSql(page, "select g, md5(g::text) as hash, now() as at from generate_series(1, 100000) g");
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await expect(results(page).getByRole("status").first()).toContainText("100,000 rows");
  await expect(grid(page).getByRole("gridcell").first()).toHaveText("1");
  await expect(grid(page)).toContainText("c4ca4238a0b923820dcc509a6f75849b"); // md5('1')
  const chart = page.getByTestId("chart");
  await expect(chart.locator("[data-chart-status]")).toHaveAttribute("data-chart-status", "rendered");
  await expect(chart).toContainText("Showing the 25 largest of 100,000 series");
  await grid(page).evaluate((node) => node.scrollTo({ top: node.scrollHeight }));
  await expect(grid(page).getByRole("gridcell").filter({ hasText: /^100,000$/ })).toBeVisible();
});

test("a wide, long grid keeps each cell under its header when scrolled both ways, and the arrow keys move the selected cell", async ({ page }) => {
  await openSql(page);
  // c1..c30, with g * k in row g of column ck.
  await typeSql(page, `select ${Array.from({ length: 30 }, (_, k) => `g * ${k + 1} as c${k + 1}`).join(", ")} from generate_series(1, 5000) g`);
  await runAndExpectRows(page, 5000, "c1");
  const g = grid(page);
  await g.evaluate((node) => node.scrollTo({ left: node.scrollWidth / 2, top: 2500 * 28 }));
  const row = g.locator('[role=row][aria-rowindex="2505"]'); // row 2,504
  await expect(row.getByRole("rowheader")).toHaveText("2504");
  await expect(row.getByRole("rowheader")).toBeVisible();

  // Every rendered cell of the row is under its column's header, and holds that column's value.
  const headers = await g.getByRole("columnheader").evaluateAll((els) =>
    els.map((el) => ({ col: Number(el.getAttribute("aria-colindex")), x: el.getBoundingClientRect().x, width: el.getBoundingClientRect().width })),
  );
  const cells = await row.getByRole("gridcell").evaluateAll((els) =>
    els.map((el) => ({ col: Number(el.getAttribute("aria-colindex")), x: el.getBoundingClientRect().x, width: el.getBoundingClientRect().width, text: el.textContent })),
  );
  expect(cells.length).toBeGreaterThan(2);
  expect(cells[0].col).toBeGreaterThan(2); // scrolled: the first columns are not rendered
  for (const cell of cells) {
    const header = headers.find((h) => h.col === cell.col)!;
    expect([Math.round(cell.x), Math.round(cell.width)]).toEqual([Math.round(header.x), Math.round(header.width)]);
    expect(cell.text).toBe((2504 * (cell.col - 1)).toLocaleString("en-US"));
  }
  await g.screenshot({ path: "/tmp/sql-grid-scrolled.png" });

  // Select a cell in full view (right of the sticky row numbers), then three rows down and two columns right with
  // the keyboard.
  const numbersRight = (await row.getByRole("rowheader").boundingBox())!;
  const gridBox = (await g.boundingBox())!;
  const start = cells.find((c) => c.x >= numbersRight.x + numbersRight.width && c.x + c.width <= gridBox.x + gridBox.width)!.col;
  await row.locator(`[role=gridcell][aria-colindex="${start}"]`).click();
  for (const key of ["ArrowDown", "ArrowDown", "ArrowDown", "ArrowRight", "ArrowRight"]) await page.keyboard.press(key);
  const selected = g.locator('[role=gridcell][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute("id", `cell-2506-${start}`);
  await expect(g).toHaveAttribute("aria-activedescendant", `cell-2506-${start}`);
  await expect(selected).toHaveText((2507 * (start + 1)).toLocaleString("en-US"));
  await expect(selected).toBeInViewport();
});

test("rows scrolled into view show their own number, values, NULL and empty marks and selection (the grid reuses row elements)", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await openSql(page);
  // Row g: t is NULL, '' or 'v<g>' by g % 3, so a reused cell goes from one kind to another as the grid scrolls.
  await typeSql(page, "select g, case g % 3 when 0 then null when 1 then '' else 'v' || g end as t from generate_series(1, 5000) g");
  await runAndExpectRows(page, 5000, "g");
  const g = grid(page);
  const rendered = () =>
    g.locator("[role=row]").evaluateAll((els) =>
      els.slice(1).map((row) => ({
        index: Number(row.getAttribute("aria-rowindex")),
        number: row.querySelector("[role=rowheader]")?.textContent,
        selected: row.getAttribute("aria-selected"),
        cells: [...row.querySelectorAll("[role=gridcell]")].map((c) => ({
          col: Number(c.getAttribute("aria-colindex")),
          text: c.textContent,
          italic: getComputedStyle(c).fontStyle === "italic",
          emptyMark: c.querySelector('[aria-label="empty string"]') !== null,
          selected: c.getAttribute("aria-selected"),
          id: c.id,
        })),
      })),
    );
  const expected = (index: number, selectedCell?: [number, number]) => {
    const value = index - 1; // aria-rowindex 2 is g = 1
    const kind = value % 3;
    const cell = (col: number, text: string, italic: boolean, emptyMark: boolean) => {
      const selected = selectedCell?.[0] === index - 2 && selectedCell[1] === col - 2;
      return { col, text, italic, emptyMark, selected: String(selected), id: selected ? `cell-${index - 2}-${col - 2}` : "" };
    };
    return {
      index,
      number: String(value),
      selected: "false",
      cells: [cell(2, value.toLocaleString("en-US"), false, false), kind === 0 ? cell(3, "NULL", true, false) : kind === 1 ? cell(3, "", false, true) : cell(3, `v${value}`, false, false)],
    };
  };
  /** Every rendered row, in order and without gaps from the first one, is the data row it says it is. */
  async function expectRowsTrue(selectedCell?: [number, number]) {
    const rows = await rendered();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(rows.map((_, i) => expected(rows[0].index + i, selectedCell)));
  }

  // Select t of g = 2 (display row 1), then scroll away from it in steps, and back.
  await g.getByRole("gridcell", { name: "v2", exact: true }).click();
  await expectRowsTrue([1, 1]);
  for (const top of [300, 1234 * 28, 2500 * 28 + 13, 4990 * 28, 17 * 28]) {
    await g.evaluate((node, y) => node.scrollTo({ top: y }), top);
    const middle = Math.floor(top / 28) + 2 + 5;
    await expect(g.locator(`[role=row][aria-rowindex="${middle}"] [role=rowheader]`)).toHaveText(String(middle - 1));
    await expectRowsTrue([1, 1]);
  }
  await g.evaluate((node) => node.scrollTo({ top: 0 }));
  await expect(g.locator('[role=gridcell][aria-selected="true"]')).toHaveAttribute("id", "cell-1-1");
  await expect(g).toHaveAttribute("aria-activedescendant", "cell-1-1");
  await expectRowsTrue([1, 1]);

  // A row number clicked after a scroll selects and copies the row it shows.
  await g.evaluate((node) => node.scrollTo({ top: 2500 * 28 }));
  const row = g.locator('[role=row][aria-rowindex="2505"]');
  await expect(row.getByRole("rowheader")).toHaveText("2504");
  await row.getByRole("rowheader").click();
  await expect(row).toHaveAttribute("aria-selected", "true");
  await expect(g.locator('[role=row][aria-selected="true"]')).toHaveCount(1);
  await page.keyboard.press("ControlOrMeta+C");
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("2504\tv2504");

  // Text selected across rows (as a mouse drag selects it) is dropped by a scroll, not left on the row elements,
  // which now show other rows.
  await page.evaluate(() => {
    const cells = document.querySelectorAll('[role=row][aria-rowindex="2500"] [role=gridcell], [role=row][aria-rowindex="2505"] [role=gridcell]');
    document.getSelection()!.setBaseAndExtent(cells[0]!, 0, cells[cells.length - 1]!, 1);
  });
  expect(await page.evaluate(() => document.getSelection()!.toString())).toContain("2,500");
  await g.evaluate((node) => node.scrollTo({ top: 2600 * 28 }));
  await expect(g.locator('[role=row][aria-rowindex="2605"] [role=rowheader]')).toHaveText("2604");
  expect(await page.evaluate(() => document.getSelection()!.isCollapsed)).toBe(true);
});

/** Runs the editor's text and waits for the new result: `rows` rows, whose first column is `firstColumn`. */
async function runAndExpectRows(page: Page, rows: number, firstColumn: string) {
  await page.getByRole("button", { name: /^Run/ }).first().click();
  // Each test's consecutive queries differ in row count or first column, so this is the new result.
  await expect(results(page).getByRole("status").first()).toContainText(`${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"}`);
  await expect(grid(page).getByRole("columnheader").nth(1)).toHaveText(new RegExp(`^${firstColumn}`));
}

/** The texts of one result column (by header name), in display order. */
async function columnTexts(page: Page, name: string): Promise<string[]> {
  const headers = await grid(page).getByRole("columnheader").allInnerTexts();
  const index = headers.findIndex((t) => t.split("\n")[0].trim() === name);
  expect(index, `column ${name} in ${JSON.stringify(headers)}`).toBeGreaterThan(0);
  return grid(page).locator(`[role=row] [role=gridcell][aria-colindex="${index + 1}"]`).allInnerTexts();
}

test("typed parameters (number, date, date range, list of values) are bound and filter the result", async ({ page }) => {
  await openSql(page);

  // Number: compared as a number (10 > 9 numerically, not as text).
  await typeSql(page, "select g from generate_series(1, 12) g where g > {{threshold}} order by g");
  await page.getByLabel("Type of parameter threshold").selectOption("number");
  const threshold = page.getByLabel("Parameter threshold", { exact: true });
  await expect(threshold).toHaveAttribute("type", "number");
  await threshold.fill("9");
  await runAndExpectRows(page, 3, "g");
  expect(await columnTexts(page, "g")).toEqual(["10", "11", "12"]);

  // Date: a date picker, bound as a date.
  await typeSql(
    page,
    "select d::date as day from generate_series(date '2024-02-25', date '2024-03-02', interval '1 day') d where d >= {{since}} order by d",
  );
  await expect(page.getByLabel("Type of parameter since")).toHaveValue("date");
  const since = page.getByLabel("Parameter since", { exact: true });
  await expect(since).toHaveAttribute("type", "date");
  await since.fill("2024-02-29");
  await runAndExpectRows(page, 3, "day");
  expect(await columnTexts(page, "day")).toEqual(["2024-02-29", "2024-03-01", "2024-03-02"]);

  // Date range: two pickers, {{period.start}} and {{period.end}}.
  await typeSql(
    page,
    "select d::date as day from generate_series(date '2024-02-25', date '2024-03-02', interval '1 day') d where d::date between {{period.start}} and {{period.end}} order by d",
  );
  await expect(page.getByLabel("Type of parameter period")).toHaveValue("date_range");
  await page.getByLabel("Parameter period start").fill("2024-02-27");
  await page.getByLabel("Parameter period end").fill("2024-02-28");
  await runAndExpectRows(page, 2, "day");
  expect(await columnTexts(page, "day")).toEqual(["2024-02-27", "2024-02-28"]);

  // List of values: comma-separated, bound as one array for `= any(...)`.
  await typeSql(page, "select g from generate_series(1, 12) g where g = any({{ids}}) order by g");
  await expect(page.getByLabel("Type of parameter ids")).toHaveValue("list");
  await page.getByLabel("Parameter ids", { exact: true }).fill("2, 5,11");
  await runAndExpectRows(page, 3, "g");
  expect(await columnTexts(page, "g")).toEqual(["2", "5", "11"]);

  // A list item that is not a number is refused by PostgreSQL as a value, not run as SQL.
  await page.getByLabel("Parameter ids", { exact: true }).fill("2, 5) or (true");
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText('invalid input syntax for type integer: "5) or (true"');
  await page.screenshot({ path: "/tmp/sql-parameters.png", fullPage: true });
});

test("a PostgreSQL error is marked in the editor at its position, with the message", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select user_id\nfrom nosuch\nlimit 3");
  await page.keyboard.press("ControlOrMeta+Enter");
  const message = 'relation "nosuch" does not exist';
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText(message);
  await expect(alert).toContainText("at line 2, column 6");

  // Monaco draws the marker as a squiggle under `nosuch` on line 2.
  const squiggle = page.getByTestId("sql-editor").locator(".squiggly-error");
  await expect(squiggle).toHaveCount(1);
  const box = await squiggle.boundingBox();
  const word = await page.getByTestId("sql-editor").evaluate((editor) => {
    const line = [...editor.querySelectorAll(".view-line")].find((l) => l.textContent?.replace(/\u00a0/g, " ") === "from nosuch");
    if (!line) return null;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf("nosuch") ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + "nosuch".length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return null;
  });
  expect(box).not.toBeNull();
  expect(word).not.toBeNull();
  expect(Math.abs(box!.x - word!.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(box!.width - word!.width)).toBeLessThanOrEqual(2);
  expect(box!.y).toBeGreaterThanOrEqual(word!.y - 4);
  expect(box!.y + box!.height).toBeLessThanOrEqual(word!.y + word!.height + 6);

  // Hovering the squiggle shows PostgreSQL's message.
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await expect(page.locator(".monaco-hover-content").filter({ hasText: message })).toBeVisible();
  await page.screenshot({ path: "/tmp/sql-error-marker.png" });

  // The next edit clears the marker.
  await page.getByTestId("sql-editor").locator(".monaco-editor").first().click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" ");
  await expect(squiggle).toHaveCount(0);
});

test("a syntax error at the end of the query is marked on the word it ends with", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select user_id\nfrom");
  await page.keyboard.press("ControlOrMeta+Enter");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("syntax error at end of input");
  await expect(alert).toContainText("at line 2, column 5");
  const squiggle = page.getByTestId("sql-editor").locator(".squiggly-error");
  await expect(squiggle).toHaveCount(1);
  const box = await squiggle.boundingBox();
  expect(box!.width).toBeGreaterThan(10);
});

test("a commented-out parameter asks for nothing, and a parameter inside quotes is marked with how to write it", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select username from demo.users\n-- where signup_client = {{client}}\nwhere username like '%{{q}}%' limit 3");
  // Neither the commented-out {{client}} nor the quoted {{q}} is a parameter: no inputs.
  await expect(page.getByLabel("Parameter client", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Parameter q", { exact: true })).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+Enter");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("{{q}} is inside quotes");
  await expect(alert).toContainText("like '%' || {{q}} || '%'");
  await expect(alert).toContainText("at line 3, column 23");
  // The squiggle is under the whole `{{q}}` (five characters), not only its first brace.
  const squiggle = page.getByTestId("sql-editor").locator(".squiggly-error");
  await expect(squiggle).toHaveCount(1);
  const charWidth = await page.getByTestId("sql-editor").evaluate((editor) => {
    // Monaco draws spaces as non-breaking ones; the line's outer span is as wide as its text (monospaced).
    const line = [...editor.querySelectorAll(".view-line")].find((l) => l.textContent?.replace(/\u00a0/g, " ").includes("limit 3"))!;
    return line.querySelector(":scope > span")!.getBoundingClientRect().width / line.textContent!.length;
  });
  const box = await squiggle.boundingBox();
  expect(Math.round(box!.width / charWidth)).toBe(5);
  await page.screenshot({ path: "/tmp/sql-quoted-parameter.png" });

  // Written as the message says, it runs with the value bound.
  await typeSql(page, "select count(*) as n from demo.users\n-- where signup_client = {{client}}\nwhere username like '%' || {{q}} || '%'");
  // Only the parameter that counts is coloured as one; the commented-out {{client}} stays a comment.
  const marked = () =>
    page.getByTestId("sql-editor").evaluate((editor) => [...editor.querySelectorAll(".view-line .spyglass-parameter")].map((s) => s.textContent).join(""));
  await expect.poll(marked).toBe("{{q}}");
  const input = page.getByLabel("Parameter q", { exact: true });
  await input.fill("a");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(results(page)).toContainText("1 row");
  await expect(page.getByLabel("Parameter client", { exact: true })).toHaveCount(0);
});

test("names clicked in the schema browser do not run into the words beside them", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select count(*) from");
  const browser = page.getByTestId("schema-browser");
  await browser.getByRole("button", { name: "Expand table demo.users" }).click();
  // Inserting gives the focus back to the editor, where typing goes on.
  await browser.getByRole("button", { name: "Insert table demo.users" }).click();
  await page.keyboard.type(" where");
  await browser.getByRole("button", { name: /^Insert column user_id, / }).click();
  const text = () => page.getByTestId("sql-editor").locator(".view-lines").evaluate((el) => el.textContent!.replace(/\u00a0/g, " "));
  await expect.poll(text).toBe("select count(*) from demo.users where user_id");
  await page.keyboard.type(" <= 3");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(grid(page).getByRole("gridcell").last()).toHaveText("3");
});

test("an error in a selected statement is reported at its line and column in the editor", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select 1 as ok;\n  select nope from demo.users;");
  // Select the second line only and run the selection.
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("ControlOrMeta+Enter");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText('column "nope" does not exist');
  await expect(alert).toContainText("at line 2, column 10");
  await expect(page.getByTestId("sql-editor").locator(".squiggly-error")).toHaveCount(1);
});

test("after a failed run the result on screen says it is the previous run's", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select nope");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByRole("main").getByRole("alert")).toContainText('column "nope" does not exist');
  await expect(results(page)).toHaveText("No result: fix the error above and run again (Ctrl+Enter).");

  await typeSql(page, "select 41 + 1 as answer");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(grid(page).getByRole("gridcell", { name: "42" })).toBeVisible();
  await expect(results(page).getByRole("status")).not.toContainText("previous run");

  await typeSql(page, "select nope");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByRole("main").getByRole("alert")).toContainText('column "nope" does not exist');
  await expect(results(page).getByRole("status")).toContainText("Result of the previous run:");
  await expect(page.getByTestId("chart")).toContainText("of the previous run");
});

test("a long text cell, cut off by its column, shows its whole text as a tooltip", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select repeat('abcdefghij ', 50) as long_text, 'short' as s");
  await page.keyboard.press("ControlOrMeta+Enter");
  const long = "abcdefghij ".repeat(50);
  await expect(grid(page).getByRole("gridcell").first()).toHaveAttribute("title", long);
  await expect(grid(page).getByRole("gridcell", { name: "short" })).not.toHaveAttribute("title");
});

test("the chart type picker shows the whole label of Auto and the type it picked", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select 42 as answer");
  await page.keyboard.press("ControlOrMeta+Enter");
  const auto = page.getByTestId("chart").locator("label").filter({ hasText: "Auto (big number)" }).locator("span");
  await expect(auto).toBeVisible();
  expect(await auto.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test("an empty result still shows its columns and their types", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select user_id, username from demo.users where false");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(results(page)).toContainText("0 rows");
  await expect(results(page)).toContainText("The query returned no rows.");
  await expect(grid(page).getByRole("columnheader", { name: /^user_id/ })).toContainText("int4");
  await expect(grid(page).getByRole("columnheader", { name: /^username/ })).toContainText("text");
  await expect(grid(page).getByRole("gridcell")).toHaveCount(0);
});

test("the SQL page loads without a failed request (the page icon is the Spyglass logo)", async ({ page }) => {
  await signInAsAdmin(page);
  // The browser's own icon request is not a page response: its failure shows only on the console.
  const failed: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Failed to load resource/.test(m.text())) failed.push(m.location().url);
  });
  await openSqlPage(page);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /\/favicon\.svg/);
  await page.waitForLoadState("networkidle");
  expect(failed).toEqual([]);
});

test("text typed into a parameter is not sent hidden after switching it to a date", async ({ page }) => {
  await openSql(page);
  await typeSql(page, "select {{x}} as x");
  await page.getByLabel("Parameter x", { exact: true }).fill("last week");
  await page.getByLabel("Type of parameter x").selectOption("date");
  await expect(page.getByLabel("Parameter x", { exact: true })).toHaveValue("");
  await page.getByLabel("Parameter x", { exact: true }).press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Parameter x needs a value");
  await page.getByLabel("Parameter x", { exact: true }).fill("2024-03-01");
  await page.getByLabel("Parameter x", { exact: true }).press("Enter");
  await expect(grid(page).getByRole("gridcell", { name: "2024-03-01" })).toBeVisible();
});

test("the grid copies a cell and a row, resizes a column, and shows NULL unlike an empty string", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await openSql(page);
  await typeSql(page, "select 7 as id, 'hello world' as greeting, null::text as missing, '' as blank, 'NULL' as null_word, 1234.5::numeric as amount");
  await runAndExpectRows(page, 1, "id");
  const cells = grid(page).getByRole("gridcell");
  await expect(cells).toHaveText(["7", "hello world", "NULL", "", "NULL", "1,234.5"]);
  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

  // Copy one cell.
  await cells.nth(1).click();
  await expect(cells.nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ControlOrMeta+C");
  await expect.poll(readClipboard).toBe("hello world");

  // Copy the row (click its number): tab-separated, NULL and '' both empty, numbers without separators.
  await grid(page).getByRole("rowheader").first().click();
  await expect(grid(page).getByRole("row").nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ControlOrMeta+C");
  await expect.poll(readClipboard).toBe("7\thello world\t\t\tNULL\t1234.5");

  // NULL is drawn unlike the text 'NULL', and an empty string has its own mark.
  const style = (i: number) =>
    cells.nth(i).evaluate((el) => {
      const s = getComputedStyle(el);
      const mark = el.querySelector("span");
      return { fontStyle: s.fontStyle, color: s.color, mark: mark ? getComputedStyle(mark, "::before").content : null };
    });
  const nullStyle = await style(2);
  const nullWord = await style(4);
  const blank = await style(3);
  expect(nullStyle.fontStyle).toBe("italic");
  expect(nullWord.fontStyle).toBe("normal");
  expect(nullStyle.color).not.toBe(nullWord.color);
  expect(nullStyle.mark).toBeNull();
  expect(blank.mark).toBe('"empty"');
  await expect(cells.nth(3).getByLabel("empty string")).toHaveCount(1);

  // Resize the greeting column by dragging its edge 90 px to the right.
  const header = grid(page).getByRole("columnheader", { name: /^greeting/ });
  const before = (await header.boundingBox())!.width;
  const handle = (await grid(page).getByRole("separator", { name: "Resize greeting" }).boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 45, handle.y + handle.height / 2, { steps: 4 });
  await page.mouse.move(handle.x + handle.width / 2 + 90, handle.y + handle.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(before + 90));
  expect(Math.round((await cells.nth(1).boundingBox())!.width)).toBe(Math.round(before + 90));
  // The next column moved along.
  const missingHeader = grid(page).getByRole("columnheader", { name: /^missing/ });
  expect(Math.round((await missingHeader.boundingBox())!.x)).toBe(Math.round((await header.boundingBox())!.x + before + 90));
  await page.screenshot({ path: "/tmp/sql-grid.png", fullPage: true });
});
