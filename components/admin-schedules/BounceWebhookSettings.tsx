"use client";

// Where the mail provider reports bounces, for the admin who configures it. The secret is fetched only
// when asked for (it is a credential: not in every page an admin opens) and can be hidden again.
import { useState } from "react";

type State = { kind: "hidden" } | { kind: "loading" } | { kind: "shown"; url: string; secret: string } | { kind: "error"; message: string };

export function BounceWebhookSettings() {
  const [state, setState] = useState<State>({ kind: "hidden" });
  const show = async () => {
    setState({ kind: "loading" });
    try {
      const res = await fetch("/api/digests/bounce-secret", { cache: "no-store" });
      const body = (await res.json()) as { url: string; secret: string } | { error?: { message?: string } };
      if (!res.ok || !("secret" in body)) throw new Error(("error" in body && body.error?.message) || `The server answered ${res.status}.`);
      setState({ kind: "shown", url: body.url, secret: body.secret });
    } catch (e) {
      setState({ kind: "error", message: `Could not load the bounce webhook settings: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  return (
    <section aria-labelledby="bounce-webhook-title" style={{ marginTop: 32 }}>
      <h2 id="bounce-webhook-title">Bounce reports</h2>
      <p className="muted">
        Point your mail provider&apos;s bounce webhook here: bounced digests are then logged against their subscription, next to SMTP
        errors.
      </p>
      {state.kind === "shown" ? (
        <>
          <p data-testid="bounce-webhook">
            <code>POST {state.url}</code> with <code>Authorization: Bearer {state.secret}</code> and a JSON body{" "}
            <code>{`{"messageId", "recipient", "reason"}`}</code>.
          </p>
          <button type="button" className="btn" onClick={() => setState({ kind: "hidden" })}>
            Hide the secret
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => void show()} disabled={state.kind === "loading"}>
          {state.kind === "loading" ? "Loading…" : "Show the webhook address and secret"}
        </button>
      )}
      {state.kind === "error" && (
        <p className="alert" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
