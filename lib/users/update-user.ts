// Role changes and (de)activation. Spyglass always keeps at least one active admin, so nobody can lock
// everyone out of the People and data-source pages. Deactivation needs nothing else to end sessions:
// getSessionUser re-reads the account on every request and refuses inactive ones.
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { toUserRow, userRowSelect, type UserRow } from "./list-users";
import type { UpdateUserInput } from "./schemas";

// Any fixed number; serializes admin-count checks so two admins demoting each other at once cannot
// both succeed and leave none.
const ADMINS_LOCK = 7_301_002;

/** Would this change take away the last active admin? Pure, so the rule is tested on its own. */
export function removesActiveAdmin(
  current: { role: string; active: boolean },
  input: UpdateUserInput,
): boolean {
  const wasActiveAdmin = current.role === "ADMIN" && current.active;
  const staysActiveAdmin = (input.role ?? current.role) === "ADMIN" && (input.active ?? current.active);
  return wasActiveAdmin && !staysActiveAdmin;
}

export async function updateUser(actor: SessionUser, id: string, input: UpdateUserInput): Promise<UserRow> {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${ADMINS_LOCK})`;
    const current = await tx.user.findUnique({ where: { id }, select: userRowSelect });
    if (!current) throw notFound("User");
    if (removesActiveAdmin(current, input)) {
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: id } } });
      if (otherAdmins === 0) {
        throw new AppError(
          "CONFLICT",
          id === actor.id
            ? "You are the last active admin. Make someone else an admin before you change your own role or deactivate yourself."
            : `${current.name} is the last active admin. Make someone else an admin first.`,
        );
      }
    }
    const updated = await tx.user.update({
      where: { id },
      data: { ...(input.role !== undefined && { role: input.role }), ...(input.active !== undefined && { active: input.active }) },
      select: userRowSelect,
    });
    return toUserRow(updated);
  });
}
