import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export const roleSchema = z.enum([Role.ADMIN, Role.MARKETER, Role.TESTER]);

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  name: z.string().trim().min(1, "Enter a name.").max(100, "Keep the name under 100 characters."),
  role: roleSchema,
  logAccess: z.boolean(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`)
    .max(200, "Keep the password under 200 characters."),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.uuid(),
  role: roleSchema.optional(),
  logAccess: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
