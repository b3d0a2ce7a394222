import { assertAllowed, canRunSql } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";
import { runAdHocQuery } from "@/lib/queries/run-ad-hoc-query";
import { runQueryBodySchema } from "@/lib/queries/schemas";

/** Runs ad-hoc SQL from the SQL page: QueryResult & { runId, computedAt, cached }. */
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    assertAllowed(canRunSql(user), "run SQL");
    const body = runQueryBodySchema.parse(await readJsonBody(req));
    // The browser aborting the request (a new run, leaving the page) cancels the run like the cancel API.
    const result = await runAdHocQuery({ userId: user.id, ...body, signal: req.signal });
    return Response.json(result);
  } catch (e) {
    return errorResponse(e);
  }
}
