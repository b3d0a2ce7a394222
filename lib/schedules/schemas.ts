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

export const recipientsSchema = z
  .array(z.string().trim().toLowerCase().pipe(z.email({ message: "Not an email address" })))
  .min(1, "Add at least one recipient")
  .max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} recipients`)
  .transform((list) => [...new Set(list)]);

export const createSubscriptionSchema = z.object({
  recipients: recipientsSchema,
  cron: cronSchema.default("0 8 * * *"),
  timezone: timeZoneSchema.default("UTC"),
});
export type CreateSubscriptionInput = z.input<typeof createSubscriptionSchema>;

/** "a@x.com, b@y.com; c@z.com" → ["a@x.com", "b@y.com", "c@z.com"] */
export function splitRecipients(text: string): string[] {
  return text
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

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function pad(n: number) {
  return String(n).padStart(2, "0");
}

/** The schedule in words for the common shapes ("Every day at 08:00"); the raw expression otherwise. */
export function describeCron(cron: string): string {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return cron;
  const [min, hour, dom, mon, dow] = parts;
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
