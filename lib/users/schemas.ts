import { z } from "zod";

export const passwordSchema = z.string().min(8, "Use at least 8 characters.").max(200);

export const setupAdminSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: passwordSchema,
});
export type SetupAdminInput = z.infer<typeof setupAdminSchema>;

export const ROLES = ["ADMIN", "EDITOR", "VIEWER"] as const;
export const roleSchema = z.enum(ROLES);

/** What an admin may change on an account: its role, and whether it is active. */
export const updateUserSchema = z
  .object({ role: roleSchema.optional(), active: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.active !== undefined, "Say what to change: role or active.");
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** The account a person makes from an invitation: the email and role come from the invitation. */
export const acceptInviteSchema = setupAdminSchema.pick({ name: true, password: true });
export type AcceptInviteInput = z.infer<typeof acceptInviteSchema>;
