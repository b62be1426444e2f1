import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getEightByEightClient } from "@/lib/eightbyeight";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { declaredVersion } from "./flow-json-version";
import type { createFlowSchema } from "./schemas";

export type CreateFlowParsed = z.output<typeof createFlowSchema>;

/**
 * Creates the flow at 8x8 as a draft with the text exactly as typed (8x8 positions refer to it), then
 * caches it with its first revision. A new version of a published flow links back to it (lineage).
 */
export async function createFlow(
  actor: CurrentUser,
  input: CreateFlowParsed,
): Promise<{ id: string; validationErrorCount: number }> {
  const db = getDb();
  const channel = await db.channel.findUnique({ where: { id: input.channelId } });
  if (!channel)
    throw new ValidationError("Choose a channel.", {
      channelId: ["This channel no longer exists: choose another one."],
    });

  if (input.previousVersionId) {
    const previous = await db.flow.findUnique({
      where: { id: input.previousVersionId },
      select: { status: true, channelId: true },
    });
    if (!previous) throw new NotFoundError("The flow this is a new version of");
    if (previous.status === "DRAFT")
      throw new ValidationError(
        "A draft is edited in place; new versions are made from published or deprecated flows.",
      );
    if (previous.channelId !== channel.id) {
      throw new ValidationError("A new version stays on the channel of the flow it replaces.", {
        channelId: ["Keep the channel of the previous version."],
      });
    }
  }

  const client = await getEightByEightClient();
  const result = await client.flows.create(channel.externalId, {
    name: input.name,
    categories: input.categories,
    flowJson: input.flowJson,
    ...(input.endpointUri ? { endPointUri: input.endpointUri } : {}),
  });

  const now = new Date();
  const fields = {
    name: input.name,
    status: "DRAFT" as const,
    categories: input.categories,
    flowJson: input.flowJson,
    flowJsonVersion: declaredVersion(input.flowJson),
    endpointUri: input.endpointUri,
    validationErrors: result.validationErrors as Prisma.InputJsonValue,
    revision: 1,
    updatedAt: now,
    lastSyncedAt: now,
    updatedById: actor.id,
    previousVersionId: input.previousVersionId ?? null,
  };
  return db.$transaction(async (tx) => {
    // A list sync may have cached the new id already: take the row over rather than fail.
    const flow = await tx.flow.upsert({
      where: { channelId_externalId: { channelId: channel.id, externalId: result.id } },
      create: {
        channelId: channel.id,
        externalId: result.id,
        createdById: actor.id,
        createdAt: now,
        ...fields,
      },
      update: fields,
    });
    await tx.flowRevision.deleteMany({ where: { flowId: flow.id } });
    await tx.flowRevision.create({
      data: {
        flowId: flow.id,
        number: 1,
        name: input.name,
        flowJson: input.flowJson,
        authorId: actor.id,
        authorEmail: actor.email,
      },
    });
    await writeAudit(
      actor,
      {
        action: input.previousVersionId ? "flow.new_version" : "flow.create",
        objectType: "flow",
        objectId: flow.id,
        details: {
          externalId: result.id,
          name: input.name,
          channelId: channel.id,
          categories: input.categories,
          previousVersionId: input.previousVersionId ?? null,
          validationErrors: result.validationErrors.length,
        },
      },
      tx,
    );
    return { id: flow.id, validationErrorCount: result.validationErrors.length };
  });
}
