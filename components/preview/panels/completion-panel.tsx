"use client";

import { useState } from "react";
import { responseJsonString, toMetaNfmReply, toNfmReplyWebhook, type Completion } from "@/lib/preview";
import { cn } from "../cn";
import { JsonBlock, Panel } from "./panel";

const TABS = ["response_json", "8x8 webhook", "Meta nfm_reply"] as const;

/** The exact `response_json` the business receives, and the webhook that carries it (§13.3). */
export function CompletionPanel({ completion }: { completion: Completion }) {
  const [tab, setTab] = useState<(typeof TABS)[number]>("response_json");
  const value =
    tab === "response_json"
      ? JSON.stringify(completion.responseJson, null, 2)
      : tab === "8x8 webhook"
        ? toNfmReplyWebhook(completion)
        : toMetaNfmReply(completion);
  return (
    <Panel
      title="Submission"
      testId="preview-completion"
      actions={
        <button
          type="button"
          className="rounded border border-neutral-300 px-2 py-0.5 text-xs dark:border-neutral-700"
          onClick={() =>
            void navigator.clipboard?.writeText(
              tab === "response_json" ? responseJsonString(completion) : JSON.stringify(value, null, 2),
            )
          }
        >
          Copy
        </button>
      }
    >
      <p className="mb-2 text-xs text-neutral-500">
        {completion.via === "complete"
          ? "From the complete action's payload, plus flow_token."
          : "From the endpoint's SUCCESS params."}
      </p>
      <div role="tablist" aria-label="Submission format" className="mb-2 flex gap-1">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className={cn(
              "rounded px-2 py-1 text-xs",
              tab === name
                ? "bg-neutral-900 text-white dark:bg-white dark:text-neutral-900"
                : "bg-neutral-100 dark:bg-neutral-800",
            )}
          >
            {name}
          </button>
        ))}
      </div>
      <JsonBlock value={value} label={tab} />
    </Panel>
  );
}
