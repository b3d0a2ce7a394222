"use client";

// Sharing one dashboard: the internal link (needs sign-in), public links (create with an optional expiry,
// copy, rotate, revoke; who made each, when, until when, when last used) and downloads (PNG, PDF, a CSV
// per chart). The server decides who may do what; this panel only shows its answers. Every link and
// download carries the filter values of the view it was opened from (`filterQuery`, "f.<name>=..."): the
// server binds them as parameters, as it does for the dashboard page.
import { copyText } from "@/components/ui/copy-text";
import { useEffect, useState } from "react";
import type { DashboardView } from "@/lib/dashboards/get-dashboard-view";
import { createShareLinkSchema, type ShareLinkView } from "@/lib/sharing/schemas";
import styles from "./sharing.module.css";

type Download = "png" | "pdf" | `csv:${string}`;

async function readError(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `Request failed (HTTP ${res.status})`;
}

function formatDate(iso: string | null): string {
  if (!iso) return "";
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleString();
  }
}

/** The end of the chosen day in the browser's time zone: a link "expiring on the 5th" works all that day. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999`).toISOString();
}

/** Saves a response body as a file, with the name the server gave it. */
async function saveResponse(res: Response, fallbackName: string) {
  const disposition = res.headers.get("content-disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const statusLabel: Record<ShareLinkView["status"], string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

/** `url` with the filter query appended ("" leaves it as is). */
function withQuery(url: string, query: string): string {
  if (!query) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${query}`;
}

function LinkItem({
  link,
  filterQuery,
  busy,
  copied,
  onCopy,
  onRotate,
  onRevoke,
}: {
  link: ShareLinkView;
  filterQuery: string;
  busy: boolean;
  copied: boolean;
  onCopy: () => void;
  onRotate: () => void;
  onRevoke: () => void;
}) {
  const created = `Created ${formatDate(link.createdAt)}${link.createdBy ? ` by ${link.createdBy.name}` : ""}`;
  const expiry =
    link.status === "revoked"
      ? `Revoked ${formatDate(link.revokedAt)}`
      : link.expiresAt
        ? `${link.status === "expired" ? "Expired" : "Expires"} ${formatDate(link.expiresAt)}`
        : "Never expires";
  const used = link.lastUsedAt ? `Last opened ${formatDate(link.lastUsedAt)}` : "Never opened";
  return (
    <li className={styles.item} data-testid="share-link">
      <div className={styles.itemMain}>
        <span className={`${styles.badge} ${styles[link.status]}`}>{statusLabel[link.status]}</span>
        {link.url && (
          <input className={`input ${styles.url}`} readOnly value={withQuery(link.url, filterQuery)} aria-label="Public link" onFocus={(e) => e.currentTarget.select()} />
        )}
        <div className={styles.meta}>
          {created} · {expiry} · {used}
        </div>
      </div>
      {link.status !== "revoked" && (
        <div className={styles.actions}>
          {link.url && (
            <button type="button" className="btn" onClick={onCopy} disabled={busy}>
              {copied ? "Copied" : "Copy"}
            </button>
          )}
          <button type="button" className="btn" onClick={onRotate} disabled={busy} title="Replace this link with a new one; the old one stops working">
            Rotate
          </button>
          <button type="button" className="btn btn-danger" onClick={onRevoke} disabled={busy}>
            Revoke
          </button>
        </div>
      )}
    </li>
  );
}

export function SharePanel({ dashboardId, canEdit, filterQuery = "" }: { dashboardId: string; canEdit: boolean; filterQuery?: string }) {
  const base = `/api/dashboards/${encodeURIComponent(dashboardId)}`;
  const [links, setLinks] = useState<ShareLinkView[] | null>(null);
  const [linksError, setLinksError] = useState<string | null>(null);
  const [expiry, setExpiry] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [charts, setCharts] = useState<{ id: string; title: string; hasData: boolean }[] | null>(null);
  const [downloading, setDownloading] = useState<Download | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!canEdit) return;
    let cancelled = false;
    (async () => {
      try {
        const res = await fetch(`${base}/share-links`, { cache: "no-store" });
        if (cancelled) return;
        if (!res.ok) {
          setLinksError(await readError(res));
          return;
        }
        const body = (await res.json()) as { links: ShareLinkView[] };
        if (!cancelled) {
          setLinksError(null);
          setLinks(body.links);
        }
      } catch {
        if (!cancelled) setLinksError("Could not load the public links: the server did not answer.");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [base, canEdit, version]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const res = await fetch(`${base}/results`, { cache: "no-store" });
        if (!res.ok || cancelled) return;
        const view = (await res.json()) as DashboardView;
        const seen = new Set<string>();
        const list = view.tiles.flatMap((t) => {
          if (!t.chart || seen.has(t.chart.id)) return [];
          seen.add(t.chart.id);
          return [{ id: t.chart.id, title: t.chart.title, hasData: Boolean(t.result?.computedAt) }];
        });
        if (!cancelled) setCharts(list);
      } catch {
        if (!cancelled) setCharts([]);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [base]);

  async function copy(key: string, text: string) {
    if (await copyText(text)) {
      setCopied(key);
      setTimeout(() => setCopied((c) => (c === key ? null : c)), 2000);
    } else {
      setMessage({ kind: "error", text: `Could not copy automatically; select the link and copy it: ${text}` });
    }
  }

  async function createLink(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setMessage(null);
    const body = { expiresAt: expiry ? endOfDay(expiry) : null };
    const parsed = createShareLinkSchema.safeParse(body);
    if (!parsed.success) {
      setMessage({ kind: "error", text: parsed.error.issues[0]?.message ?? "Check the expiry date." });
      return;
    }
    setBusy(true);
    try {
      const res = await fetch(`${base}/share-links`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) {
        setMessage({ kind: "error", text: await readError(res) });
        return;
      }
      const { link } = (await res.json()) as { link: ShareLinkView };
      setLinks((prev) => [link, ...(prev ?? [])]);
      setExpiry("");
      if (link.url && (await copyText(withQuery(link.url, filterQuery)))) setMessage({ kind: "ok", text: "Public link created and copied." });
      else setMessage({ kind: "ok", text: "Public link created." });
    } finally {
      setBusy(false);
    }
  }

  async function rotate(link: ShareLinkView) {
    if (!window.confirm("Replace this link with a new one? The current link stops working at once.")) return;
    setMessage(null);
    setBusy(true);
    try {
      const res = await fetch(`${base}/share-links/${encodeURIComponent(link.id)}/rotate`, { method: "POST" });
      if (!res.ok) {
        setMessage({ kind: "error", text: await readError(res) });
        setVersion((v) => v + 1);
        return;
      }
      const rotated = (await res.json()) as { revoked: ShareLinkView; link: ShareLinkView };
      setLinks((prev) => [rotated.link, ...(prev ?? []).map((l) => (l.id === rotated.revoked.id ? rotated.revoked : l))]);
      if (rotated.link.url && (await copyText(withQuery(rotated.link.url, filterQuery)))) setMessage({ kind: "ok", text: "New link created and copied; the old one no longer works." });
      else setMessage({ kind: "ok", text: "New link created; the old one no longer works." });
    } finally {
      setBusy(false);
    }
  }

  async function revoke(link: ShareLinkView) {
    if (!window.confirm("Revoke this link? Anyone who opens it will get a “not available” page.")) return;
    setMessage(null);
    setBusy(true);
    try {
      const res = await fetch(`${base}/share-links/${encodeURIComponent(link.id)}`, { method: "DELETE" });
      if (!res.ok) {
        setMessage({ kind: "error", text: await readError(res) });
        return;
      }
      const { link: revoked } = (await res.json()) as { link: ShareLinkView };
      setLinks((prev) => (prev ?? []).map((l) => (l.id === revoked.id ? revoked : l)));
      setMessage({ kind: "ok", text: "Link revoked." });
    } finally {
      setBusy(false);
    }
  }

  async function download(kind: Download, url: string, fallbackName: string) {
    setDownloadError(null);
    setDownloading(kind);
    try {
      const res = await fetch(url, { cache: "no-store" });
      if (!res.ok) {
        setDownloadError(await readError(res));
        return;
      }
      await saveResponse(res, fallbackName);
    } catch {
      setDownloadError("The download failed: the server did not answer.");
    } finally {
      setDownloading(null);
    }
  }

  const internalLink = () => withQuery(`${window.location.origin}/dashboards/${encodeURIComponent(dashboardId)}`, filterQuery);

  return (
    <section className={`card ${styles.panel}`} aria-label="Share">
      <div className={styles.section}>
        <h3>Internal link</h3>
        <p className="muted">
          Opens the dashboard for people signed in to Spyglass{filterQuery ? ", with the filters you set" : ""}. Pasted in Slack, it shows the title
          only.
        </p>
        <button type="button" className="btn" onClick={() => void copy("internal", internalLink())}>
          {copied === "internal" ? "Copied" : "Copy internal link"}
        </button>
      </div>

      <div className={styles.section}>
        <h3>Public links</h3>
        {!canEdit ? (
          <p className="muted">Editors can make public links that open this dashboard without signing in.</p>
        ) : (
          <>
            <p className="muted">
              Anyone with a public link sees this dashboard and its numbers, read-only, without signing in; never the SQL. Slack shows
              its title, description and a snapshot.{filterQuery ? " Copied links open with the filters you set; viewers can change them." : ""}
            </p>
            <form className={styles.form} onSubmit={(e) => void createLink(e)}>
              <div className="field">
                <label htmlFor={`share-expiry-${dashboardId}`}>Expires on (optional)</label>
                <input id={`share-expiry-${dashboardId}`} className="input" type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
              </div>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Create public link
              </button>
            </form>
            {message && (
              <p className={message.kind === "error" ? "alert" : `muted ${styles.status}`} role={message.kind === "error" ? "alert" : "status"}>
                {message.text}
              </p>
            )}
            {linksError && (
              <p className="alert" role="alert">
                {linksError}
              </p>
            )}
            {links === null && !linksError && <p className="muted">Loading…</p>}
            {links && links.length === 0 && <p className="muted">No public links yet.</p>}
            {links && links.length > 0 && (
              <ul className={styles.list}>
                {links.map((link) => (
                  <LinkItem
                    key={link.id}
                    link={link}
                    filterQuery={filterQuery}
                    busy={busy}
                    copied={copied === link.id}
                    onCopy={() => link.url && void copy(link.id, withQuery(link.url, filterQuery))}
                    onRotate={() => void rotate(link)}
                    onRevoke={() => void revoke(link)}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </div>

      <div className={styles.section}>
        <h3>Download</h3>
        <div className={styles.row}>
          <button type="button" className="btn" disabled={downloading !== null} onClick={() => void download("png", withQuery(`${base}/download?format=png`, filterQuery), "dashboard.png")}>
            {downloading === "png" ? "Rendering…" : "Download PNG"}
          </button>
          <button type="button" className="btn" disabled={downloading !== null} onClick={() => void download("pdf", withQuery(`${base}/download?format=pdf`, filterQuery), "dashboard.pdf")}>
            {downloading === "pdf" ? "Rendering…" : "Download PDF"}
          </button>
        </div>
        {charts && charts.length > 0 && (
          <ul className={styles.charts} aria-label="CSV of each chart">
            {charts.map((c) => (
              <li key={c.id}>
                <span className={styles.chartTitle} title={c.title}>
                  {c.title}
                </span>
                <button
                  type="button"
                  className="btn"
                  disabled={downloading !== null || !c.hasData}
                  title={c.hasData ? "The chart's latest result as CSV" : "No data yet"}
                  onClick={() =>
                    void download(
                      `csv:${c.id}`,
                      withQuery(`/api/charts/${encodeURIComponent(c.id)}/csv?dashboard=${encodeURIComponent(dashboardId)}`, filterQuery),
                      "chart.csv",
                    )
                  }
                >
                  {downloading === `csv:${c.id}` ? "Preparing…" : "CSV"}
                </button>
              </li>
            ))}
          </ul>
        )}
        {downloadError && (
          <p className="alert" role="alert">
            {downloadError}
          </p>
        )}
      </div>
    </section>
  );
}
