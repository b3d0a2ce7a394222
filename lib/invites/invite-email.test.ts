import { describe, expect, it } from "vitest";
import { buildInviteEmail } from "./invite-email";

const base = {
  to: "new@example.com",
  role: "EDITOR" as const,
  url: "https://bi.example.com/invite/AbC_-123",
  expiresAt: new Date("2026-12-04T12:00:00Z"),
};

describe("buildInviteEmail", () => {
  it("says who invited whom as what, with the link, in text and HTML", () => {
    const mail = buildInviteEmail({ ...base, inviterName: "Ada Admin" });
    expect(mail.subject).toBe("Ada Admin invited you to Spyglass");
    expect(mail.text).toBe(
      [
        "Ada Admin invited you to Spyglass as an editor (writes SQL, builds charts and dashboards).",
        "",
        "Accept the invitation and choose your password: https://bi.example.com/invite/AbC_-123",
        "",
        "The link works once and expires on 2026-12-04 (UTC). If you did not expect this email, ignore it.",
      ].join("\n"),
    );
    expect(mail.html).toContain('<a href="https://bi.example.com/invite/AbC_-123"');
    expect(mail.html).toContain("Ada Admin invited you to Spyglass as an editor");
  });

  it("escapes the inviter's name in the HTML and keeps the subject on one line", () => {
    const mail = buildInviteEmail({ ...base, inviterName: 'Eve <script>alert("x")</script>\r\nBcc: all@example.com' });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Eve &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.subject).toBe('Eve <script>alert("x")</script> Bcc: all@example.com invited you to Spyglass');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("never puts a non-http link in an href", () => {
    const mail = buildInviteEmail({ ...base, inviterName: "Ada", url: "javascript:alert(1)" });
    expect(mail.html).not.toContain('href="javascript:');
  });
});
