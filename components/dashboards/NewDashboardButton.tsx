"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function NewDashboardButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const res = await fetch("/api/dashboards", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title }) });
    const data = (await res.json()) as { id?: string; error?: { message: string } };
    if (!res.ok || !data.id) return setError(data.error?.message ?? "Could not create the dashboard.");
    router.push(`/dashboards/${data.id}`);
  }

  if (!open)
    return (
      <button className="btn btn-primary" onClick={() => setOpen(true)}>
        New dashboard
      </button>
    );
  return (
    <form className="row" onSubmit={create}>
      <input className="input" aria-label="New dashboard title" placeholder="Dashboard title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
      <button className="btn btn-primary" type="submit" disabled={!title.trim()}>
        Create
      </button>
      {error && <span className="alert" role="alert">{error}</span>}
    </form>
  );
}
