"use client";

import { useState, useTransition } from "react";
import { ExternalLink, RefreshCw } from "lucide-react";
import type { ActionResult } from "@/lib/actions/define-action";
import { cn } from "./cn";

export type HostedPreview = { url: string; expiresAt: string | null };

type Props = {
  preview: HostedPreview | null;
  /** Fetches a new link with refresh=true (AT-PREV-4), e.g. `refreshFlowPreviewAction.bind(null, { flowId })`. */
  refresh?: () => Promise<ActionResult<HostedPreview>>;
};

/** The 8x8/Meta hosted preview link (portal-ui F-PREVIEW-2): it expires, so it can be regenerated. */
export function HostedPreviewLink({ preview, refresh }: Props) {
  const [current, setCurrent] = useState(preview);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [openedAt] = useState(() => Date.now());
  const expired = current?.expiresAt ? Date.parse(current.expiresAt) < openedAt : false;
  const onRefresh = () =>
    startTransition(async () => {
      if (!refresh) return;
      const result = await refresh();
      if (result.ok) {
        setCurrent(result.data);
        setError(null);
      } else setError(result.error.message);
    });
  return (
    <div data-testid="hosted-preview" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      {current ? (
        <a
          href={current.url}
          target="_blank"
          rel="noopener noreferrer"
          className={cn(
            "flex items-center gap-1 font-medium",
            expired ? "text-slate-400 line-through" : "text-emerald-700 hover:underline",
          )}
        >
          Preview on the phone (Meta) <ExternalLink aria-hidden className="size-3.5" />
        </a>
      ) : (
        <span className="text-slate-500">No hosted preview link yet.</span>
      )}
      {current?.expiresAt && (
        // Server and browser may format in different time zones.
        <span className="text-xs text-slate-500" suppressHydrationWarning>
          {expired ? "Expired" : "Expires"}{" "}
          {new Date(current.expiresAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
        </span>
      )}
      {refresh && (
        <button
          type="button"
          onClick={onRefresh}
          disabled={pending}
          className="flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
        >
          <RefreshCw aria-hidden className={cn("size-3.5", pending && "animate-spin")} />{" "}
          {pending ? "Refreshing…" : "Refresh preview"}
        </button>
      )}
      {error && (
        <span role="alert" className="w-full text-xs text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
