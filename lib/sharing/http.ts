// Small HTTP helpers shared by the sharing route handlers.
import { AppError } from "@/lib/errors";

/** Public responses are never kept by browsers or proxies: a revoked link must stop working at once. */
export const PUBLIC_HEADERS = { "cache-control": "no-store", "x-robots-tag": "noindex, nofollow" } as const;

/** The JSON body, or {} when there is none (every field of these bodies is optional); bad JSON is a 400. */
export async function readOptionalJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/** Content-Disposition for a download; `filename` must already be sanitized (lib/export/csv sanitizeFilename). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}
