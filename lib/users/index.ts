import "server-only";
import { getDb } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

export * from "./schemas";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";

const publicUserFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  logAccess: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export type UserSummary = Awaited<ReturnType<typeof listUsers>>[number];

export function listUsers() {
  return getDb().user.findMany({ select: publicUserFields, orderBy: [{ active: "desc" }, { email: "asc" }] });
}

export async function createUser(actor: AuditActor, input: CreateUserInput) {
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing)
      throw new ValidationError("A user with this email already exists.", {
        email: ["A user with this email already exists."],
      });
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        logAccess: input.logAccess,
        passwordHash,
      },
      select: publicUserFields,
    });
    await writeAudit(
      actor,
      {
        action: "user.create",
        objectType: "user",
        objectId: user.id,
        details: { email: user.email, role: user.role, logAccess: user.logAccess },
      },
      tx,
    );
    return user;
  });
}

export async function updateUser(actor: AuditActor & {}, input: UpdateUserInput) {
  const { userId, ...changes } = input;
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: publicUserFields });
    if (!user) throw new NotFoundError("The user");
    if (
      actor &&
      actor.id === userId &&
      (changes.active === false || (changes.role && changes.role !== Role.ADMIN))
    ) {
      throw new ConflictError("You cannot deactivate yourself or remove your own admin role.");
    }
    const removesAnAdmin =
      user.role === Role.ADMIN &&
      user.active &&
      (changes.active === false || (changes.role !== undefined && changes.role !== Role.ADMIN));
    if (removesAnAdmin) {
      const otherAdmins = await tx.user.count({
        where: { role: Role.ADMIN, active: true, id: { not: userId } },
      });
      if (otherAdmins === 0) throw new ConflictError("Keep at least one active admin.");
    }
    const updated = await tx.user.update({ where: { id: userId }, data: changes, select: publicUserFields });
    await writeAudit(
      actor,
      { action: "user.update", objectType: "user", objectId: userId, details: changes },
      tx,
    );
    return updated;
  });
}
