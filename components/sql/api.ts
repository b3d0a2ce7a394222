// Browser-side calls to the APIs the SQL page uses. Errors come back as ApiError with the server's message.
import type { QueryResult } from "@/lib/warehouse/types";
import type { ChartRecord } from "@/lib/charts/chart-record";
import type { CreateChartBody, UpdateChartBody } from "@/lib/charts/schemas";

export class ApiError extends Error {
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
  const res = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
  });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } & Record<string, unknown> } | null)?.error;
    throw new ApiError(error?.message ?? `The server answered ${res.status}.`, res.status, error?.code ?? "UNKNOWN", error ?? {});
  }
  return body as T;
}

export function runQueryRequest(dataSourceId: string, sql: string, signal?: AbortSignal) {
  return call<QueryResult>("/api/queries/run", { method: "POST", body: JSON.stringify({ dataSourceId, sql }), signal });
}

export function createChartRequest(body: CreateChartBody) {
  return call<{ id: string }>("/api/charts", { method: "POST", body: JSON.stringify(body) });
}

export function updateChartRequest(id: string, body: UpdateChartBody) {
  return call<ChartRecord>(`/api/charts/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(body) });
}

export function listDashboardsRequest() {
  return call<{ dashboards: { id: string; title: string }[] }>("/api/dashboards");
}

export function createDashboardRequest(title: string) {
  return call<{ id: string }>("/api/dashboards", { method: "POST", body: JSON.stringify({ title }) });
}

export function addTileRequest(dashboardId: string, chartId: string) {
  return call<{ id: string }>(`/api/dashboards/${encodeURIComponent(dashboardId)}/tiles`, {
    method: "POST",
    body: JSON.stringify({ chartId }),
  });
}
