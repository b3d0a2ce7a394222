import { describe, expect, it } from "vitest";
import { normalizeTag } from "@/lib/dashboards/schemas";
import { normalizeTags, tagFromQuery } from "./tags";

describe("tags", () => {
  it("writes a tag trimmed, lower case, with single inner spaces", () => {
    expect(normalizeTag("  Finance ")).toBe("finance");
    expect(normalizeTag("Weekly   KPIs")).toBe("weekly kpis");
    expect(normalizeTag("ÉQUIPE")).toBe("équipe");
    expect(normalizeTag("   ")).toBe("");
  });

  it("drops empty tags and duplicates, keeping the first spelling's place", () => {
    expect(normalizeTags(["Finance", "weekly", " finance", "", "WEEKLY ", "mobile"])).toEqual(["finance", "weekly", "mobile"]);
  });

  it("keeps at most 20 tags, counted after duplicates are merged", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `Tag ${i}`);
    expect(normalizeTags([...twenty, "TAG 0", "tag 19 "])).toEqual(twenty.map((t) => t.toLowerCase()));
    expect(normalizeTags([...twenty, "one more"])).toHaveLength(20);
  });

  it("reads ?tag= from the list page's URL", () => {
    expect(tagFromQuery(" Finance")).toBe("finance");
    expect(tagFromQuery(["weekly", "finance"])).toBe("weekly");
    expect(tagFromQuery("  ")).toBeUndefined();
    expect(tagFromQuery(undefined)).toBeUndefined();
  });
});
