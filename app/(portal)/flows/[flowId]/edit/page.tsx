import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { FlowEditorIsland } from "@/components/flow-editor/islands";
import { FlowStatusBadge } from "@/components/flow-editor/flow-status-badge";
import { can, requirePageUser } from "@/lib/auth";
import { getEditableFlow } from "@/lib/authoring";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Edit flow" };

export default async function EditFlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const user = await requirePageUser("flows.read", `/flows/${flowId}/edit`);
  const flow = await getEditableFlow(flowId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <div className="mb-4">
        <Link
          href={`/flows/${flow.id}`}
          className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft aria-hidden className="size-4" /> Flow details
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{flow.name}</h1>
          <FlowStatusBadge status={flow.status} />
          <span className="text-sm text-slate-500">
            {flow.channelName} · Flow ID {flow.externalId}
          </span>
        </div>
      </div>
      <FlowEditorIsland
        flow={flow}
        canWrite={can(user, "flows.write")}
        canPublish={can(user, "flows.publish")}
      />
    </>
  );
}
