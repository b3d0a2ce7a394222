import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SetupAdminInput } from "./schemas";

// Any fixed number; serializes concurrent first-run setups so only one admin is created.
const SETUP_LOCK = 7_301_001;

export async function hasAnyUser(): Promise<boolean> {
  return (await getDb().user.count()) > 0;
}

/** Creates the first account, as admin. Refused once any account exists. */
export async function createFirstAdmin(input: SetupAdminInput) {
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${SETUP_LOCK})`;
    if ((await tx.user.count()) > 0) {
      throw new AppError("CONFLICT", "Spyglass is already set up. Sign in instead.");
    }
    return tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "ADMIN" },
      select: { id: true, email: true },
    });
  });
}
