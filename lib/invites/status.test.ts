import { describe, expect, it } from "vitest";
import { inviteStatus, inviteUnavailableError } from "./status";

const now = new Date("2026-11-27T12:00:00Z");
const later = new Date("2026-12-04T12:00:00Z");
const earlier = new Date("2026-11-20T12:00:00Z");

describe("inviteStatus", () => {
  it("is pending until it expires", () => {
    expect(inviteStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("pending");
    expect(inviteStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(inviteStatus({ acceptedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe("expired");
  });

  it("says used before revoked before expired", () => {
    expect(inviteStatus({ acceptedAt: earlier, revokedAt: earlier, expiresAt: earlier }, now)).toBe("accepted");
    expect(inviteStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe("revoked");
  });
});

describe("inviteUnavailableError", () => {
  it("is a 404 that says why", () => {
    const e = inviteUnavailableError("expired");
    expect(e.code).toBe("NOT_FOUND");
    expect(e.message).toBe("This invitation has expired. Ask an admin for a new one.");
    expect(e.details).toEqual({ reason: "expired" });
  });
});
