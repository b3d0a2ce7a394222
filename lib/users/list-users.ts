// Accounts as the People admin page and GET /api/users show them (never the password hash).
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  /** ISO 8601. */
  createdAt: string;
}

export const userRowSelect = { id: true, name: true, email: true, role: true, active: true, createdAt: true } as const;

export function toUserRow(u: { id: string; name: string; email: string; role: Role; active: boolean; createdAt: Date }): UserRow {
  return { id: u.id, name: u.name, email: u.email, role: u.role, active: u.active, createdAt: u.createdAt.toISOString() };
}

/** Every account, oldest first (the first admin at the top). */
export async function listUsers(): Promise<UserRow[]> {
  const users = await getDb().user.findMany({ select: userRowSelect, orderBy: [{ createdAt: "asc" }, { email: "asc" }] });
  return users.map(toUserRow);
}
