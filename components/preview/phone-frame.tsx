"use client";

import { useState } from "react";
import { ArrowLeft, EllipsisVertical, ExternalLink, X } from "lucide-react";
import type { PreviewState, ResolvedScreen } from "@/lib/preview";
import { ChatResult } from "./chat-result";
import { ComponentView } from "./component-view";
import { ErrorBox } from "./error-box";
import { FooterBar } from "./footer-bar";
import { usePreviewDispatch } from "./preview-context";
import { phoneThemeStyle, type PhoneTheme } from "./phone-theme";
import { SheetHostProvider } from "./sheet";

type Props = {
  state: PreviewState;
  screen: ResolvedScreen | null;
  theme: PhoneTheme;
  parseError: string | null;
};

/** The phone: WhatsApp's Flow sheet with top bar, scrolling body, sticky footer and overlays (§14 "Frame and chrome"). */
export function PhoneFrame({ state, screen, theme, parseError }: Props) {
  const dispatch = usePreviewDispatch();
  const [sheetHost, setSheetHost] = useState<HTMLDivElement | null>(null);
  const ended = state.status === "completed" || state.status === "closed";
  return (
    <div
      data-testid="preview-phone"
      data-theme={theme}
      data-screen={screen?.id}
      data-status={state.status}
      style={phoneThemeStyle(theme)}
      className="relative flex h-[720px] w-[360px] shrink-0 flex-col overflow-hidden rounded-[2.25rem] border-[10px] border-neutral-900 bg-(--wa-bg) font-sans text-(--wa-fg) shadow-xl"
    >
      <div
        aria-hidden
        className="flex h-6 shrink-0 items-center justify-between bg-(--wa-bg) px-5 text-[11px] font-semibold"
      >
        <span>9:41</span>
        <span className="h-3 w-6 rounded-sm border border-current" />
      </div>
      {ended ? (
        <ChatResult state={state} />
      ) : (
        <SheetHostProvider value={sheetHost}>
          <header className="flex h-14 shrink-0 items-center gap-1 border-b border-(--wa-border) px-2">
            {screen?.canGoBack ? (
              <button
                type="button"
                aria-label="Back"
                onClick={() => dispatch({ type: "back" })}
                className="rounded-full p-2 hover:bg-(--wa-surface)"
              >
                <ArrowLeft className="size-5" />
              </button>
            ) : (
              <button
                type="button"
                aria-label="Close"
                onClick={() => dispatch({ type: "close" })}
                className="rounded-full p-2 hover:bg-(--wa-surface)"
              >
                <X className="size-5" />
              </button>
            )}
            <h1 className="min-w-0 flex-1 truncate text-center text-base font-semibold">
              {screen?.title ?? ""}
            </h1>
            <button
              type="button"
              aria-label="More options"
              className="rounded-full p-2 hover:bg-(--wa-surface)"
            >
              <EllipsisVertical className="size-5" />
            </button>
          </header>
          <main
            aria-label="Flow screen"
            className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-4 py-4"
          >
            {parseError && <ErrorBox path="(document)" message={parseError} />}
            {!screen && !parseError && <ErrorBox path="screens" message="The Flow has no screen to show." />}
            {screen?.nodes.map((node) => (
              <ComponentView key={`${node.kind}:${node.path}`} node={node} />
            ))}
          </main>
          {screen && <FooterBar screen={screen} />}
          {state.status === "awaiting-endpoint" && (
            <div
              role="status"
              className="absolute inset-x-0 top-20 z-20 mx-auto w-fit rounded-full bg-(--wa-surface) px-3 py-1 text-xs shadow"
            >
              Waiting for the endpoint…
            </div>
          )}
          {state.snackbar && (
            <div
              role="alert"
              className="absolute inset-x-3 bottom-28 z-20 flex items-center gap-2 rounded-md bg-neutral-800 px-3 py-2 text-sm text-white shadow-lg"
            >
              <span className="flex-1">{state.snackbar}</span>
              <button
                type="button"
                aria-label="Dismiss"
                onClick={() => dispatch({ type: "dismiss-snackbar" })}
              >
                <X className="size-4" />
              </button>
            </div>
          )}
          {state.openedUrl && (
            <div
              role="dialog"
              aria-label="Open link"
              className="absolute inset-0 z-40 flex items-center justify-center bg-black/40 p-6"
            >
              <div className="w-full rounded-xl bg-(--wa-bg) p-4 text-sm shadow-xl">
                <p className="font-semibold">Open this link?</p>
                <p className="mt-1 break-all text-(--wa-muted)">{state.openedUrl}</p>
                <div className="mt-4 flex justify-end gap-4 font-medium text-(--wa-link)">
                  <button type="button" onClick={() => dispatch({ type: "dismiss-url" })}>
                    Cancel
                  </button>
                  <a
                    href={state.openedUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    onClick={() => dispatch({ type: "dismiss-url" })}
                    className="flex items-center gap-1"
                  >
                    Open <ExternalLink aria-hidden className="size-3.5" />
                  </a>
                </div>
              </div>
            </div>
          )}
          <div ref={setSheetHost} />
        </SheetHostProvider>
      )}
    </div>
  );
}
