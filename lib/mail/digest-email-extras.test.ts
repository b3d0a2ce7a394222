// The parts of the digest email that vary per recipient and per subscription: the unsubscribe link, the
// attachments, and an email without the inline image.
import { describe, expect, it } from "vitest";
import { parseDigestMessageId } from "@/lib/digests/send-digest-messages";
import { buildDigestEmail } from "./send-digest-email";

const base = {
  to: ["a@example.com"],
  subject: "Weekly",
  dashboardTitle: "Sales",
  dashboardUrl: "https://spyglass.example.com/dashboards/abc",
  messageId: "<digest.d1.abc@spyglass.example.com>",
};

describe("digest email extras", () => {
  it("puts the recipient's unsubscribe link in the footer, escaped, and in the text part", () => {
    const pageUrl = "https://spyglass.example.com/unsubscribe?s=sub1&e=a%40example.com&t=tok";
    const { html, text } = buildDigestEmail({ ...base, png: Buffer.from("x"), unsubscribe: { pageUrl, oneClickUrl: pageUrl.replace("/unsubscribe", "/api/unsubscribe") } });
    expect(html).toContain('<a href="https://spyglass.example.com/unsubscribe?s=sub1&amp;e=a%40example.com&amp;t=tok" style="color:#5f6b7a">Unsubscribe</a>');
    expect(text).toContain(`Unsubscribe: ${pageUrl}`);
  });

  it("leaves the image out when the subscription does not include it", () => {
    const { html, text } = buildDigestEmail(base);
    expect(html).not.toContain("cid:");
    expect(text).not.toContain("The snapshot of the dashboard is in the HTML version");
  });

  it("reads back which delivery or test a Message-ID belongs to", () => {
    expect(parseDigestMessageId("<digest.cmx1abc.0123456789ab@spyglass.example.com>")).toEqual({ deliveryId: "cmx1abc" });
    expect(parseDigestMessageId("<digest.cmx1abc@spyglass.example.com>")).toEqual({ deliveryId: "cmx1abc" });
    expect(parseDigestMessageId("<digest-test.sub9.mx8n@host>")).toEqual({ subscriptionId: "sub9" });
    expect(parseDigestMessageId("<CAF=abc@mail.gmail.com>")).toBeNull();
  });
});
