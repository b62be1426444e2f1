import "server-only";
import { subMinutes } from "date-fns";
import { getDb, type Prisma } from "@/lib/db";
import { getEightByEightClient, isEightByEightError } from "@/lib/eightbyeight";
import { NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { flowIdsOfComponents, parseComponents } from "./components";

/**
 * Brings the channel's template cache in line with 8x8's template list. 8x8's list carries no quality
 * score and no rejection reason, so those keep what the webhooks told us unless the list says otherwise.
 */
export type TemplateSyncResult = { created: number; updated: number; removed: number };

// A template submitted a moment ago may not be listed yet; don't drop it from the cache in that window.
const JUST_SUBMITTED_MINUTES = 5;

export async function syncChannelTemplates(channelId: string): Promise<TemplateSyncResult> {
  const db = getDb();
  const channel = await db.channel.findUnique({
    where: { id: channelId },
    select: { id: true, externalId: true },
  });
  if (!channel) throw new NotFoundError("The channel");
  let listed;
  try {
    listed = await (await getEightByEightClient()).templates.list(channel.externalId);
  } catch (error) {
    const message = isEightByEightError(error) ? error.message : "The template list could not be read.";
    await db.templateSyncState.upsert({
      where: { channelId },
      create: { channelId, lastError: message },
      update: { lastError: message },
    });
    throw error;
  }
  const now = new Date();
  const result: TemplateSyncResult = { created: 0, updated: 0, removed: 0 };
  await db.$transaction(async (tx) => {
    const cached = await tx.template.findMany({
      where: { channelId },
      select: { id: true, name: true, language: true, createdAt: true },
    });
    const seen = new Set<string>();
    for (const template of listed) {
      const components = parseComponents(template.components);
      const key = `${template.name}\u0000${template.language}`;
      seen.add(key);
      const data = {
        category: template.category,
        status: template.status,
        components: components as Prisma.InputJsonValue,
        flowExternalIds: template.flowIds.length > 0 ? template.flowIds : flowIdsOfComponents(components),
        lastSyncedAt: now,
        ...(template.id ? { externalId: template.id } : {}),
        // A status other than REJECTED clears an old reason; a REJECTED listing without one keeps the webhook's.
        ...(template.status !== "REJECTED"
          ? { rejectionReason: null }
          : template.rejectionReason
            ? { rejectionReason: template.rejectionReason }
            : {}),
      };
      const existing = cached.find((c) => c.name === template.name && c.language === template.language);
      if (existing) {
        await tx.template.update({ where: { id: existing.id }, data });
        result.updated += 1;
      } else {
        await tx.template.create({
          data: {
            channelId,
            name: template.name,
            language: template.language,
            ...data,
            createdAt: template.createdAt ?? now,
          },
        });
        result.created += 1;
      }
    }
    const gone = cached.filter(
      (c) =>
        !seen.has(`${c.name}\u0000${c.language}`) && c.createdAt < subMinutes(now, JUST_SUBMITTED_MINUTES),
    );
    if (gone.length > 0) {
      await tx.template.deleteMany({ where: { id: { in: gone.map((c) => c.id) } } });
      result.removed = gone.length;
    }
    await tx.templateSyncState.upsert({
      where: { channelId },
      create: { channelId, lastSyncedAt: now, lastError: null },
      update: { lastSyncedAt: now, lastError: null },
    });
  });
  logger.info("templates.synced", { channelId, ...result });
  return result;
}
