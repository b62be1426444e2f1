import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlowPreviewPage } from "@/components/preview/flow-preview-page";
import { Button } from "@/components/ui/button";
import { can, requirePageUser } from "@/lib/auth";
import { refreshHostedPreviewAction } from "@/lib/actions/authoring";
import { getEditableFlow, getHostedPreview, type HostedPreviewLinkData } from "@/lib/authoring";
import { isExpectedError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export const metadata: Metadata = { title: "Preview flow" };

export default async function FlowPreviewRoute({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const user = await requirePageUser("flows.preview", `/flows/${flowId}/preview`);
  const flow = await getEditableFlow(flowId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // The hosted link is a bonus: the local preview works while 8x8 is unreachable, and Refresh retries.
  let hostedPreview: HostedPreviewLinkData | null = null;
  try {
    hostedPreview = await getHostedPreview(flow.id, { refresh: false });
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    logger.warn("flow.hosted_preview_unavailable", { flowId: flow.id, code: error.code });
  }
  return (
    <FlowPreviewPage
      flowId={flow.id}
      flowJson={flow.flowJson}
      flowName={flow.name}
      status={flow.status}
      endpointUri={flow.endpointUri}
      hostedPreview={hostedPreview}
      refreshHostedPreviewAction={refreshHostedPreviewAction.bind(null, { flowId: flow.id })}
      backHref={`/flows/${flow.id}`}
      backLabel="Flow details"
      actions={
        flow.status === "DRAFT" && can(user, "flows.write") ? (
          <Button asChild variant="secondary">
            <Link href={`/flows/${flow.id}/edit`}>Edit</Link>
          </Button>
        ) : null
      }
    />
  );
}
