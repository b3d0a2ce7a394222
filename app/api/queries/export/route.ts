import { assertAllowed, canRunSql } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { sanitizeFilename } from "@/lib/export/csv";
import { exportErrorOf, setExportStatus, withOutcome } from "@/lib/export/export-status";
import { EXPORT_FORMATS, exportQuery } from "@/lib/export/export-query";
import { prepareQuery, withOriginalPosition } from "@/lib/queries/prepare-query";
import { exportQueryBodySchema } from "@/lib/queries/schemas";

/**
 * The full result of a query as a CSV or Excel (.xlsx) download (`format`, CSV by default). The body is JSON, or a form with a `payload` field holding
 * that JSON (so a plain <form> submit can download without holding the file in the page). With an
 * `exportId`, how the download ended is recorded for GET /api/queries/export/:exportId.
 */
export async function POST(req: Request) {
  let track: ((status: Parameters<typeof setExportStatus>[2]) => Promise<void>) | undefined;
  try {
    const user = await requireUser();
    assertAllowed(canRunSql(user), "export query results");
    const body = exportQueryBodySchema.parse(await readPayload(req));
    const { exportId } = body;
    if (exportId) {
      track = (status) => setExportStatus(exportId, user.id, status);
      await track({ state: "running" });
    }
    const prepared = await prepareQuery(body);
    let stream: ReadableStream<Uint8Array>;
    try {
      // The request signal: a client that leaves stops the wait for a slot, or the export itself.
      stream = await exportQuery(body.format, { dataSourceId: body.dataSourceId, text: prepared.text, values: prepared.values, signal: req.signal });
    } catch (e) {
      throw withOriginalPosition(e, prepared);
    }
    if (track) {
      const record = track;
      stream = withOutcome(stream, (outcome) =>
        record(outcome.state === "failed" ? { state: "failed", error: exportErrorOf(withOriginalPosition(outcome.error, prepared)) } : outcome),
      );
    }
    const { contentType, extension } = EXPORT_FORMATS[body.format];
    return new Response(stream, {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="${sanitizeFilename(body.filename)}.${extension}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    // The page reads this error from its frame; the record only ends its asking.
    await track?.({ state: "refused" });
    return errorResponse(e);
  }
}

async function readPayload(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      const payload = (await req.formData()).get("payload");
      if (typeof payload !== "string") throw new AppError("BAD_REQUEST", "The form has no payload field.");
      return JSON.parse(payload);
    }
    return await req.json();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}
