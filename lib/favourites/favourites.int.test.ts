// Starring dashboards and charts, against the real app database.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { listDashboards } from "@/lib/dashboards/list-dashboards";
import { disconnectDb, getDb } from "@/lib/db";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { listFavourites } from "./list-favourites";
import { isFavourite, setFavourite } from "./set-favourite";

const suffix = randomBytes(3).toString("hex");
let editor: SessionUser;
let viewer: SessionUser;

async function makeUser(name: string, role: SessionUser["role"]): Promise<SessionUser> {
  const email = `${name.toLowerCase()}-fav-${suffix}@example.com`;
  const u = await getDb().user.create({ data: { email, name, role, passwordHash: "x" } });
  return { id: u.id, email, name, role };
}

beforeAll(async () => {
  editor = await makeUser("Erin", "EDITOR");
  viewer = await makeUser("Vic", "VIEWER");
});

afterAll(async () => {
  await disconnectDb();
});

describe("favourites", () => {
  it("stars and unstars dashboards and charts, idempotently, and lists them dashboards first", async () => {
    const ds = await createTestDataSource();
    const { dashboard: alpha, charts } = await createTestDashboard({
      dataSourceId: ds.id,
      title: `Alpha ${suffix}`,
      charts: [{ title: `Zeta chart ${suffix}`, sql: "select 1" }],
    });
    const { dashboard: beta } = await createTestDashboard({ dataSourceId: ds.id, title: `Beta ${suffix}`, charts: [] });

    expect(await listFavourites(viewer)).toEqual([]);
    expect(await setFavourite(viewer, { kind: "dashboard", id: beta.id, favourite: true })).toEqual({ kind: "dashboard", id: beta.id, favourite: true });
    await setFavourite(viewer, { kind: "dashboard", id: beta.id, favourite: true });
    await setFavourite(viewer, { kind: "chart", id: charts[0].id, favourite: true });
    await setFavourite(viewer, { kind: "dashboard", id: alpha.id, favourite: true });

    const list = await listFavourites(viewer);
    expect(list.map((f) => [f.kind, f.title, f.href])).toEqual([
      ["dashboard", `Alpha ${suffix}`, `/dashboards/${alpha.id}`],
      ["dashboard", `Beta ${suffix}`, `/dashboards/${beta.id}`],
      // A viewer cannot open the SQL page: the chart opens on a dashboard that shows it.
      ["chart", `Zeta chart ${suffix}`, `/dashboards/${alpha.id}`],
    ]);
    expect((await listFavourites(editor)).length).toBe(0);
    expect(await isFavourite(viewer.id, "dashboard", beta.id)).toBe(true);

    // The dashboard list puts favourites first.
    const mine = (await listDashboards(viewer, { q: suffix })).map((d) => [d.title, d.isFavourite]);
    expect(mine).toEqual([
      [`Alpha ${suffix}`, true],
      [`Beta ${suffix}`, true],
    ]);

    await setFavourite(viewer, { kind: "dashboard", id: alpha.id, favourite: false });
    await setFavourite(viewer, { kind: "dashboard", id: alpha.id, favourite: false });
    expect((await listFavourites(viewer)).map((f) => f.title)).toEqual([`Beta ${suffix}`, `Zeta chart ${suffix}`]);
    expect((await listDashboards(viewer, { q: suffix })).map((d) => [d.title, d.isFavourite])).toEqual([
      [`Beta ${suffix}`, true],
      [`Alpha ${suffix}`, false],
    ]);
    expect(await isFavourite(viewer.id, "dashboard", alpha.id)).toBe(false);
  });

  it("answers NOT_FOUND for something that does not exist", async () => {
    expect((await expectAppError(setFavourite(editor, { kind: "chart", id: "missing", favourite: true }))).code).toBe("NOT_FOUND");
    expect((await expectAppError(setFavourite(editor, { kind: "dashboard", id: "missing", favourite: true }))).code).toBe("NOT_FOUND");
  });
});
