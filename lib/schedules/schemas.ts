// Shapes of digest subscriptions, shared by the subscription form in the browser and the API on the
// server (which adds the full cron check in lib/schedules/cron.ts). Browser-safe: no server imports.
import { z } from "zod";

export const DEFAULT_DIGEST_TIME = "08:00";
export const MAX_RECIPIENTS = 50;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .max(64)
  .refine(isValidTimeZone, { message: "Unknown time zone: use an IANA name such as Europe/London or America/New_York" });

/** Five fields: minute hour day-of-month month day-of-week. */
export const cronSchema = z
  .string()
  .trim()
  .regex(/^\S+(\s+\S+){4}$/, "Use a five-field cron expression: minute hour day-of-month month day-of-week")
  .transform((s) => s.split(/\s+/).join(" "));

const emailShape = z.email();

/** Outside email addresses (not Spyglass users). Each bad one is named in the error. */
export const recipientsSchema = z
  .array(z.string().trim().toLowerCase().max(254, "An email address is at most 254 characters"))
  .max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} outside addresses`)
  .superRefine((list, ctx) => {
    list.forEach((address, i) => {
      if (!emailShape.safeParse(address).success) {
        ctx.addIssue({ code: "custom", path: [i], message: `“${address}” is not an email address` });
      }
    });
  })
  .transform((list) => [...new Set(list)]);

/** Spyglass users by id; their current email is used when a digest goes out. */
export const recipientUserIdsSchema = z
  .array(z.string().trim().min(1).max(64))
  .max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} users`)
  .transform((list) => [...new Set(list)]);

// ---------------------------------------------------------------------------------------------------------
// Subject templates

export const SUBJECT_PLACEHOLDERS = ["dashboard", "date"] as const;
export const DEFAULT_SUBJECT_TEMPLATE = "{{dashboard}} — {{date}}";
export const MAX_SUBJECT_LENGTH = 200;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Why the template cannot be used (an unknown placeholder), or null. */
export function subjectTemplateProblem(template: string): string | null {
  const unknown = [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1])
    .filter((name) => !(SUBJECT_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length === 0) return null;
  const known = SUBJECT_PLACEHOLDERS.map((p) => `{{${p}}}`).join(" and ");
  return `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(", ")}: use ${known}`;
}

/** The date as the subject shows it, in the subscription's time zone: "4 Dec 2026". */
export function formatSubjectDate(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/**
 * When a digest's snapshot was taken, in the subscription's time zone, for the line under the email's
 * title: "4 Dec 2026, 07:00 GMT-5" (UTC when the zone is unknown).
 */
export function formatSnapshotTime(date: Date, timeZone: string): string {
  const options = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } as const;
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date);
  }
}

/** The subject of one digest: the template (or the default) with its placeholders filled in. */
export function renderSubject(template: string | null | undefined, values: { dashboard: string; date: Date; timeZone: string }): string {
  const filled = (template?.trim() ? template : DEFAULT_SUBJECT_TEMPLATE).replace(PLACEHOLDER, (all, name: string) => {
    if (name === "dashboard") return values.dashboard;
    if (name === "date") return formatSubjectDate(values.date, values.timeZone);
    return all;
  });
  // A newline in a subject is never intended (nodemailer encodes it anyway).
  return filled.replace(/[\r\n]+/g, " ").slice(0, 998);
}

export const subjectTemplateSchema = z
  .string()
  .trim()
  .max(MAX_SUBJECT_LENGTH, `A subject is at most ${MAX_SUBJECT_LENGTH} characters`)
  .superRefine((t, ctx) => {
    const problem = subjectTemplateProblem(t);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((t) => (t === "" ? null : t));

// ---------------------------------------------------------------------------------------------------------
// Slack incoming webhooks

/**
 * A Slack incoming webhook (https://hooks.slack.com/services/...) or any other https endpoint that takes
 * Slack's message format. "" removes it.
 */
export const slackWebhookSchema = z
  .string()
  .trim()
  .max(500, "A webhook URL is at most 500 characters")
  .refine((s) => {
    if (s === "") return true;
    try {
      const u = new URL(s);
      return u.protocol === "https:" && u.hostname !== "" && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "Use the https:// URL of a Slack incoming webhook, e.g. https://hooks.slack.com/services/…");

// ---------------------------------------------------------------------------------------------------------
// Filter values the digest is rendered with: the dashboard's URL state (lib/dashboard-filters). Values that
// no longer fit a filter are ignored when rendering, as a stale link's are.

const filterValueSchema = z.union([
  z.string().max(500),
  z.array(z.string().max(500)).max(100),
  z.object({ start: z.string().max(10), end: z.string().max(10) }),
  z.null(),
]);
export const subscriptionFilterValuesSchema = z.record(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Not a filter name").max(63),
  filterValueSchema,
);

// ---------------------------------------------------------------------------------------------------------
// The subscription form and API body

const NOBODY = "Add a recipient: a Spyglass user, an email address or a Slack webhook";
const FORMAT_NEEDED = "Choose what the email carries: the image, CSV files or a PDF";

export const createSubscriptionSchema = z
  .object({
    recipientUserIds: recipientUserIdsSchema.default([]),
    recipients: recipientsSchema.default([]),
    cron: cronSchema.default("0 8 * * *"),
    timezone: timeZoneSchema.default("UTC"),
    enabled: z.boolean().default(true),
    filterValues: subscriptionFilterValuesSchema.default({}),
    includeImage: z.boolean().default(true),
    attachCsv: z.boolean().default(false),
    attachPdf: z.boolean().default(false),
    subjectTemplate: subjectTemplateSchema.nullable().default(null),
    /** "" or null: no webhook; a URL: set it (stored encrypted, never sent back). */
    slackWebhook: slackWebhookSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.recipientUserIds.length === 0 && v.recipients.length === 0 && !v.slackWebhook) {
      ctx.addIssue({ code: "custom", path: ["recipients"], message: NOBODY });
    }
    if (!v.includeImage && !v.attachCsv && !v.attachPdf) ctx.addIssue({ code: "custom", path: ["includeImage"], message: FORMAT_NEEDED });
  });
export type CreateSubscriptionInput = z.input<typeof createSubscriptionSchema>;
export type SubscriptionInput = z.output<typeof createSubscriptionSchema>;

/** A change to a subscription: only the fields given change; slackWebhook left out keeps the stored one. */
export const updateSubscriptionSchema = z.object({
  recipientUserIds: recipientUserIdsSchema.optional(),
  recipients: recipientsSchema.optional(),
  cron: cronSchema.optional(),
  timezone: timeZoneSchema.optional(),
  enabled: z.boolean().optional(),
  filterValues: subscriptionFilterValuesSchema.optional(),
  includeImage: z.boolean().optional(),
  attachCsv: z.boolean().optional(),
  attachPdf: z.boolean().optional(),
  subjectTemplate: subjectTemplateSchema.nullable().optional(),
  slackWebhook: slackWebhookSchema.nullable().optional(),
});
export type UpdateSubscriptionInput = z.input<typeof updateSubscriptionSchema>;

/**
 * "a@x.com, b@y.com; c@z.com" → ["a@x.com", "b@y.com", "c@z.com"]. Addresses pasted from a mail program
 * keep only the part in angle brackets: `"Lovelace, Ada" <ada@x.com>, Bo <bo@y.com>` → ["ada@x.com", "bo@y.com"]
 * (split on spaces, each word of the name was refused as an address of its own).
 */
export function splitRecipients(text: string): string[] {
  return text
    .replace(/"[^"]*"/g, " ")
    .replace(/[^,;<>]*<([^<>]*)>/g, " $1 ")
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "08:30" → "30 8 * * *"; weekdays only → "30 8 * * 1-5". */
export function cronAt(time: string, days: "daily" | "weekdays" = "daily"): string {
  const m = TIME.exec(time.trim());
  if (!m) throw new Error(`Not a time of day: ${time}`);
  return `${Number(m[2])} ${Number(m[1])} * * ${days === "weekdays" ? "1-5" : "*"}`;
}

const DAY_ABBREVIATIONS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function pad(n: number) {
  return String(n).padStart(2, "0");
}

/** The schedule in words for the common shapes ("Every day at 08:00"); the raw expression otherwise. */
export function describeCron(cron: string): string {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return cron;
  const [min, hour, dom, mon] = parts;
  // "MON-FRI" reads as "1-5": the parser takes day names, and the form keeps what was typed.
  const dow = parts[4].replace(/\b(SUN|MON|TUE|WED|THU|FRI|SAT)\b/gi, (d) => String(DAY_ABBREVIATIONS.indexOf(d.toUpperCase())));
  const isNum = (s: string) => /^\d+$/.test(s);
  if (isNum(min) && hour === "*" && dom === "*" && mon === "*" && dow === "*") return `Every hour at :${pad(Number(min))}`;
  if (!isNum(min) || !isNum(hour) || mon !== "*") return `Cron: ${cron}`;
  const at = `${pad(Number(hour))}:${pad(Number(min))}`;
  if (dom === "*" && (dow === "*" || dow === "0-6" || dow === "1-7")) return `Every day at ${at}`;
  if (dom === "*" && dow === "1-5") return `Weekdays at ${at}`;
  if (dom === "*" && /^[0-7]$/.test(dow)) return `Every ${DAY_NAMES[Number(dow) % 7]} at ${at}`;
  if (isNum(dom) && dow === "*") return `Monthly on day ${Number(dom)} at ${at}`;
  return `Cron: ${cron}`;
}
