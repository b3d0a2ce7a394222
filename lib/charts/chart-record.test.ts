import { describe, expect, it } from "vitest";
import { toChartRecord, type ChartWithPeople } from "./chart-record";

const ada = { id: "u1", name: "Ada Lovelace", email: "ada@example.com" };
const grace = { id: "u2", name: "  ", email: "grace@example.com" };

function chart(overrides: Partial<ChartWithPeople> = {}): ChartWithPeople {
  return {
    id: "c1",
    title: "Revenue",
    description: "Net of refunds.",
    sql: "select 1",
    dataSourceId: "ds1",
    vizType: "bar",
    vizConfig: { format: "currency" },
    parameters: [{ name: "since", type: "date", default: "2026-01-01" }],
    ownerId: ada.id,
    updatedById: grace.id,
    version: 3,
    createdAt: new Date("2026-01-02T03:04:05.000Z"),
    updatedAt: new Date("2026-02-03T04:05:06.000Z"),
    owner: ada,
    updatedBy: grace,
    ...overrides,
  } as ChartWithPeople;
}

describe("toChartRecord", () => {
  it("names the owner and the last editor, falling back to the email for a blank name", () => {
    expect(toChartRecord(chart())).toEqual({
      id: "c1",
      title: "Revenue",
      description: "Net of refunds.",
      sql: "select 1",
      dataSourceId: "ds1",
      vizType: "bar",
      vizConfig: { format: "currency" },
      parameters: [{ name: "since", type: "date", default: "2026-01-01" }],
      ownerId: "u1",
      updatedById: "u2",
      owner: { id: "u1", name: "Ada Lovelace" },
      updatedBy: { id: "u2", name: "grace@example.com" },
      version: 3,
      createdAt: "2026-01-02T03:04:05.000Z",
      updatedAt: "2026-02-03T04:05:06.000Z",
    });
  });

  it("reports deleted users as null and a missing config as empty", () => {
    const record = toChartRecord(chart({ owner: null, ownerId: null, updatedBy: null, updatedById: null, vizConfig: null }));
    expect(record.owner).toBeNull();
    expect(record.updatedBy).toBeNull();
    expect(record.vizConfig).toEqual({});
  });
});
