"use client";

import { CheckCheck, RotateCcw } from "lucide-react";
import type { PreviewState } from "@/lib/preview";
import { usePreviewDispatch } from "./preview-context";

/** The chat after the Flow closes: the "Response sent" bubble with the masked summary, or a closed notice. */
export function ChatResult({ state }: { state: PreviewState }) {
  const dispatch = usePreviewDispatch();
  const completion = state.completion;
  return (
    <div className="flex flex-1 flex-col justify-end gap-3 bg-(--wa-chat) p-4" aria-live="polite">
      {completion ? (
        <div className="ml-auto max-w-[85%] rounded-lg rounded-tr-none bg-(--wa-bubble) p-3 text-sm text-(--wa-fg) shadow-sm">
          <p className="font-semibold">Response sent</p>
          <dl className="mt-2 flex flex-col gap-1.5">
            {completion.summary
              .filter((entry) => entry.display !== null)
              .map((entry) => (
                <div key={`${entry.screen}.${entry.name}`}>
                  <dt className="text-xs text-(--wa-muted)">{entry.label}</dt>
                  <dd>{entry.display}</dd>
                </div>
              ))}
          </dl>
          <p className="mt-1 flex items-center justify-end gap-1 text-[10px] text-(--wa-muted)">
            Sent <CheckCheck aria-hidden className="size-3.5 text-sky-500" />
          </p>
        </div>
      ) : (
        <p className="mx-auto rounded-md bg-(--wa-bg) px-3 py-1.5 text-xs text-(--wa-muted) shadow-sm">
          The Flow was closed without a response.
        </p>
      )}
      <button
        type="button"
        onClick={() => dispatch({ type: "reset" })}
        className="mx-auto flex items-center gap-1.5 rounded-full bg-(--wa-bg) px-4 py-2 text-sm font-medium text-(--wa-link) shadow-sm"
      >
        <RotateCcw aria-hidden className="size-4" /> Open the Flow again
      </button>
    </div>
  );
}
