import "server-only";
import type { ResponseAttribution } from "@/lib/generated/prisma/enums";
import type { FlowSubmission, InboundMessageEvent } from "./envelope";
import { verifyFlowToken } from "./flow-token";

/** A flow submission ready to store: what the webhook says, plus what its flow_token's signature says. */
export type SubmissionRow = {
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

export function submissionRow(
  { payload }: InboundMessageEvent,
  { values, flowToken }: FlowSubmission,
  { deliveryId, receivedAt }: { deliveryId: string; receivedAt: Date },
): SubmissionRow {
  const check = flowToken ? verifyFlowToken(flowToken) : null;
  const valid = check && !("forged" in check) ? check : null;
  return {
    deliveryId,
    umid: payload.umid,
    channelExternalId: payload.recipient?.channelId ?? null,
    phone: payload.user.msisdn,
    submittedAt: payload.timestamp ? new Date(payload.timestamp) : receivedAt,
    receivedAt,
    responseJson: values,
    flowToken,
    replyToUmid: payload.replyToUmid ?? null,
    tokenFlowId: valid?.flowId ?? null,
    tokenSendId: valid?.sendId ?? null,
    tokenForged: check !== null && "forged" in check,
  };
}

/** Runs one SQL statement on the caller's connection or transaction (pg or Prisma) and gives its rows. */
export type RunQuery = <Row>(sql: string, values: unknown[]) => Promise<Row[]>;

export type StoredSubmission = { deliveryId: string; stored: boolean; outcome: string };

/**
 * Stores submissions, each once per umid (ON CONFLICT DO NOTHING, also across concurrent batches), and
 * attributes each to a flow: the nfmReply carries no flow id, so our signed flow_token naming an existing
 * flow first, else the send with that flow_token, else the send the reply answers, else unattributed.
 * Rows go in umid order so concurrent batches take unique-index locks in the same order.
 */
export async function insertSubmissions(
  query: RunQuery,
  submissions: SubmissionRow[],
): Promise<StoredSubmission[]> {
  if (submissions.length === 0) return [];
  const rows = await query<{ deliveryId: string; attribution: ResponseAttribution; tokenForged: boolean }>(
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
     RETURNING "deliveryId", attribution::text AS attribution, "tokenForged"`,
    [JSON.stringify(submissions)],
  );
  const stored = new Map(rows.map((row) => [row.deliveryId, row]));
  return submissions.map(({ deliveryId }) => {
    const row = stored.get(deliveryId);
    return row
      ? { deliveryId, stored: true, outcome: submissionOutcome(row.attribution, row.tokenForged) }
      : { deliveryId, stored: false, outcome: DUPLICATE_SUBMISSION };
  });
}

const DUPLICATE_SUBMISSION = "This submission (same umid) was already stored.";

/** The delivery log's sentence for a stored submission. */
function submissionOutcome(attribution: ResponseAttribution, tokenForged: boolean): string {
  const how = {
    TOKEN: "attributed by its flow_token",
    SEND_LOG: "attributed through the send log",
    MANUAL: "assigned by hand",
    UNATTRIBUTED: "unattributed",
  }[attribution];
  return `Flow response stored, ${how}${tokenForged ? " (the flow_token was forged)" : ""}.`;
}
