import { z } from "zod";
// The category enum is 8x8's: the client's response schemas own it (a pure module, safe for the forms).
import { FLOW_CATEGORIES, type FlowCategory } from "@/lib/eightbyeight/schemas";
import { parseFlowJson } from "@/lib/flow-json";

// Input schemas of the authoring actions. Pure (no server imports) so the forms reuse them.

export { FLOW_CATEGORIES, type FlowCategory };

export const categoryLabels: Record<FlowCategory, string> = {
  SIGN_UP: "Sign up",
  SIGN_IN: "Sign in",
  APPOINTMENT_BOOKING: "Appointment booking",
  LEAD_GENERATION: "Lead generation",
  CONTACT_US: "Contact us",
  CUSTOMER_SUPPORT: "Customer support",
  SURVEY: "Survey",
  OTHER: "Other",
};

/** Far above the 100 KB recommendation (a warning in the editor), low enough to stop accidents. */
export const MAX_FLOW_JSON_CHARS = 1_000_000;

/**
 * Where a text stops being JSON, as "line L, column C: message", or null when it parses. Only real parse
 * failures count: duplicate keys and the like are validation problems that 8x8 reports itself.
 */
export function describeSyntaxError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const first = parseFlowJson(text).syntaxErrors[0];
    if (!first) return error instanceof Error ? error.message : "not valid JSON";
    return `line ${first.lineStart}, column ${first.columnStart}: ${first.message}`;
  }
}

export const flowJsonTextSchema = z
  .string()
  .max(MAX_FLOW_JSON_CHARS, `The Flow JSON is larger than ${MAX_FLOW_JSON_CHARS / 1000} KB.`)
  .refine((text) => text.trim().length > 0, "The Flow JSON is empty.")
  .superRefine((text, ctx) => {
    const syntaxError = describeSyntaxError(text);
    if (syntaxError)
      ctx.addIssue({
        code: "custom",
        message: `The Flow JSON does not parse (${syntaxError}). Nothing was sent to 8x8.`,
      });
  });

export const flowNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a flow name.")
  .max(200, "Keep the flow name under 200 characters.");

export const categoriesSchema = z
  .array(z.enum(FLOW_CATEGORIES, "Choose categories from the list."))
  .min(1, "Choose at least one category.")
  .transform((list) => [...new Set(list)]);

/** Optional; 8x8 calls it with flow data, so only https is accepted. Empty means none. */
export const endpointUriSchema = z
  .string()
  .trim()
  .max(2000, "The endpoint URI is too long.")
  .refine((value) => value === "" || isHttpsUrl(value), "The endpoint URI must be a full https:// address.")
  .transform((value) => (value === "" ? null : value));

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const createFlowSchema = z.object({
  channelId: z.uuid("Choose a channel."),
  name: flowNameSchema,
  categories: categoriesSchema,
  endpointUri: endpointUriSchema,
  flowJson: flowJsonTextSchema,
  /** Set when this draft is a new version of a published or deprecated flow. */
  previousVersionId: z.uuid().optional(),
});
export type CreateFlowInput = z.input<typeof createFlowSchema>;

export const saveFlowSchema = z.object({
  flowId: z.uuid(),
  /** The revision the editor was opened on: a save from an older one is a conflict. */
  baseRevision: z.number().int().min(0),
  flowJson: flowJsonTextSchema,
  name: flowNameSchema,
  categories: categoriesSchema,
  endpointUri: endpointUriSchema,
  /** Recorded in the audit log when the text came from "Restore into editor". */
  restoredFromRevision: z.number().int().min(1).optional(),
});
export type SaveFlowInput = z.input<typeof saveFlowSchema>;

export const flowIdSchema = z.object({ flowId: z.uuid() });

export const revisionRefSchema = z.object({ flowId: z.uuid(), number: z.number().int().min(0) });
