// Snippets stored in the app DB and expanded in real runs.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { disconnectDb, getDb } from "@/lib/db";
import { getSettings } from "@/lib/env";
import { runAdHocQuery } from "@/lib/queries/run-ad-hoc-query";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { closeAllPools } from "@/lib/warehouse/pools";
import { expandSnippets } from "./expand-snippets";
import { createSnippet, deleteSnippet, listSnippets, updateSnippet } from "./manage-snippets";

const s = randomBytes(3).toString("hex");
let dataSourceId: string;
let userId: string;

beforeAll(async () => {
  dataSourceId = (await createDataSource({ name: `Snippets ${s}`, kind: "POSTGRES", config: connectionFromUrl(getSettings().DEMO_WAREHOUSE_URL!, "demo") })).id;
  userId = (await getDb().user.create({ data: { email: `sn-${s}@example.com`, name: "Sam", passwordHash: "x" } })).id;
});

afterAll(async () => {
  await closeAllPools();
  await disconnectDb();
});

describe("snippets", () => {
  it("are created, listed, updated, deleted, and names are unique", async () => {
    const created = await createSnippet({ name: `pro_${s}`, sql: "subscription_type = 'pro'", description: "Pro users" }, userId);
    expect(created).toMatchObject({ name: `pro_${s}`, createdById: userId });
    await expect(createSnippet({ name: `pro_${s}`, sql: "x", description: "" }, userId)).rejects.toThrow(`A snippet named "pro_${s}" already exists.`);
    await expect(createSnippet({ name: "Bad Name", sql: "x", description: "" }, userId)).rejects.toThrow();
    expect((await listSnippets()).some((x) => x.id === created.id)).toBe(true);
    expect(await updateSnippet(created.id, { sql: "subscription_type in ('pro')" })).toMatchObject({ sql: "subscription_type in ('pro')" });
    await deleteSnippet(created.id);
    await expect(deleteSnippet(created.id)).rejects.toThrow("Snippet not found");
  });

  it("expand in runs, nested, with parameters inside", async () => {
    await createSnippet({ name: `paid_${s}`, sql: `subscription_type <> 'free' and [country_${s}]`, description: "" }, userId);
    await createSnippet({ name: `country_${s}`, sql: "country = {{country}}", description: "" }, userId);
    expect(await expandSnippets(`where [paid_${s}] and a[1] = 1`)).toBe(`where subscription_type <> 'free' and country = {{country}} and a[1] = 1`);
    const r = await runAdHocQuery({
      userId,
      dataSourceId,
      sql: `select count(*)::int as n from users where [paid_${s}]`,
      values: { country: "nowhere" },
    });
    expect(r.rows).toEqual([[0]]);
    const recorded = await getDb().queryRun.findFirst({ where: { userId }, orderBy: { createdAt: "desc" } });
    expect(recorded?.sql).toBe(`select count(*)::int as n from users where [paid_${s}]`);
  });
});
