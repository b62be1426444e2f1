import "server-only";
import { getDb } from "@/lib/db";
import { isExpectedError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs";
import { logger } from "@/lib/logger";
import { syncChannelTemplates } from "./sync";

/**
 * Durable template work: a sync of one channel's templates (one at a time per channel, whichever
 * instance takes it), and the approval follow-up after a submit. Webhooks usually report the new status
 * first; the follow-up is the safety net when a webhook is lost, and stops once the status is settled.
 */
export const syncTemplatesJob = defineJob<{ channelId: string }>(
  "templates.sync",
  async ({ channelId }) => {
    try {
      await syncChannelTemplates(channelId);
    } catch (error) {
      // Recorded in TemplateSyncState and shown on the page; the next view or click tries again.
      if (!isExpectedError(error)) throw error;
      logger.warn("templates.background_sync_failed", { channelId, reason: error.message });
    }
  },
  { retryLimit: 0 },
);

/** One sync per channel: requests within the same 30 s, from any instance, share one job. */
export function enqueueTemplateSync(channelId: string) {
  return syncTemplatesJob.send(
    { channelId },
    { singletonKey: `templates-sync:${channelId}`, singletonSeconds: 30 },
  );
}

/** A cache older than this is refreshed in the background when /templates shows it. */
export const TEMPLATE_CACHE_MAX_AGE_MS = 60_000;

// Past this the page's notice turns amber: webhooks may have been missed and no sync has succeeded since.
const STALE_NOTICE_AFTER_MS = 5 * TEMPLATE_CACHE_MAX_AGE_MS;

export function isTemplateCacheStale(lastSyncedAt: Date | null | undefined): boolean {
  return !lastSyncedAt || Date.now() - lastSyncedAt.getTime() > STALE_NOTICE_AFTER_MS;
}

export async function syncTemplatesIfStale(channelId: string, lastTouch: Date | null): Promise<boolean> {
  if (lastTouch && Date.now() - lastTouch.getTime() < TEMPLATE_CACHE_MAX_AGE_MS) return false;
  try {
    await enqueueTemplateSync(channelId);
    return true;
  } catch (error) {
    // The queue being down must not take the cached page with it.
    logger.error("templates.sync_request_failed", { channelId, error });
    return false;
  }
}

/** Seconds between approval checks: quick at first (the simulator approves in seconds), then hourly up to two days. */
export const APPROVAL_CHECK_DELAYS = [15, 30, 60, 120, 300, 900, 1800, ...Array<number>(48).fill(3600)];

export const followTemplateApprovalJob = defineJob<{ templateId: string; attempt: number }>(
  "templates.follow-approval",
  async ({ templateId, attempt }) => {
    const template = await getDb().template.findUnique({
      where: { id: templateId },
      select: { channelId: true, status: true },
    });
    if (!template || template.status !== "PENDING") return;
    await syncChannelTemplates(template.channelId);
    const after = await getDb().template.findUnique({ where: { id: templateId }, select: { status: true } });
    if (after?.status !== "PENDING") return;
    const next = APPROVAL_CHECK_DELAYS[attempt + 1];
    if (next === undefined) {
      logger.warn("templates.approval_follow_up_gave_up", { templateId, attempts: attempt + 1 });
      return;
    }
    await scheduleApprovalCheck(templateId, attempt + 1);
  },
  { retryLimit: 3 },
);

export function scheduleApprovalCheck(templateId: string, attempt = 0) {
  return followTemplateApprovalJob.send(
    { templateId, attempt },
    {
      startAfter: APPROVAL_CHECK_DELAYS[attempt] ?? 3600,
      singletonKey: `templates-approval:${templateId}:${attempt}`,
    },
  );
}
