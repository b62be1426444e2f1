import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireUser, type CurrentUser, type Permission } from "@/lib/auth";
import { isExpectedError, RateLimitedError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/logger";

type RouteContext<Params> = { params: Promise<Params> };

type Options = {
  /** Omit for endpoints that authenticate by their own token (webhooks, the simulator). */
  permission?: Permission | "signed-in";
};

type Handler<Params> = (
  request: Request,
  context: { params: Params; user: CurrentUser | null },
) => Promise<Response> | Response;

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
): Response {
  return Response.json({ error: { code, message, ...extra } }, { status });
}

/** One wrapper for every route handler: authorizes first, and maps errors to a JSON body once. */
export function handleRoute<Params = Record<string, never>>(options: Options, handler: Handler<Params>) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      const user = options.permission
        ? await requireUser(options.permission === "signed-in" ? undefined : options.permission)
        : null;
      return await handler(request, { params: await context.params, user });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    const fieldErrors = z.flattenError(error).fieldErrors;
    return errorResponse(400, "validation_failed", error.issues[0]?.message ?? "The request is invalid.", {
      fieldErrors,
    });
  }
  if (error instanceof ValidationError) {
    return errorResponse(400, error.code, error.message, { fieldErrors: error.fieldErrors });
  }
  if (error instanceof RateLimitedError) {
    const response = errorResponse(429, error.code, error.message);
    response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
  if (isExpectedError(error)) return errorResponse(error.status, error.code, error.message);
  const incidentId = randomUUID();
  logger.error("route.unexpected_error", { incidentId, error });
  return errorResponse(500, "internal_error", `Something went wrong on our side (incident ${incidentId}).`);
}
