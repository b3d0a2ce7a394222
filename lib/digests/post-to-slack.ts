// Posts a digest to a Slack incoming webhook. Incoming webhooks cannot upload files, so the message links
// to the dashboard and, when the dashboard has an active public share link, shows that link's snapshot
// image (lib/sharing: /api/share/<token>/image.png, which Slack fetches). Without a share link there is no
// URL Slack could load an image from without signing in, and Spyglass does not create a public link on its
// own: the message then carries the title and the link only.
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { decryptShareToken, shareImageUrl } from "@/lib/sharing/token";

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

/** The image URL of the dashboard's newest active share link, or null. */
export async function findShareImageUrl(dashboardId: string, now = new Date()): Promise<string | null> {
  const link = await getDb().shareLink.findFirst({
    where: { dashboardId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    select: { encryptedToken: true },
  });
  if (!link) return null;
  const env = getRuntimeEnv();
  return shareImageUrl(env.APP_URL, decryptShareToken(link.encryptedToken, env.ENCRYPTION_KEY));
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
