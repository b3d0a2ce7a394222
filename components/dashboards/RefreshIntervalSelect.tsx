"use client";

import { useEffect, useState } from "react";
import {
  REFRESH_INTERVAL_PRESETS,
  dashboardRefreshSchedule,
  describeRefreshSchedule,
  type RefreshSchedule,
} from "@/lib/schedules/refresh-schedule";

export interface SavedSchedule {
  refreshIntervalMinutes: number;
  refreshCron: string | null;
  refreshTimezone: string;
  version: number;
}

type Choice = `every:${number}` | "custom" | "cron" | "off";

function choiceOf(s: RefreshSchedule): Choice {
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
        const error = typeof data.error === "string" ? data.error : data.error?.message;
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
 * The dashboard's refresh schedule: an interval preset, a custom number of minutes, a cron expression in a
 * time zone (with its next three runs shown), or off. Saved with a version check.
 */
export function RefreshIntervalSelect({
  dashboardId,
  version,
  value,
  cron,
  timezone,
  onSaved,
}: {
  dashboardId: string;
  version: number;
  value: number;
  cron?: string | null;
  timezone?: string;
  onSaved: (saved: SavedSchedule) => void;
}) {
  const current = dashboardRefreshSchedule({ refreshIntervalMinutes: value, refreshCron: cron ?? null, refreshTimezone: timezone ?? "UTC" });
  const [choice, setChoice] = useState<Choice>(choiceOf(current));
  const [minutes, setMinutes] = useState(String(current.kind === "interval" ? current.minutes : 60));
  const [cronText, setCronText] = useState(current.kind === "cron" ? current.cron : "0 * * * *");
  const [zone, setZone] = useState(current.kind === "cron" ? current.timezone : browserTimeZone());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useCronPreview(cronText, zone, choice === "cron");

  async function save(body: Record<string, unknown>) {
    setSaving(true);
    setError(null);
    try {
      const res = await fetch(`/api/dashboards/${dashboardId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version, ...body }),
      });
      const data = (await res.json()) as Partial<SavedSchedule> & { error?: { message: string } };
      if (!res.ok || data.version === undefined || data.refreshIntervalMinutes === undefined) {
        setError(data.error?.message ?? "Could not save the refresh schedule.");
        return;
      }
      onSaved({
        refreshIntervalMinutes: data.refreshIntervalMinutes,
        refreshCron: data.refreshCron ?? null,
        refreshTimezone: data.refreshTimezone ?? "UTC",
        version: data.version,
      });
    } catch {
      setError("Could not reach the server; the schedule was not saved.");
    } finally {
      setSaving(false);
    }
  }

  function choose(next: Choice) {
    setChoice(next);
    setError(null);
    if (next === "off") void save({ refreshIntervalMinutes: 0, refreshCron: null });
    else if (next.startsWith("every:")) void save({ refreshIntervalMinutes: Number(next.slice(6)), refreshCron: null });
  }

  const unsaved =
    (choice === "custom" && !(current.kind === "interval" && String(current.minutes) === minutes)) ||
    (choice === "cron" && !(current.kind === "cron" && current.cron === cronText.trim() && current.timezone === zone));

  return (
    <div className="row" style={{ flexWrap: "wrap" }}>
      <label className="row muted">
        Refresh
        <select className="input" aria-label="Refresh schedule" value={choice} disabled={saving} onChange={(e) => choose(e.target.value as Choice)}>
          {REFRESH_INTERVAL_PRESETS.map((m) => (
            <option key={m} value={`every:${m}`}>
              {describeRefreshSchedule({ kind: "interval", minutes: m })}
              {m === 60 ? " (default)" : ""}
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
            void save({ refreshIntervalMinutes: Number(minutes), refreshCron: null });
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
            void save({ refreshCron: cronText, refreshTimezone: zone });
          }}
        >
          <label className="row muted">
            Cron
            <input className="input" style={{ width: 140, fontFamily: "monospace" }} value={cronText} aria-label="Cron expression" placeholder="0 8 * * 1-5" onChange={(e) => setCronText(e.target.value)} />
          </label>
          <label className="row muted">
            Time zone
            <input className="input" style={{ width: 170 }} list="refresh-time-zones" value={zone} aria-label="Time zone" onChange={(e) => setZone(e.target.value)} />
            <datalist id="refresh-time-zones">
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
              <span className="alert">{preview.error}</span>
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
