import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptJson, encryptJson } from "./secret-box";

const key = randomBytes(32).toString("hex");

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const box = encryptJson({ password: "hunter2" }, key);
    expect(box).not.toContain("hunter2");
    expect(decryptJson(box, key)).toEqual({ password: "hunter2" });
  });

  it("refuses a tampered box and a wrong key", () => {
    const box = encryptJson({ a: 1 }, key);
    const tampered = box.slice(0, -2) + (box.endsWith("A") ? "B" : "A") + box.slice(-1);
    expect(() => decryptJson(tampered, key)).toThrow();
    expect(() => decryptJson(box, randomBytes(32).toString("hex"))).toThrow();
  });
});
