import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Row lock for the rest of the transaction: concurrent saves and publishes of one flow run one at a time. */
export async function lockFlow(tx: Prisma.TransactionClient, flowId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Flow" WHERE id = ${flowId}::uuid FOR UPDATE`;
}
