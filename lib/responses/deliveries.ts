import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth";
import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { DeliveryResult } from "@/lib/generated/prisma/enums";
import { WEBHOOK_EVENT_TYPES } from "./envelope";
import { processWebhookDelivery } from "./process-delivery";

export const DELIVERY_RESULTS = [
  "PENDING",
  "PROCESSED",
  "DUPLICATE",
  "DEAD_LETTER",
  "FAILED",
] as const satisfies readonly DeliveryResult[];
export const DELIVERY_LOG_LIMIT = 200;

export const deliveryLogFiltersSchema = z.object({
  type: z
    .preprocess((v) => (v === "" ? undefined : v), z.enum([...WEBHOOK_EVENT_TYPES, "unknown"]).optional())
    .catch(undefined),
  result: z
    .preprocess((v) => (v === "" ? undefined : v), z.enum(DELIVERY_RESULTS).optional())
    .catch(undefined),
});
export type DeliveryLogFilters = z.infer<typeof deliveryLogFiltersSchema>;

export type DeliverySummary = {
  id: string;
  receivedAt: string;
  eventType: string | null;
  result: DeliveryResult;
  ackMs: number;
  processingMs: number | null;
  attempts: number;
  outcome: string | null;
  error: string | null;
};

export async function listDeliveries(filters: DeliveryLogFilters): Promise<DeliverySummary[]> {
  const rows = await getDb().webhookDelivery.findMany({
    where: {
      result: filters.result,
      ...(filters.type === "unknown"
        ? {
            OR: [
              { eventType: null, result: { not: "PENDING" } },
              { eventType: { notIn: [...WEBHOOK_EVENT_TYPES] } },
            ],
          }
        : { eventType: filters.type }),
    },
    orderBy: { receivedAt: "desc" },
    take: DELIVERY_LOG_LIMIT,
    select: {
      id: true,
      receivedAt: true,
      eventType: true,
      result: true,
      ackMs: true,
      processingMs: true,
      attempts: true,
      outcome: true,
      error: true,
    },
  });
  return rows.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString() }));
}

/** A delivery with its raw body for the dead-letter view (the body is shown as text, never executed). */
export async function getDeliveryBody(
  id: string,
): Promise<{ headers: Record<string, string>; body: string; bytes: number }> {
  const delivery = z.uuid().safeParse(id).success
    ? await getDb().webhookDelivery.findUnique({ where: { id }, select: { headers: true, body: true } })
    : null;
  if (!delivery) throw new NotFoundError("The delivery");
  return {
    headers: delivery.headers as Record<string, string>,
    body: new TextDecoder("utf-8").decode(delivery.body),
    bytes: delivery.body.byteLength,
  };
}

export const reprocessDeliverySchema = z.object({ deliveryId: z.uuid("Choose a delivery.") });

/**
 * Runs a dead letter or failed delivery through processing again (after a fix). It goes back to
 * PENDING, which queues it (delivery-queue.ts), then one attempt runs at once so the admin sees the result.
 */
export async function reprocessDelivery(
  user: CurrentUser,
  { deliveryId }: z.infer<typeof reprocessDeliverySchema>,
) {
  const db = getDb();
  const reset = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, result: { in: ["DEAD_LETTER", "FAILED"] } },
      data: { result: "PENDING", error: null, outcome: null },
    });
    if (count > 0)
      await writeAudit(
        user,
        { action: "webhooks.reprocess", objectType: "webhook_delivery", objectId: deliveryId },
        tx,
      );
    return count;
  });
  if (reset === 0) {
    const exists = await db.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { result: true },
    });
    if (!exists) throw new NotFoundError("The delivery");
    throw new ConflictError("Only dead letters and failed deliveries can be re-processed.");
  }
  const outcome = await processWebhookDelivery(deliveryId).catch(() => ({
    deliveryId,
    result: "FAILED" as const,
  }));
  if (outcome.result !== "skipped") return { result: outcome.result };
  // The queue took it first (its lock made this attempt wait until it was done): report what it did.
  const { result } = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: { result: true },
  });
  return { result };
}
