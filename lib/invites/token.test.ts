import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashInviteToken, inviteUrl, looksLikeInviteToken, newInviteToken } from "./token";

describe("invite tokens", () => {
  it("are 32 random bytes in base64url, and only their SHA-256 is kept", () => {
    const { token, tokenHash } = newInviteToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).not.toContain(token);
    expect(newInviteToken().token).not.toBe(token);
  });

  it("hash the same way every time", () => {
    expect(hashInviteToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("reject anything that cannot be a token before any database lookup", () => {
    expect(looksLikeInviteToken(newInviteToken().token)).toBe(true);
    expect(looksLikeInviteToken("short")).toBe(false);
    expect(looksLikeInviteToken("a".repeat(44))).toBe(false);
    expect(looksLikeInviteToken(`${"a".repeat(42)}=`)).toBe(false);
    expect(looksLikeInviteToken(`${"a".repeat(40)}/..`)).toBe(false);
  });

  it("make links under APP_URL/invite/", () => {
    expect(inviteUrl("https://bi.example.com", "tok")).toBe("https://bi.example.com/invite/tok");
    expect(inviteUrl("https://bi.example.com/spyglass/", "tok")).toBe("https://bi.example.com/spyglass/invite/tok");
  });
});
