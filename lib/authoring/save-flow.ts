import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getEightByEightClient } from "@/lib/eightbyeight";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FlowJsonProblem } from "@/lib/flow-json";
import { StaleRevisionError } from "./errors";
import { declaredVersion } from "./flow-json-version";
import { lockFlow } from "./lock-flow";
import { toRemoteProblems } from "./remote-problems";
import type { saveFlowSchema } from "./schemas";

export type SaveFlowParsed = z.output<typeof saveFlowSchema>;
export type SaveFlowResult = { revision: number; savedAt: string; validationErrors: FlowJsonProblem[] };

/** Long enough for the client's own retries on 429/5xx; the row stays locked meanwhile. */
const SAVE_TIMEOUT_MS = 90_000;

/**
 * Saves a draft: refuses when someone saved since the editor opened (optimistic concurrency on
 * Flow.revision), sends the text to 8x8 (Update), stores 8x8's answer and a revision. The row is locked
 * while 8x8 is called, so two instances saving the same flow cannot both pass the revision check.
 */
export async function saveFlow(actor: CurrentUser, input: SaveFlowParsed): Promise<SaveFlowResult> {
  return getDb().$transaction(
    async (tx) => {
      await lockFlow(tx, input.flowId);
      const flow = await tx.flow.findUnique({
        where: { id: input.flowId },
        include: { channel: { select: { externalId: true } } },
      });
      if (!flow) throw new NotFoundError("The flow");
      if (flow.status !== "DRAFT") {
        throw new ConflictError(
          `This flow is ${flow.status.toLowerCase()}, and published flows cannot be edited. Create a new version instead.`,
        );
      }
      if (flow.revision !== input.baseRevision) {
        const latest = await tx.flowRevision.findFirst({
          where: { flowId: flow.id },
          orderBy: { number: "desc" },
        });
        throw new StaleRevisionError({
          revision: flow.revision,
          authorEmail: latest?.authorEmail ?? null,
          savedAt: latest?.createdAt ?? flow.updatedAt,
        });
      }

      const client = await getEightByEightClient();
      const result = await client.flows.update(flow.channel.externalId, flow.externalId, {
        name: input.name,
        categories: input.categories,
        flowJson: input.flowJson,
        ...(input.endpointUri ? { endPointUri: input.endpointUri } : {}),
      });

      const now = new Date();
      const updated = await tx.flow.update({
        where: { id: flow.id },
        data: {
          name: input.name,
          categories: input.categories,
          endpointUri: input.endpointUri,
          flowJson: input.flowJson,
          flowJsonVersion: declaredVersion(input.flowJson),
          validationErrors: result.validationErrors as Prisma.InputJsonValue,
          revision: { increment: 1 },
          updatedAt: now,
          lastSyncedAt: now,
          updatedById: actor.id,
        },
      });
      await tx.flowRevision.create({
        data: {
          flowId: flow.id,
          number: updated.revision,
          name: input.name,
          flowJson: input.flowJson,
          authorId: actor.id,
          authorEmail: actor.email,
          createdAt: now,
        },
      });
      await writeAudit(
        actor,
        {
          action: "flow.save",
          objectType: "flow",
          objectId: flow.id,
          details: {
            externalId: flow.externalId,
            revision: updated.revision,
            validationErrors: result.validationErrors.length,
            ...(input.restoredFromRevision ? { restoredFromRevision: input.restoredFromRevision } : {}),
          },
        },
        tx,
      );
      return {
        revision: updated.revision,
        savedAt: now.toISOString(),
        validationErrors: toRemoteProblems(result.validationErrors),
      };
    },
    { timeout: SAVE_TIMEOUT_MS, maxWait: 10_000 },
  );
}
