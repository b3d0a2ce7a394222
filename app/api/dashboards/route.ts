import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { createDashboard } from "@/lib/dashboards/create-dashboard";
import { listDashboards } from "@/lib/dashboards/list-dashboards";
import { createDashboardSchema } from "@/lib/dashboards/schemas";
import { errorResponse } from "@/lib/errors";

export async function GET() {
  try {
    const user = await requireUser();
    const dashboards = await listDashboards(user);
    return Response.json({ dashboards: dashboards.map((d) => ({ id: d.id, title: d.title, isPrivate: d.isPrivate })) });
  } catch (e) {
    return errorResponse(e);
  }
}

export async function POST(req: Request) {
  try {
    const user = await requireUser();
    assertAllowed(canEditContent(user), "create dashboards");
    const input = createDashboardSchema.parse(await req.json());
    const dashboard = await createDashboard(user, input);
    return Response.json({ id: dashboard.id }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
