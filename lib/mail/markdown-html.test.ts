import { describe, expect, it } from "vitest";
import { emailHref, markdownToEmailHtml, markdownToPlainText } from "./markdown-html";

const BASE = "https://spyglass.example.com/dashboards/abc";
const P = '<p style="margin:0 0 6px">';
const LINK = 'style="color:#2f6fde"';

describe("Markdown in emails", () => {
  it("renders a metric definition: bold, italic, code, a list and an absolute link", () => {
    const source = [
      "**Revenue**: the sum of *paid* `amount`, see [the plan](https://wiki.example.com/plan?a=1&b=2).",
      "",
      "- new purchases",
      "- renewals",
    ].join("\n");
    expect(markdownToEmailHtml(source, BASE)).toBe(
      `${P}<strong>Revenue</strong>: the sum of <em>paid</em> ` +
        '<code style="font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;background:#eef1f5;padding:0 3px;border-radius:3px">amount</code>, ' +
        `see <a href="https://wiki.example.com/plan?a=1&amp;b=2" ${LINK}>the plan</a>.</p>` +
        '<ul style="margin:0 0 6px;padding-left:20px"><li>new purchases</li><li>renewals</li></ul>',
    );
    expect(markdownToPlainText(source, BASE)).toBe(
      "Revenue: the sum of paid amount, see the plan (https://wiki.example.com/plan?a=1&b=2).\n- new purchases\n- renewals",
    );
  });

  it("escapes hostile input and links only to http(s) and mailto", () => {
    const source = [
      "# Churn <script>alert(1)</script>",
      '[x](javascript:alert(1)) <img src=x onerror="alert(2)"> & **<b>bold</b>**',
      "[mail](mailto:data@example.com) [dash](/dashboards/xyz) [data](data:text/html,hi)",
    ].join("\n\n");
    expect(markdownToEmailHtml(source, BASE)).toBe(
      '<p style="margin:8px 0 4px;font-size:14px;font-weight:600;color:#1d2430">Churn &lt;script&gt;alert(1)&lt;/script&gt;</p>' +
        `${P}[x](javascript:alert(1)) &lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; <strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>` +
        `${P}<a href="mailto:data@example.com" ${LINK}>mail</a> <a href="https://spyglass.example.com/dashboards/xyz" ${LINK}>dash</a> [data](data:text/html,hi)</p>`,
    );
  });

  it("keeps a link's text, unlinked, when its target is not http(s) or mailto", () => {
    expect(emailHref("https://a.example.com/x")).toBe("https://a.example.com/x");
    expect(emailHref("/dashboards/1", BASE)).toBe("https://spyglass.example.com/dashboards/1");
    expect(emailHref("//evil.example.com/x", BASE)).toBe("https://evil.example.com/x");
    expect(emailHref("/dashboards/1")).toBeNull();
    expect(emailHref("javascript:alert(1)", BASE)).toBeNull();
    expect(emailHref("/x", "javascript:alert(1)")).toBeNull();
    // Without an address to resolve against, a relative link stays text.
    expect(markdownToEmailHtml("[dash](/dashboards/1)")).toBe(`${P}dash</p>`);
  });
});
