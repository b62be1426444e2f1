import "server-only";
import { writeAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getEightByEightClient } from "@/lib/eightbyeight";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { lockFlow } from "./lock-flow";
import { publishBlockersOf } from "./publish-blockers";
import { toRemoteProblems } from "./remote-problems";

/** What keeps a cached draft from being published. */
export function publishBlockers(flow: {
  flowJson: string | null;
  endpointUri: string | null;
  validationErrors: unknown;
}): string[] {
  return publishBlockersOf(flow.flowJson, Boolean(flow.endpointUri), toRemoteProblems(flow.validationErrors));
}

/**
 * Publishes a draft at 8x8 (irreversible: it becomes immutable). Refused while the stored text has
 * validation errors, so 8x8 is only asked to publish what is known to be valid.
 */
export async function publishFlow(
  actor: CurrentUser,
  flowId: string,
): Promise<{ status: "PUBLISHED"; publishedAt: string }> {
  return getDb().$transaction(
    async (tx) => {
      await lockFlow(tx, flowId);
      const flow = await tx.flow.findUnique({
        where: { id: flowId },
        include: { channel: { select: { externalId: true } } },
      });
      if (!flow) throw new NotFoundError("The flow");
      if (flow.status !== "DRAFT")
        throw new ConflictError(
          `This flow is already ${flow.status.toLowerCase()}: only drafts can be published.`,
        );
      const blockers = publishBlockers(flow);
      if (blockers.length > 0) {
        throw new ValidationError(
          `This draft has ${blockers.length} validation ${blockers.length === 1 ? "error" : "errors"}: fix ${blockers.length === 1 ? "it" : "them"} and save before publishing.`,
          { flowJson: blockers },
        );
      }
      const client = await getEightByEightClient();
      await client.flows.publish(flow.channel.externalId, flow.externalId);
      const publishedAt = new Date();
      await tx.flow.update({
        where: { id: flow.id },
        data: {
          status: "PUBLISHED",
          publishedAt,
          updatedAt: publishedAt,
          updatedById: actor.id,
          lastSyncedAt: publishedAt,
        },
      });
      await writeAudit(
        actor,
        {
          action: "flow.publish",
          objectType: "flow",
          objectId: flow.id,
          details: { externalId: flow.externalId, revision: flow.revision },
        },
        tx,
      );
      return { status: "PUBLISHED" as const, publishedAt: publishedAt.toISOString() };
    },
    { timeout: 90_000, maxWait: 10_000 },
  );
}
