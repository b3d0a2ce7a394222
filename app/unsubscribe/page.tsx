// The page a digest's unsubscribe link opens. Public (the signed link is the authorization): it names the
// dashboard and the address, asks to confirm, and the button records the opt-out.
import { notFound } from "next/navigation";
import { findUnsubscribeSubject } from "@/lib/digests/record-opt-out";
import { readUnsubscribeQuery } from "@/lib/digests/unsubscribe-token";
import { getRuntimeEnv } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Unsubscribe", robots: { index: false } };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const target = readUnsubscribeQuery(query, getRuntimeEnv().AUTH_SECRET);
  if (!target) notFound();
  const subject = await findUnsubscribeSubject(target);
  if (!subject) notFound();
  // Only the stored opt-out says "unsubscribed": `done=1` (the confirm button's redirect) can be typed into
  // any valid link, and must not confirm an opt-out that was never recorded.
  const done = subject.optedOut;
  const action = `/api/unsubscribe?${new URLSearchParams({ s: target.subscriptionId, e: target.email, t: String(query.t) }).toString()}`;
  return (
    <main className="page">
      <div className="card empty" style={{ maxWidth: 520, margin: "48px auto", padding: 24 }}>
        {done ? (
          <>
            <h1>You are unsubscribed</h1>
            <p data-testid="unsubscribed">
              <strong>{target.email}</strong> will no longer receive the “{subject.dashboardTitle}” digest.
            </p>
            <form method="post" action={action}>
              <input type="hidden" name="resubscribe" value="1" />
              <p className="muted">Unsubscribed by mistake?</p>
              <button type="submit" className="btn">
                Subscribe again
              </button>
            </form>
          </>
        ) : (
          <>
            {/* Only said while the address is subscribed: true whoever typed `resubscribed=1`. */}
            {query.resubscribed === "1" && (
              <p data-testid="resubscribed">
                <strong>{target.email}</strong> is subscribed to the “{subject.dashboardTitle}” digest again.
              </p>
            )}
            <h1>Unsubscribe?</h1>
            <p>
              Stop emailing the “{subject.dashboardTitle}” digest to <strong>{target.email}</strong>?
            </p>
            <form method="post" action={action}>
              <input type="hidden" name="confirm" value="1" />
              <button type="submit" className="btn btn-primary">
                Unsubscribe
              </button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
