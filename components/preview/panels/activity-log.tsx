"use client";

import { useEffect, useRef } from "react";
import type { LogEntry } from "@/lib/preview";
import { cn } from "../cn";
import { JsonBlock, Panel } from "./panel";

const TONE: Partial<Record<LogEntry["kind"], string>> = {
  error: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  "endpoint-error": "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  validation: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  complete: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
  navigate: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  "endpoint-request": "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
  "endpoint-response": "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
};

/** Everything that happened, in order, so a tester can see why. */
export function ActivityLog({ entries }: { entries: LogEntry[] }) {
  const list = useRef<HTMLOListElement>(null);
  // Follow the newest entry inside the log only: scrolling it into view would also move the page away from the phone.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [entries.length]);
  return (
    <Panel title="Activity log" testId="preview-activity-log">
      <ol ref={list} className="flex max-h-80 flex-col gap-1.5 overflow-y-auto" aria-live="polite">
        {entries.map((entry) => (
          <li key={entry.id} data-kind={entry.kind} className="text-xs">
            <div className="flex items-start gap-2">
              <span
                className={cn(
                  "shrink-0 rounded px-1.5 py-0.5 font-mono text-[10px]",
                  TONE[entry.kind] ??
                    "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300",
                )}
              >
                {entry.kind}
              </span>
              <span className="min-w-0 flex-1 break-words">
                {entry.screen && <span className="font-mono text-neutral-500">{entry.screen} · </span>}
                {entry.message}
              </span>
            </div>
            {entry.detail !== undefined && (
              <details className="mt-1 ml-2">
                <summary className="cursor-pointer text-neutral-500">details</summary>
                <JsonBlock value={entry.detail} label={`Details of ${entry.kind}`} />
              </details>
            )}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
