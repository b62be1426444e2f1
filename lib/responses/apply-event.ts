import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseFlowSubmission, type WebhookEvent } from "./envelope";
import { insertSubmissions, submissionRow } from "./store-submissions";

export type EventEffect =
  | { kind: "processed"; outcome: string }
  | { kind: "duplicate"; outcome: string }
  | { kind: "dead_letter"; reason: string };

type Context = { deliveryId: string; receivedAt: Date };

/** 8x8's delivery states in the order they happen; a late "delivered" never overwrites "read". */
const STATUS_RANK: Record<string, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  undelivered: 4,
  failed: 4,
};

/** Applies one parsed event inside the caller's transaction. Duplicates are detected by unique constraints. */
export async function applyWebhookEvent(
  tx: Prisma.TransactionClient,
  event: WebhookEvent,
  context: Context,
): Promise<EventEffect> {
  switch (event.eventType) {
    case "inbound_message_received":
      return applyInbound(tx, event, context);
    case "outbound_message_status_changed":
      return applyOutboundStatus(tx, event);
    case "template_status_update":
    case "template_quality_update":
    case "phone_number_quality_update":
      return applyAccountEvent(tx, event, context);
  }
}

async function applyInbound(
  tx: Prisma.TransactionClient,
  event: Extract<WebhookEvent, { eventType: "inbound_message_received" }>,
  { deliveryId, receivedAt }: Context,
): Promise<EventEffect> {
  const { payload } = event;
  const sentAt = payload.timestamp ? new Date(payload.timestamp) : receivedAt;
  const channelExternalId = payload.recipient?.channelId ?? null;
  const parsed = parseFlowSubmission(event);
  if (parsed.kind === "invalid") return { kind: "dead_letter", reason: parsed.reason };
  if (parsed.kind === "other") {
    const { count } = await tx.inboundEvent.createMany({
      data: [
        {
          umid: payload.umid,
          deliveryId,
          channelExternalId,
          phone: payload.user.msisdn,
          messageType: payload.type,
          content: payload.content as Prisma.InputJsonValue,
          replyToUmid: payload.replyToUmid ?? null,
          sentAt,
          receivedAt,
        },
      ],
      skipDuplicates: true,
    });
    return count === 0
      ? { kind: "duplicate", outcome: "This inbound message was already stored." }
      : { kind: "processed", outcome: `Inbound ${payload.type} message kept in the event log.` };
  }

  const row = submissionRow(event, parsed.submission, { deliveryId, receivedAt });
  const [stored] = await insertSubmissions((sql, values) => tx.$queryRawUnsafe(sql, ...values), [row]);
  return { kind: stored!.stored ? "processed" : "duplicate", outcome: stored!.outcome };
}

async function applyOutboundStatus(
  tx: Prisma.TransactionClient,
  event: Extract<WebhookEvent, { eventType: "outbound_message_status_changed" }>,
): Promise<EventEffect> {
  const { umid, status } = event.payload;
  const state = status.state.toLowerCase();
  const send = await tx.messageSend.findUnique({ where: { umid }, select: { id: true, status: true } });
  if (!send)
    return { kind: "processed", outcome: "No send in the send log has this umid; nothing to update." };
  if (send.status === state) return { kind: "duplicate", outcome: `The send is already "${state}".` };
  if ((STATUS_RANK[state] ?? 0) < (STATUS_RANK[send.status] ?? 0)) {
    return { kind: "processed", outcome: `Ignored "${state}": the send is already "${send.status}".` };
  }
  await tx.messageSend.update({
    where: { id: send.id },
    data: {
      status: state,
      statusDetail: status.detail ?? null,
      errorCode: status.errorCode ?? null,
      errorMessage: status.errorMessage ?? null,
    },
  });
  return { kind: "processed", outcome: `Send status set to "${state}".` };
}

async function applyAccountEvent(
  tx: Prisma.TransactionClient,
  event: Extract<
    WebhookEvent,
    { eventType: "template_status_update" | "template_quality_update" | "phone_number_quality_update" }
  >,
  { deliveryId }: Context,
): Promise<EventEffect> {
  const { count } = await tx.accountEvent.createMany({
    data: [
      {
        eventId: event.eventId,
        eventType: event.eventType,
        deliveryId,
        occurredAt: new Date(event.timestamp),
        details: event.eventDetails as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0)
    return { kind: "duplicate", outcome: "This account event (same eventId) was already applied." };

  if (event.eventType === "phone_number_quality_update") {
    const { displayPhoneNumber, meta } = event.eventDetails;
    const digits = (displayPhoneNumber ?? "").replace(/\D/g, "");
    const updated = digits
      ? await tx.$executeRaw`UPDATE "Channel" SET "qualityEvent" = ${meta.event}, "messagingLimit" = COALESCE(${meta.currentLimit ?? null}, "messagingLimit"), "updatedAt" = now() WHERE regexp_replace(COALESCE("phoneNumber", ''), '[^0-9]', '', 'g') = ${digits}`
      : 0;
    return {
      kind: "processed",
      outcome:
        updated > 0
          ? `Channel quality set to ${meta.event}.`
          : "No channel has this phone number; event kept.",
    };
  }

  const { templateId, templateName, templateLanguage } = event.eventDetails;
  const matches: Prisma.TemplateWhereInput[] = [];
  if (templateId) matches.push({ externalId: templateId });
  if (templateName && templateLanguage) matches.push({ name: templateName, language: templateLanguage });
  const data: Prisma.TemplateUpdateManyMutationInput =
    event.eventType === "template_status_update"
      ? { status: event.eventDetails.meta.status, rejectionReason: event.eventDetails.meta.reason ?? null }
      : { qualityScore: event.eventDetails.meta.newQualityScore };
  const updated =
    matches.length > 0 ? (await tx.template.updateMany({ where: { OR: matches }, data })).count : 0;
  const change =
    event.eventType === "template_status_update"
      ? `status ${event.eventDetails.meta.status}`
      : `quality ${event.eventDetails.meta.newQualityScore}`;
  return {
    kind: "processed",
    outcome:
      updated > 0
        ? `Template ${change} applied to ${updated} template(s).`
        : `No template matches; ${change} kept in the event log.`,
  };
}
