// Who may call each API route handler, one line per method. permission-matrix.int.test.ts calls every
// line against the running app as each role; permission-matrix.test.ts fails when app/api gains a route
// handler (or a method) that is not listed here, so a new route cannot skip the matrix.

/**
 * - public: no session needed (sign-in, health, first-run setup, invitation links)
 * - signed-in: any active account, viewers included (reads, refresh, favourites)
 * - editor: editors and admins; viewers get 403 (content writes, running SQL)
 * - admin: admins only; editors and viewers get 403 (people, invitations, data sources)
 */
export type Access = "public" | "signed-in" | "editor" | "admin";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** "METHOD /api/path/[param]" → who may call it. Paths are the folder names under app/api. */
export const API_MATRIX = {
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/health": "public",
  "POST /api/setup": "public",
  "GET /api/invites/token/[token]": "public",
  "POST /api/invites/token/[token]/accept": "public",
  // Public share links: the token in the address is the credential.
  "GET /api/share/[token]/results": "public",
  "GET /api/share/[token]/image.png": "public",
  "GET /api/share/[token]/filters/[name]/options": "public",
  // What link-preview bots get for an internal dashboard link: a neutral title, never data.
  "GET /api/share/unfurl/[id]": "public",
  // A digest's unsubscribe link: the signed query is the credential.
  "POST /api/unsubscribe": "public",
  // The mail provider's bounce reports: its Bearer secret is the credential, not a session.
  "POST /api/digests/bounces": "public",
  // The image a digest's Slack post shows (Slack fetches it signed out): the token in the address is the credential.
  "GET /api/digests/images/[file]": "public",

  "GET /api/charts/[id]": "signed-in",
  "GET /api/charts/[id]/csv": "signed-in",
  "PATCH /api/charts/[id]": "editor",
  "POST /api/charts": "editor",
  "GET /api/charts/[id]/versions": "signed-in",
  "GET /api/charts/[id]/versions/[version]": "signed-in",
  "POST /api/charts/[id]/versions/[version]/restore": "editor",
  "PATCH /api/charts/[id]/schedule": "editor",

  "GET /api/dashboards": "signed-in",
  "POST /api/dashboards": "editor",
  "PATCH /api/dashboards/[id]": "editor",
  "PUT /api/dashboards/[id]/layout": "editor",
  "POST /api/dashboards/[id]/refresh": "signed-in",
  "GET /api/dashboards/[id]/results": "signed-in",
  "GET /api/dashboards/[id]/subscriptions": "signed-in",
  "POST /api/dashboards/[id]/subscriptions": "editor",
  "GET /api/dashboards/[id]/subscriptions/recipients": "editor",
  "POST /api/dashboards/[id]/tiles": "editor",
  "GET /api/dashboards/[id]/versions": "signed-in",
  "GET /api/dashboards/[id]/versions/[version]": "signed-in",
  "POST /api/dashboards/[id]/versions/[version]/restore": "editor",
  "GET /api/dashboards/[id]/download": "signed-in",
  "GET /api/dashboards/[id]/filters": "signed-in",
  "PUT /api/dashboards/[id]/filters": "editor",
  "GET /api/dashboards/[id]/filters/[name]/options": "signed-in",
  "GET /api/dashboards/[id]/share-links": "editor",
  "POST /api/dashboards/[id]/share-links": "editor",
  "DELETE /api/dashboards/[id]/share-links/[linkId]": "editor",
  "POST /api/dashboards/[id]/share-links/[linkId]/rotate": "editor",

  "GET /api/data-sources": "signed-in",
  "POST /api/data-sources": "admin",
  "GET /api/data-sources/[id]": "admin",
  "PATCH /api/data-sources/[id]": "admin",
  "DELETE /api/data-sources/[id]": "admin",
  "GET /api/data-sources/[id]/schema": "editor",
  "POST /api/data-sources/test": "admin",

  "GET /api/favourites": "signed-in",
  "PUT /api/favourites": "signed-in",

  "POST /api/queries/export": "editor",
  "GET /api/queries/export/[exportId]": "editor",
  "GET /api/queries/history": "editor",
  "GET /api/queries/history/[id]": "editor",
  "POST /api/queries/run": "editor",
  // Signed-in, but only the run's owner or an admin cancels a live run (403 otherwise).
  "POST /api/queries/runs/[runId]/cancel": "signed-in",

  "GET /api/search": "signed-in",

  "GET /api/schedules/preview": "signed-in",
  "GET /api/digests/next-runs": "signed-in",
  "GET /api/digests/bounce-secret": "admin",

  "GET /api/snippets": "signed-in",
  "POST /api/snippets": "editor",
  "PATCH /api/snippets/[id]": "editor",
  "DELETE /api/snippets/[id]": "editor",

  "GET /api/subscriptions/[id]/deliveries": "signed-in",
  "GET /api/subscriptions/[id]/events": "signed-in",
  "PATCH /api/subscriptions/[id]": "editor",
  "DELETE /api/subscriptions/[id]": "editor",
  "DELETE /api/subscriptions/[id]/images": "editor",
  "POST /api/subscriptions/[id]/test": "editor",
  "POST /api/subscriptions/[id]/send": "editor",

  "GET /api/users": "admin",
  "PATCH /api/users/[id]": "admin",
  "GET /api/invites": "admin",
  "POST /api/invites": "admin",
  "DELETE /api/invites/[id]": "admin",
  "POST /api/invites/[id]/link": "admin",
} as const satisfies Record<string, Access>;

export type MatrixKey = keyof typeof API_MATRIX;

export function splitKey(key: MatrixKey): { method: HttpMethod; route: string } {
  const [method, route] = key.split(" ");
  return { method: method as HttpMethod, route };
}

/** The HTTP methods a route file exports: `export async function GET`, `export const POST =`, `export { h as GET }`. */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  const names = HTTP_METHODS.join("|");
  for (const m of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?(?:function|const|let)\\s+(${names})\\b`, "g"))) {
    found.add(m[1] as HttpMethod);
  }
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const m of block[1].matchAll(new RegExp(`(?:\\bas\\s+|^\\s*|,\\s*)(${names})\\b`, "g"))) found.add(m[1] as HttpMethod);
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}
