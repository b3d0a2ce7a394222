import { describe, expect, it } from "vitest";
import { readUnsubscribeQuery, signUnsubscribe, unsubscribePageUrl, verifyUnsubscribe } from "./unsubscribe-token";

const secret = "test-secret-0123456789";
const target = { subscriptionId: "sub1", email: "ana@example.com" };

describe("unsubscribe tokens", () => {
  it("verifies for its own subscription and address only", () => {
    const token = signUnsubscribe(target, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribe(target, token, secret)).toBe(true);
    expect(verifyUnsubscribe({ ...target, email: "ANA@example.com " }, token, secret)).toBe(true);
    expect(verifyUnsubscribe({ ...target, email: "bo@example.com" }, token, secret)).toBe(false);
    expect(verifyUnsubscribe({ ...target, subscriptionId: "sub2" }, token, secret)).toBe(false);
    expect(verifyUnsubscribe(target, token, "another-secret")).toBe(false);
    const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(verifyUnsubscribe(target, altered, secret)).toBe(false);
    expect(verifyUnsubscribe(target, "", secret)).toBe(false);
  });

  it("refuses a token whose last character decodes to the same bytes but is not the one it signed", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const token = signUnsubscribe(target, secret);
    // The last character's two low bits are padding: flipping one changes the text, not the bytes.
    const twin = token.slice(0, -1) + alphabet[alphabet.indexOf(token.at(-1)!) ^ 1];
    expect(Buffer.from(twin, "base64url").equals(Buffer.from(token, "base64url"))).toBe(true);
    expect(verifyUnsubscribe(target, twin, secret)).toBe(false);
  });

  it("round-trips through the link's query string", () => {
    const url = new URL(unsubscribePageUrl("https://spyglass.example.com/", target, secret));
    expect(url.origin + url.pathname).toBe("https://spyglass.example.com/unsubscribe");
    expect(readUnsubscribeQuery(url.searchParams, secret)).toEqual(target);
    url.searchParams.set("e", "mallory@example.com");
    expect(readUnsubscribeQuery(url.searchParams, secret)).toBeNull();
  });
});
