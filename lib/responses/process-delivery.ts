import "server-only";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { DeliveryResult } from "@/lib/generated/prisma/enums";
import { applyWebhookEvent } from "./apply-event";
import { parseWebhookBody } from "./envelope";

// bytea travels as base64: Prisma cannot return raw bytes from a raw query.
type LockedDelivery = { id: string; body64: string; receivedAt: Date; result: DeliveryResult };

export type ProcessOutcome = { deliveryId: string; result: DeliveryResult | "skipped" };

/**
 * Processes one stored delivery exactly once: the row lock makes the first attempt (right after the 200)
 * and the durable job take turns, and only PENDING or FAILED deliveries are worked on. A body that is
 * not a known event becomes a dead letter (kept, not retried); an unexpected error marks the delivery
 * FAILED and is rethrown so the job retries it.
 */
export async function processWebhookDelivery(deliveryId: string): Promise<ProcessOutcome> {
  const db = getDb();
  const started = performance.now();
  try {
    return await db.$transaction(async (tx) => {
      const [delivery] = await tx.$queryRaw<LockedDelivery[]>`
        SELECT id, encode(body, 'base64') AS body64, "receivedAt", result FROM "WebhookDelivery" WHERE id = ${deliveryId}::uuid FOR UPDATE`;
      if (!delivery || (delivery.result !== "PENDING" && delivery.result !== "FAILED")) {
        return { deliveryId, result: "skipped" as const };
      }
      const parsed = parseWebhookBody(Buffer.from(delivery.body64, "base64"));
      const effect = parsed.ok
        ? await applyWebhookEvent(tx, parsed.event, { deliveryId, receivedAt: delivery.receivedAt })
        : ({ kind: "dead_letter", reason: parsed.reason } as const);
      const result: DeliveryResult =
        effect.kind === "processed" ? "PROCESSED" : effect.kind === "duplicate" ? "DUPLICATE" : "DEAD_LETTER";
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: {
          result,
          eventType: parsed.ok ? parsed.event.eventType : parsed.eventType,
          attempts: { increment: 1 },
          processedAt: new Date(),
          processingMs: Math.round(performance.now() - started),
          outcome: effect.kind === "dead_letter" ? null : effect.outcome,
          error: effect.kind === "dead_letter" ? effect.reason : null,
        },
      });
      if (result === "DEAD_LETTER") logger.warn("webhooks.dead_letter", { deliveryId });
      return { deliveryId, result };
    });
  } catch (error) {
    logger.error("webhooks.processing_failed", { deliveryId, error });
    await db.webhookDelivery.updateMany({
      where: { id: deliveryId, result: { in: ["PENDING", "FAILED"] } },
      data: {
        result: "FAILED",
        attempts: { increment: 1 },
        processingMs: Math.round(performance.now() - started),
        error: `Processing failed (${error instanceof Error ? error.name : "error"}); it is retried automatically.`,
      },
    });
    throw error;
  }
}
