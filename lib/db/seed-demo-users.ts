import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";

export const DEMO_PASSWORD = "flowport-demo";

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", role: Role.ADMIN, logAccess: true },
  { email: "marketer@example.com", name: "Mia Marketer", role: Role.MARKETER, logAccess: false },
  { email: "tester@example.com", name: "Theo Tester", role: Role.TESTER, logAccess: false },
] as const;

/** Creates the demo users that are missing; users that exist are left as they are (idempotent). */
export async function seedDemoUsers(db: PrismaClient): Promise<number> {
  const existing = new Set(
    (
      await db.user.findMany({
        where: { email: { in: DEMO_USERS.map((u) => u.email) } },
        select: { email: true },
      })
    ).map((u) => u.email),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await db.user.createMany({
    data: missing.map((u) => ({ ...u, passwordHash })),
    skipDuplicates: true,
  });
  return result.count;
}
