import "server-only";
import { getDb } from "@/lib/db";
import { FLOW_API_LIMIT, sleep, tooLong, type RateLimiter } from "./rate-limiter";

/**
 * The limiter every instance shares: the bucket is one PostgreSQL row per API key (keyed by a hash), refilled
 * and decremented in a single conditional UPDATE. The row lock makes two instances queue on it, and the WHERE is
 * re-checked after the wait, so a token is never spent twice. Time is the database's clock, not the instances'.
 */
export function createPostgresRateLimiter(
  options: { limit?: { burst: number; perMinute: number }; maxWaitMs?: number } = {},
): RateLimiter {
  const limit = options.limit ?? FLOW_API_LIMIT;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const perSecond = limit.perMinute / 60;
  return {
    async acquire(bucket) {
      const db = getDb();
      await db.$executeRaw`
        INSERT INTO "ApiRateBucket" ("key", "tokens", "refilledAt") VALUES (${bucket}, ${limit.burst}, clock_timestamp())
        ON CONFLICT ("key") DO NOTHING`;
      let waited = 0;
      for (;;) {
        const taken = await db.$executeRaw`
          UPDATE "ApiRateBucket"
          SET "tokens" = LEAST(${limit.burst}::float8, "tokens" + EXTRACT(EPOCH FROM clock_timestamp() - "refilledAt") * ${perSecond}::float8) - 1,
              "refilledAt" = clock_timestamp()
          WHERE "key" = ${bucket}
            AND LEAST(${limit.burst}::float8, "tokens" + EXTRACT(EPOCH FROM clock_timestamp() - "refilledAt") * ${perSecond}::float8) >= 1`;
        if (taken === 1) return;
        const [row] = await db.$queryRaw<{ available: number }[]>`
          SELECT LEAST(${limit.burst}::float8, "tokens" + EXTRACT(EPOCH FROM clock_timestamp() - "refilledAt") * ${perSecond}::float8) AS available
          FROM "ApiRateBucket" WHERE "key" = ${bucket}`;
        const waitMs = Math.max(10, Math.ceil(((1 - (row?.available ?? 0)) / perSecond) * 1000));
        if (waited + waitMs > maxWaitMs) throw tooLong(waitMs);
        await sleep(waitMs);
        waited += waitMs;
      }
    },
  };
}
