import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

// One client per process; dev hot reload would otherwise open a new pool on every change.
const globalForPrisma = globalThis as unknown as { flowportPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  globalForPrisma.flowportPrisma ??= createClient();
  return globalForPrisma.flowportPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.flowportPrisma?.$disconnect();
  globalForPrisma.flowportPrisma = undefined;
}
