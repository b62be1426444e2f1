import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import { SIM_CODES, SimError } from "./errors";

/**
 * The documented rate limits (8x8-api.md §1.5), counted in PostgreSQL so every instance sees the same window:
 * flow endpoints 100 requests per minute per API key, message details 1 per second per sub-account.
 */
export const FLOW_LIMIT_PER_MINUTE = 100;

async function countInWindow(
  key: string,
  windowSeconds: number,
): Promise<{ count: number; secondsLeft: number }> {
  const [row] = await getDb().$queryRaw<{ count: number; seconds_left: number }[]>`
    INSERT INTO "SimRateWindow" ("key", "windowStart", "count")
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${windowSeconds}) * ${windowSeconds}), 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "SimRateWindow"."count" + 1
    RETURNING "count", extract(epoch FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - clock_timestamp()))::float8 AS seconds_left`;
  if (row?.count === 1) {
    await getDb()
      .$executeRaw`DELETE FROM "SimRateWindow" WHERE "windowStart" < clock_timestamp() - interval '10 minutes'`;
  }
  return { count: row?.count ?? 1, secondsLeft: Math.max(1, Math.ceil(row?.seconds_left ?? 1)) };
}

export function rateLimited(seconds: number): SimError {
  return new SimError(
    429,
    SIM_CODES.rateLimited,
    `Quota exceeded. Please try again in ${seconds} second(s).`,
    { "Retry-After": String(seconds) },
  );
}

export async function enforceFlowLimit(apiKey: string): Promise<void> {
  const key = `flows:${createHash("sha256").update(apiKey).digest("hex").slice(0, 24)}`;
  const { count, secondsLeft } = await countInWindow(key, 60);
  if (count > FLOW_LIMIT_PER_MINUTE) throw rateLimited(secondsLeft);
}

export async function enforceMessageDetailsLimit(subAccountId: string): Promise<void> {
  const { count, secondsLeft } = await countInWindow(`details:${subAccountId}`, 1);
  if (count > 1) throw rateLimited(secondsLeft);
}
