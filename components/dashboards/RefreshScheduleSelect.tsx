"use client";

// The refresh schedule selector, for a dashboard (RefreshIntervalSelect) and for a chart's own schedule
// (ChartScheduleSelect, in the tile menu, with "Same as dashboard" first): an interval preset, a custom
// number of minutes, a cron expression in a time zone with its next three runs, or off.
import { useEffect, useId, useState } from "react";
import { REFRESH_INTERVAL_PRESETS, describeRefreshSchedule, parseCustomMinutes, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";

type Choice = `every:${number}` | "custom" | "cron" | "off" | "inherit";

function choiceOf(s: RefreshSchedule | null): Choice {
  if (s === null) return "inherit";
  if (s.kind === "off") return "off";
  if (s.kind === "cron") return "cron";
  return (REFRESH_INTERVAL_PRESETS as readonly number[]).includes(s.minutes) ? `every:${s.minutes}` : "custom";
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

function timeZoneNames(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}

/** A run time in the schedule's own zone, e.g. "Mon 7 Dec, 08:00". */
function formatRun(iso: string, timeZone: string): string {
  const options = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" } as const;
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(new Date(iso)) + " UTC"; // zone being typed
  }
}

/** The message of an API error, without zod's field prefixes ("minutes: …"): the form names the field. */
export function apiErrorMessage(data: unknown, fallback = "The schedule could not be saved."): string {
  const error = (data as { error?: { message?: string; issues?: { message?: string }[] } } | null)?.error;
  const issues = error?.issues?.map((i) => i.message).filter(Boolean);
  return issues?.length ? issues.join(" ") : (error?.message ?? fallback);
}

/** The next three runs of a cron in a time zone, as the server's scheduler computes them; or why it is invalid. */
function useCronPreview(cron: string, timezone: string, enabled: boolean) {
  const key = `${cron}|${timezone}`;
  const [preview, setPreview] = useState<{ key: string; runs?: string[]; error?: string } | null>(null);
  useEffect(() => {
    if (!enabled || !cron.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/schedules/preview?${new URLSearchParams({ cron, timezone })}`, { signal: controller.signal });
        const data = (await res.json()) as { runs?: string[]; error?: string | { message?: string } };
        const error = typeof data.error === "string" ? data.error : data.error ? apiErrorMessage(data, "Could not check the expression.") : undefined;
        setPreview(error ? { key, error } : { key, runs: data.runs ?? [] });
      } catch {
        if (!controller.signal.aborted) setPreview({ key, error: "Could not check the expression." });
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cron, timezone, enabled, key]);
  // A preview of what was typed before is not shown for what is typed now.
  return enabled && preview?.key === key ? preview : null;
}

/**
 * Picks a refresh schedule and saves it through `onSave` (which answers with an error message, or null
 * when saved). With `inherit`, the value null means "follows the dashboard" and is offered first as
 * "Same as dashboard (<inherit>)".
 */
export function RefreshScheduleSelect({
  value,
  onSave,
  inherit,
  label = "Refresh",
  ariaLabel = "Refresh schedule",
  stacked = false,
}: {
  value: RefreshSchedule | null;
  onSave: (next: RefreshSchedule | null) => Promise<string | null>;
  /** The dashboard's schedule in words; offers "Same as dashboard". */
  inherit?: string;
  label?: string;
  ariaLabel?: string;
  /** One control per line (in a narrow menu) instead of one toolbar row. */
  stacked?: boolean;
}) {
  const current = value;
  const [choice, setChoice] = useState<Choice>(choiceOf(current));
  const [minutes, setMinutes] = useState(String(current?.kind === "interval" ? current.minutes : 60));
  const [cronText, setCronText] = useState(current?.kind === "cron" ? current.cron : "0 * * * *");
  const [zone, setZone] = useState(current?.kind === "cron" ? current.timezone : browserTimeZone());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useCronPreview(cronText, zone, choice === "cron");
  const zonesId = useId();

  async function save(next: RefreshSchedule | null) {
    setSaving(true);
    setError(null);
    try {
      setError(await onSave(next));
    } catch {
      setError("Could not reach the server; the schedule was not saved.");
    } finally {
      setSaving(false);
    }
  }

  function choose(next: Choice) {
    setChoice(next);
    setError(null);
    if (next === "off") void save({ kind: "off" });
    else if (next === "inherit") void save(null);
    else if (next.startsWith("every:")) void save({ kind: "interval", minutes: Number(next.slice(6)) });
  }

  const unsaved =
    (choice === "custom" && !(current?.kind === "interval" && String(current.minutes) === minutes)) ||
    (choice === "cron" && !(current?.kind === "cron" && current.cron === cronText.trim() && current.timezone === zone));

  return (
    <div className="row" style={stacked ? { flexDirection: "column", alignItems: "flex-start" } : { flexWrap: "wrap" }}>
      {/* Stacked (the tile menu), the select may not be wider than the menu: its widest option names the
          dashboard's schedule ("Same as dashboard (cron 10 * * * * (Asia/Kathmandu))") and stuck out of it. */}
      <label className="row muted" style={stacked ? { maxWidth: "100%" } : undefined}>
        {label}
        <select
          className="input"
          style={stacked ? { minWidth: 0, maxWidth: "100%", flex: "1 1 auto" } : undefined}
          aria-label={ariaLabel}
          value={choice}
          disabled={saving}
          onChange={(e) => choose(e.target.value as Choice)}
        >
          {inherit !== undefined && <option value="inherit">Same as dashboard ({inherit.charAt(0).toLowerCase() + inherit.slice(1)})</option>}
          {REFRESH_INTERVAL_PRESETS.map((m) => (
            <option key={m} value={`every:${m}`}>
              {describeRefreshSchedule({ kind: "interval", minutes: m })}
              {m === 60 && inherit === undefined ? " (default)" : ""}
            </option>
          ))}
          <option value="custom">Custom interval…</option>
          <option value="cron">Cron expression…</option>
          <option value="off">Off</option>
        </select>
      </label>
      {choice === "custom" && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseCustomMinutes(minutes);
            if ("error" in parsed) setError(parsed.error);
            else void save({ kind: "interval", minutes: parsed.minutes });
          }}
        >
          <label className="row muted">
            Every
            <input className="input" style={{ width: 80 }} type="number" min={5} step={1} value={minutes} aria-label="Minutes between refreshes" onChange={(e) => setMinutes(e.target.value)} />
            minutes
          </label>
          <button className="btn" disabled={saving || !unsaved}>
            Save schedule
          </button>
        </form>
      )}
      {choice === "cron" && (
        <form
          className="row"
          style={{ flexWrap: "wrap", alignItems: "flex-start" }}
          onSubmit={(e) => {
            e.preventDefault();
            void save({ kind: "cron", cron: cronText, timezone: zone });
          }}
        >
          <label className="row muted">
            Cron
            <input className="input" style={{ width: 140, fontFamily: "monospace" }} value={cronText} aria-label="Cron expression" placeholder="0 8 * * 1-5" onChange={(e) => setCronText(e.target.value)} />
          </label>
          <label className="row muted">
            Time zone
            <input className="input" style={{ width: 170 }} list={zonesId} value={zone} aria-label="Time zone" onChange={(e) => setZone(e.target.value)} />
            <datalist id={zonesId}>
              {timeZoneNames().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          <button className="btn" disabled={saving || !unsaved || Boolean(preview?.error)}>
            Save schedule
          </button>
          <div className="muted" aria-live="polite" data-testid="cron-preview" style={{ flexBasis: "100%" }}>
            {preview?.error ? (
              // A block: inline, its background broke apart over two lines in the narrow tile menu.
              <div className="alert">{preview.error}</div>
            ) : preview?.runs ? (
              <>
                Next runs ({zone}): {preview.runs.map((r) => formatRun(r, zone)).join(" · ")}
              </>
            ) : null}
          </div>
        </form>
      )}
      {error && (
        <span className="alert" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
