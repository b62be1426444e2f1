import "server-only";
import { logger } from "@/lib/logger";
import type { DeliveryResult } from "@/lib/generated/prisma/enums";
import { parseFlowSubmission, parseWebhookBody } from "./envelope";
import { getPgPool } from "./pg-pool";
import { processWebhookDelivery } from "./process-delivery";
import { insertSubmissions, submissionRow, type SubmissionRow } from "./store-submissions";

/** A FAILED delivery is retried by the sweep until it has had this many attempts; then an admin re-processes it. */
export const MAX_DELIVERY_ATTEMPTS = 8;

type ClaimedDelivery = { id: string; body: Buffer; receivedAt: Date };

type Settled = {
  id: string;
  result: DeliveryResult;
  eventType: string | null;
  outcome: string | null;
  error: string | null;
};

/**
 * Processes up to `limit` stored deliveries in one transaction: PENDING ones (the queue; FAILED ones too when
 * `retryFailed`), claimed with FOR UPDATE SKIP LOCKED so that any number of instances and loops share the
 * queue without waiting on each other. Flow submissions — nearly all the traffic — and dead letters are
 * settled with set-based SQL: one INSERT … ON CONFLICT (umid) DO NOTHING for the responses (idempotent per
 * umid, also across concurrent batches), one UPDATE for the deliveries. Other events are rare and go one by
 * one through processWebhookDelivery after the commit, as does every delivery of a batch that fails, so one
 * bad delivery is marked FAILED alone. Returns how many deliveries were claimed.
 */
export async function processDeliveryBatch({
  limit,
  retryFailed = false,
}: {
  limit: number;
  retryFailed?: boolean;
}): Promise<number> {
  const started = performance.now();
  const client = await getPgPool().connect();
  let claimed: ClaimedDelivery[] = [];
  let oneByOne: string[] = [];
  try {
    await client.query("BEGIN");
    claimed = (
      await client.query<ClaimedDelivery>(
        retryFailed
          ? `SELECT id, body, "receivedAt" FROM "WebhookDelivery" WHERE result = 'FAILED' AND attempts < $2
             ORDER BY "receivedAt" LIMIT $1 FOR UPDATE SKIP LOCKED`
          : `SELECT id, body, "receivedAt" FROM "WebhookDelivery" WHERE result = 'PENDING'
             ORDER BY "receivedAt" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        retryFailed ? [limit, MAX_DELIVERY_ATTEMPTS] : [limit],
      )
    ).rows;
    const submissions: SubmissionRow[] = [];
    const settled: Settled[] = [];
    for (const delivery of claimed) {
      const sorted = sortDelivery(delivery);
      if (sorted.kind === "submission") submissions.push(sorted.row);
      else if (sorted.kind === "dead_letter") settled.push(sorted.settled);
      else oneByOne.push(delivery.id);
    }
    const stored = await insertSubmissions(
      async (sql, values) => (await client.query(sql, values)).rows,
      submissions,
    );
    for (const { deliveryId, stored: isNew, outcome } of stored) {
      const result = isNew ? "PROCESSED" : "DUPLICATE";
      settled.push({ id: deliveryId, result, eventType: "inbound_message_received", outcome, error: null });
    }
    if (settled.length > 0) {
      await client.query(
        `UPDATE "WebhookDelivery" d
            SET result = s.result::"DeliveryResult", "eventType" = s."eventType", attempts = d.attempts + 1,
                "processedAt" = $2, "processingMs" = $3, outcome = s.outcome, error = s.error
           FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, result text, "eventType" text, outcome text, error text)
          WHERE d.id = s.id`,
        // The batch's time is what each of its deliveries waited for.
        [JSON.stringify(settled), new Date(), Math.round(performance.now() - started)],
      );
    }
    await client.query("COMMIT");
    for (const dead of settled.filter((s) => s.result === "DEAD_LETTER"))
      logger.warn("webhooks.dead_letter", { deliveryId: dead.id });
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    logger.warn("webhooks.batch_failed", { deliveries: claimed.length, error });
    oneByOne = claimed.map((delivery) => delivery.id);
  } finally {
    client.release();
  }
  for (const id of oneByOne) {
    // It marks the delivery FAILED itself (the sweep retries it); nothing more to do here.
    await processWebhookDelivery(id).catch(() => undefined);
  }
  return claimed.length;
}

type Sorted =
  { kind: "submission"; row: SubmissionRow } | { kind: "dead_letter"; settled: Settled } | { kind: "other" };

/** The same reading of a body as processWebhookDelivery (envelope.ts). */
function sortDelivery(delivery: ClaimedDelivery): Sorted {
  const parsed = parseWebhookBody(delivery.body);
  const deadLetter = (eventType: string | null, reason: string): Sorted => ({
    kind: "dead_letter",
    settled: { id: delivery.id, result: "DEAD_LETTER", eventType, outcome: null, error: reason },
  });
  if (!parsed.ok) return deadLetter(parsed.eventType, parsed.reason);
  if (parsed.event.eventType !== "inbound_message_received") return { kind: "other" };
  const submission = parseFlowSubmission(parsed.event);
  if (submission.kind === "invalid") return deadLetter(parsed.event.eventType, submission.reason);
  if (submission.kind === "other") return { kind: "other" };
  return {
    kind: "submission",
    row: submissionRow(parsed.event, submission.submission, {
      deliveryId: delivery.id,
      receivedAt: delivery.receivedAt,
    }),
  };
}
