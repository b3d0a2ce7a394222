// Signed unsubscribe links. The token is an HMAC over the subscription id and the recipient's address with
// a key derived from AUTH_SECRET, so it cannot be guessed, and a link for one address cannot be turned
// into a link for another (or for another subscription).
import { createHmac, timingSafeEqual } from "node:crypto";
import { appUrlFor } from "@/lib/http/app-url";

export interface UnsubscribeTarget {
  subscriptionId: string;
  email: string;
}

function mac(target: UnsubscribeTarget, secret: string): Buffer {
  return createHmac("sha256", `unsubscribe:${secret}`)
    .update(`${target.subscriptionId}\n${target.email.trim().toLowerCase()}`)
    .digest();
}

export function signUnsubscribe(target: UnsubscribeTarget, secret: string): string {
  return mac(target, secret).toString("base64url");
}

/** Whether `token` was made by signUnsubscribe for exactly this subscription and address. */
export function verifyUnsubscribe(target: UnsubscribeTarget, token: string, secret: string): boolean {
  // Compare the text, not the decoded bytes: the last of 43 base64url characters carries 4 bits, so four
  // different characters decode to the same bytes, and only the one signUnsubscribe writes is the token.
  const expected = Buffer.from(signUnsubscribe(target, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function query(target: UnsubscribeTarget, secret: string): string {
  return new URLSearchParams({ s: target.subscriptionId, e: target.email.trim().toLowerCase(), t: signUnsubscribe(target, secret) }).toString();
}

/** The page a person opens from the email: it asks to confirm, then records the opt-out. */
export function unsubscribePageUrl(appUrl: string, target: UnsubscribeTarget, secret: string): string {
  return appUrlFor(appUrl, `/unsubscribe?${query(target, secret)}`);
}

/** The List-Unsubscribe endpoint: a POST unsubscribes at once (RFC 8058 one-click). */
export function unsubscribeApiUrl(appUrl: string, target: UnsubscribeTarget, secret: string): string {
  return appUrlFor(appUrl, `/api/unsubscribe?${query(target, secret)}`);
}

/** The target of a link's query string when its token is valid, else null. */
export function readUnsubscribeQuery(params: URLSearchParams | Record<string, string | string[] | undefined>, secret: string): UnsubscribeTarget | null {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return typeof v === "string" ? v : null;
  };
  const subscriptionId = get("s");
  const email = get("e");
  const token = get("t");
  if (!subscriptionId || !email || !token || subscriptionId.length > 64 || email.length > 254) return null;
  const target = { subscriptionId, email: email.trim().toLowerCase() };
  return verifyUnsubscribe(target, token, secret) ? target : null;
}
