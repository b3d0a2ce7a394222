import { describe, expect, it } from "vitest";
import { spacedInsertion } from "./insert-text";

describe("spacedInsertion", () => {
  it("adds a space where the name would run into the word before or after it", () => {
    expect(spacedInsertion("s", "amount", "")).toBe(" amount");
    expect(spacedInsertion('"', "amount", "")).toBe(" amount");
    expect(spacedInsertion(")", "[recent]", "")).toBe(" [recent]");
    expect(spacedInsertion("", "demo.users", "w")).toBe("demo.users ");
    expect(spacedInsertion("t", "demo.users", "x")).toBe(" demo.users ");
  });

  it("adds nothing after a dot, a paren, a comma or a space, or before a space", () => {
    expect(spacedInsertion(".", "amount", "")).toBe("amount");
    expect(spacedInsertion("(", "amount", ")")).toBe("amount");
    expect(spacedInsertion(",", "amount", " ")).toBe("amount");
    expect(spacedInsertion(" ", "amount", "\n")).toBe("amount");
    expect(spacedInsertion("", "amount", "")).toBe("amount");
  });
});
