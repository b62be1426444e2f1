import { z } from "zod";

/**
 * The 8x8 webhook envelopes (8x8-api.md §6.2–§6.5). Parsed leniently where the docs disagree with
 * themselves (optional `description`, `recipient`, `timestamp`; "whatsApp" casing), strictly where we
 * rely on a field (umid, msisdn, eventId).
 */
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date-time");

const userSchema = z.object({
  msisdn: z.string().min(1),
  channelUserId: z.string().optional(),
  name: z.string().optional(),
});

const inboundPayloadSchema = z.object({
  umid: z.string().min(1),
  subAccountId: z.string().optional(),
  timestamp: isoDate.optional(),
  user: userSchema,
  recipient: z.object({ channel: z.string().optional(), channelId: z.string().optional() }).optional(),
  type: z.string().min(1),
  content: z.record(z.string(), z.unknown()).default({}),
  replyToUmid: z.string().optional(),
});

const outboundPayloadSchema = z.object({
  umid: z.string().min(1),
  subAccountId: z.string().optional(),
  channel: z.string().optional(),
  user: userSchema.partial().optional(),
  status: z.object({
    state: z.string().min(1),
    detail: z.string().optional(),
    timestamp: isoDate.optional(),
    errorCode: z.number().int().optional(),
    errorMessage: z.string().optional(),
  }),
});

const messageEnvelope = <T extends string, P extends z.ZodType>(eventType: T, payload: P) =>
  z.object({
    namespace: z.string().optional(),
    eventType: z.literal(eventType),
    description: z.string().optional(),
    payload,
  });

const accountEnvelope = <T extends string, D extends z.ZodType>(eventType: T, eventDetails: D) =>
  z.object({
    eventId: z.string().min(1),
    timestamp: isoDate,
    provider: z.string().optional(),
    businessAccountId: z.string().optional(),
    accountId: z.string().optional(),
    eventType: z.literal(eventType),
    eventDetails,
  });

const templateIdentity = {
  templateId: z.string().optional(),
  templateName: z.string().optional(),
  templateLanguage: z.string().optional(),
};

export const webhookEventSchema = z.discriminatedUnion("eventType", [
  messageEnvelope("inbound_message_received", inboundPayloadSchema),
  messageEnvelope("outbound_message_status_changed", outboundPayloadSchema),
  accountEnvelope(
    "template_status_update",
    z.object({
      ...templateIdentity,
      meta: z.object({ status: z.string().min(1), reason: z.string().optional() }),
    }),
  ),
  accountEnvelope(
    "template_quality_update",
    z.object({
      ...templateIdentity,
      meta: z.object({ previousQualityScore: z.string().optional(), newQualityScore: z.string().min(1) }),
    }),
  ),
  accountEnvelope(
    "phone_number_quality_update",
    z.object({
      displayPhoneNumber: z.string().optional(),
      meta: z.object({
        event: z.string().min(1),
        currentLimit: z.string().optional(),
        oldLimit: z.string().optional(),
        reason: z.string().optional(),
      }),
    }),
  ),
]);

export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export type InboundMessageEvent = Extract<WebhookEvent, { eventType: "inbound_message_received" }>;
export const WEBHOOK_EVENT_TYPES = [
  "inbound_message_received",
  "outbound_message_status_changed",
  "template_status_update",
  "template_quality_update",
  "phone_number_quality_update",
] as const;

const nfmReplyContentSchema = z.object({
  interactive: z.object({ type: z.literal("nfmReply"), nfmReply: z.object({ responseJson: z.string() }) }),
});

export type ParsedWebhook =
  { ok: true; event: WebhookEvent } | { ok: false; eventType: string | null; reason: string };

/** Raw body → a known event, or the reason it is a dead letter (never throws). */
export function parseWebhookBody(body: Uint8Array): ParsedWebhook {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return { ok: false, eventType: null, reason: "The body is not UTF-8 text." };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, eventType: null, reason: "The body is not JSON." };
  }
  const eventType =
    json && typeof json === "object" && typeof (json as { eventType?: unknown }).eventType === "string"
      ? ((json as { eventType: string }).eventType.slice(0, 100) as string)
      : null;
  if (eventType === null) return { ok: false, eventType, reason: "The body has no eventType." };
  if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(eventType)) {
    return { ok: false, eventType, reason: `Unknown event type "${eventType}".` };
  }
  const parsed = webhookEventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "envelope";
    return {
      ok: false,
      eventType,
      reason: `Not a valid ${eventType} envelope: ${where}: ${issue?.message ?? "invalid"}.`,
    };
  }
  return { ok: true, event: parsed.data };
}

export type FlowSubmission = {
  /** The complete-payload keys and values, without flow_token. */
  values: Record<string, unknown>;
  flowToken: string | null;
};

export type SubmissionParse =
  | { kind: "submission"; submission: FlowSubmission }
  | { kind: "other" }
  | { kind: "invalid"; reason: string };

/** Recognises a Flow submission and parses its double-encoded responseJson. */
export function parseFlowSubmission(event: InboundMessageEvent): SubmissionParse {
  const { payload } = event;
  if (payload.type.toLowerCase() !== "interactive") return { kind: "other" };
  const interactiveType = (payload.content.interactive as { type?: unknown } | undefined)?.type;
  if (interactiveType !== "nfmReply") return { kind: "other" };
  const content = nfmReplyContentSchema.safeParse(payload.content);
  if (!content.success) return { kind: "invalid", reason: "nfmReply without a responseJson string." };
  let values: unknown;
  try {
    values = JSON.parse(content.data.interactive.nfmReply.responseJson);
  } catch {
    return { kind: "invalid", reason: "nfmReply.responseJson is not JSON." };
  }
  if (!values || typeof values !== "object" || Array.isArray(values)) {
    return { kind: "invalid", reason: "nfmReply.responseJson is not a JSON object." };
  }
  const { flow_token: flowToken, ...rest } = values as Record<string, unknown>;
  return {
    kind: "submission",
    submission: {
      values: rest,
      flowToken: typeof flowToken === "string" && flowToken !== "" ? flowToken : null,
    },
  };
}
