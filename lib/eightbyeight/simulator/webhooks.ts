import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { defineJob } from "@/lib/jobs";
import { logger } from "@/lib/logger";
import { appBaseUrl, SIMULATOR_ACCOUNT_ID } from "../config";

/**
 * Webhooks the simulator sends to the portal, as 8x8 would (8x8-api.md §6): durable jobs, so a delay survives a
 * restart and each event is posted once across instances; pg-boss retries failures with exponential backoff.
 */
export const SIM_BUSINESS_ACCOUNT_ID = "sim-waba-1";

export function webhookUrl(): string {
  return `${appBaseUrl()}/api/webhooks/8x8?token=${encodeURIComponent(getEnv().WEBHOOK_TOKEN)}`;
}

/** 8x8 names `X-8x8-Signature` without a scheme; the simulator's own: hex HMAC-SHA256 of the body with WEBHOOK_TOKEN. */
export function signWebhookBody(body: string): string {
  return `sha256=${createHmac("sha256", getEnv().WEBHOOK_TOKEN).update(body).digest("hex")}`;
}

type DeliveryJob = {
  event: Record<string, unknown>;
  /** For delivery receipts: the message status to record before posting. */
  messageStatus?: { umid: string; state: string };
};

export const deliverWebhookJob = defineJob<DeliveryJob>(
  "sim-deliver-webhook",
  async ({ event, messageStatus }) => {
    if (messageStatus) {
      await getDb().simMessage.updateMany({
        where: { umid: messageStatus.umid },
        data: { status: messageStatus.state },
      });
    }
    const body = JSON.stringify(event);
    // 8x8 expects an answer within 5 seconds.
    const response = await fetch(webhookUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-8x8-Signature": signWebhookBody(body) },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    logger.info("sim.webhook_posted", { eventType: event.eventType, status: response.status });
    if (!response.ok) throw new Error(`The portal's webhook answered HTTP ${response.status}.`);
  },
  { retryLimit: 6 },
);

export function messageEvent(
  eventType: "inbound_message_received" | "outbound_message_status_changed",
  payload: Record<string, unknown>,
) {
  return {
    namespace: "ChatApps",
    eventType,
    description:
      eventType === "inbound_message_received"
        ? "ChatApps inbound message"
        : "ChatApps outbound message delivery receipt",
    payload,
  };
}

export function accountEvent(eventType: string, eventDetails: Record<string, unknown>) {
  return {
    eventId: randomUUID(),
    timestamp: new Date().toISOString(),
    provider: "WhatsApp",
    businessAccountId: SIM_BUSINESS_ACCOUNT_ID,
    accountId: SIMULATOR_ACCOUNT_ID,
    eventType,
    eventDetails,
  };
}
