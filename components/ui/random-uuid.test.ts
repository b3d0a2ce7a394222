import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { randomUuid } from "./random-uuid";

describe("randomUuid", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("makes version 4 UUIDs the server accepts without crypto.randomUUID (plain HTTP, not localhost)", () => {
    // What a browser gives a page that is not a secure context: getRandomValues, no randomUUID.
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const ids = new Set(Array.from({ length: 200 }, () => randomUuid()));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
  });

  it("uses crypto.randomUUID where there is one", () => {
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
