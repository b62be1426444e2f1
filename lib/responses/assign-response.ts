import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth";
import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";

export const assignResponseSchema = z.object({
  responseId: z.uuid("Choose a response."),
  flowId: z.uuid("Choose a flow."),
});

/** An admin attributes an unattributed response to a flow by hand; recorded as MANUAL and audited. */
export async function assignResponseToFlow(user: CurrentUser, input: z.infer<typeof assignResponseSchema>) {
  return getDb().$transaction(async (tx) => {
    const flow = await tx.flow.findUnique({ where: { id: input.flowId }, select: { id: true, name: true } });
    if (!flow) throw new NotFoundError("The flow");
    const { count } = await tx.flowResponse.updateMany({
      where: { id: input.responseId, flowId: null },
      data: { flowId: flow.id, attribution: "MANUAL", assignedById: user.id, assignedAt: new Date() },
    });
    if (count === 0) {
      const exists = await tx.flowResponse.findUnique({
        where: { id: input.responseId },
        select: { id: true },
      });
      if (!exists) throw new NotFoundError("The response");
      throw new ConflictError("This response is already attributed to a flow.");
    }
    await writeAudit(
      user,
      {
        action: "responses.assign",
        objectType: "flow_response",
        objectId: input.responseId,
        details: { flowId: flow.id },
      },
      tx,
    );
    return { flowId: flow.id, flowName: flow.name };
  });
}
