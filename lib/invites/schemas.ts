// Invitation request bodies, shared by the People page form and the API.
import { z } from "zod";
import { roleSchema, setupAdminSchema } from "@/lib/users/schemas";

export const createInviteSchema = z.object({ email: setupAdminSchema.shape.email, role: roleSchema });
export type CreateInviteInput = z.infer<typeof createInviteSchema>;

export { acceptInviteSchema, type AcceptInviteInput } from "@/lib/users/schemas";
