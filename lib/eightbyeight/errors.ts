import { UpstreamError } from "@/lib/errors";

/**
 * One human sentence per error code 8x8 documents (8x8-api.md §1.3). Codes 1001 and 1002 appear as
 * boilerplate on every reference page; the sentences still say what they mean.
 */
const DOCUMENTED_CODES: Record<number, string> = {
  1001: "8x8 says the sub-account id does not belong to this account: check the sub-account id in Settings.",
  1002: "8x8 refused the phone number: it must be in international E.164 format, such as +15551234567.",
  1200: "8x8 did not accept the API key: check the key in Settings (it may be wrong, expired or rotated).",
  2000: "8x8 had an internal error. Try again in a moment.",
  3060: "8x8 does not allow reusing this template name yet: a template with this name was deleted recently. Choose another name.",
  4018: "8x8 does not know this message id.",
  429: "8x8 is rate limiting requests. Try again in a few seconds.",
};

/** Fallback sentences by HTTP status, for the many errors 8x8 leaves without a documented code. */
function sentenceForStatus(status: number, upstreamMessage: string | undefined): string {
  const said = upstreamMessage ? ` 8x8 said: "${upstreamMessage.slice(0, 200)}".` : "";
  if (status === 400 || status === 422) return `8x8 refused the request as invalid.${said}`;
  if (status === 401 || status === 403) return DOCUMENTED_CODES[1200]!;
  if (status === 404)
    return `8x8 does not know this item (wrong channel or flow id, or it was deleted).${said}`;
  if (status === 409) return `8x8 does not allow this in the item's current state.${said}`;
  if (status === 413) return "The file is larger than 8x8 accepts for its type.";
  if (status === 415) return "8x8 does not accept this type of file.";
  if (status === 429) return DOCUMENTED_CODES[429]!;
  if (status >= 500) return "8x8 had an internal error. Try again in a moment.";
  return `8x8 answered with HTTP ${status}.${said}`;
}

export function describeEightByEightError(
  status: number,
  code: number | undefined,
  upstreamMessage: string | undefined,
): string {
  // 1001/1002 are pasted under every error of the reference, so on a 404/409 the status says more than the code.
  const boilerplate = (code === 1001 || code === 1002) && (status === 404 || status === 409);
  if (code !== undefined && DOCUMENTED_CODES[code] && !boilerplate) return DOCUMENTED_CODES[code];
  return sentenceForStatus(status, upstreamMessage);
}

/** An error answer of the 8x8 API: HTTP status plus the body's code, message and errorId. */
export class EightByEightApiError extends UpstreamError {
  override name = "EightByEightApiError";
  readonly httpStatus: number;
  readonly upstreamCode: number | undefined;
  readonly upstreamMessage: string | undefined;
  readonly errorId: string | undefined;
  /** Seconds 8x8 asked us to wait (Retry-After), when it did. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    method: string;
    path: string;
    status: number;
    code?: number | undefined;
    message?: string | undefined;
    errorId?: string | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(describeEightByEightError(init.status, init.code, init.message), {
      method: init.method,
      path: init.path,
      status: init.status,
      upstreamCode: init.code,
      errorId: init.errorId,
    });
    this.httpStatus = init.status;
    this.upstreamCode = init.code;
    this.upstreamMessage = init.message;
    this.errorId = init.errorId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** 8x8 could not be reached (connection refused, DNS, timeout) or answered something that is not its API. */
export class EightByEightUnreachableError extends UpstreamError {
  override name = "EightByEightUnreachableError";
  constructor(
    readonly reason: "network" | "timeout" | "invalid_response",
    details: { method: string; path: string; status?: number },
  ) {
    super(
      reason === "timeout"
        ? "8x8 did not answer in time. Try again in a moment."
        : reason === "network"
          ? "The 8x8 API cannot be reached right now."
          : "8x8 answered in a shape Flowport does not understand.",
      { method: details.method, path: details.path, status: details.status ?? 0 },
    );
  }
}

export function isEightByEightError(
  error: unknown,
): error is EightByEightApiError | EightByEightUnreachableError {
  return error instanceof EightByEightApiError || error instanceof EightByEightUnreachableError;
}
