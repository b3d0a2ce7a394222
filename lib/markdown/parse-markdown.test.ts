import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./parse-markdown";

describe("parseMarkdown", () => {
  it("parses paragraphs, headings and lists", () => {
    expect(parseMarkdown("# Title\n\nFirst line\nsame paragraph.\n\n- one\n- two\n\n1. a\n2. b")).toEqual([
      { type: "heading", level: 1, children: [{ type: "text", text: "Title" }] },
      { type: "paragraph", children: [{ type: "text", text: "First line same paragraph." }] },
      { type: "list", ordered: false, items: [[{ type: "text", text: "one" }], [{ type: "text", text: "two" }]] },
      { type: "list", ordered: true, items: [[{ type: "text", text: "a" }], [{ type: "text", text: "b" }]] },
    ]);
  });

  it("parses emphasis, code and safe links only", () => {
    expect(parseInline("**How** to read `demo.users`, *see* [docs](https://x.io/a)")).toEqual([
      { type: "strong", children: [{ type: "text", text: "How" }] },
      { type: "text", text: " to read " },
      { type: "code", text: "demo.users" },
      { type: "text", text: ", " },
      { type: "em", children: [{ type: "text", text: "see" }] },
      { type: "text", text: " " },
      { type: "link", href: "https://x.io/a", children: [{ type: "text", text: "docs" }] },
    ]);
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ type: "text", text: "[x](javascript:alert(1))" }]);
  });

  it("keeps snake_case words and HTML as plain text", () => {
    expect(parseInline("weekly_active_users <b>x</b>")).toEqual([{ type: "text", text: "weekly_active_users <b>x</b>" }]);
  });
});
