// Browser-side calls to the APIs the SQL page uses. Errors come back as ApiError with the server's message.
import { randomUuid } from "@/components/ui/random-uuid";
import type { ExportState } from "@/lib/export/export-status";
import type { ParameterSpec, ParameterValue } from "@/lib/queries/parameters";
import type { RunQueryBody } from "@/lib/queries/schemas";
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

/** The body of POST /api/queries/run: the same zod schema validates it on the server. */
export type RunQueryInput = RunQueryBody;

export type RunQueryResponse = QueryResult & { runId?: string; computedAt?: string; startedAt?: string; cached?: boolean; joined?: boolean };

export function runQueryRequest(input: RunQueryInput, signal?: AbortSignal) {
  return call<RunQueryResponse>("/api/queries/run", { method: "POST", body: JSON.stringify(input), signal });
}

/** Cancels a run on the server; the run's own request then fails with "Query cancelled". */
export function cancelRunRequest(runId: string) {
  return call<{ cancelled: boolean }>(`/api/queries/runs/${encodeURIComponent(runId)}/cancel`, { method: "POST", body: "{}" });
}

export interface HistoryRun {
  id: string;
  /** Null once the data source was deleted. */
  dataSourceId: string | null;
  dataSourceName: string;
  sql: string;
  parameters?: ParameterSpec[] | null;
  values?: Record<string, ParameterValue> | null;
}

export function getHistoryRunRequest(id: string) {
  return call<HistoryRun>(`/api/queries/history/${encodeURIComponent(id)}`);
}

export interface Snippet {
  id: string;
  name: string;
  sql: string;
  description: string | null;
}

export function listSnippetsRequest() {
  return call<{ snippets: Snippet[] }>("/api/snippets");
}

const EXPORT_FRAME = "spyglass-export";

/**
 * Downloads a query's full result as CSV or XLSX: a hidden form POST, so the browser streams the file to disk
 * natively instead of holding it in memory. The form posts into a hidden frame: a download leaves the page as
 * it is, and an error answer (JSON: a SQL error, a bad parameter, an unreachable warehouse) loads in the
 * frame, where it is read and handed to `onError` instead of replacing the SQL page with raw JSON.
 */
export function submitExport(
  payload: {
    dataSourceId: string;
    sql: string;
    parameters: ParameterSpec[];
    values: Record<string, ParameterValue>;
    format: "csv" | "xlsx";
  },
  onError: (error: ApiError) => void,
) {
  const exportId = randomUuid();
  let reported = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = (error: ApiError) => {
    if (reported) return;
    reported = true;
    clearTimeout(timer);
    onError(error);
  };
  const frame = exportFrame();
  // A download does not load the frame; only an answer the browser shows (the error) does.
  frame.onload = () => {
    // A new frame's first (blank) document may report its load after this: that is not an answer.
    if (frame.contentWindow?.location.href === "about:blank") return;
    report(readExportError(frame));
  };
  // A failure once the file is streaming only cuts the download short (the browser says "network error"):
  // the page asks the server how the download ended, and shows the reason.
  const started = Date.now();
  const ask = async () => {
    try {
      const res = await fetch(`/api/queries/export/${exportId}`, { headers: { accept: "application/json" }, cache: "no-store" });
      const status = res.ok ? ((await res.json()) as ExportState) : null;
      if (status?.state === "failed") {
        const { message, code, ...details } = status.error;
        report(new ApiError(`The download stopped part-way, so the file is incomplete: ${message}`, 0, code, { ...details, message, code }));
        return;
      }
      if (status && ["done", "cancelled", "refused"].includes(status.state)) return;
      // Never heard of (the request has not arrived yet, or no shared store): give up after a while.
      if (status?.state === "unknown" && Date.now() - started > EXPORT_UNKNOWN_GIVE_UP_MS) return;
    } catch {
      // A network blip: ask again.
    }
    if (!reported) timer = setTimeout(() => void ask(), EXPORT_POLL_MS);
  };
  timer = setTimeout(() => void ask(), EXPORT_POLL_MS);
  const form = document.createElement("form");
  form.method = "post";
  form.action = "/api/queries/export";
  form.target = EXPORT_FRAME;
  form.style.display = "none";
  const field = document.createElement("input");
  field.type = "hidden";
  field.name = "payload";
  field.value = JSON.stringify({ ...payload, exportId });
  form.appendChild(field);
  document.body.appendChild(form);
  form.submit();
  form.remove();
}

/** How often the page asks how a download is going; how long it asks about one the server never heard of. */
const EXPORT_POLL_MS = 1_000;
const EXPORT_UNKNOWN_GIVE_UP_MS = 30_000;

/** The page's one hidden export frame (kept: removing it could cut a download short). */
function exportFrame(): HTMLIFrameElement {
  const existing = document.querySelector<HTMLIFrameElement>(`iframe[name="${EXPORT_FRAME}"]`);
  if (existing) return existing;
  const frame = document.createElement("iframe");
  frame.name = EXPORT_FRAME;
  frame.title = "Export";
  frame.hidden = true;
  document.body.appendChild(frame);
  return frame;
}

function readExportError(frame: HTMLIFrameElement): ApiError {
  const text = frame.contentDocument?.body?.textContent ?? "";
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } & Record<string, unknown> }).error;
    if (error?.message) return new ApiError(error.message, 0, error.code ?? "UNKNOWN", error);
  } catch {
    // Not JSON (a proxy's error page): say so in general terms.
  }
  return new ApiError("The export failed: the server did not send the file.", 0, "UNKNOWN", {});
}

export function createChartRequest(body: CreateChartBody) {
  return call<{ id: string }>("/api/charts", { method: "POST", body: JSON.stringify(body) });
}

export function getChartRequest(id: string) {
  return call<ChartRecord>(`/api/charts/${encodeURIComponent(id)}`);
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
