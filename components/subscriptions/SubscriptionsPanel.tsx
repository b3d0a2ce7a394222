"use client";

// Email digests of one dashboard: who gets it and when, how the last one went, "Send now", add, delete.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { DeliveryView, SubscriptionView } from "@/lib/digests/subscription-view";
import { DEFAULT_DIGEST_TIME, cronAt, splitRecipients } from "@/lib/schedules/schemas";
import styles from "./subscriptions.module.css";

type SendState = { phase: "queued" | "sending" | "sent" | "failed"; scheduledFor: string; message?: string };

const POLL_MS = 2_000;
const POLL_GIVE_UP_MS = 5 * 60_000;

async function readError(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `Request failed (HTTP ${res.status})`;
}

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

function formatTime(iso: string | null, timeZone?: string): string {
  if (!iso) return "";
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleString();
  }
}

function DeliveryLine({ delivery }: { delivery: DeliveryView | null }) {
  if (!delivery) return <div className={`${styles.status} muted`}>Not sent yet.</div>;
  const when = formatTime(delivery.sentAt ?? delivery.createdAt);
  const how = delivery.trigger === "manual" ? "sent now" : "scheduled";
  if (delivery.status === "sent") {
    return (
      <div className={styles.status}>
        <span className={styles.sent}>Last delivery sent</span> <span className="muted">{when} ({how})</span>
        {delivery.error && <div className={styles.note}>{delivery.error}</div>}
      </div>
    );
  }
  if (delivery.status === "failed") {
    return (
      <div className={styles.status}>
        <span className={styles.failed}>Last delivery failed</span>{" "}
        <span className="muted">
          {when} ({how}, attempt {delivery.attempts})
        </span>
        {delivery.error && <div className={styles.errorText}>{delivery.error}</div>}
      </div>
    );
  }
  return (
    <div className={styles.status}>
      <span className={styles.pending}>Sending…</span> <span className="muted">{when}</span>
    </div>
  );
}

export function SubscriptionsPanel({ dashboardId, canEdit }: { dashboardId: string; canEdit: boolean }) {
  const [subscriptions, setSubscriptions] = useState<SubscriptionView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sending, setSending] = useState<Record<string, SendState>>({});
  const [recipients, setRecipients] = useState("");
  const [time, setTime] = useState(DEFAULT_DIGEST_TIME);
  const [days, setDays] = useState<"daily" | "weekdays">("daily");
  // null until the user edits it: then the browser's own time zone is the default.
  const [timezoneInput, setTimezone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  // The "Send now" each subscription is following; an older poll stops when a newer one starts.
  const following = useRef(new Map<string, string>());
  // Read from the browser after hydration; the server renders UTC and an empty list.
  const browserZone = useSyncExternalStore(subscribeNever, browserTimeZone, () => "UTC");
  const zones = useSyncExternalStore(subscribeNever, allTimeZones, () => NO_ZONES);
  const timezone = timezoneInput ?? browserZone;

  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const res = await fetch(`/api/dashboards/${encodeURIComponent(dashboardId)}/subscriptions`, { cache: "no-store" });
        if (cancelled) return;
        if (!res.ok) {
          setLoadError(await readError(res));
          return;
        }
        const body = (await res.json()) as { subscriptions: SubscriptionView[] };
        if (cancelled) return;
        setLoadError(null);
        setSubscriptions(body.subscriptions);
      } catch {
        if (!cancelled) setLoadError("Could not load the subscriptions: the server did not answer.");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [dashboardId, version]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const t of pending) clearTimeout(t);
      pending.clear();
    };
  }, []);

  async function onAdd(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const list = splitRecipients(recipients);
    if (list.length === 0) {
      setFormError("Add at least one email address.");
      return;
    }
    let cron: string;
    try {
      cron = cronAt(time, days);
    } catch {
      setFormError("Choose a time of day.");
      return;
    }
    setBusy(true);
    const res = await fetch(`/api/dashboards/${encodeURIComponent(dashboardId)}/subscriptions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ recipients: list, cron, timezone }),
    });
    setBusy(false);
    if (!res.ok) {
      setFormError(await readError(res));
      return;
    }
    setRecipients("");
    reload();
  }

  async function onDelete(s: SubscriptionView) {
    if (!window.confirm(`Stop emailing this dashboard to ${s.recipients.join(", ")}?`)) return;
    const res = await fetch(`/api/subscriptions/${encodeURIComponent(s.id)}`, { method: "DELETE" });
    if (!res.ok) {
      setLoadError(await readError(res));
      return;
    }
    reload();
  }

  /** Polls until the delivery for `scheduledFor` (the time "Send now" was queued) is sent, or gives up. */
  function poll(subscriptionId: string, scheduledFor: string) {
    const startedAt = Date.parse(scheduledFor);
    following.current.set(subscriptionId, scheduledFor);
    const timer = setTimeout(async () => {
      timers.current.delete(timer);
      if (following.current.get(subscriptionId) !== scheduledFor) return;
      let delivery: DeliveryView | undefined;
      try {
        const res = await fetch(`/api/subscriptions/${encodeURIComponent(subscriptionId)}/deliveries?limit=10`, { cache: "no-store" });
        if (res.ok) {
          const body = (await res.json()) as { deliveries: DeliveryView[] };
          delivery = body.deliveries.find((d) => d.scheduledFor === scheduledFor);
        }
      } catch {
        // a network blip: poll again
      }
      if (following.current.get(subscriptionId) !== scheduledFor) return;
      if (delivery?.status === "sent") {
        setSending((s) => ({ ...s, [subscriptionId]: { phase: "sent", scheduledFor, message: delivery.error ?? undefined } }));
        reload();
        return;
      }
      if (delivery?.status === "failed") {
        // Failed attempts are retried with backoff by the worker; keep following while retries last.
        const message = `Attempt ${delivery.attempts} failed; the worker retries with backoff. ${delivery.error ?? ""}`.trim();
        setSending((s) => ({ ...s, [subscriptionId]: { phase: "failed", scheduledFor, message } }));
      } else if (delivery) {
        setSending((s) => ({ ...s, [subscriptionId]: { phase: "sending", scheduledFor } }));
      }
      if (Date.now() - startedAt < POLL_GIVE_UP_MS) poll(subscriptionId, scheduledFor);
      else if (!delivery) {
        setSending((s) => ({
          ...s,
          [subscriptionId]: { phase: "failed", scheduledFor, message: "Still queued after 5 minutes: is a worker running?" },
        }));
      }
    }, POLL_MS);
    timers.current.add(timer);
  }

  async function onSendNow(s: SubscriptionView) {
    following.current.delete(s.id);
    setSending((prev) => ({ ...prev, [s.id]: { phase: "queued", scheduledFor: "" } }));
    const res = await fetch(`/api/subscriptions/${encodeURIComponent(s.id)}/send`, { method: "POST" });
    if (!res.ok) {
      const message = await readError(res);
      setSending((prev) => ({ ...prev, [s.id]: { phase: "failed", scheduledFor: "", message } }));
      return;
    }
    const body = (await res.json()) as { jobId: string; scheduledFor: string };
    setSending((prev) => ({ ...prev, [s.id]: { phase: "queued", scheduledFor: body.scheduledFor } }));
    poll(s.id, body.scheduledFor);
  }

  return (
    <section className={`card ${styles.panel}`} aria-label="Email subscriptions">
      <div className={styles.head}>
        <h2>Email digests</h2>
        <span className="muted">A snapshot of this dashboard, emailed on a schedule.</span>
      </div>
      {loadError && (
        <p className="alert" role="alert">
          {loadError}
        </p>
      )}
      {subscriptions === null && !loadError && <p className="muted">Loading…</p>}
      {subscriptions && subscriptions.length === 0 && <p className="muted">Nobody receives this dashboard by email yet.</p>}
      {subscriptions && subscriptions.length > 0 && (
        <ul className={styles.list}>
          {subscriptions.map((s) => {
            const send = sending[s.id];
            const inFlight = send && (send.phase === "queued" || send.phase === "sending");
            return (
              <li key={s.id} className={styles.item} data-testid="subscription">
                <div className={styles.itemMain}>
                  <div className={styles.recipients}>{s.recipients.join(", ")}</div>
                  <div className={styles.meta}>
                    {s.schedule} ({s.timezone}){!s.enabled && " · paused"}
                    {s.nextRunAt && <> · next {formatTime(s.nextRunAt, s.timezone)}</>}
                  </div>
                  {send ? (
                    <div className={styles.status} role="status">
                      {send.phase === "queued" && <span className={styles.pending}>Queued…</span>}
                      {send.phase === "sending" && <span className={styles.pending}>Sending…</span>}
                      {send.phase === "sent" && <span className={styles.sent}>Sent</span>}
                      {send.phase === "failed" && <span className={styles.failed}>Not sent</span>}
                      {send.message && (
                        <div className={send.phase === "failed" ? styles.errorText : styles.note}>{send.message}</div>
                      )}
                    </div>
                  ) : (
                    <DeliveryLine delivery={s.lastDelivery} />
                  )}
                </div>
                {canEdit && (
                  <div className={styles.actions}>
                    <button type="button" className="btn" onClick={() => void onSendNow(s)} disabled={Boolean(inFlight)}>
                      {inFlight ? <span className="spinner" aria-hidden /> : null}
                      Send now
                    </button>
                    <button type="button" className="btn btn-danger" onClick={() => void onDelete(s)} aria-label={`Delete subscription for ${s.recipients.join(", ")}`}>
                      Delete
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <form className={styles.form} onSubmit={onAdd} noValidate>
          <div className="field">
            <label htmlFor="sub-recipients">Recipients</label>
            <input
              id="sub-recipients"
              className="input"
              placeholder="ana@example.com, team@example.com"
              value={recipients}
              onChange={(e) => setRecipients(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="sub-days">Days</label>
            <select id="sub-days" className="input" value={days} onChange={(e) => setDays(e.target.value === "weekdays" ? "weekdays" : "daily")}>
              <option value="daily">Every day</option>
              <option value="weekdays">Weekdays</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="sub-time">At</label>
            <input id="sub-time" className="input" type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="sub-tz">Time zone</label>
            <input id="sub-tz" className="input" list="sub-tz-list" value={timezone} onChange={(e) => setTimezone(e.target.value)} />
            <datalist id="sub-tz-list">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? <span className="spinner" aria-hidden /> : null}
            Add subscription
          </button>
          {formError && (
            <p className="alert" role="alert" style={{ gridColumn: "1 / -1", margin: 0 }}>
              {formError}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
