import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptShareToken, hashShareToken, looksLikeShareToken, newShareToken, shareImageUrl, shareUrl, tokenMatchesHash } from "./token";

const key = randomBytes(32).toString("hex");

describe("share tokens", () => {
  it("are 32 random bytes in base64url, stored as a SHA-256 and a ciphertext", () => {
    const a = newShareToken(key);
    const b = newShareToken(key);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashShareToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.encryptedToken).not.toContain(a.token);
    expect(decryptShareToken(a.encryptedToken, key)).toBe(a.token);
  });

  it("match only their own hash", () => {
    const { token, tokenHash } = newShareToken(key);
    expect(tokenMatchesHash(token, tokenHash)).toBe(true);
    expect(tokenMatchesHash(newShareToken(key).token, tokenHash)).toBe(false);
    expect(tokenMatchesHash(token, "abc")).toBe(false);
  });

  it("are recognised by shape before any lookup", () => {
    expect(looksLikeShareToken(newShareToken(key).token)).toBe(true);
    expect(looksLikeShareToken("A".repeat(42))).toBe(false);
    expect(looksLikeShareToken(`${"A".repeat(42)}=`)).toBe(false);
    expect(looksLikeShareToken("../../etc/passwd")).toBe(false);
  });

  it("make absolute addresses from APP_URL", () => {
    expect(shareUrl("https://bi.example.com/", "tok")).toBe("https://bi.example.com/share/tok");
    expect(shareImageUrl("https://bi.example.com", "tok")).toBe("https://bi.example.com/api/share/tok/image.png");
  });
});
