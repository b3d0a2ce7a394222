// The signed-in user, for server components and route handlers.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasAnyUser } from "@/lib/users/create-first-admin";
import type { Role } from "@/lib/generated/prisma/enums";
import { getAuthOptions } from "./options";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The active user behind this request, or null. Deactivated users count as signed out. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For route handlers: the user, or an AppError that errorResponse turns into 401. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return user;
}

/**
 * For pages: the user, or a redirect to sign-in (or to first-run setup). Pages call this themselves
 * because Next renders a page in parallel with its layout, so the layout's check alone is not enough.
 */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  redirect((await hasAnyUser()) ? "/signin" : "/setup");
}
