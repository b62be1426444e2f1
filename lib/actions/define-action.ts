import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireUser, type CurrentUser, type Permission } from "@/lib/auth";
import { isExpectedError, ValidationError, type FieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; fieldErrors?: FieldErrors } };

/**
 * Every server action goes through here: parse the input with zod, authorize, run, and turn expected
 * errors into a result the form can show. Unexpected errors are logged with an incident id and shown
 * generically, so no database or upstream text reaches the browser.
 */
export function defineAction<Schema extends z.ZodType, T>(
  config: { input: Schema; permission: Permission },
  handler: (input: z.infer<Schema>, user: CurrentUser) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return async (rawInput) => {
    try {
      const user = await requireUser(config.permission);
      const parsed = config.input.safeParse(rawInput);
      if (!parsed.success) {
        const fieldErrors = z.flattenError(parsed.error).fieldErrors as FieldErrors;
        const message = parsed.error.issues[0]?.message ?? "Check the highlighted fields.";
        return { ok: false, error: { code: "validation_failed", message, fieldErrors } };
      }
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof ValidationError) {
        return {
          ok: false,
          error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors },
        };
      }
      if (isExpectedError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      const incidentId = randomUUID();
      logger.error("action.unexpected_error", { incidentId, error });
      return {
        ok: false,
        error: {
          code: "internal_error",
          message: `Something went wrong on our side (incident ${incidentId}).`,
        },
      };
    }
  };
}
