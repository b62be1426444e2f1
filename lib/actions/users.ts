"use server";
import { revalidatePath } from "next/cache";
import { createUser, createUserSchema, updateUser, updateUserSchema } from "@/lib/users";
import { defineAction } from "./define-action";

export const createUserAction = defineAction(
  { input: createUserSchema, permission: "users.manage" },
  async (input, user) => {
    const created = await createUser(user, input);
    revalidatePath("/settings/users");
    return { id: created.id };
  },
);

export const updateUserAction = defineAction(
  { input: updateUserSchema, permission: "users.manage" },
  async (input, user) => {
    const updated = await updateUser(user, input);
    revalidatePath("/settings/users");
    return { id: updated.id, role: updated.role, logAccess: updated.logAccess, active: updated.active };
  },
);
