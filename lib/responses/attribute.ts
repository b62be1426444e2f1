import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResponseAttribution } from "@/lib/generated/prisma/enums";
import { verifyFlowToken } from "./flow-token";

export type Attribution = {
  flowId: string | null;
  attribution: ResponseAttribution;
  tokenForged: boolean;
  sendId: string | null;
};

/**
 * Which flow a submission answers. The nfmReply carries no flow id, so: our signed flow_token first, then
 * the send log (the send with this token, or the message the reply answers), else unattributed.
 */
export async function attributeSubmission(
  tx: Prisma.TransactionClient,
  { flowToken, replyToUmid }: { flowToken: string | null; replyToUmid: string | null },
): Promise<Attribution> {
  const check = flowToken ? verifyFlowToken(flowToken) : null;
  const tokenForged = check !== null && "forged" in check;
  if (check && !("forged" in check)) {
    const flow = await tx.flow.findUnique({ where: { id: check.flowId }, select: { id: true } });
    if (flow) return { flowId: flow.id, attribution: "TOKEN", tokenForged, sendId: check.sendId };
  }
  const send =
    (flowToken && !tokenForged
      ? await tx.messageSend.findFirst({
          where: { flowToken, flowId: { not: null } },
          select: { id: true, flowId: true },
        })
      : null) ??
    (replyToUmid
      ? await tx.messageSend.findFirst({
          where: { umid: replyToUmid, flowId: { not: null } },
          select: { id: true, flowId: true },
        })
      : null);
  if (send?.flowId) return { flowId: send.flowId, attribution: "SEND_LOG", tokenForged, sendId: send.id };
  return { flowId: null, attribution: "UNATTRIBUTED", tokenForged, sendId: null };
}
