/**
 * The few error kinds the app speaks about. Route handlers and server actions map them once
 * (lib/http/handle-route.ts, lib/actions/define-action.ts); anything else is logged and shown generically.
 */
export type FieldErrors = Record<string, string[]>;

export abstract class ExpectedError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

export class UnauthenticatedError extends ExpectedError {
  readonly status = 401;
  readonly code = "unauthenticated";
  constructor(message = "Sign in to continue.") {
    super(message);
  }
}

export class ForbiddenError extends ExpectedError {
  readonly status = 403;
  readonly code = "forbidden";
  constructor(message = "You do not have permission to do this.") {
    super(message);
  }
}

export class NotFoundError extends ExpectedError {
  readonly status = 404;
  readonly code = "not_found";
  constructor(what = "The item") {
    super(`${what} was not found.`);
  }
}

export class ValidationError extends ExpectedError {
  readonly status = 400;
  readonly code = "validation_failed";
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export class ConflictError extends ExpectedError {
  readonly status = 409;
  readonly code = "conflict";
}

export class RateLimitedError extends ExpectedError {
  readonly status = 429;
  readonly code = "rate_limited";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A failure of the 8x8 API, carrying what 8x8 said so support can trace it. */
export class UpstreamError extends ExpectedError {
  readonly code = "upstream_error";
  readonly status: number;
  constructor(
    message: string,
    readonly details: {
      method: string;
      path: string;
      status: number;
      upstreamCode?: number;
      errorId?: string;
    },
  ) {
    super(message);
    this.status = details.status >= 500 || details.status === 0 ? 502 : details.status;
  }
}

export function isExpectedError(error: unknown): error is ExpectedError {
  return error instanceof ExpectedError;
}
