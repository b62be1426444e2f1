import "server-only";
import pg from "pg";
import { getEnv } from "@/lib/env";

/**
 * A plain node-postgres pool beside Prisma, for the hot paths where Prisma's per-query overhead shows and
 * for what it does not offer: the webhook receiver's multi-row inserts, batch processing of deliveries
 * (set-based SQL in one transaction), and the CSV export's COPY stream.
 */
const globalForPool = globalThis as unknown as { flowportResponsesPool?: pg.Pool };

export function getPgPool(): pg.Pool {
  globalForPool.flowportResponsesPool ??= new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10 });
  return globalForPool.flowportResponsesPool;
}
