import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowLeft } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/actions/define-action";
import { validateFlowJson } from "@/lib/flow-json";
import { HostedPreviewLink, type HostedPreview } from "./hosted-preview-link";
import { LiveFlowPreview } from "./live-flow-preview";

export type FlowPreviewPageProps = {
  /** Flowport's flow id: sent with live endpoint calls. */
  flowId?: string;
  flowJson: string;
  flowName: string;
  /** Any status: drafts, published and deprecated flows are all previewable (portal-ui §3). */
  status: string;
  /** The flow's data endpoint; without it data_exchange requests are answered by hand. */
  endpointUri?: string | null;
  /** The 8x8/Meta hosted preview link, when one was fetched. */
  hostedPreview?: HostedPreview | null;
  /** Server action fetching a new link with refresh=true, bound to the flow: `refreshAction.bind(null, { flowId })`. */
  refreshHostedPreviewAction?: () => Promise<ActionResult<HostedPreview>>;
  /** Where "Back" goes, e.g. the flow's editor. */
  backHref?: string;
  backLabel?: string;
  /** Extra header content (e.g. an "Edit" button). */
  actions?: ReactNode;
};

const STATUS_TONES: Record<string, BadgeTone> = { DRAFT: "amber", PUBLISHED: "green", DEPRECATED: "neutral" };

/** The full-page Flow preview (F-PREVIEW): header with status and the hosted link, then the phone and its panels. */
export function FlowPreviewPage({
  flowId,
  flowJson,
  flowName,
  status,
  endpointUri,
  hostedPreview = null,
  refreshHostedPreviewAction,
  backHref,
  backLabel = "Back",
  actions,
}: FlowPreviewPageProps) {
  const result = validateFlowJson(flowJson, { hasEndpoint: !!endpointUri });
  const validation = { errors: result.errors, warnings: result.warnings };
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          {backHref && (
            <Link
              href={backHref}
              className="mb-1 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
            >
              <ArrowLeft aria-hidden className="size-4" /> {backLabel}
            </Link>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900">{flowName}</h1>
            <Badge tone={STATUS_TONES[status] ?? "neutral"}>
              {status.charAt(0) + status.slice(1).toLowerCase()}
            </Badge>
            {result.version && <Badge tone="blue">Flow JSON {result.version}</Badge>}
            {!result.valid && (
              <Badge tone="red">
                {result.errors.length} validation {result.errors.length === 1 ? "error" : "errors"}
              </Badge>
            )}
          </div>
          <p className="mt-1 text-sm text-slate-600">
            Walk through every screen as a customer would: required fields, validation, navigation and the
            submitted payload.
          </p>
        </div>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </div>
      {(hostedPreview || refreshHostedPreviewAction) && (
        <HostedPreviewLink preview={hostedPreview} refresh={refreshHostedPreviewAction} />
      )}
      <LiveFlowPreview
        flowJson={flowJson}
        validation={validation}
        liveEndpoint={endpointUri ? { endpointUri, ...(flowId ? { flowId } : {}) } : null}
      />
    </div>
  );
}
