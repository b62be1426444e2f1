import "server-only";

// Registers the simulator's durable jobs (webhook delivery, template review) with the queue.
export { deliverWebhookJob } from "./webhooks";
export { reviewTemplateJob } from "./templates";
