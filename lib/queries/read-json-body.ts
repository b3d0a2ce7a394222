import { AppError } from "@/lib/errors";

/** The request's JSON body; malformed JSON is a 400, not a 500. */
export async function readJsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}
