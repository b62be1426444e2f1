import { RateLimitedError } from "@/lib/errors";

/**
 * Keeps the flow endpoints under 8x8's "100 requests per minute per API key" (8x8-api.md §1.5).
 * A token bucket: `burst` tokens at most, refilled at `perMinute`. With 10 + 85 the worst minute is 95 requests,
 * so retries and a second instance's clock skew still leave room under 100.
 */
export const FLOW_API_LIMIT = { burst: 10, perMinute: 85 } as const;

export type RateLimiter = {
  /** Takes one token for `bucket`, waiting for the refill when needed; throws RateLimitedError past `maxWaitMs`. */
  acquire(bucket: string): Promise<void>;
};

export type TokenBucketState = { tokens: number; refilledAt: number };

/** Pure step of the bucket: refill for the elapsed time, then take a token or say how long to wait. */
export function takeToken(
  state: TokenBucketState | undefined,
  now: number,
  limit: { burst: number; perMinute: number } = FLOW_API_LIMIT,
): { state: TokenBucketState; waitMs: number } {
  const ratePerMs = limit.perMinute / 60_000;
  const current = state
    ? Math.min(limit.burst, state.tokens + (now - state.refilledAt) * ratePerMs)
    : limit.burst;
  if (current >= 1) return { state: { tokens: current - 1, refilledAt: now }, waitMs: 0 };
  return { state: { tokens: current, refilledAt: now }, waitMs: Math.ceil((1 - current) / ratePerMs) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tooLong(waitMs: number): RateLimitedError {
  const seconds = Math.ceil(waitMs / 1000);
  return new RateLimitedError(
    `8x8 allows 100 flow requests a minute and Flowport has used them up. Try again in ${seconds} s.`,
    seconds,
  );
}

/** One process only: for tests and scripts. Servers use the PostgreSQL limiter (lib/eightbyeight/pg-rate-limiter.ts). */
export function createMemoryRateLimiter(
  options: { limit?: { burst: number; perMinute: number }; maxWaitMs?: number } = {},
): RateLimiter {
  const buckets = new Map<string, TokenBucketState>();
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  return {
    async acquire(bucket) {
      let waited = 0;
      for (;;) {
        const { state, waitMs } = takeToken(buckets.get(bucket), Date.now(), options.limit);
        buckets.set(bucket, state);
        if (waitMs === 0) return;
        if (waited + waitMs > maxWaitMs) throw tooLong(waitMs);
        await sleep(waitMs);
        waited += waitMs;
      }
    },
  };
}

export { sleep, tooLong };
