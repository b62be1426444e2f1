import "server-only";
import { getDb } from "@/lib/db";
import { isExpectedError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs";
import { logger } from "@/lib/logger";
import { syncChannelFlows } from "./sync";

/** A cache older than this is refreshed in the background when a page shows it. */
export const FLOW_CACHE_MAX_AGE_MS = 60_000;

export const syncFlowsJob = defineJob<{ channelId: string }>(
  "flows-sync",
  async ({ channelId }) => {
    try {
      await syncChannelFlows(channelId);
    } catch (error) {
      // The failure is recorded on the channel and shown; the next page view tries again, so no job retries.
      if (!isExpectedError(error)) throw error;
      logger.warn("flows.background_sync_failed", { channelId, reason: error.message });
    }
  },
  { retryLimit: 0 },
);

/** Queues one background sync per channel: instances asking within the same 30 s share one job. */
export async function requestFlowSync(channelId: string): Promise<void> {
  await syncFlowsJob.send({ channelId }, { singletonKey: `flows-sync:${channelId}`, singletonSeconds: 30 });
}

/** Starts a background sync when the cache is older than a minute; says whether it did. */
export async function syncFlowsIfStale(channel: {
  id: string;
  lastFlowSyncAt: Date | null;
  lastSyncAttemptAt: Date | null;
}): Promise<boolean> {
  const lastTouch = Math.max(
    channel.lastFlowSyncAt?.getTime() ?? 0,
    channel.lastSyncAttemptAt?.getTime() ?? 0,
  );
  if (Date.now() - lastTouch < FLOW_CACHE_MAX_AGE_MS) return false;
  try {
    await requestFlowSync(channel.id);
    return true;
  } catch (error) {
    // The queue being down must not take the cached page with it.
    logger.error("flows.sync_request_failed", { channelId: channel.id, error });
    return false;
  }
}

export async function getChannelSyncState(channelId: string) {
  const channel = await getDb().channel.findUnique({
    where: { id: channelId },
    select: { lastFlowSyncAt: true, lastSyncAttemptAt: true, lastSyncError: true },
  });
  return channel ?? { lastFlowSyncAt: null, lastSyncAttemptAt: null, lastSyncError: null };
}
