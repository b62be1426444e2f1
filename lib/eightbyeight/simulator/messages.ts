import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { badRequest, notFound, SIM_CODES, SimError } from "./errors";
import type { SimResponse } from "./types";
import { deliverWebhookJob, messageEvent } from "./webhooks";

const E164 = /^\+[1-9]\d{6,14}$/;
const WINDOW_MS = 24 * 3600_000;
/** Seconds after the send at which the delivery receipts are posted: sent, delivered, read. */
const RECEIPT_SCHEDULE = [
  { state: "sent", afterSeconds: 1 },
  { state: "delivered", afterSeconds: 2 },
  { state: "read", afterSeconds: 4 },
] as const;

const invalidMsisdn = () =>
  new SimError(400, SIM_CODES.invalidMsisdn, "Invalid MSISDN format (not E.164 international number)");

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

async function windowIsOpen(channelId: string, msisdn: string): Promise<boolean> {
  const conversation = await getDb().simConversation.findUnique({
    where: { channelId_msisdn: { channelId, msisdn } },
  });
  return Boolean(
    conversation &&
    (conversation.alwaysOpen || Date.now() - conversation.lastInboundAt.getTime() < WINDOW_MS),
  );
}

/** The send endpoint (8x8-api.md §4.1): templates need an APPROVED template, interactive Flows a published flow and the 24-hour window. */
export async function sendMessage(subAccountId: string, raw: unknown): Promise<SimResponse> {
  const body = asObject(raw);
  if (!body) throw badRequest("Request body must be a JSON object");
  const msisdn = asObject(body.user)?.msisdn;
  if (typeof msisdn !== "string" || !E164.test(msisdn)) throw invalidMsisdn();
  if (typeof body.type !== "string") throw badRequest("type is required");
  const content = asObject(body.content);
  if (!content) throw badRequest("content is required");
  const db = getDb();
  const type = body.type.toLowerCase();
  let channelId: string | null = null;
  let flowId: string | null = null;
  let flowToken: string | null = null;
  let contentType = body.type;

  if (type === "template") {
    const template = asObject(content.template);
    if (typeof template?.name !== "string" || typeof template.language !== "string")
      throw badRequest("content.template.name and language are required");
    const found = await db.simTemplate.findFirst({
      where: { name: template.name, language: template.language, deletedAt: null },
    });
    if (!found) throw notFound("Template not found");
    if (found.status !== "APPROVED") throw badRequest("Template is not approved");
    channelId = found.channelId;
    flowId = found.flowIds[0] ?? null;
    contentType = "Template";
  } else if (type === "interactive") {
    const interactive = asObject(content.interactive);
    if (!interactive) throw badRequest("content.interactive is required");
    if (interactive.type === "flow") {
      const parameters = asObject(asObject(interactive.action)?.parameters);
      if (typeof parameters?.flowId !== "string") throw badRequest("action.parameters.flowId is required");
      if (
        typeof parameters.flowCta !== "string" ||
        parameters.flowCta.length === 0 ||
        parameters.flowCta.length > 20
      ) {
        throw badRequest("action.parameters.flowCta is required (max 20 characters)");
      }
      const flow = await db.simFlow.findUnique({ where: { id: parameters.flowId } });
      if (!flow) throw notFound("Flow not found");
      const draftMode = parameters.mode === "draft";
      if (flow.status === "DRAFT" && !draftMode) throw badRequest("Flow is not published");
      channelId = flow.channelId;
      flowId = flow.id;
      flowToken = typeof parameters.flowToken === "string" ? parameters.flowToken : null;
    }
    contentType = interactive.type === "flow" ? "Interactive" : "Buttons";
    if (channelId === null) {
      channelId =
        (await db.simConversation.findFirst({ where: { msisdn }, orderBy: { lastInboundAt: "desc" } }))
          ?.channelId ?? null;
    }
    if (!channelId || !(await windowIsOpen(channelId, msisdn))) {
      throw badRequest(
        "Outside service window: interactive messages can only be sent within 24 hours of the customer's last message",
      );
    }
  }

  const umid = randomUUID();
  await db.simMessage.create({
    data: {
      umid,
      subAccountId,
      channelId,
      msisdn,
      type: body.type,
      contentType,
      flowId,
      flowToken,
      status: "queued",
    },
  });
  // A number ending in 99 plays an unreachable phone, so the portal's failure path can be seen.
  const undeliverable = msisdn.endsWith("99");
  const schedule = undeliverable ? [{ state: "undelivered", afterSeconds: 2 }] : RECEIPT_SCHEDULE;
  for (const step of schedule) {
    await deliverWebhookJob.send(
      {
        event: messageEvent("outbound_message_status_changed", {
          umid,
          subAccountId,
          channel: "whatsapp",
          user: { msisdn, channelUserId: msisdn.slice(1) },
          status: {
            state: step.state,
            ...(step.state === "delivered" ? { detail: "delivered_to_recipient" } : {}),
            ...(step.state === "undelivered"
              ? { detail: "rejected_by_operator", errorCode: 15, errorMessage: "Invalid destination" }
              : {}),
            timestamp: new Date(Date.now() + step.afterSeconds * 1000).toISOString(),
          },
        }),
        messageStatus: { umid, state: step.state },
      },
      { startAfter: step.afterSeconds },
    );
  }
  return {
    status: 200,
    json: {
      umid,
      clientMessageId: typeof body.clientMessageId === "string" ? body.clientMessageId : null,
      status: { state: "queued", timestamp: new Date().toISOString() },
    },
  };
}

/** Message details (8x8-api.md §4.2); content and phone numbers are masked as 8x8 masks them by default. */
export async function messageDetails(subAccountId: string, umid: string): Promise<SimResponse> {
  const message = /^[0-9a-f-]{36}$/i.test(umid)
    ? await getDb().simMessage.findFirst({ where: { umid, subAccountId } })
    : null;
  if (!message) throw new SimError(404, SIM_CODES.unknownMessage, "Invalid jobId");
  return {
    status: 200,
    json: {
      data: [
        {
          umid: message.umid,
          subAccountId,
          channel: "WhatsApp",
          channelId: message.channelId ?? "",
          direction: "outbound",
          status: { state: message.status, timestamp: message.createdAt.toISOString() },
          user: { msisdn: `${message.msisdn.slice(0, -4)}xxxx` },
          contentType: message.contentType,
          content: "**MASKED**",
          createdAt: message.createdAt.toISOString(),
          step: 1,
        },
      ],
    },
  };
}

/** The test user writes to the business: an inbound text webhook, and the 24-hour window opens. */
export async function simulateInboundText(input: {
  channelExternalId: string;
  msisdn: string;
  text: string;
}): Promise<{ umid: string }> {
  if (!E164.test(input.msisdn)) throw invalidMsisdn();
  const now = new Date();
  await getDb().simConversation.upsert({
    where: { channelId_msisdn: { channelId: input.channelExternalId, msisdn: input.msisdn } },
    create: { channelId: input.channelExternalId, msisdn: input.msisdn, lastInboundAt: now },
    update: { lastInboundAt: now },
  });
  const umid = randomUUID();
  await deliverWebhookJob.send({
    event: messageEvent("inbound_message_received", {
      umid,
      subAccountId: (await lastSubAccount()) ?? "flowport-demo",
      timestamp: now.toISOString(),
      user: { msisdn: input.msisdn, channelUserId: input.msisdn.slice(1) },
      recipient: { channel: "whatsapp", channelId: input.channelExternalId },
      type: "Text",
      content: { text: input.text },
    }),
  });
  return { umid };
}

async function lastSubAccount(): Promise<string | undefined> {
  return (
    await getDb().simMessage.findFirst({ orderBy: { createdAt: "desc" }, select: { subAccountId: true } })
  )?.subAccountId;
}

/**
 * The test user completes a flow that was sent to them: posts an `inbound_message_received` nfmReply whose
 * `responseJson` is the stringified complete payload plus `flow_token`, exactly as 8x8 does (§6.3).
 */
export async function simulateFlowSubmission(input: {
  channelExternalId: string;
  recipient: string;
  flowToken: string;
  responseJson: Record<string, unknown>;
}): Promise<{ umid: string }> {
  if (!E164.test(input.recipient)) throw invalidMsisdn();
  const sent = await getDb().simMessage.findFirst({
    where: { flowToken: input.flowToken, msisdn: input.recipient },
    orderBy: { createdAt: "desc" },
  });
  const now = new Date();
  await getDb().simConversation.upsert({
    where: { channelId_msisdn: { channelId: input.channelExternalId, msisdn: input.recipient } },
    create: { channelId: input.channelExternalId, msisdn: input.recipient, lastInboundAt: now },
    update: { lastInboundAt: now },
  });
  const umid = randomUUID();
  await deliverWebhookJob.send({
    event: messageEvent("inbound_message_received", {
      umid,
      subAccountId: sent?.subAccountId ?? (await lastSubAccount()) ?? "flowport-demo",
      timestamp: now.toISOString(),
      user: { msisdn: input.recipient, channelUserId: input.recipient.slice(1) },
      recipient: { channel: "whatsapp", channelId: input.channelExternalId },
      type: "Interactive",
      content: {
        interactive: {
          type: "nfmReply",
          nfmReply: { responseJson: JSON.stringify({ ...input.responseJson, flow_token: input.flowToken }) },
        },
      },
    }),
  });
  return { umid };
}
