import "server-only";
import { subMinutes } from "date-fns";
import { getDb, type Prisma } from "@/lib/db";
import {
  EightByEightApiError,
  getEightByEightClient,
  isEightByEightError,
  type EightByEightClient,
  type FlowSummary,
} from "@/lib/eightbyeight";
import { isExpectedError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { declaredFlowJsonVersion } from "./flow-json-version";

/**
 * Reconciles a channel's flow cache with 8x8. The list answers only id, name and status, so details (categories,
 * Flow JSON, validation errors) are fetched for flows that are new, changed, never detailed, or drafts not checked
 * for a while (someone may edit them outside the portal). Each sync spends at most `detailBudget` detail requests,
 * so a big channel stays under 8x8's 100 flow requests a minute; the rest follow on the next sync.
 */
export type FlowSyncResult = {
  added: number;
  updated: number;
  removed: number;
  detailed: number;
  pendingDetails: number;
};

const DRAFT_RECHECK_MINUTES = 10;
const DEFAULT_DETAIL_BUDGET = 30;

type CachedSummary = {
  id: string;
  externalId: string;
  name: string;
  status: string;
  lastSyncedAt: Date | null;
  flowJson: string | null;
};

function detailPriority(listed: FlowSummary, cached: CachedSummary | undefined, now: Date): number | null {
  if (!cached) return 0;
  if (cached.name !== listed.name || cached.status !== listed.status) return 1;
  if (!cached.lastSyncedAt) return 2;
  if (listed.status === "DRAFT" && cached.lastSyncedAt < subMinutes(now, DRAFT_RECHECK_MINUTES)) return 3;
  return null;
}

export async function syncChannelFlows(
  channelId: string,
  options: { client?: EightByEightClient; detailBudget?: number } = {},
): Promise<FlowSyncResult> {
  const db = getDb();
  const channel = await db.channel.findUnique({
    where: { id: channelId },
    select: { id: true, externalId: true },
  });
  if (!channel) throw new NotFoundError("The channel");
  const startedAt = new Date();
  try {
    const client = options.client ?? (await getEightByEightClient());
    const listed = await client.flows.list(channel.externalId, { limit: 1000 });
    const cached = await db.flow.findMany({
      where: { channelId },
      select: { id: true, externalId: true, name: true, status: true, lastSyncedAt: true, flowJson: true },
    });
    const cachedById = new Map(cached.map((flow) => [flow.externalId, flow]));
    const result: FlowSyncResult = { added: 0, updated: 0, removed: 0, detailed: 0, pendingDetails: 0 };

    const wanted = listed
      .map((flow) => ({ flow, priority: detailPriority(flow, cachedById.get(flow.id), startedAt) }))
      .filter((entry): entry is { flow: FlowSummary; priority: number } => entry.priority !== null)
      .sort((a, b) => a.priority - b.priority);
    const budget = options.detailBudget ?? DEFAULT_DETAIL_BUDGET;
    const detailNow = new Set(wanted.slice(0, budget).map((entry) => entry.flow.id));
    result.pendingDetails = Math.max(0, wanted.length - budget);

    for (const summary of listed) {
      const existing = cachedById.get(summary.id);
      if (!detailNow.has(summary.id)) {
        // Over budget: at least show it with 8x8's name and status; details come next time.
        if (!existing) {
          await db.flow.create({
            data: {
              channelId,
              externalId: summary.id,
              name: summary.name,
              status: summary.status,
              createdAt: startedAt,
              updatedAt: startedAt,
            },
          });
          result.added += 1;
        } else if (existing.name !== summary.name || existing.status !== summary.status) {
          await db.flow.update({
            where: { id: existing.id },
            data: statusChange(existing, summary.name, summary.status, startedAt),
          });
          result.updated += 1;
        }
        continue;
      }
      let details;
      try {
        details = await client.flows.get(channel.externalId, summary.id, { includeFlowJson: true });
      } catch (error) {
        // Deleted between the list and this call: the next sync drops it.
        if (error instanceof EightByEightApiError && error.httpStatus === 404) continue;
        throw error;
      }
      result.detailed += 1;
      const flowJson = details.flowJson ?? existing?.flowJson ?? null;
      const fields = {
        name: details.name,
        status: details.status,
        categories: details.categories,
        flowJson,
        flowJsonVersion: declaredFlowJsonVersion(flowJson),
        validationErrors: details.validationErrors as Prisma.InputJsonValue,
        lastSyncedAt: startedAt,
      };
      if (!existing) {
        await db.flow.create({
          data: {
            channelId,
            externalId: summary.id,
            ...fields,
            createdAt: startedAt,
            updatedAt: startedAt,
            ...(details.status === "PUBLISHED" ? { publishedAt: startedAt } : {}),
          },
        });
        result.added += 1;
      } else {
        const changed =
          existing.name !== details.name ||
          existing.status !== details.status ||
          existing.flowJson !== flowJson;
        await db.flow.update({
          where: { id: existing.id },
          data: {
            ...fields,
            ...(changed ? statusChange(existing, details.name, details.status, startedAt) : {}),
          },
        });
        if (changed) result.updated += 1;
      }
    }

    // Gone at 8x8. A row cached after this sync started (a flow just created here) is not judged by this list.
    const listedIds = listed.map((flow) => flow.id);
    const removed = await db.flow.deleteMany({
      where: {
        channelId,
        externalId: { notIn: listedIds },
        createdAt: { lt: startedAt },
        OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: startedAt } }],
      },
    });
    result.removed = removed.count;
    await db.channel.update({
      where: { id: channelId },
      data: { lastFlowSyncAt: startedAt, lastSyncAttemptAt: new Date(), lastSyncError: null },
    });
    logger.info("flows.synced", { channelId, ...result });
    return result;
  } catch (error) {
    const message =
      isEightByEightError(error) || isExpectedError(error)
        ? error.message
        : "The flow list could not be synchronised.";
    await db.channel.update({
      where: { id: channelId },
      data: { lastSyncAttemptAt: new Date(), lastSyncError: message },
    });
    logger.warn("flows.sync_failed", { channelId, error: isExpectedError(error) ? error.message : error });
    throw error;
  }
}

function statusChange(
  existing: { status: string },
  name: string,
  status: "DRAFT" | "PUBLISHED" | "DEPRECATED",
  at: Date,
) {
  return {
    name,
    status,
    updatedAt: at,
    ...(status === "PUBLISHED" && existing.status !== "PUBLISHED" ? { publishedAt: at } : {}),
    ...(status === "DEPRECATED" && existing.status !== "DEPRECATED" ? { deprecatedAt: at } : {}),
  };
}
