"use client";

import { useState, type Dispatch } from "react";
import {
  parseEndpointResponse,
  type EndpointRequest,
  type PendingExchange,
  type PreviewEvent,
} from "@/lib/preview";
import { JsonBlock, Panel } from "./panel";

/** `status` is the endpoint's HTTP status (0: no answer), or null when the call never reached it (no key, not https). */
export type LiveEndpointResult =
  | { ok: true; response: unknown }
  | { ok: false; status: number | null; message: string; userMessage?: string };
export type LiveEndpointCall = (request: EndpointRequest) => Promise<LiveEndpointResult>;

type Props = {
  pending: PendingExchange;
  dispatch: Dispatch<PreviewEvent>;
  /** Tester-edited answers, kept per screen and action so a rerun reuses them. */
  drafts: Record<string, string>;
  onDraft: (key: string, text: string) => void;
  callEndpoint?: LiveEndpointCall;
  /** Why live calls are unavailable (no endpoint, no key), shown instead of the toggle. */
  liveUnavailableReason?: string;
};

export function draftKey(pending: PendingExchange): string {
  return `${pending.request.screen ?? ""}|${pending.request.action}|${pending.source}`;
}

/** The data_exchange the client is waiting on: the §12.3 request and an editable §12.4 answer. */
export function EndpointPanel({
  pending,
  dispatch,
  drafts,
  onDraft,
  callEndpoint,
  liveUnavailableReason,
}: Props) {
  const key = draftKey(pending);
  const draft = drafts[key] ?? JSON.stringify(pending.suggestedResponse, null, 2);
  const parsed = parseEndpointResponse(draft);
  const [failure, setFailure] = useState({ status: "500", message: "" });
  const [live, setLive] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const callLive = async () => {
    if (!callEndpoint) return;
    setLive({ busy: true, error: null });
    try {
      const result = await callEndpoint(pending.request);
      if (result.ok) dispatch({ type: "endpoint-responded", response: result.response });
      else {
        setLive({ busy: false, error: result.message });
        // A setup problem leaves the request waiting, so the tester can still answer it by hand.
        if (result.status !== null)
          dispatch({ type: "endpoint-failed", status: result.status, message: result.userMessage });
        return;
      }
      setLive({ busy: false, error: null });
    } catch (error) {
      setLive({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <Panel title="Endpoint request">
      <p className="mb-1 text-xs text-neutral-500">Decrypted request the endpoint would receive:</p>
      <JsonBlock value={pending.request} label="Decrypted endpoint request" />
      <label htmlFor="preview-endpoint-response" className="mt-3 mb-1 block text-xs font-medium">
        Endpoint response (screen + data, or SUCCESS)
      </label>
      <textarea
        id="preview-endpoint-response"
        value={draft}
        spellCheck={false}
        onChange={(event) => onDraft(key, event.target.value)}
        className="h-40 w-full rounded border border-neutral-300 bg-transparent p-2 font-mono text-xs dark:border-neutral-700"
      />
      {!parsed.ok && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {parsed.error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={!parsed.ok}
          onClick={() => parsed.ok && dispatch({ type: "endpoint-responded", response: parsed.response })}
          className="rounded bg-emerald-600 px-3 py-1.5 text-xs font-semibold text-white disabled:opacity-50"
        >
          Send response
        </button>
        <button
          type="button"
          onClick={() => onDraft(key, JSON.stringify(pending.suggestedResponse, null, 2))}
          className="rounded border border-neutral-300 px-3 py-1.5 text-xs dark:border-neutral-700"
        >
          Use suggested
        </button>
        {callEndpoint ? (
          <button
            type="button"
            disabled={live.busy}
            onClick={callLive}
            className="rounded border border-neutral-300 px-3 py-1.5 text-xs dark:border-neutral-700"
          >
            {live.busy ? "Calling…" : "Call the flow's endpoint"}
          </button>
        ) : (
          <span className="text-xs text-neutral-500">
            {liveUnavailableReason ?? "Live endpoint calls are not available here."}
          </span>
        )}
      </div>
      {live.error && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {live.error}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-2 border-t border-neutral-200 pt-2 dark:border-neutral-800">
        <label className="text-xs">
          HTTP status
          <select
            value={failure.status}
            onChange={(event) => setFailure({ ...failure, status: event.target.value })}
            className="ml-1 rounded border border-neutral-300 bg-transparent text-xs dark:border-neutral-700"
          >
            {["421", "427", "432", "500"].map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        <input
          aria-label="Error message"
          placeholder="error_msg (427)"
          value={failure.message}
          onChange={(event) => setFailure({ ...failure, message: event.target.value })}
          className="min-w-0 flex-1 rounded border border-neutral-300 bg-transparent px-2 py-1 text-xs dark:border-neutral-700"
        />
        <button
          type="button"
          onClick={() =>
            dispatch({
              type: "endpoint-failed",
              status: Number(failure.status),
              message: failure.message || undefined,
            })
          }
          className="rounded border border-red-300 px-3 py-1.5 text-xs text-red-700 dark:border-red-800 dark:text-red-300"
        >
          Simulate error
        </button>
      </div>
    </Panel>
  );
}
