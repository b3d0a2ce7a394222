"use client";

// The form that adds or edits a digest subscription: users picked from a list, outside addresses, the
// schedule (with its next runs), the filter values, what the email carries, the subject (with a preview)
// and a Slack webhook (which shows "set", never its value). Validated by the server with the same schema.
import { useEffect, useState, useSyncExternalStore } from "react";
import type { DashboardFilter, FilterValues } from "@/lib/dashboard-filters/schema";
import { decodeFilterValues } from "@/lib/dashboard-filters/url";
import { DIGEST_IMAGE_TTL_DAYS } from "@/lib/digests/digest-image-lifetime";
import type { RecipientUser } from "@/lib/digests/recipient-users";
import type { SubscriptionView } from "@/lib/digests/subscription-view";
import { DEFAULT_DIGEST_TIME, DEFAULT_SUBJECT_TEMPLATE, cronAt, renderSubject, splitRecipients, subjectTemplateProblem } from "@/lib/schedules/schemas";
import styles from "./subscriptions.module.css";
import { describeFilterValues, formatTime, readError } from "./format";

type Days = "daily" | "weekdays" | "custom";

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
let zoneList: string[] | undefined;
function allTimeZones(): string[] {
  if (!zoneList) {
    try {
      zoneList = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
    } catch {
      zoneList = [];
    }
  }
  return zoneList;
}
const NO_ZONES: string[] = [];
const subscribeNever = () => () => {};

/** The form's schedule fields for a stored cron: the simple shapes as time + days, anything else as custom. */
function scheduleFields(cron: string): { days: Days; time: string; custom: string } {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|1-5)$/.exec(cron);
  if (!m) return { days: "custom", time: DEFAULT_DIGEST_TIME, custom: cron };
  return { days: m[3] === "*" ? "daily" : "weekdays", time: `${m[2].padStart(2, "0")}:${m[1].padStart(2, "0")}`, custom: cron };
}

export interface SubscriptionFormProps {
  dashboardId: string;
  dashboardTitle: string;
  filters: DashboardFilter[];
  users: RecipientUser[];
  /** The subscription being edited; absent when adding. */
  editing?: SubscriptionView;
  onSaved: () => void;
  onCancel?: () => void;
}

export function SubscriptionForm({ dashboardId, dashboardTitle, filters, users, editing, onSaved, onCancel }: SubscriptionFormProps) {
  const initial = scheduleFields(editing?.cron ?? "0 8 * * *");
  const [userIds, setUserIds] = useState<string[]>(editing?.recipientUsers.map((u) => u.id) ?? []);
  const [emails, setEmails] = useState(editing?.recipients.join(", ") ?? "");
  const [days, setDays] = useState<Days>(initial.days);
  const [time, setTime] = useState(initial.time);
  const [customCron, setCustomCron] = useState(initial.custom);
  const [timezoneInput, setTimezone] = useState<string | null>(editing?.timezone ?? null);
  const [filterValues, setFilterValues] = useState<FilterValues>(editing?.filterValues ?? {});
  const [includeImage, setIncludeImage] = useState(editing?.includeImage ?? true);
  const [attachCsv, setAttachCsv] = useState(editing?.attachCsv ?? false);
  const [attachPdf, setAttachPdf] = useState(editing?.attachPdf ?? false);
  const [subject, setSubject] = useState(editing?.subjectTemplate ?? "");
  const [slackUrl, setSlackUrl] = useState("");
  const [removeSlack, setRemoveSlack] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ runs: string[]; problem: string | null } | null>(null);
  const browserZone = useSyncExternalStore(subscribeNever, browserTimeZone, () => "UTC");
  const zones = useSyncExternalStore(subscribeNever, allTimeZones, () => NO_ZONES);
  const timezone = timezoneInput ?? browserZone;
  const idPrefix = editing ? `sub-${editing.id}` : "sub-new";

  let cron = customCron.trim();
  if (days !== "custom") {
    try {
      cron = cronAt(time, days);
    } catch {
      cron = "";
    }
  }

  // The next runs, from the server (BullMQ's own cron parser), as the schedule is typed.
  useEffect(() => {
    if (!cron) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/digests/next-runs?${new URLSearchParams({ cron, timezone })}`, { cache: "no-store" });
        const body = res.ok ? ((await res.json()) as { runs: string[]; problem: string | null }) : { runs: [], problem: await readError(res) };
        if (!cancelled) setPreview(body);
      } catch {
        // the preview is a convenience; saving reports problems
      }
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cron, timezone]);

  const subjectProblem = subjectTemplateProblem(subject);
  const subjectPreview = subjectProblem ? null : renderSubject(subject, { dashboard: dashboardTitle, date: new Date(), timeZone: timezone || "UTC" });
  const filterSummary = describeFilterValues(filterValues, filters);

  function applyFiltersOnScreen() {
    setFilterValues(decodeFilterValues(filters, new URLSearchParams(window.location.search)));
  }

  function toggleUser(id: string, on: boolean) {
    setUserIds((list) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id)));
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    if (!cron) return setError("Choose a time of day.");
    const body: Record<string, unknown> = {
      recipientUserIds: userIds,
      recipients: splitRecipients(emails),
      cron,
      timezone,
      filterValues,
      includeImage,
      attachCsv,
      attachPdf,
      subjectTemplate: subject,
    };
    if (removeSlack) body.slackWebhook = "";
    else if (slackUrl.trim()) body.slackWebhook = slackUrl.trim();
    setBusy(true);
    try {
      const res = await fetch(editing ? `/api/subscriptions/${encodeURIComponent(editing.id)}` : `/api/dashboards/${encodeURIComponent(dashboardId)}/subscriptions`, {
        method: editing ? "PATCH" : "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) return setError(await readError(res));
      if (!editing) {
        setUserIds([]);
        setEmails("");
        setSlackUrl("");
        setSubject("");
      }
      onSaved();
    } catch {
      setError("Could not save: the server did not answer.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={editing ? "Edit subscription" : "New subscription"}>
      <fieldset className={styles.group}>
        <legend>Recipients</legend>
        <div className={styles.userList} role="group" aria-label="Spyglass users">
          {users.length === 0 && <span className="muted">No other users can open this dashboard.</span>}
          {users.map((u) => (
            <label key={u.id} className={styles.userOption}>
              <input type="checkbox" checked={userIds.includes(u.id)} onChange={(e) => toggleUser(u.id, e.target.checked)} />
              <span>{u.name}</span> <span className="muted">{u.email}</span>
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-emails`}>Outside email addresses</label>
          <input id={`${idPrefix}-emails`} className="input" placeholder="cfo@partner.com, board@example.org" value={emails} onChange={(e) => setEmails(e.target.value)} />
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Schedule</legend>
        <div className={styles.row}>
          <div className="field">
            <label htmlFor={`${idPrefix}-days`}>Days</label>
            <select id={`${idPrefix}-days`} className="input" value={days} onChange={(e) => setDays(e.target.value as Days)}>
              <option value="daily">Every day</option>
              <option value="weekdays">Weekdays</option>
              <option value="custom">Cron expression</option>
            </select>
          </div>
          {days === "custom" ? (
            <div className="field">
              <label htmlFor={`${idPrefix}-cron`}>Cron (min hour day month weekday)</label>
              <input id={`${idPrefix}-cron`} className="input mono" value={customCron} onChange={(e) => setCustomCron(e.target.value)} />
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${idPrefix}-time`}>At</label>
              <input id={`${idPrefix}-time`} className="input" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${idPrefix}-tz`}>Time zone</label>
            <input id={`${idPrefix}-tz`} className="input" list={`${idPrefix}-tz-list`} value={timezone} onChange={(e) => setTimezone(e.target.value)} />
            <datalist id={`${idPrefix}-tz-list`}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
        </div>
        <div className={styles.note} data-testid="next-runs">
          {!cron ? (
            // The time was cleared: the last preview's runs are not this schedule's.
            <span className={styles.failed}>Choose a time of day.</span>
          ) : preview?.problem ? (
            <span className={styles.failed}>{preview.problem}</span>
          ) : preview?.runs.length ? (
            <>Next: {preview.runs.map((r) => formatTime(r, timezone)).join(" · ")}</>
          ) : null}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Content</legend>
        <div className={styles.row}>
          <label className={styles.check}>
            <input type="checkbox" checked={includeImage} onChange={(e) => setIncludeImage(e.target.checked)} /> Image of the dashboard
          </label>
          <label className={styles.check}>
            <input type="checkbox" checked={attachCsv} onChange={(e) => setAttachCsv(e.target.checked)} /> CSV of each chart
          </label>
          <label className={styles.check}>
            <input type="checkbox" checked={attachPdf} onChange={(e) => setAttachPdf(e.target.checked)} /> PDF
          </label>
        </div>
        {filters.length > 0 && (
          <div className={styles.filters}>
            <span>Filters: {filterSummary || <span className="muted">the dashboard&apos;s defaults</span>}</span>
            <button type="button" className="btn btn-small" onClick={applyFiltersOnScreen}>
              Use the filters on screen
            </button>
            {filterSummary && (
              <button type="button" className="btn btn-small" onClick={() => setFilterValues({})}>
                Use defaults
              </button>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${idPrefix}-subject`}>Subject</label>
          <input id={`${idPrefix}-subject`} className="input" placeholder={DEFAULT_SUBJECT_TEMPLATE} value={subject} onChange={(e) => setSubject(e.target.value)} />
          <div className={styles.note} data-testid="subject-preview">
            {subjectProblem ? <span className={styles.failed}>{subjectProblem}</span> : <>Preview: {subjectPreview}</>}
          </div>
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Slack</legend>
        <div className="field">
          <label htmlFor={`${idPrefix}-slack`}>
            Incoming webhook URL {editing?.slackWebhookSet && !removeSlack && <span className={styles.badge}>set</span>}
          </label>
          <input
            id={`${idPrefix}-slack`}
            className="input"
            type="password"
            autoComplete="off"
            placeholder={editing?.slackWebhookSet ? "Leave empty to keep the current webhook" : "https://hooks.slack.com/services/…"}
            value={slackUrl}
            onChange={(e) => setSlackUrl(e.target.value)}
            disabled={removeSlack}
          />
          {editing?.slackWebhookSet && (
            <label className={styles.check}>
              <input type="checkbox" checked={removeSlack} onChange={(e) => setRemoveSlack(e.target.checked)} /> Stop posting to Slack
            </label>
          )}
          <div className={styles.note} data-testid="slack-image-note">
            {includeImage
              ? `The Slack post includes the dashboard's image: anyone with the image's link can open it for ${DIGEST_IMAGE_TTL_DAYS} days.`
              : "The Slack post carries the title and the link, without the image."}
          </div>
        </div>
      </fieldset>

      <div className={styles.formActions}>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden /> : null}
          {editing ? "Save" : "Add subscription"}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
        {error && (
          <p className="alert" role="alert" style={{ margin: 0 }}>
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
