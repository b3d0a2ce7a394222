"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "@/components/auth/auth.module.css";
import { acceptInviteSchema } from "@/lib/invites/schemas";

/** Name and password for the account an invitation creates; the email and role come with the invitation. */
export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // The same schema the server applies, so mistakes show before a round trip.
    const parsed = acceptInviteSchema.safeParse({ name: form.get("name"), password: form.get("password") });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join(" "));
    if (parsed.data.password !== form.get("confirm")) return setError("The two passwords differ.");
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/invites/token/${encodeURIComponent(token)}/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(parsed.data),
    }).catch(() => null);
    if (!res || !res.ok) {
      const data = (await res?.json().catch(() => null)) as { error?: { message?: string } } | null;
      setBusy(false);
      setError(data?.error?.message ?? "Could not create the account. Try again.");
      return;
    }
    const signedIn = await signIn("credentials", { email, password: parsed.data.password, redirect: false });
    if (!signedIn || signedIn.error) {
      router.replace(`/signin?email=${encodeURIComponent(email)}`);
      return;
    }
    router.replace("/dashboards");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input className="input" id="email" name="email" type="email" value={email} readOnly />
      </div>
      <div className="field">
        <label htmlFor="name">Your name</label>
        <input className="input" id="name" name="name" autoComplete="name" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input className="input" id="password" name="password" type="password" autoComplete="new-password" minLength={8} required />
      </div>
      <div className="field">
        <label htmlFor="confirm">Confirm password</label>
        <input className="input" id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <button className={`btn btn-primary ${styles.submit}`} type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
