// Slack webhook URLs are secrets (anyone holding one can post to the channel): kept encrypted at rest with
// the same key as data-source credentials, decrypted only by the worker that posts.
import { decryptJson, encryptJson } from "@/lib/crypto/secret-box";
import { getRuntimeEnv } from "@/lib/env";

export function encryptSlackWebhook(url: string): string {
  return encryptJson({ url }, getRuntimeEnv().ENCRYPTION_KEY);
}

export function decryptSlackWebhook(box: string): string {
  return decryptJson<{ url: string }>(box, getRuntimeEnv().ENCRYPTION_KEY).url;
}

/** The column value for an API input: undefined keeps what is stored, "" or null removes it. */
export function slackWebhookColumn(input: string | null | undefined): string | null | undefined {
  if (input === undefined) return undefined;
  return input ? encryptSlackWebhook(input) : null;
}
