import { describe, expect, it } from "vitest";
import { buildDigestEmail, SNAPSHOT_CID } from "./send-digest-email";

const base = {
  to: ["a@example.com"],
  subject: "Weekly",
  dashboardUrl: "https://spyglass.example.com/dashboards/abc",
  png: Buffer.from("x"),
  messageId: "<digest.1@spyglass.example.com>",
};

describe("digest email", () => {
  it("shows the snapshot inline, links to the dashboard and escapes user text", () => {
    const { html, text } = buildDigestEmail({
      ...base,
      dashboardTitle: `Sales <script>alert("x")</script> & co`,
      definitions: [{ title: "Revenue <b>", description: "Sum of \"amount\" & tax" }],
    });
    expect(html).toContain(`src="cid:${SNAPSHOT_CID}"`);
    expect(html).toContain('href="https://spyglass.example.com/dashboards/abc"');
    expect(html).toContain("Sales &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Revenue &lt;b&gt;");
    expect(html).toContain("Sum of &quot;amount&quot; &amp; tax");
    expect(text).toContain("Open the live dashboard: https://spyglass.example.com/dashboards/abc");
    expect(text).toContain("- Revenue <b>: Sum of \"amount\" & tax");
  });

  it("never links to a non-http URL", () => {
    const { html } = buildDigestEmail({ ...base, dashboardTitle: "x", dashboardUrl: "javascript:alert(1)" });
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="#"');
  });
});
