import "server-only";
import type { PoolClient } from "pg";
import { logger } from "@/lib/logger";
import type { DeliveryResult, ResponseAttribution } from "@/lib/generated/prisma/enums";
import { DUPLICATE_SUBMISSION, submissionOutcome } from "./apply-event";
import { parseFlowSubmission, parseWebhookBody } from "./envelope";
import { verifyFlowToken } from "./flow-token";
import { getPgPool } from "./pg-pool";
import { processWebhookDelivery } from "./process-delivery";

/** A FAILED delivery is retried by the sweep until it has had this many attempts; then an admin re-processes it. */
export const MAX_DELIVERY_ATTEMPTS = 8;

type ClaimedDelivery = { id: string; body: Buffer; receivedAt: Date };

type SubmissionRow = {
  deliveryId: string;
  umid: string;
  channelExternalId: string | null;
  phone: string;
  submittedAt: Date;
  receivedAt: Date;
  responseJson: Record<string, unknown>;
  flowToken: string | null;
  replyToUmid: string | null;
  tokenFlowId: string | null;
  tokenSendId: string | null;
  tokenForged: boolean;
};

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
    settled.push(...(await insertSubmissions(client, submissions)));
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

/** The same reading of a body as processWebhookDelivery (envelope.ts), and attribution's token check. */
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
  const { payload } = parsed.event;
  const { values, flowToken } = submission.submission;
  const check = flowToken ? verifyFlowToken(flowToken) : null;
  const valid = check && !("forged" in check) ? check : null;
  return {
    kind: "submission",
    row: {
      deliveryId: delivery.id,
      umid: payload.umid,
      channelExternalId: payload.recipient?.channelId ?? null,
      phone: payload.user.msisdn,
      submittedAt: payload.timestamp ? new Date(payload.timestamp) : delivery.receivedAt,
      receivedAt: delivery.receivedAt,
      responseJson: values,
      flowToken,
      replyToUmid: payload.replyToUmid ?? null,
      tokenFlowId: valid?.flowId ?? null,
      tokenSendId: valid?.sendId ?? null,
      tokenForged: check !== null && "forged" in check,
    },
  };
}

/**
 * Inserts the submissions with attribution done in SQL, exactly as attribute.ts does it: our signed
 * flow_token naming an existing flow, else the send with that flow_token, else the send the reply answers,
 * else unattributed. Rows go in umid order so concurrent batches take unique-index locks in the same order.
 */
async function insertSubmissions(client: PoolClient, submissions: SubmissionRow[]): Promise<Settled[]> {
  if (submissions.length === 0) return [];
  const { rows } = await client.query<{
    deliveryId: string;
    attribution: ResponseAttribution;
    tokenForged: boolean;
  }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
         "deliveryId" uuid, umid text, "channelExternalId" text, phone text, "submittedAt" timestamptz,
         "receivedAt" timestamptz, "responseJson" jsonb, "flowToken" text, "replyToUmid" text,
         "tokenFlowId" uuid, "tokenSendId" uuid, "tokenForged" boolean)
     )
     INSERT INTO "FlowResponse" (id, umid, "deliveryId", "channelId", "channelExternalId", "flowId", attribution,
                                 "tokenForged", "sendId", phone, "submittedAt", "receivedAt", "responseJson",
                                 "flowToken", "replyToUmid")
     SELECT gen_random_uuid(), i.umid, i."deliveryId", c.id, i."channelExternalId",
            COALESCE(f.id, by_token."flowId", by_reply."flowId"),
            (CASE WHEN f.id IS NOT NULL THEN 'TOKEN'
                  WHEN COALESCE(by_token.id, by_reply.id) IS NOT NULL THEN 'SEND_LOG'
                  ELSE 'UNATTRIBUTED' END)::"ResponseAttribution",
            i."tokenForged",
            CASE WHEN f.id IS NOT NULL THEN i."tokenSendId" ELSE COALESCE(by_token.id, by_reply.id) END,
            i.phone, i."submittedAt", i."receivedAt", i."responseJson", i."flowToken", i."replyToUmid"
       FROM input i
       LEFT JOIN "Channel" c ON c."externalId" = i."channelExternalId"
       LEFT JOIN "Flow" f ON f.id = i."tokenFlowId"
       LEFT JOIN LATERAL (
         SELECT m.id, m."flowId" FROM "MessageSend" m
          WHERE f.id IS NULL AND NOT i."tokenForged" AND m."flowToken" = i."flowToken" AND m."flowId" IS NOT NULL
          LIMIT 1) AS by_token ON true
       LEFT JOIN LATERAL (
         SELECT m.id, m."flowId" FROM "MessageSend" m
          WHERE f.id IS NULL AND by_token.id IS NULL AND m.umid = i."replyToUmid" AND m."flowId" IS NOT NULL
          LIMIT 1) AS by_reply ON true
      ORDER BY i.umid
     ON CONFLICT (umid) DO NOTHING
     RETURNING "deliveryId", attribution, "tokenForged"`,
    [JSON.stringify(submissions)],
  );
  const stored = new Map(rows.map((row) => [row.deliveryId, row]));
  return submissions.map(({ deliveryId }) => {
    const row = stored.get(deliveryId);
    return {
      id: deliveryId,
      result: row ? "PROCESSED" : "DUPLICATE",
      eventType: "inbound_message_received",
      outcome: row ? submissionOutcome(row.attribution, row.tokenForged) : DUPLICATE_SUBMISSION,
      error: null,
    };
  });
}
