"use client";

import { useMemo, useReducer, useState } from "react";
import { ExternalLink } from "lucide-react";
import {
  createPreviewSession,
  previewReducer,
  resolveScreen,
  screenIds,
  toFlowObject,
  type PreviewState,
} from "@/lib/preview";
import { cn } from "./cn";
import { FindingList } from "./finding-list";
import {
  FindingsProvider,
  isWithin,
  toFindings,
  type PreviewFinding,
  type PreviewValidation,
} from "./findings";
import { ActivityLog } from "./panels/activity-log";
import { CompletionPanel } from "./panels/completion-panel";
import { EndpointPanel, type LiveEndpointCall } from "./panels/endpoint-panel";
import { PreviewControls } from "./panels/preview-controls";
import { Panel } from "./panels/panel";
import { PhoneFrame } from "./phone-frame";
import type { PhoneTheme } from "./phone-theme";
import { PreviewProvider } from "./preview-context";

export type FlowPreviewProps = {
  /** Flow JSON text (live from the editor) or a parsed document. */
  flowJson: string | object;
  flowToken?: string;
  /** Start screen other than the entry screen. */
  startScreen?: string;
  initialTheme?: PhoneTheme;
  /** false: only the phone (e.g. a narrow editor pane). */
  showPanels?: boolean;
  /** Live test through the server (§12.2 encryption happens there); omit when unavailable. */
  callEndpoint?: LiveEndpointCall;
  /** Shown instead of the live-call button, e.g. "No endpoint key configured for this flow." */
  liveEndpointUnavailableReason?: string;
  /** The 8x8/Meta hosted preview link, when the flow has one. */
  hostedPreviewUrl?: string;
  /** validateFlowJson's result for the same text: error boxes name their findings, and the phone can outline them. */
  validation?: PreviewValidation | null;
  /** A finding was clicked (e.g. move the editor's cursor to finding.line). */
  onSelectFinding?: (finding: PreviewFinding) => void;
  className?: string;
};

/** The interactive WhatsApp Flow preview: phone plus activity log, endpoint answers and submission panels. */
export function FlowPreview({
  flowJson,
  flowToken,
  startScreen,
  initialTheme = "light",
  showPanels = true,
  callEndpoint,
  liveEndpointUnavailableReason,
  hostedPreviewUrl,
  validation,
  onSelectFinding,
  className,
}: FlowPreviewProps) {
  const parsed = useMemo(() => toFlowObject(flowJson), [flowJson]);
  const [state, dispatch] = useReducer(previewReducer, undefined, (): PreviewState =>
    createPreviewSession(parsed.flow, { flowToken, startScreen }),
  );
  // A changed document is applied during render (not in an effect) so the phone updates in the same commit.
  if (!parsed.error && parsed.flow !== state.flow) dispatch({ type: "flow-changed", flow: parsed.flow });
  const screen = useMemo(() => resolveScreen(state), [state]);
  const ids = useMemo(() => screenIds(state), [state]);
  const [theme, setTheme] = useState<PhoneTheme>(initialTheme);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const pending = state.status === "awaiting-endpoint" ? state.pending : null;
  const findings = useMemo(() => toFindings(validation), [validation]);
  const [overlay, setOverlay] = useState(true);
  const screenFindings = screen ? findings.filter((finding) => isWithin(finding.path, screen.path)) : [];

  return (
    <PreviewProvider value={{ state, screen, dispatch }}>
      <FindingsProvider value={{ findings, overlay, onSelect: onSelectFinding }}>
        <div className={cn("flex flex-wrap items-start gap-6", className)}>
          <PhoneFrame state={state} screen={screen} theme={theme} parseError={parsed.error} />
          {showPanels && (
            <div className="flex w-full max-w-md min-w-72 flex-1 flex-col gap-4">
              <PreviewControls
                screenIds={ids}
                currentScreen={screen?.id ?? null}
                dispatch={dispatch}
                theme={theme}
                onThemeChange={setTheme}
              />
              {hostedPreviewUrl && (
                <a
                  href={hostedPreviewUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="flex items-center gap-1 text-xs font-medium text-emerald-700 dark:text-emerald-400"
                >
                  Open the hosted preview on the phone <ExternalLink aria-hidden className="size-3.5" />
                </a>
              )}
              {pending && (
                <EndpointPanel
                  pending={pending}
                  dispatch={dispatch}
                  drafts={drafts}
                  onDraft={(key, text) => setDrafts((current) => ({ ...current, [key]: text }))}
                  callEndpoint={callEndpoint}
                  liveUnavailableReason={liveEndpointUnavailableReason}
                />
              )}
              {validation && (
                <Panel
                  title="Validator findings"
                  testId="preview-findings-panel"
                  actions={
                    <label className="flex items-center gap-1.5 text-xs">
                      <input
                        type="checkbox"
                        checked={overlay}
                        onChange={(event) => setOverlay(event.target.checked)}
                      />
                      Outline on the phone
                    </label>
                  }
                >
                  {screenFindings.length > 0 ? (
                    <FindingList findings={screenFindings} onSelect={onSelectFinding} />
                  ) : (
                    <p className="text-xs text-neutral-500">Nothing on this screen.</p>
                  )}
                  {findings.length > screenFindings.length && (
                    <p className="mt-2 text-xs text-neutral-500">
                      {findings.length - screenFindings.length} more elsewhere in the Flow.
                    </p>
                  )}
                </Panel>
              )}
              {state.completion && <CompletionPanel completion={state.completion} />}
              <ActivityLog entries={state.log} />
            </div>
          )}
        </div>
      </FindingsProvider>
    </PreviewProvider>
  );
}
