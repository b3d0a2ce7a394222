import { z } from "zod";

export const passwordSchema = z.string().min(8, "Use at least 8 characters.").max(200);

export const setupAdminSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: passwordSchema,
});
export type SetupAdminInput = z.infer<typeof setupAdminSchema>;
