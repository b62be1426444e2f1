import "server-only";
import { defineJob } from "@/lib/jobs";
import { processWebhookDelivery } from "./process-delivery";

/** The durable half of webhook processing: enqueued in the same transaction that stores the delivery. */
export const processWebhookJob = defineJob<{ deliveryId: string }>(
  "webhooks.process",
  async ({ deliveryId }) => {
    await processWebhookDelivery(deliveryId);
  },
  { batchSize: 20, retryLimit: 8 },
);
