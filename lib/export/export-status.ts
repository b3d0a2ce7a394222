// How a download from the SQL page ended, for the page to ask. Once the file is streaming, a failure (a
// division by zero at row 7,000, the statement timeout) can only cut the download short, which the browser
// shows as "Failed - network error" without the reason, and the page (which posted a form into a hidden
// frame) sees nothing. So the export route records the outcome under an id the page chose, and the page asks
// for it while the download runs. Kept in Redis, since any web process may answer the page; in this
// process's memory when Redis is unreachable.
import { AppError } from "@/lib/errors";
import { tryRedis } from "@/lib/jobs/best-effort-redis";

export type ExportState =
  | { state: "running" }
  | { state: "done" }
  /** The reader went away (the download was cancelled in the browser). */
  | { state: "cancelled" }
  /** Failed once the file was streaming: the download was cut short. */
  | { state: "failed"; error: { code: string; message: string } & Record<string, unknown> }
  /** Refused before any byte of the file: the answer was the error itself, which the page already reads. */
  | { state: "refused" }
  /** Never recorded, expired, or someone else's. */
  | { state: "unknown" };

/** Long enough for a long download, short enough that nothing piles up. */
export const EXPORT_STATUS_TTL_MS = 2 * 60 * 60_000;
const key = (exportId: string) => `spyglass:export:${exportId}`;

type Stored = { userId: string; status: ExportState };
const g = globalThis as unknown as { spyglassExportStatus?: Map<string, Stored & { expiresAt: number }> };
const local = (g.spyglassExportStatus ??= new Map());

export async function setExportStatus(exportId: string, userId: string, status: ExportState): Promise<void> {
  const now = Date.now();
  for (const [id, entry] of local) if (entry.expiresAt <= now) local.delete(id);
  local.set(exportId, { userId, status, expiresAt: now + EXPORT_STATUS_TTL_MS });
  await tryRedis((r) => r.set(key(exportId), JSON.stringify({ userId, status } satisfies Stored), "PX", EXPORT_STATUS_TTL_MS));
}

/** The state of a user's export; another user's export is "unknown", as if it did not exist. */
export async function getExportStatus(exportId: string, userId: string): Promise<ExportState> {
  const raw = await tryRedis((r) => r.get(key(exportId)));
  const entry = raw ? (JSON.parse(raw) as Stored) : local.get(exportId);
  if (!entry || entry.userId !== userId) return { state: "unknown" };
  return entry.status;
}

/** An error as the API would send it (AppError fields), for the page's error box. */
export function exportErrorOf(e: unknown): { code: string; message: string } & Record<string, unknown> {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...e.details };
  return { code: "INTERNAL", message: "The export failed on the server." };
}

/**
 * The same bytes, with `onEnd` told how the stream ended: finished, failed (with the error) or cancelled
 * by the reader. Pulls one chunk per pull, so the export's backpressure is unchanged.
 */
export function withOutcome(
  stream: ReadableStream<Uint8Array>,
  onEnd: (outcome: { state: "done" } | { state: "failed"; error: unknown } | { state: "cancelled" }) => Promise<void>,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (e) {
          await onEnd({ state: "failed", error: e });
          controller.error(e);
          return;
        }
        if (chunk.done) {
          // Recorded before the browser sees the end, so a page asking right after finds it done.
          await onEnd({ state: "done" });
          controller.close();
          return;
        }
        controller.enqueue(chunk.value);
      },
      async cancel(reason) {
        await reader.cancel(reason);
        await onEnd({ state: "cancelled" });
      },
    },
    { highWaterMark: 1 },
  );
}
