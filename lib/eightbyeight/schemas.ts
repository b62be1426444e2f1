import { z } from "zod";

/**
 * zod shapes of 8x8's answers. They accept every documented variant (8x8-api.md §9): camelCase and snake_case,
 * `id` or `flowId`, inline `flowJson` or only `flowJsonUrl`, and empty bodies; then normalise to one shape.
 */
export const FLOW_STATUSES = ["DRAFT", "PUBLISHED", "DEPRECATED"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

export const FLOW_CATEGORIES = [
  "SIGN_UP",
  "SIGN_IN",
  "APPOINTMENT_BOOKING",
  "LEAD_GENERATION",
  "CONTACT_US",
  "CUSTOMER_SUPPORT",
  "SURVEY",
  "OTHER",
] as const;
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

/** 8x8 writes statuses in upper case; tolerate other casings rather than fail a whole list. */
const flowStatusSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(FLOW_STATUSES));

const pointerSchema = z.object({
  path: z.string().optional(),
  lineStart: z.number().optional(),
  lineEnd: z.number().optional(),
  columnStart: z.number().optional(),
  columnEnd: z.number().optional(),
});

export const validationErrorSchema = z.looseObject({
  error: z.string().optional(),
  errorType: z.string().optional(),
  message: z.string().optional(),
  lineStart: z.number().optional(),
  lineEnd: z.number().optional(),
  columnStart: z.number().optional(),
  columnEnd: z.number().optional(),
  pointers: z.array(pointerSchema).optional(),
});
export type FlowValidationError = z.infer<typeof validationErrorSchema>;

export const errorBodySchema = z.looseObject({
  code: z.coerce.number().optional(),
  message: z.string().optional(),
  errorId: z.string().optional(),
  timestamp: z.string().optional(),
});

export const flowListSchema = z.object({
  flows: z
    .array(z.looseObject({ id: z.coerce.string(), name: z.string(), status: flowStatusSchema }))
    .default([]),
});
export type FlowSummary = z.infer<typeof flowListSchema>["flows"][number];

/** Create and update answer alike: REF-API `{id, success, validationErrors}`, the guide `{id, name, status, categories, validation_errors}`. */
export const flowSaveResultSchema = z
  .looseObject({
    id: z.coerce.string().optional(),
    flowId: z.coerce.string().optional(),
    success: z.boolean().optional(),
    status: flowStatusSchema.optional(),
    validationErrors: z.array(validationErrorSchema).optional(),
    validation_errors: z.array(validationErrorSchema).optional(),
  })
  .transform((body, ctx) => {
    const id = body.id ?? body.flowId;
    if (!id) {
      ctx.addIssue({ code: "custom", message: "The answer has no flow id." });
      return z.NEVER;
    }
    return {
      id,
      status: body.status,
      validationErrors: body.validationErrors ?? body.validation_errors ?? [],
    };
  });
export type FlowSaveResult = z.infer<typeof flowSaveResultSchema>;

export const flowDetailsSchema = z
  .looseObject({
    id: z.coerce.string().optional(),
    flowId: z.coerce.string().optional(),
    name: z.string(),
    status: flowStatusSchema,
    categories: z.array(z.string()).default([]),
    flowJson: z.string().optional(),
    flowJsonUrl: z.string().optional(),
    validationErrors: z.array(validationErrorSchema).optional(),
    validation_errors: z.array(validationErrorSchema).optional(),
  })
  .transform((body, ctx) => {
    const id = body.flowId ?? body.id;
    if (!id) {
      ctx.addIssue({ code: "custom", message: "The answer has no flow id." });
      return z.NEVER;
    }
    return {
      id,
      name: body.name,
      status: body.status,
      categories: body.categories,
      flowJson: body.flowJson,
      flowJsonUrl: body.flowJsonUrl,
      validationErrors: body.validationErrors ?? body.validation_errors ?? [],
    };
  });
export type FlowDetails = z.infer<typeof flowDetailsSchema> & { flowJson: string | undefined };

/** Both documented shapes (8x8-api.md §2.11, §9 #6); `expires_at` may be `+0000` without a colon. */
export const flowPreviewSchema = z
  .looseObject({
    id: z.coerce.string().optional(),
    preview_url: z.string().optional(),
    previewUrl: z.string().optional(),
    expires_at: z.string().optional(),
    expiresAt: z.string().optional(),
  })
  .transform((body, ctx) => {
    const url = body.preview_url ?? body.previewUrl;
    if (!url) {
      ctx.addIssue({ code: "custom", message: "The answer has no preview_url." });
      return z.NEVER;
    }
    const expires = body.expires_at ?? body.expiresAt;
    return { id: body.id, previewUrl: url, expiresAt: expires ? parseLenientDate(expires) : null };
  });
export type FlowPreview = z.infer<typeof flowPreviewSchema>;

const templateButtonSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  flowId: z.coerce.string().optional(),
  flow_id: z.coerce.string().optional(),
});

const templateComponentSchema = z.looseObject({
  type: z.string().default("BODY"),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(templateButtonSchema).optional(),
});

export const templateListSchema = z.object({
  templates: z
    .array(
      z.looseObject({
        id: z.coerce.string().optional(),
        channelId: z.string().optional(),
        templateName: z.string().optional(),
        name: z.string().optional(),
        language: z.string(),
        category: z.string().default("UTILITY"),
        status: z.string().default("PENDING"),
        rejectionReason: z.string().optional(),
        reason: z.string().optional(),
        components: z.array(templateComponentSchema).default([]),
        createdAt: z.string().optional(),
        updatedAt: z.string().optional(),
      }),
    )
    .default([]),
});

export type TemplateSummary = {
  id: string | undefined;
  name: string;
  language: string;
  category: string;
  status: string;
  rejectionReason: string | undefined;
  components: z.infer<typeof templateComponentSchema>[];
  /** Flow ids opened by the template's FLOW buttons. */
  flowIds: string[];
  createdAt: Date | null;
  updatedAt: Date | null;
};

export function normaliseTemplates(body: z.infer<typeof templateListSchema>): TemplateSummary[] {
  return body.templates.flatMap((t) => {
    const name = t.templateName ?? t.name;
    if (!name) return [];
    const flowIds = t.components
      .flatMap((c) => c.buttons ?? [])
      .filter((b) => b.type.toUpperCase() === "FLOW")
      .map((b) => b.flowId ?? b.flow_id)
      .filter((id): id is string => Boolean(id));
    return [
      {
        id: t.id,
        name,
        language: t.language,
        category: t.category.toUpperCase(),
        status: t.status.toUpperCase(),
        rejectionReason: t.rejectionReason ?? t.reason,
        components: t.components,
        flowIds,
        createdAt: t.createdAt ? parseLenientDate(t.createdAt) : null,
        updatedAt: t.updatedAt ? parseLenientDate(t.updatedAt) : null,
      },
    ];
  });
}

/** The send response is undocumented (8x8-api.md §4.1 [gap]); the one field we rely on is the umid. */
export const messageSendResultSchema = z
  .looseObject({
    umid: z.string().optional(),
    messageId: z.string().optional(),
    status: z.unknown().optional(),
  })
  .transform((body) => ({ umid: body.umid ?? body.messageId ?? null }));
export type MessageSendResult = z.infer<typeof messageSendResultSchema>;

export const messageDetailsSchema = z.object({
  data: z
    .array(
      z.looseObject({
        umid: z.string(),
        subAccountId: z.string().optional(),
        channel: z.string().optional(),
        channelId: z.string().optional(),
        direction: z.string().optional(),
        status: z
          .looseObject({
            state: z.string(),
            detail: z.string().optional(),
            errorCode: z.number().optional(),
            errorMessage: z.string().optional(),
            timestamp: z.string().optional(),
          })
          .optional(),
        contentType: z.string().optional(),
        createdAt: z.string().optional(),
        step: z.number().optional(),
      }),
    )
    .default([]),
});
export type MessageDetails = z.infer<typeof messageDetailsSchema>["data"];

/** `{fileName, token}` (+ `location` header) on the Media Hosting page, `{status, data: {url}}` in the API guide. */
export const mediaUploadSchema = z.looseObject({
  fileName: z.string().optional(),
  token: z.string().optional(),
  status: z.string().optional(),
  data: z.looseObject({ url: z.string() }).optional(),
});

/** 8x8 writes dates several ways (8x8-api.md §1.6): 7 fractional digits, `+0000` without a colon. */
export function parseLenientDate(text: string): Date | null {
  const normalised = text
    .trim()
    .replace(/(\.\d{3})\d+/, "$1")
    .replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}
