// Posts a digest to a Slack incoming webhook: the dashboard's title and link and, when the subscription
// includes the image, the image of this delivery. Incoming webhooks cannot upload files, so the image is
// a URL Slack fetches without signing in (lib/digests/digest-image.ts).
const SLACK_TIMEOUT_MS = 15_000;

export class SlackPostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SlackPostError";
  }
}

/** Slack's mrkdwn needs &, < and > escaped; everything else is literal. */
function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackMessage(input: { title: string; subject: string; dashboardUrl: string; imageUrl: string | null }) {
  const link = `<${input.dashboardUrl}|${slackEscape(input.title)}>`;
  return {
    text: `${input.subject}: ${input.dashboardUrl}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${link}*\n${slackEscape(input.subject)}` } },
      ...(input.imageUrl ? [{ type: "image", image_url: input.imageUrl, alt_text: input.title.slice(0, 2000) }] : []),
    ],
  };
}

/** Posts the message; throws SlackPostError with Slack's status and reply when it is not accepted. */
export async function postToSlack(webhookUrl: string, message: unknown): Promise<void> {
  let res: Response;
  try {
    res = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(SLACK_TIMEOUT_MS),
      redirect: "error",
    });
  } catch (e) {
    throw new SlackPostError(`Could not reach the Slack webhook: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) {
    const body = (await res.text().catch(() => "")).slice(0, 500);
    throw new SlackPostError(`The Slack webhook answered HTTP ${res.status}${body ? `: ${body}` : ""}`);
  }
}
