import type { z } from "zod";
import { logger } from "@/lib/logger";
import { EightByEightApiError, EightByEightUnreachableError } from "./errors";
import { sleep, type RateLimiter } from "./rate-limiter";
import { errorBodySchema } from "./schemas";

export type RetryPolicy = {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 400,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

export type RequestCoreConfig = {
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
  limiter: RateLimiter;
  /** Bucket of the flow endpoints' limit: derived from the key, never the key itself. */
  limiterBucket: string;
};

export type ApiRequest<T> = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: FormData;
  /** Parses the body; `null` when the endpoint answers with no body (or we ignore it). */
  schema: z.ZodType<T> | null;
  /** Flow endpoints share 8x8's 100 requests/minute per key. */
  flowLimit?: boolean;
  /**
   * Safe to repeat after a 5xx, timeout or dropped connection. POSTs are not: 8x8 may have acted before failing
   * (a second create would make a second flow). Every request is retried on 429 and on refused connections,
   * which 8x8 never acted on.
   */
  idempotent?: boolean;
};

export type ApiResponse<T> = { data: T; headers: Headers; status: number };

/** Full jitter: a random wait in [0, base·2^attempt], capped, so instances that failed together retry apart. */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const CONNECTION_REFUSED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

function buildUrl(baseUrl: string, path: string, query: ApiRequest<unknown>["query"]): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function readErrorBody(response: Response): Promise<z.infer<typeof errorBodySchema>> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The one request core under every endpoint function: auth, limiter, timeout, retries, typed errors, parsing. */
export async function apiRequest<T>(
  config: RequestCoreConfig,
  request: ApiRequest<T>,
): Promise<ApiResponse<T>> {
  const url = buildUrl(config.baseUrl, request.path, request.query);
  const idempotent =
    request.idempotent ??
    (request.method === "GET" || request.method === "PUT" || request.method === "DELETE");
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (request.flowLimit) await config.limiter.acquire(config.limiterBucket);
    const last = attempt >= config.retry.maxRetries;
    let response: Response;
    try {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${config.apiKey}`,
        Accept: "application/json",
      };
      if (request.json !== undefined) headers["Content-Type"] = "application/json";
      response = await config.fetch(url, {
        method: request.method,
        headers,
        body: request.form ?? (request.json !== undefined ? JSON.stringify(request.json) : undefined),
        signal: AbortSignal.timeout(config.timeoutMs),
        cache: "no-store",
      });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const code = networkCode(error);
      const retryable = !last && (idempotent || (code !== undefined && CONNECTION_REFUSED.has(code)));
      logger.warn("8x8.request_failed", {
        method: request.method,
        path: request.path,
        attempt,
        reason: timedOut ? "timeout" : (code ?? "network"),
        willRetry: retryable,
      });
      if (!retryable)
        throw new EightByEightUnreachableError(timedOut ? "timeout" : "network", {
          method: request.method,
          path: request.path,
        });
      await sleep(backoffDelay(attempt, config.retry));
      continue;
    }

    if (response.ok) {
      logger.debug("8x8.request", {
        method: request.method,
        path: request.path,
        status: response.status,
        ms: Date.now() - started,
      });
      return { data: await parseBody(response, request), headers: response.headers, status: response.status };
    }

    const body = await readErrorBody(response);
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    const retryable =
      !last &&
      (response.status === 429 || (response.status >= 500 && idempotent)) &&
      (retryAfterMs === undefined || retryAfterMs <= config.retry.maxRetryAfterMs);
    logger.warn("8x8.request_error", {
      method: request.method,
      path: request.path,
      status: response.status,
      code: body.code,
      errorId: body.errorId,
      attempt,
      willRetry: retryable,
    });
    if (!retryable) {
      throw new EightByEightApiError({
        method: request.method,
        path: request.path,
        status: response.status,
        code: body.code,
        message: body.message,
        errorId: body.errorId,
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      });
    }
    // 8x8's own wait wins over our backoff; without one, back off exponentially.
    await sleep(retryAfterMs ?? backoffDelay(attempt, config.retry));
  }
}

async function parseBody<T>(response: Response, request: ApiRequest<T>): Promise<T> {
  const text = await response.text();
  if (request.schema === null) return undefined as T;
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      throw new EightByEightUnreachableError("invalid_response", {
        method: request.method,
        path: request.path,
        status: response.status,
      });
    }
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    logger.warn("8x8.unexpected_shape", {
      method: request.method,
      path: request.path,
      issue: parsed.error.issues[0]?.message,
      at: parsed.error.issues[0]?.path.join("."),
    });
    throw new EightByEightUnreachableError("invalid_response", {
      method: request.method,
      path: request.path,
      status: response.status,
    });
  }
  return parsed.data;
}
