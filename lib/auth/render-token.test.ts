import { describe, expect, it } from "vitest";
import { signRenderToken, verifyRenderToken } from "./render-token";

const secret = "test-secret";
const now = Date.UTC(2026, 0, 1, 8, 0, 0);

describe("render tokens", () => {
  it("verifies a fresh token for its subject", () => {
    const token = signRenderToken("dashboard:abc", secret, 60, now);
    expect(verifyRenderToken(token, "dashboard:abc", secret, now + 59_000)).toEqual({
      sub: "dashboard:abc",
      exp: now / 1000 + 60,
    });
  });

  it("rejects an expired token", () => {
    const token = signRenderToken("dashboard:abc", secret, 60, now);
    expect(verifyRenderToken(token, "dashboard:abc", secret, now + 60_000)).toBeNull();
  });

  it("rejects another subject, another secret and a forged payload", () => {
    const token = signRenderToken("dashboard:abc", secret, 60, now);
    expect(verifyRenderToken(token, "dashboard:xyz", secret, now)).toBeNull();
    expect(verifyRenderToken(token, "dashboard:abc", "other", now)).toBeNull();
    const forged = Buffer.from(JSON.stringify({ sub: "dashboard:xyz", exp: now / 1000 + 60 })).toString("base64url");
    expect(verifyRenderToken(`${forged}.${token.split(".")[1]}`, "dashboard:xyz", secret, now)).toBeNull();
    expect(verifyRenderToken("garbage", "dashboard:abc", secret, now)).toBeNull();
  });
});
