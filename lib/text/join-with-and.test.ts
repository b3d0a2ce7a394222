import { describe, expect, it } from "vitest";
import { joinWithAnd } from "./join-with-and";

describe("joinWithAnd", () => {
  it("joins names as a sentence does", () => {
    expect([joinWithAnd([]), joinWithAnd(["a"]), joinWithAnd(["a", "b"]), joinWithAnd(["a", "b", "c"])]).toEqual(["", "a", "a and b", "a, b and c"]);
  });
});
