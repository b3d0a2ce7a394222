// Searching dashboards, charts and metric definitions, against the real app database.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { listDashboards, listDashboardTags } from "@/lib/dashboards/list-dashboards";
import { disconnectDb, getDb } from "@/lib/db";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { search } from "./search";

// A made-up word only these tests use, so results from other tests sharing the database do not interfere.
const word = `zorblax${randomBytes(3).toString("hex")}`;
let editor: SessionUser;
let viewer: SessionUser;
let dataSourceId: string;

async function makeUser(name: string, role: SessionUser["role"]): Promise<SessionUser> {
  const email = `${name.toLowerCase()}-${word}@example.com`;
  const u = await getDb().user.create({ data: { email, name, role, passwordHash: "x" } });
  return { id: u.id, email, name, role };
}

beforeAll(async () => {
  editor = await makeUser("Sam", "EDITOR");
  viewer = await makeUser("Val", "VIEWER");
  dataSourceId = (await createTestDataSource()).id;
});

afterAll(async () => {
  await disconnectDb();
});

describe("search", () => {
  it("finds a chart by a word only in its definition, and ranks title matches first", async () => {
    const { dashboard, charts } = await createTestDashboard({
      dataSourceId,
      title: `Growth`,
      charts: [
        { title: "Weekly active users", sql: "select 1", description: `Users with a session in the week. Excludes ${word} traffic from **bots**.` },
        { title: `${word} conversion`, sql: "select 2" },
      ],
    });
    const sqlOnly = await getDb().chart.create({ data: { title: "Raw events", sql: `select * from events where source = '${word}'`, dataSourceId } });
    await getDb().dashboard.update({ where: { id: dashboard.id }, data: { description: `Tracks ${word} growth.` } });

    const res = await search(editor, word.toUpperCase());
    expect(res.words).toEqual([word.toUpperCase()]);
    expect(res.results.map((r) => [r.kind, r.title, r.matchedIn])).toEqual([
      ["chart", `${word} conversion`, ["title"]],
      ["dashboard", "Growth", ["description"]],
      ["chart", "Weekly active users", ["description"]],
      ["chart", "Raw events", ["sql"]],
    ]);
    const definition = res.results[2];
    expect(definition.snippet).toEqual({
      field: "description",
      segments: [
        { text: "Users with a session in the week. Excludes ", match: false },
        { text: word, match: true },
        { text: " traffic from bots.", match: false },
      ],
    });
    expect(definition.href).toBe(`/sql?chart=${charts[0].id}`);
    expect(definition.dashboards).toEqual([{ id: dashboard.id, title: "Growth" }]);
    expect(res.results[0].titleSegments).toEqual([
      { text: word, match: true },
      { text: " conversion", match: false },
    ]);
    expect(res.results[3]).toMatchObject({ id: sqlOnly.id, snippet: { field: "sql" } });

    // Viewers search definitions, not SQL, and never receive SQL.
    const asViewer = await search(viewer, word);
    expect(asViewer.results.map((r) => r.title)).toEqual([`${word} conversion`, "Growth", "Weekly active users"]);
    expect(asViewer.results[2].href).toBe(`/dashboards/${dashboard.id}`);
    expect(JSON.stringify(asViewer)).not.toContain("select");
  });

  it("needs every word, matches tags, and takes % and _ literally", async () => {
    const { dashboard } = await createTestDashboard({ dataSourceId, title: `Finance ${word}b`, charts: [] });
    await getDb().dashboard.update({ where: { id: dashboard.id }, data: { tags: ["quarterly", "board pack"] } });
    await getDb().chart.create({ data: { title: `${word}b margin 100_pct`, sql: "select 1", dataSourceId } });

    expect((await search(editor, `${word}b quarterly`)).results.map((r) => [r.title, r.matchedIn, r.snippet?.field])).toEqual([
      [`Finance ${word}b`, ["title", "tags"], "tags"],
    ]);
    expect((await search(editor, `${word}b nothing-like-this`)).results).toEqual([]);
    expect((await search(editor, `${word}b 100_pct`)).results.map((r) => r.title)).toEqual([`${word}b margin 100_pct`]);
    expect((await search(editor, `${word}b 100%pct`)).results).toEqual([]);
    expect((await search(editor, "   ")).results).toEqual([]);
  });

  it("the dashboard list filters by tag and by words, and offers the tags in use", async () => {
    const { dashboard: a } = await createTestDashboard({ dataSourceId, title: `Tagged A ${word}`, charts: [] });
    const { dashboard: b } = await createTestDashboard({ dataSourceId, title: `Tagged B ${word}`, charts: [] });
    await getDb().dashboard.update({ where: { id: a.id }, data: { tags: [`t-${word}`, "shared"] } });
    await getDb().dashboard.update({ where: { id: b.id }, data: { tags: ["shared"] } });
    expect((await listDashboards(viewer, { tag: `t-${word}` })).map((d) => d.title)).toEqual([`Tagged A ${word}`]);
    expect((await listDashboards(viewer, { tag: "shared", q: `tagged ${word}` })).map((d) => d.title)).toEqual([`Tagged A ${word}`, `Tagged B ${word}`]);
    expect((await listDashboards(viewer, { q: `t-${word}` })).map((d) => d.title)).toEqual([`Tagged A ${word}`]);
    const tags = await listDashboardTags(viewer);
    expect(tags.find((t) => t.tag === `t-${word}`)).toEqual({ tag: `t-${word}`, count: 1 });
    expect(tags.find((t) => t.tag === "shared")?.count).toBeGreaterThanOrEqual(2);
  });
});
