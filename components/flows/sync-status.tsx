"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Loader2, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { dateTime, timeAgo } from "@/components/ui/format-date";
import { refreshFlowsAction } from "@/lib/actions/flows";

export type SyncState = {
  lastFlowSyncAt: string | null;
  lastSyncAttemptAt: string | null;
  lastSyncError: string | null;
};

const POLL_MS = 1500;
const POLL_LIMIT_MS = 45_000;

function when(iso: string | null): { relative: string; absolute: string } {
  if (!iso) return { relative: "never", absolute: "never" };
  const date = new Date(iso);
  return {
    relative: timeAgo(date),
    absolute: dateTime(date, { seconds: true }),
  };
}

/**
 * Shows how fresh the cached list is. While a background sync the page started is running it polls the channel's
 * sync state, and reloads the server data once the sync has finished; Refresh syncs now.
 */
export function SyncStatus({
  channelId,
  initial,
  syncQueued,
}: {
  channelId: string;
  initial: SyncState;
  syncQueued: boolean;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // Stop waiting for a background sync after a while: it may have been dropped with its instance.
  const [pollExpired, setPollExpired] = useState(false);
  useEffect(() => {
    if (!syncQueued) return;
    const timer = setTimeout(() => setPollExpired(true), POLL_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [syncQueued]);
  const queryKey = ["channel-sync", channelId] as const;

  const { data = initial } = useQuery({
    queryKey,
    queryFn: async (): Promise<SyncState> => {
      const response = await fetch(`/api/channels/${channelId}/sync-status`, { cache: "no-store" });
      if (!response.ok) throw new Error("The sync state could not be read.");
      return response.json();
    },
    initialData: initial,
    refetchInterval: (query) => {
      const state = query.state.data;
      const finished = state?.lastSyncAttemptAt !== initial.lastSyncAttemptAt;
      return syncQueued && !finished && !pollExpired ? POLL_MS : false;
    },
  });

  const finishedInBackground = syncQueued && data.lastSyncAttemptAt !== initial.lastSyncAttemptAt;
  useEffect(() => {
    if (finishedInBackground) router.refresh();
  }, [finishedInBackground, router]);

  const refresh = useMutation({
    mutationFn: async () => {
      const result = await refreshFlowsAction({ channelId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: (result) => {
      const changes = result.added + result.updated + result.removed;
      toast.success(
        changes === 0
          ? "The list is up to date."
          : `Synced with 8x8: ${result.added} new, ${result.updated} changed, ${result.removed} removed.`,
      );
    },
    onError: (error) => toast.error(error.message),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey });
      router.refresh();
    },
  });

  const syncing = refresh.isPending || (syncQueued && !finishedInBackground && !pollExpired);
  const synced = when(data.lastFlowSyncAt);
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-end gap-3 text-sm text-slate-600">
        <span data-testid="sync-status" suppressHydrationWarning title={synced.absolute}>
          {syncing ? (
            <span className="inline-flex items-center gap-1.5">
              <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden /> Syncing with 8x8…
            </span>
          ) : (
            <>Last synced {synced.relative}</>
          )}
        </span>
        <Button variant="secondary" size="sm" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
          <RefreshCw className={refresh.isPending ? "h-4 w-4 animate-spin" : "h-4 w-4"} aria-hidden />
          Refresh
        </Button>
      </div>
      {data.lastSyncError && !refresh.isPending ? (
        <Notice tone="warning">
          <span suppressHydrationWarning>
            <strong>Last synced {synced.relative}, 8x8 API unreachable.</strong> {data.lastSyncError} You are
            seeing the copy Flowport keeps; it updates when 8x8 answers again.
          </span>
        </Notice>
      ) : null}
    </div>
  );
}
