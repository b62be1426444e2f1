import "server-only";
import pg from "pg";
import { getEnv } from "@/lib/env";

/**
 * A plain node-postgres pool beside Prisma, for the two places that need what Prisma does not offer:
 * the webhook receiver (one transaction holding the delivery and its pg-boss job) and cursors that stream
 * an export in constant memory.
 */
const globalForPool = globalThis as unknown as { flowportResponsesPool?: pg.Pool };

export function getPgPool(): pg.Pool {
  globalForPool.flowportResponsesPool ??= new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10 });
  return globalForPool.flowportResponsesPool;
}
