import "server-only";
import { defineJob } from "@/lib/jobs";
import { sweepDeliveries } from "./delivery-queue";

/** The durable half of webhook processing (delivery-queue.ts): once a minute, on one instance. */
export const sweepDeliveriesJob = defineJob<Record<string, never>>(
  "webhooks.sweep",
  async () => {
    await sweepDeliveries();
  },
  { schedule: "* * * * *", retryLimit: 0 },
);
