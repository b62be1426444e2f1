import "server-only";
import { writeAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { EightByEightApiError, getEightByEightClient } from "@/lib/eightbyeight";
import { ConflictError } from "@/lib/errors";
import { getFlow, templateUsage } from "./queries";
import { canDelete, canDeprecate } from "./status-rules";

/** Deletes a draft at 8x8, then from the cache, audited. Refused for other statuses and for drafts a template uses. */
export async function deleteFlow(
  user: CurrentUser,
  id: string,
  scope: { channelId?: string } = {},
): Promise<{ name: string; channelId: string }> {
  const flow = await getFlow(id, scope);
  const usedBy = (await templateUsage(flow.channelId)).get(flow.externalId) ?? [];
  const rule = canDelete(flow.status, usedBy);
  if (!rule.allowed) throw new ConflictError(`"${flow.name}" cannot be deleted. ${rule.reason}`);
  const client = await getEightByEightClient();
  try {
    await client.flows.delete(flow.channel.externalId, flow.externalId);
  } catch (error) {
    // Already gone at 8x8 (deleted elsewhere): finishing the job here is what the user asked for.
    if (!(error instanceof EightByEightApiError && error.httpStatus === 404)) throw error;
  }
  await getDb().$transaction(async (tx) => {
    await tx.flow.deleteMany({ where: { id: flow.id } });
    await writeAudit(
      user,
      {
        action: "flow.delete",
        objectType: "flow",
        objectId: flow.id,
        details: { name: flow.name, externalId: flow.externalId, channelId: flow.channelId },
      },
      tx,
    );
  });
  return { name: flow.name, channelId: flow.channelId };
}

/** Marks a published flow as no longer recommended; it stays viewable, exportable and its responses stay. */
export async function deprecateFlow(
  user: CurrentUser,
  id: string,
  scope: { channelId?: string } = {},
): Promise<{ name: string; channelId: string }> {
  const flow = await getFlow(id, scope);
  const rule = canDeprecate(flow.status);
  if (!rule.allowed) throw new ConflictError(`"${flow.name}" cannot be deprecated. ${rule.reason}`);
  const client = await getEightByEightClient();
  await client.flows.deprecate(flow.channel.externalId, flow.externalId);
  const now = new Date();
  await getDb().$transaction(async (tx) => {
    await tx.flow.update({
      where: { id: flow.id },
      data: {
        status: "DEPRECATED",
        deprecatedAt: now,
        updatedAt: now,
        updatedById: user.id,
        revision: { increment: 1 },
      },
    });
    await writeAudit(
      user,
      {
        action: "flow.deprecate",
        objectType: "flow",
        objectId: flow.id,
        details: { name: flow.name, externalId: flow.externalId },
      },
      tx,
    );
  });
  return { name: flow.name, channelId: flow.channelId };
}
