"use client";

import { copyText } from "@/components/ui/copy-text";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import type { CreatedInvite } from "@/lib/invites/create-invite";
import type { InviteRow } from "@/lib/invites/list-invites";
import { createInviteSchema } from "@/lib/invites/schemas";
import type { UserRow } from "@/lib/users/list-users";
import { ROLES } from "@/lib/users/schemas";
import { day, roleHelp, roleLabel } from "./roles";
import styles from "./people.module.css";

type ApiError = { error?: { message?: string } };

/** A link the admin passes on, shown with what happened to the email. */
type ShownLink = { url: string; message: string; tone: "ok" | "notice" };

async function send<T>(
  url: string,
  method: string,
  body?: unknown,
): Promise<{ ok: true; data: T } | { ok: false; status: number; message: string }> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = res.status === 204 ? null : ((await res.json().catch(() => null)) as (T & ApiError) | null);
    if (!res.ok) return { ok: false, status: res.status, message: data?.error?.message ?? `The server answered ${res.status}.` };
    return { ok: true, data: data as T };
  } catch {
    return { ok: false, status: 0, message: "Could not reach Spyglass. Check your connection and try again." };
  }
}

export function PeopleAdmin({
  currentUserId,
  initialUsers,
  initialInvites,
  smtpConfigured,
}: {
  currentUserId: string;
  initialUsers: UserRow[];
  initialInvites: InviteRow[];
  smtpConfigured: boolean;
}) {
  const [users, setUsers] = useState(initialUsers);
  const [invites, setInvites] = useState(initialInvites);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [link, setLink] = useState<ShownLink | null>(null);
  const router = useRouter();

  /** Shows the server's message; a 401 means this session is over (e.g. deactivated by another admin). */
  function fail(res: { status: number; message: string }) {
    if (res.status === 401) {
      router.replace("/signin");
      router.refresh();
    }
    setError(res.message);
  }

  async function updateUser(user: UserRow, change: { role?: Role; active?: boolean }) {
    const self = user.id === currentUserId;
    if (self && change.active === false && !window.confirm("Deactivate your own account? You will be signed out at once.")) return;
    setBusy(user.id);
    setError(null);
    const res = await send<{ user: UserRow }>(`/api/users/${user.id}`, "PATCH", change);
    setBusy(null);
    if (!res.ok) return fail(res);
    setUsers((list) => list.map((u) => (u.id === user.id ? res.data.user : u)));
    // Changing your own account takes effect on your next request: show what you may do now.
    if (self && !res.data.user.active) router.replace("/signin");
    if (self && (!res.data.user.active || res.data.user.role !== "ADMIN")) router.refresh();
  }

  async function invite(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = createInviteSchema.safeParse({ email: form.get("email"), role: form.get("role") });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join(" "));
    const formEl = e.currentTarget;
    setBusy("invite");
    setError(null);
    setLink(null);
    const res = await send<CreatedInvite>("/api/invites", "POST", parsed.data);
    setBusy(null);
    if (!res.ok) return fail(res);
    const { invite: created, url, delivery } = res.data;
    setInvites((list) => [created, ...list.filter((i) => i.email.toLowerCase() !== created.email.toLowerCase())]);
    setLink({ url, message: `Invitation for ${created.email} created. ${delivery.message}`, tone: delivery.sent ? "ok" : "notice" });
    formEl.reset();
  }

  async function newLink(row: InviteRow) {
    setBusy(row.id);
    setError(null);
    const res = await send<{ invite: InviteRow; url: string }>(`/api/invites/${row.id}/link`, "POST");
    setBusy(null);
    if (!res.ok) return fail(res);
    setInvites((list) => list.map((i) => (i.id === row.id ? res.data.invite : i)));
    const copied = await copyText(res.data.url);
    setLink({
      url: res.data.url,
      message: `New link for ${row.email}${copied ? ", copied to the clipboard" : ""}. The earlier link no longer works; this one expires on ${day(res.data.invite.expiresAt)}.`,
      tone: "notice",
    });
  }

  async function revoke(row: InviteRow) {
    setBusy(row.id);
    setError(null);
    const res = await send<null>(`/api/invites/${row.id}`, "DELETE");
    setBusy(null);
    if (!res.ok) return fail(res);
    setInvites((list) => list.filter((i) => i.id !== row.id));
    setLink(null);
  }

  return (
    <main className="page">
      <div className={styles.head}>
        <h1>People</h1>
        <p className="muted">
          Admins manage people, data sources and settings; editors write SQL and build charts and dashboards; viewers open them.
        </p>
      </div>

      {error && (
        <p className={`alert ${styles.alert}`} role="alert">
          {error}
        </p>
      )}

      <section className={styles.section} aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <form className={`card ${styles.inviteForm}`} onSubmit={invite} noValidate aria-label="Invite someone">
          <div className="field">
            <label htmlFor="invite-email">Email</label>
            <input className={`input ${styles.email}`} id="invite-email" name="email" type="email" autoComplete="off" required />
          </div>
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select className="input" id="invite-role" name="role" defaultValue="EDITOR">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel[r]} — {roleHelp[r]}
                </option>
              ))}
            </select>
          </div>
          <button className="btn btn-primary" type="submit" disabled={busy === "invite"}>
            {busy === "invite" ? "Creating…" : "Create invite"}
          </button>
        </form>
        <p className={`muted ${styles.hint}`}>
          {smtpConfigured
            ? "The invitation is emailed, and you also get its link to copy. Links work once and expire after 7 days."
            : "No SMTP server is configured, so no email is sent: you get a link to send yourself. Links work once and expire after 7 days."}
        </p>
        {link && <LinkPanel link={link} />}
      </section>

      <section className={styles.section} aria-labelledby="invites-heading">
        <h2 id="invites-heading">Pending invites</h2>
        {invites.length === 0 ? (
          <div className="card empty">No pending invites.</div>
        ) : (
          <div className="card">
            <table className={styles.table} aria-labelledby="invites-heading">
              <thead>
                <tr>
                  <th>Email</th>
                  <th>Role</th>
                  <th>Invited by</th>
                  <th>Expires</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {invites.map((i) => (
                  <tr key={i.id}>
                    <td>{i.email}</td>
                    <td>{roleLabel[i.role]}</td>
                    <td>{i.invitedBy ?? "—"}</td>
                    <td>{day(i.expiresAt)}</td>
                    <td>
                      <div className={styles.actions}>
                        <button
                          className="btn"
                          type="button"
                          aria-label={`Copy new link for ${i.email}`}
                          title="Only a fingerprint of each link is stored, so this makes a new link (the earlier one stops working) and copies it."
                          disabled={busy === i.id}
                          onClick={() => void newLink(i)}
                        >
                          Copy new link
                        </button>
                        <button
                          className="btn btn-danger"
                          type="button"
                          aria-label={`Revoke invite for ${i.email}`}
                          disabled={busy === i.id}
                          onClick={() => void revoke(i)}
                        >
                          Revoke
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <div className="card">
          <table className={styles.table} aria-labelledby="users-heading">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Status</th>
                <th>Created</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.active ? undefined : styles.inactive}>
                  <td>
                    {u.name}
                    {u.id === currentUserId && <span className={styles.you}>(you)</span>}
                  </td>
                  <td>{u.email}</td>
                  <td>
                    <select
                      className="input"
                      aria-label={`Role of ${u.email}`}
                      value={u.role}
                      disabled={busy === u.id}
                      onChange={(e) => void updateUser(u, { role: e.target.value as Role })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {roleLabel[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <span className={`${styles.badge} ${u.active ? styles.badgeActive : styles.badgeInactive}`}>
                      {u.active ? "Active" : "Deactivated"}
                    </span>
                  </td>
                  <td>{day(u.createdAt)}</td>
                  <td>
                    <div className={styles.actions}>
                      <button
                        className={u.active ? "btn btn-danger" : "btn"}
                        type="button"
                        aria-label={`${u.active ? "Deactivate" : "Reactivate"} ${u.email}`}
                        title={u.active ? "Signs them out everywhere at once; their content stays." : undefined}
                        disabled={busy === u.id}
                        onClick={() => void updateUser(u, { active: !u.active })}
                      >
                        {u.active ? "Deactivate" : "Reactivate"}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}

function LinkPanel({ link }: { link: ShownLink }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className={`${link.tone === "ok" ? "card" : "notice"} ${styles.link}`} role="status">
      <p>{link.message}</p>
      <div className={styles.linkRow}>
        <label htmlFor="invite-link" className={styles.srOnly}>
          Invite link
        </label>
        <input ref={input} id="invite-link" className="input" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
        <button
          className="btn"
          type="button"
          onClick={async () => {
            input.current?.select();
            setCopied(await copyText(link.url));
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
      {copied === false && <p className="muted">Your browser did not allow copying: select the link and copy it yourself.</p>}
    </div>
  );
}
