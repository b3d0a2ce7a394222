"use client";

// The delivery log of one subscription: every send, rejection, bounce, Slack post and test, newest first.
import { useEffect, useState } from "react";
import type { DeliveryEventView } from "@/lib/digests/list-delivery-events";
import styles from "./subscriptions.module.css";
import { formatTime, readError } from "./format";

const KIND_LABELS: Record<string, string> = {
  sent: "Sent",
  rejected: "Rejected",
  bounce: "Bounced",
  smtp_error: "SMTP error",
  render_failed: "Render failed",
  slack_sent: "Posted to Slack",
  slack_error: "Slack error",
  test_sent: "Test sent",
  resent_after_interruption: "Resent after interruption",
};
const BAD = new Set(["rejected", "bounce", "smtp_error", "render_failed", "slack_error"]);

export function DeliveryLog({ subscriptionId, version }: { subscriptionId: string; version: number }) {
  const [events, setEvents] = useState<DeliveryEventView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const res = await fetch(`/api/subscriptions/${encodeURIComponent(subscriptionId)}/events?limit=50`, { cache: "no-store" });
        if (cancelled) return;
        if (!res.ok) return setError(await readError(res));
        const body = (await res.json()) as { events: DeliveryEventView[] };
        if (!cancelled) setEvents(body.events);
      } catch {
        if (!cancelled) setError("Could not load the delivery log: the server did not answer.");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [subscriptionId, version]);

  if (error) return <p className={styles.errorText}>{error}</p>;
  if (!events) return <p className="muted">Loading the delivery log…</p>;
  if (events.length === 0) return <p className="muted">Nothing delivered yet.</p>;
  return (
    <table className={styles.log} data-testid="delivery-log">
      <thead>
        <tr>
          <th>Time</th>
          <th>Event</th>
          <th>Recipient</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td className={styles.nowrap}>{formatTime(e.createdAt)}</td>
            <td className={`${styles.nowrap} ${BAD.has(e.kind) ? styles.failed : e.kind.endsWith("sent") ? styles.sent : ""}`}>{KIND_LABELS[e.kind] ?? e.kind}</td>
            <td>{e.recipient ?? "—"}</td>
            <td className={styles.detail}>{e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
