// Short-lived signed tokens that let the snapshot renderer open one dashboard without a session.
// Format: base64url(JSON payload) + "." + base64url(HMAC-SHA256(payload)).
import { createHmac, timingSafeEqual } from "node:crypto";

export interface RenderTokenPayload {
  /** What the token opens, e.g. "dashboard:<id>". */
  sub: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

function sign(data: string, secret: string) {
  return createHmac("sha256", `render-token:${secret}`).update(data).digest("base64url");
}

export function signRenderToken(sub: string, secret: string, ttlSeconds = 300, now = Date.now()): string {
  const payload: RenderTokenPayload = { sub, exp: Math.floor(now / 1000) + ttlSeconds };
  const data = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${data}.${sign(data, secret)}`;
}

/** The payload if the token is authentic, unexpired and for `sub`; otherwise null. */
export function verifyRenderToken(
  token: string,
  sub: string,
  secret: string,
  now = Date.now(),
): RenderTokenPayload | null {
  const [data, mac] = token.split(".");
  if (!data || !mac) return null;
  const expected = Buffer.from(sign(data, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let payload: RenderTokenPayload;
  try {
    payload = JSON.parse(Buffer.from(data, "base64url").toString("utf8")) as RenderTokenPayload;
  } catch {
    return null;
  }
  if (payload.sub !== sub || typeof payload.exp !== "number" || payload.exp * 1000 <= now) return null;
  return payload;
}
