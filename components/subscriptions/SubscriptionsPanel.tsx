"use client";

// Email digests of one dashboard: who gets it, when, with which filters and formats, how the last one went,
// the delivery log, "Send now", "Send a test to me", edit, delete, and the form that adds one.
import { useEffect, useRef, useState } from "react";
import type { DashboardFilter } from "@/lib/dashboard-filters/schema";
import type { RecipientUser } from "@/lib/digests/recipient-users";
import type { DeliveryView, SubscriptionView } from "@/lib/digests/subscription-view";
import { DeliveryLog } from "./DeliveryLog";
import { SubscriptionForm } from "./SubscriptionForm";
import { describeFilterValues, formatTime, readError } from "./format";
import styles from "./subscriptions.module.css";

type SendState = { phase: "queued" | "sending" | "sent" | "failed"; scheduledFor: string; message?: string };
type TestState = { phase: "sending" | "sent" | "failed"; message: string };

const POLL_MS = 2_000;
const POLL_GIVE_UP_MS = 5 * 60_000;

function formatsOf(s: SubscriptionView): string {
  return [s.includeImage && "image", s.attachCsv && "CSV per chart", s.attachPdf && "PDF", s.slackWebhookSet && "Slack"].filter(Boolean).join(" · ");
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
  const [sending, setSending] = useState<Record<string, SendState>>({});
  const [testing, setTesting] = useState<Record<string, TestState>>({});
  const [title, setTitle] = useState("");
  const [filters, setFilters] = useState<DashboardFilter[]>([]);
  const [users, setUsers] = useState<RecipientUser[]>([]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [openLogs, setOpenLogs] = useState<Record<string, boolean>>({});
  const [revoked, setRevoked] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  // The "Send now" each subscription is following; an older poll stops when a newer one starts.
  const following = useRef(new Map<string, string>());

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
        const body = (await res.json()) as { dashboard: { title: string }; subscriptions: SubscriptionView[] };
        if (cancelled) return;
        setLoadError(null);
        setTitle(body.dashboard.title);
        setSubscriptions(body.subscriptions);
      } catch {
        if (!cancelled) setLoadError("Could not load the subscriptions: the server did not answer.");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [dashboardId, version]);

  // What the form needs, once: the dashboard's filters and the users who may receive it.
  useEffect(() => {
    if (!canEdit) return;
    let cancelled = false;
    const id = encodeURIComponent(dashboardId);
    (async () => {
      const [f, u] = await Promise.all([
        fetch(`/api/dashboards/${id}/filters`, { cache: "no-store" }).catch(() => null),
        fetch(`/api/dashboards/${id}/subscriptions/recipients`, { cache: "no-store" }).catch(() => null),
      ]);
      if (cancelled) return;
      if (f?.ok) setFilters(((await f.json()) as { filters: DashboardFilter[] }).filters);
      if (u?.ok) setUsers(((await u.json()) as { users: RecipientUser[] }).users);
    })();
    return () => {
      cancelled = true;
    };
  }, [dashboardId, canEdit]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const t of pending) clearTimeout(t);
      pending.clear();
    };
  }, []);

  async function onSendTest(s: SubscriptionView) {
    setTesting((prev) => ({ ...prev, [s.id]: { phase: "sending", message: "Rendering and sending a test to you…" } }));
    try {
      const res = await fetch(`/api/subscriptions/${encodeURIComponent(s.id)}/test`, { method: "POST" });
      if (!res.ok) {
        const message = await readError(res);
        setTesting((prev) => ({ ...prev, [s.id]: { phase: "failed", message } }));
      } else {
        const body = (await res.json()) as { email: string; channel: string };
        const where = body.channel === "outbox" ? " (no SMTP server configured: written to the outbox folder)" : "";
        setTesting((prev) => ({ ...prev, [s.id]: { phase: "sent", message: `Test sent to ${body.email}${where}.` } }));
      }
    } catch {
      setTesting((prev) => ({ ...prev, [s.id]: { phase: "failed", message: "The server did not answer." } }));
    }
    reload();
  }

  async function onRevokeImages(s: SubscriptionView) {
    if (!window.confirm("Delete every image this subscription posted to Slack? The messages keep their links to the dashboard.")) return;
    const res = await fetch(`/api/subscriptions/${encodeURIComponent(s.id)}/images`, { method: "DELETE" });
    const message = res.ok ? `${((await res.json()) as { revoked: number }).revoked} posted image(s) deleted; their links no longer open.` : await readError(res);
    setRevoked((prev) => ({ ...prev, [s.id]: message }));
  }

  async function onDelete(s: SubscriptionView) {
    const who = [...s.recipientUsers.map((u) => u.email || u.name), ...s.recipients].join(", ") || "Slack";
    if (!window.confirm(`Stop sending this dashboard to ${who}?`)) return;
    const res = await fetch(`/api/subscriptions/${encodeURIComponent(s.id)}`, { method: "DELETE" });
    if (!res.ok) {
      setLoadError(await readError(res));
      return;
    }
    reload();
  }

  /** Pauses or resumes the subscription's schedule; "Send now" and tests still work while it is paused. */
  async function onTogglePaused(s: SubscriptionView) {
    const res = await fetch(`/api/subscriptions/${encodeURIComponent(s.id)}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ enabled: !s.enabled }),
    }).catch(() => null);
    if (!res) {
      setLoadError(`Could not ${s.enabled ? "pause" : "resume"} the subscription: the server did not answer.`);
      return;
    }
    if (!res.ok) {
      setLoadError(await readError(res));
      return;
    }
    setLoadError(null);
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
        const message = `Attempt ${delivery.attempts} failed; the worker retries with backoff (Send now retries at once). ${delivery.error ?? ""}`.trim();
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
    const res = await fetch(`/api/subscriptions/${encodeURIComponent(s.id)}/send`, { method: "POST" }).catch(() => null);
    if (!res) {
      // Without this the button stayed disabled on "Queued…" after a network error.
      setSending((prev) => ({ ...prev, [s.id]: { phase: "failed", scheduledFor: "", message: "The server did not answer; nothing was queued." } }));
      return;
    }
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
        <span className="muted">A snapshot of this dashboard, emailed (and posted to Slack) on a schedule.</span>
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
            const test = testing[s.id];
            const inFlight = send && (send.phase === "queued" || send.phase === "sending");
            const filterText = describeFilterValues(s.filterValues, filters);
            return (
              <li key={s.id} className={styles.item} data-testid="subscription">
                <div className={styles.itemTop}>
                  <div className={styles.itemMain}>
                    <div className={styles.recipients}>
                      {s.recipientUsers.map((u) => (
                        <span key={u.id} className={u.active ? styles.person : `${styles.person} ${styles.inactive}`} title={u.active ? u.email : "Deactivated: skipped"}>
                          {u.name}
                        </span>
                      ))}
                      {s.recipients.map((r) => (
                        <span key={r} className={styles.person}>
                          {r}
                        </span>
                      ))}
                      {s.optedOut.length > 0 && (
                        <span
                          className="muted"
                          title="They unsubscribed with the link in a digest and are skipped. Only they can subscribe again, with “Subscribe again” on that link's page."
                        >
                          {" "}
                          · unsubscribed: {s.optedOut.join(", ")}
                        </span>
                      )}
                    </div>
                    <div className={styles.meta}>
                      {s.schedule} ({s.timezone}){!s.enabled && " · paused"}
                      {s.nextRuns.length > 0 && <> · next {s.nextRuns.map((r) => formatTime(r, s.timezone)).join(", ")}</>}
                    </div>
                    <div className={styles.meta}>
                      {formatsOf(s)}
                      {filterText && <> · {filterText}</>}
                      {s.subjectTemplate && <> · subject “{s.subjectTemplate}”</>}
                    </div>
                    {send ? (
                      <div className={styles.status} role="status">
                        {send.phase === "queued" && <span className={styles.pending}>Queued…</span>}
                        {send.phase === "sending" && <span className={styles.pending}>Sending…</span>}
                        {send.phase === "sent" && <span className={styles.sent}>Sent</span>}
                        {send.phase === "failed" && <span className={styles.failed}>Not sent</span>}
                        {send.message && <div className={send.phase === "failed" ? styles.errorText : styles.note}>{send.message}</div>}
                      </div>
                    ) : (
                      <DeliveryLine delivery={s.lastDelivery} />
                    )}
                    {revoked[s.id] && (
                      <div className={styles.status} role="status">
                        <span className={styles.note}>{revoked[s.id]}</span>
                      </div>
                    )}
                    {test && (
                      <div className={styles.status} role="status">
                        <span className={test.phase === "failed" ? styles.failed : test.phase === "sent" ? styles.sent : styles.pending}>{test.message}</span>
                      </div>
                    )}
                  </div>
                  <div className={styles.actions}>
                    {canEdit && (
                      <>
                        <button type="button" className="btn" onClick={() => void onSendNow(s)} disabled={Boolean(inFlight)}>
                          {inFlight ? <span className="spinner" aria-hidden /> : null}
                          Send now
                        </button>
                        <button type="button" className="btn" onClick={() => void onSendTest(s)} disabled={test?.phase === "sending"}>
                          {test?.phase === "sending" ? <span className="spinner" aria-hidden /> : null}
                          Send a test to me
                        </button>
                        <button type="button" className="btn" onClick={() => setEditingId(editingId === s.id ? null : s.id)}>
                          Edit
                        </button>
                        <button type="button" className="btn" onClick={() => void onTogglePaused(s)}>
                          {s.enabled ? "Pause" : "Resume"}
                        </button>
                        {s.slackWebhookSet && (
                          <button type="button" className="btn" onClick={() => void onRevokeImages(s)}>
                            Revoke posted images
                          </button>
                        )}
                      </>
                    )}
                    <button type="button" className="btn" aria-expanded={Boolean(openLogs[s.id])} onClick={() => setOpenLogs((o) => ({ ...o, [s.id]: !o[s.id] }))}>
                      Delivery log
                    </button>
                    {canEdit && (
                      <button type="button" className="btn btn-danger" onClick={() => void onDelete(s)} aria-label={`Delete subscription ${s.id}`}>
                        Delete
                      </button>
                    )}
                  </div>
                </div>
                {openLogs[s.id] && <DeliveryLog subscriptionId={s.id} version={version} />}
                {canEdit && editingId === s.id && (
                  <SubscriptionForm
                    dashboardId={dashboardId}
                    dashboardTitle={title}
                    filters={filters}
                    users={users}
                    editing={s}
                    onSaved={() => {
                      setEditingId(null);
                      reload();
                    }}
                    onCancel={() => setEditingId(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <details className={styles.add} open={subscriptions !== null && subscriptions.length === 0}>
          <summary>New subscription</summary>
          <SubscriptionForm dashboardId={dashboardId} dashboardTitle={title} filters={filters} users={users} onSaved={reload} />
        </details>
      )}
    </section>
  );
}
