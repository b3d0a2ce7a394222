"use client";

import { useState } from "react";
import { REFRESH_INTERVAL_CHOICES } from "@/lib/dashboards/schemas";

function label(minutes: number) {
  if (minutes === 0) return "Off";
  if (minutes < 60) return `Every ${minutes} min`;
  if (minutes === 60) return "Every hour";
  if (minutes < 1440) return `Every ${minutes / 60} hours`;
  return "Every day";
}

/** How often the worker refreshes this dashboard; saved at once, with a version check. */
export function RefreshIntervalSelect({
  dashboardId,
  version,
  value,
  onSaved,
}: {
  dashboardId: string;
  version: number;
  value: number;
  onSaved: (saved: { refreshIntervalMinutes: number; version: number }) => void;
}) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choices: number[] = REFRESH_INTERVAL_CHOICES.includes(value as (typeof REFRESH_INTERVAL_CHOICES)[number])
    ? [...REFRESH_INTERVAL_CHOICES]
    : [...REFRESH_INTERVAL_CHOICES, value].sort((a, b) => a - b);

  async function save(minutes: number) {
    setSaving(true);
    setError(null);
    const res = await fetch(`/api/dashboards/${dashboardId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version, refreshIntervalMinutes: minutes }),
    });
    const data = (await res.json()) as { refreshIntervalMinutes?: number; version?: number; error?: { message: string } };
    setSaving(false);
    if (!res.ok || data.version === undefined || data.refreshIntervalMinutes === undefined) {
      setError(data.error?.message ?? "Could not save the refresh schedule.");
      return;
    }
    onSaved({ refreshIntervalMinutes: data.refreshIntervalMinutes, version: data.version });
  }

  return (
    <label className="row muted">
      Refresh
      <select className="input" aria-label="Refresh schedule" value={value} disabled={saving} onChange={(e) => void save(Number(e.target.value))}>
        {choices.map((m) => (
          <option key={m} value={m}>
            {label(m)}
          </option>
        ))}
      </select>
      {error && (
        <span className="alert" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
