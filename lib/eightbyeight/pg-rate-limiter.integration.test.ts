import { beforeEach, describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { resetDatabase } from "@/lib/testing/database";
import { createPostgresRateLimiter } from "./pg-rate-limiter";

beforeEach(resetDatabase);

describe("the PostgreSQL rate limiter", () => {
  it("two instances share one bucket: the burst is spent once, then both wait for the refill", async () => {
    const limit = { burst: 2, perMinute: 60 };
    const instanceA = createPostgresRateLimiter({ limit });
    const instanceB = createPostgresRateLimiter({ limit });
    const started = Date.now();
    await Promise.all([instanceA.acquire("key-1"), instanceB.acquire("key-1")]);
    expect(Date.now() - started).toBeLessThan(500);
    await Promise.all([instanceA.acquire("key-1"), instanceB.acquire("key-1")]);
    // Two more tokens at one a second: the second of them only after ~2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_800);
  });

  it("keys are separate buckets", async () => {
    const limiter = createPostgresRateLimiter({ limit: { burst: 1, perMinute: 1 }, maxWaitMs: 50 });
    await limiter.acquire("key-a");
    await limiter.acquire("key-b");
    await expect(limiter.acquire("key-a")).rejects.toBeInstanceOf(RateLimitedError);
  });
});
