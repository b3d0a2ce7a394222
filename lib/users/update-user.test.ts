import { describe, expect, it } from "vitest";
import { acceptInviteSchema, updateUserSchema } from "./schemas";
import { removesActiveAdmin } from "./update-user";

describe("removesActiveAdmin", () => {
  const admin = { role: "ADMIN", active: true };
  it("is true when an active admin is demoted or deactivated", () => {
    expect(removesActiveAdmin(admin, { role: "EDITOR" })).toBe(true);
    expect(removesActiveAdmin(admin, { role: "VIEWER" })).toBe(true);
    expect(removesActiveAdmin(admin, { active: false })).toBe(true);
  });
  it("is false for changes that keep them an active admin, and for everyone else", () => {
    expect(removesActiveAdmin(admin, { role: "ADMIN" })).toBe(false);
    expect(removesActiveAdmin(admin, { active: true })).toBe(false);
    expect(removesActiveAdmin({ role: "ADMIN", active: false }, { role: "VIEWER" })).toBe(false);
    expect(removesActiveAdmin({ role: "EDITOR", active: true }, { active: false })).toBe(false);
  });
});

describe("user schemas", () => {
  it("a change names a role or the active flag, nothing else", () => {
    expect(updateUserSchema.parse({ role: "VIEWER" })).toEqual({ role: "VIEWER" });
    expect(updateUserSchema.parse({ active: false, name: "ignored" })).toEqual({ active: false });
    expect(updateUserSchema.safeParse({}).success).toBe(false);
    expect(updateUserSchema.safeParse({ role: "OWNER" }).success).toBe(false);
  });
  it("accepting an invitation uses the setup page's rules for name and password", () => {
    expect(acceptInviteSchema.parse({ name: "  Bo  ", password: "long enough", email: "x@y.z" })).toEqual({ name: "Bo", password: "long enough" });
    expect(acceptInviteSchema.safeParse({ name: "Bo", password: "short" }).error?.issues[0].message).toBe("Use at least 8 characters.");
    expect(acceptInviteSchema.safeParse({ name: " ", password: "long enough" }).error?.issues[0].message).toBe("Enter your name.");
  });
});
