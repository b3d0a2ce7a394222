// A private dashboard is invisible to everyone but its owner and admins: not in the list, search,
// favourites or version history.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { listDashboards, listDashboardTags } from "@/lib/dashboards/list-dashboards";
import { disconnectDb, getDb } from "@/lib/db";
import { listFavourites } from "@/lib/favourites/list-favourites";
import { setFavourite } from "@/lib/favourites/set-favourite";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { getDashboardVersionDetail, listDashboardVersions } from "@/lib/versions/dashboard-versions";
import { restoreDashboardVersion } from "@/lib/versions/restore-dashboard-version";
import { search } from "./search";

const word = `privet${randomBytes(3).toString("hex")}`;
let a: SessionUser;
let b: SessionUser;
let admin: SessionUser;

async function makeUser(name: string, role: SessionUser["role"]): Promise<SessionUser> {
  const email = `${name.toLowerCase()}-${word}@example.com`;
  const u = await getDb().user.create({ data: { email, name, role, passwordHash: "x" } });
  return { id: u.id, email, name, role };
}

beforeAll(async () => {
  a = await makeUser("Alice", "EDITOR");
  b = await makeUser("Bob", "EDITOR");
  admin = await makeUser("Root", "ADMIN");
});

afterAll(async () => {
  await disconnectDb();
});

describe("private dashboards", () => {
  it("are absent from another user's list, search, favourites and versions", async () => {
    const ds = await createTestDataSource();
    const { dashboard } = await createTestDashboard({ dataSourceId: ds.id, title: `Secret plans ${word}`, charts: [] });
    await getDb().dashboard.update({ where: { id: dashboard.id }, data: { ownerId: a.id, tags: [`tag-${word}`] } });
    await setFavourite(a, { kind: "dashboard", id: dashboard.id, favourite: true });
    await setFavourite(b, { kind: "dashboard", id: dashboard.id, favourite: true });
    await getDb().dashboard.update({ where: { id: dashboard.id }, data: { isPrivate: true } });

    // The owner (and an admin) still see it everywhere.
    expect((await listDashboards(a, { q: word })).map((d) => d.id)).toEqual([dashboard.id]);
    expect((await search(a, word)).results.map((r) => r.id)).toEqual([dashboard.id]);
    expect((await search(admin, word)).results.map((r) => r.id)).toEqual([dashboard.id]);
    expect((await listFavourites(a)).map((f) => f.id)).toEqual([dashboard.id]);
    expect((await listDashboardVersions(a, dashboard.id)).currentVersion).toBe(1);

    // Bob starred it while it was shared; now it is gone for him, as if it did not exist.
    expect(await listDashboards(b, { q: word })).toEqual([]);
    expect((await listDashboards(b)).some((d) => d.id === dashboard.id)).toBe(false);
    expect((await listDashboardTags(b)).some((t) => t.tag === `tag-${word}`)).toBe(false);
    expect((await search(b, word)).results).toEqual([]);
    expect((await search(b, `tag-${word}`)).results).toEqual([]);
    expect(await listFavourites(b)).toEqual([]);
    expect((await expectAppError(setFavourite(b, { kind: "dashboard", id: dashboard.id, favourite: true }))).code).toBe("NOT_FOUND");
    expect((await expectAppError(listDashboardVersions(b, dashboard.id))).code).toBe("NOT_FOUND");
    expect((await expectAppError(getDashboardVersionDetail(b, dashboard.id, 1))).code).toBe("NOT_FOUND");
    expect((await expectAppError(restoreDashboardVersion(b, dashboard.id, 1, 1))).code).toBe("NOT_FOUND");
  });
});
