// How roles read in the interface.
import type { Role } from "@/lib/generated/prisma/enums";

export const roleLabel: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", VIEWER: "Viewer" };

export const roleHelp: Record<Role, string> = {
  ADMIN: "manages people, data sources and settings, and edits everything",
  EDITOR: "writes SQL and builds charts and dashboards",
  VIEWER: "opens dashboards and charts",
};

/** "an editor", "an admin", "a viewer". */
export function withArticle(role: Role): string {
  const word = roleLabel[role].toLowerCase();
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}

/** The calendar day of an ISO timestamp (UTC), the same on the server and in the browser. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}
