import { describe, expect, it } from "vitest";
import { formatSql } from "./format-sql";

describe("formatSql", () => {
  it("keeps {{params}} and [snippets] intact", () => {
    const out = formatSql("SELECT COUNT(*) FROM [active_users] WHERE signup_date >= {{start_date}} AND x={{ range.end }}");
    expect(out).toBe(
      ["select", "  count(*)", "from", "  [active_users]", "where", "  signup_date >= {{start_date}}", "  and x = {{ range.end }}"].join("\n"),
    );
  });

  it("keeps an optional clause verbatim", () => {
    const out = formatSql("select * from demo.users where 1=1 [[ AND country = {{country}} ]]");
    expect(out).toContain("[[ AND country = {{country}} ]]");
    expect(out.startsWith("select\n  *\nfrom\n  demo.users\nwhere\n  1 = 1")).toBe(true);
  });
});
