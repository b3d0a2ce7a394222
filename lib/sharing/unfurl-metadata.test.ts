import { describe, expect, it } from "vitest";
import { plainDescription } from "./unfurl-metadata";

describe("plainDescription", () => {
  it("flattens Markdown to one line of text", () => {
    expect(plainDescription("Signups and *revenue*,\n\nsee [the wiki](https://wiki.example.com).\n```sql\nselect 1\n```")).toBe(
      "Signups and revenue, see the wiki.",
    );
  });

  it("cuts long text at a word", () => {
    const long = "word ".repeat(100).trim();
    const cut = plainDescription(long);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.endsWith("word…")).toBe(true);
  });
});
