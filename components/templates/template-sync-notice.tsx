"use client";
import { timeAgo } from "@/components/ui/format-date";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { syncTemplatesAction } from "@/lib/actions/templates";

/** How fresh the cached list is, the last sync error if any, and a button to sync now. */
export function TemplateSyncNotice({
  channelId,
  lastSyncedAt,
  lastError,
  stale,
}: {
  channelId: string;
  lastSyncedAt: string | null;
  lastError: string | null;
  stale: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function sync() {
    startTransition(async () => {
      const result = await syncTemplatesAction({ channelId });
      if (!result.ok) toast.error(result.error.message);
      else
        toast.success(
          `Templates are up to date with 8x8 (${result.data.created} new, ${result.data.removed} removed).`,
        );
      router.refresh();
    });
  }

  const when = lastSyncedAt
    ? `Synced with 8x8 ${timeAgo(new Date(lastSyncedAt))}.`
    : "Not synced with 8x8 yet.";
  return (
    <Notice
      tone={lastError ? "error" : stale ? "warning" : "info"}
      className="mb-4 flex flex-wrap items-center justify-between gap-3"
    >
      <span data-testid="template-sync-state">
        {lastError ? `The last sync failed: ${lastError} ` : null}
        {when}
        {stale && !lastError
          ? " The list may not show the latest status; statuses also arrive by webhook."
          : null}
      </span>
      <Button variant="secondary" size="sm" onClick={sync} disabled={pending}>
        <RefreshCw className={pending ? "size-4 animate-spin" : "size-4"} aria-hidden />{" "}
        {pending ? "Syncing…" : "Sync now"}
      </Button>
    </Notice>
  );
}
