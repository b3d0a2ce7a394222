// Browser-side calls to the version APIs. Errors come back as VersionApiError with the server's message.
import type { RestoreResponse, VersionDetailResponse, VersionKind, VersionListResponse } from "@/lib/versions/types";

export class VersionApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } & Record<string, unknown> } | null)?.error;
    throw new VersionApiError(error?.message ?? `The server answered ${res.status}.`, res.status, error?.code ?? "UNKNOWN", error ?? {});
  }
  return body as T;
}

const base = (kind: VersionKind, id: string) => `/api/${kind === "chart" ? "charts" : "dashboards"}/${encodeURIComponent(id)}/versions`;

export function listVersionsRequest(kind: VersionKind, id: string, before?: number) {
  return call<VersionListResponse>(`${base(kind, id)}${before ? `?before=${before}` : ""}`);
}

export function getVersionRequest(kind: VersionKind, id: string, version: number) {
  return call<VersionDetailResponse>(`${base(kind, id)}/${version}`);
}

/** `currentVersion` is the version the page shows; a newer one on the server answers 409 CONFLICT. */
export function restoreVersionRequest(kind: VersionKind, id: string, version: number, currentVersion: number) {
  return call<RestoreResponse>(`${base(kind, id)}/${version}/restore`, { method: "POST", body: JSON.stringify({ version: currentVersion }) });
}
