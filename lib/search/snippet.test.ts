import { describe, expect, it } from "vitest";
import { highlight, likePattern, plainText, queryWords, snippet } from "./snippet";

describe("queryWords", () => {
  it("splits on spaces, drops quotes and repeats, and keeps at most 8 words", () => {
    expect(queryWords('  weekly "Revenue"  revenue  ')).toEqual(["weekly", "Revenue"]);
    expect(queryWords("a b c d e f g h i j")).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(queryWords("   ")).toEqual([]);
  });
});

describe("likePattern", () => {
  it("takes %, _ and backslash literally", () => {
    expect(likePattern("50%")).toBe("%50\\%%");
    expect(likePattern("user_id")).toBe("%user\\_id%");
    expect(likePattern("a\\b")).toBe("%a\\\\b%");
  });
});

describe("highlight", () => {
  it("marks every occurrence of any word, ignoring case, and treats regex characters as text", () => {
    expect(highlight("Revenue per user (USD)", ["revenue", "(usd)"])).toEqual([
      { text: "Revenue", match: true },
      { text: " per user ", match: false },
      { text: "(USD)", match: true },
    ]);
    expect(highlight("Signups", [])).toEqual([{ text: "Signups", match: false }]);
  });
});

describe("snippet", () => {
  it("cuts around the first match at word boundaries with ellipses", () => {
    const text =
      "Counts every person who finished the signup form during the week, across web, iPhone and Android. " +
      "Excludes accounts flagged as spam within 24 hours, and employees who signed up with a company address.";
    expect(snippet(text, ["spam"], 60)).toEqual([
      { text: "…flagged as ", match: false },
      { text: "spam", match: true },
      { text: " within 24 hours, and employees who…", match: false },
    ]);
  });

  it("shows the start of the text when asked and nothing matches, else nothing", () => {
    expect(snippet("Weekly active users.", ["revenue"])).toBeNull();
    expect(snippet("Weekly active users.", ["revenue"], 160, true)).toEqual([{ text: "Weekly active users.", match: false }]);
  });
});

describe("plainText", () => {
  it("reads Markdown as plain words on one line", () => {
    expect(plainText("# Churn\n\nUsers who **cancelled** a `plus` plan; see [the policy](https://x.example/p).", "markdown")).toBe(
      "Churn Users who cancelled a plus plan; see the policy.",
    );
    expect(plainText("select *\n  from   users", "plain")).toBe("select * from users");
  });
});
