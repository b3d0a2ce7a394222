// Small display helpers shared by the subscription components. Browser-safe.
import type { DashboardFilter, FilterValues } from "@/lib/dashboard-filters/schema";
import { PRESET_LABELS, isDateRangePreset } from "@/lib/dashboard-filters/presets";

/**
 * The message of an API error for a person: a validation error's own messages, without zod's field paths
 * ("recipients.1: …", "cron: …"), each once; the form shows the field the message is about.
 */
export async function readError(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; issues?: { message?: string }[] } } | null;
  const issues = [...new Set(body?.error?.issues?.map((i) => i.message).filter(Boolean))];
  if (issues.length) return issues.join("; ");
  return body?.error?.message ?? `Request failed (HTTP ${res.status})`;
}

export function formatTime(iso: string | null, timeZone?: string): string {
  if (!iso) return "";
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleString();
  }
}

/** "Region: EMEA · Period: Last 7 days", or "" when the digest uses the dashboard's defaults. */
export function describeFilterValues(values: FilterValues, filters: readonly DashboardFilter[]): string {
  return Object.entries(values)
    .map(([name, v]) => {
      const label = filters.find((f) => f.name === name)?.label ?? name;
      let text: string;
      if (v === null || v === "") text = "(cleared)";
      else if (Array.isArray(v)) text = v.join(", ");
      else if (typeof v === "object") text = `${v.start} to ${v.end}`;
      else text = isDateRangePreset(v) ? PRESET_LABELS[v] : v;
      return `${label}: ${text}`;
    })
    .join(" · ");
}
