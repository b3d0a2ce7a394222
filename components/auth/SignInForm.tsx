"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import styles from "./auth.module.css";

export function SignInForm({ welcome }: { welcome?: boolean }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    setBusy(false);
    if (!res || res.error) {
      setError("That email and password do not match an active account.");
      return;
    }
    const next = params.get("callbackUrl");
    router.replace(next && next.startsWith("/") ? next : "/dashboards");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {welcome && <p className="notice">Your admin account is ready. Sign in with it.</p>}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input className="input" id="email" name="email" type="email" autoComplete="email" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input className="input" id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <button className={`btn btn-primary ${styles.submit}`} type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
