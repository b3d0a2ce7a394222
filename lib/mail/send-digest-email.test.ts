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

  it("renders definitions from Markdown to escaped HTML, and to plain text without its markers", () => {
    const { html, text } = buildDigestEmail({
      ...base,
      dashboardTitle: "Exec",
      definitions: [
        { title: "Revenue", description: "**Revenue** is paid `amount`.\n\n- excludes [refunds](javascript:alert(1))\n- <script>x</script>" },
        { title: "Empty", description: "  " },
      ],
    });
    expect(html).toContain(
      '<dl style="margin:0"><dt style="font-weight:600;margin-top:8px">Revenue</dt><dd style="margin:2px 0 0 0;color:#5f6b7a">' +
        '<p style="margin:0 0 6px"><strong>Revenue</strong> is paid <code style="font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;background:#eef1f5;padding:0 3px;border-radius:3px">amount</code>.</p>' +
        '<ul style="margin:0 0 6px;padding-left:20px"><li>excludes [refunds](javascript:alert(1))</li><li>&lt;script&gt;x&lt;/script&gt;</li></ul></dd></dl>',
    );
    expect(html).not.toContain("**");
    expect(text).toContain("Definitions\n- Revenue: Revenue is paid amount.\n  - excludes [refunds](javascript:alert(1))\n  - <script>x</script>\n\nSent by");
  });

  it("never links to a non-http URL", () => {
    const { html } = buildDigestEmail({ ...base, dashboardTitle: "x", dashboardUrl: "javascript:alert(1)" });
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="#"');
  });
});
