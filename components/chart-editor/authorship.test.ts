import { describe, expect, it } from "vitest";
import { authorshipLine } from "./authorship";

const now = Date.parse("2026-03-01T12:00:00Z");
const threeHoursAgo = "2026-03-01T09:00:00Z";

describe("authorshipLine", () => {
  it("names the owner and a different last editor", () => {
    expect(authorshipLine({ ownerName: "Ada", updatedByName: "Grace", updatedAt: threeHoursAgo }, now)).toBe(
      "Owned by Ada · edited by Grace 3 hours ago",
    );
  });

  it("does not repeat the owner as the editor", () => {
    expect(authorshipLine({ ownerName: "Ada", updatedByName: "Ada", updatedAt: "2026-03-01T11:59:50Z" }, now)).toBe("Owned by Ada · edited just now");
  });

  it("says when the owner or the editor no longer exists", () => {
    expect(authorshipLine({ ownerName: null, updatedByName: null, updatedAt: threeHoursAgo }, now)).toBe("No owner · edited 3 hours ago");
    expect(authorshipLine({ ownerName: null, updatedByName: "Grace", updatedAt: threeHoursAgo }, now)).toBe(
      "No owner · edited by Grace 3 hours ago",
    );
  });
});
