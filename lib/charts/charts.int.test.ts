// Saving charts and the optimistic version check, against the real app database.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { disconnectDb, getDb } from "@/lib/db";
import { getSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { createChart } from "./create-chart";
import { getChart, getChartOrThrow } from "./get-chart";
import { updateChart } from "./update-chart";

const suffix = randomBytes(3).toString("hex");
let userId: string;
let otherUserId: string;
let dataSourceId: string;

beforeAll(async () => {
  const db = getDb();
  userId = (await db.user.create({ data: { email: `owner-${suffix}@example.com`, name: "Owner", passwordHash: "x" } })).id;
  otherUserId = (await db.user.create({ data: { email: `other-${suffix}@example.com`, name: "Other", passwordHash: "x" } })).id;
  dataSourceId = (
    await createDataSource({ name: `Charts test ${suffix}`, kind: "POSTGRES", config: connectionFromUrl(getSettings().DEMO_WAREHOUSE_URL!) })
  ).id;
});

afterAll(async () => {
  await disconnectDb();
});

describe("charts", () => {
  it("creates a chart owned by its author and reads it back", async () => {
    const { id } = await createChart(userId, {
      title: "  Weekly signups ",
      description: "Users who **completed** signup.",
      sql: "select 1",
      dataSourceId,
      vizType: "line",
      vizConfig: { x: "week", y: ["signups"], format: "number" },
    });
    const chart = await getChartOrThrow(id);
    expect(chart).toMatchObject({
      id,
      title: "Weekly signups",
      description: "Users who **completed** signup.",
      sql: "select 1",
      dataSourceId,
      vizType: "line",
      vizConfig: { x: "week", y: ["signups"], format: "number" },
      ownerId: userId,
      updatedById: userId,
      owner: { id: userId, name: "Owner" },
      updatedBy: { id: userId, name: "Owner" },
      parameters: [],
      version: 1,
    });
  });

  it("keeps the types and defaults of the SQL's parameters, and refuses a parameter declared twice", async () => {
    const parameters = [
      { name: "since", type: "date" as const, default: "2024-01-01" },
      { name: "channels", type: "list" as const, default: ["web", "iphone"] },
    ];
    const { id } = await createChart(userId, { title: "Params", sql: "select {{since}}::date, {{channels}}", dataSourceId, parameters });
    expect((await getChartOrThrow(id)).parameters).toEqual(parameters);
    const updated = await updateChart(id, otherUserId, { version: 1, parameters: [{ name: "since", type: "date" }] });
    expect(updated.parameters).toEqual([{ name: "since", type: "date" }]);
    expect(updated.updatedBy).toEqual({ id: otherUserId, name: "Other" });
    await expect(
      createChart(userId, { title: "Twice", sql: "select {{a}}", dataSourceId, parameters: [{ name: "a", type: "text" }, { name: "a", type: "number" }] }),
    ).rejects.toThrow("Each parameter is declared once");
  });

  it("refuses an unknown data source and a missing title", async () => {
    await expect(createChart(userId, { title: "x", sql: "select 1", dataSourceId: "nope" })).rejects.toThrow("The chosen data source does not exist.");
    await expect(createChart(userId, { title: "  ", sql: "select 1", dataSourceId })).rejects.toThrow("Title is required");
  });

  it("updates with the current version and refuses a stale one with CONFLICT", async () => {
    const { id } = await createChart(userId, { title: "Revenue", sql: "select 1", dataSourceId });
    const updated = await updateChart(id, otherUserId, { version: 1, title: "Revenue (USD)", vizConfig: { format: "currency" } });
    expect(updated).toMatchObject({ title: "Revenue (USD)", version: 2, updatedById: otherUserId, ownerId: userId, vizConfig: { format: "currency" } });

    let error: unknown;
    try {
      await updateChart(id, userId, { version: 1, title: "Stale edit" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).message).toMatch(/Reload/);
    expect((error as AppError).details).toEqual({ currentVersion: 2 });
    expect((await getChart(id))?.title).toBe("Revenue (USD)");
  });

  it("answers NOT_FOUND for a chart that does not exist", async () => {
    await expect(updateChart("missing", userId, { version: 1, title: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getChart("missing")).toBeNull();
  });
});
