"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "./auth.module.css";

export function SetupForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
    if (body.password !== form.get("confirm")) {
      setError("The two passwords differ.");
      return;
    }
    setBusy(true);
    setError(null);
    const res = await fetch("/api/setup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setBusy(false);
      setError(data?.error?.message ?? "Could not create the account.");
      return;
    }
    const signedIn = await signIn("credentials", { email: String(body.email), password: String(body.password), redirect: false });
    if (!signedIn || signedIn.error) {
      router.replace("/signin?welcome=1");
      return;
    }
    router.replace("/dashboards");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="name">Your name</label>
        <input className="input" id="name" name="name" autoComplete="name" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input className="input" id="email" name="email" type="email" autoComplete="email" required />
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
        {busy ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}
