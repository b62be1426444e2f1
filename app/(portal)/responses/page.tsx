import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import { notFound } from "next/navigation";
import { FlowPicker } from "@/components/responses/flow-picker";
import { ResponsesScreen } from "@/components/responses/responses-screen";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import { getResponsesScope, listFlowsForResponses } from "@/lib/responses";

export const metadata: Metadata = { title: "Responses" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResponsesPage({ searchParams }: Props) {
  const user = await requirePageUser("responses.read", "/responses");
  const params = await searchParams;
  const flowId = typeof params.flowId === "string" && params.flowId !== "" ? params.flowId : null;
  const [picker, scope] = await Promise.all([
    listFlowsForResponses(),
    flowId
      ? getResponsesScope(flowId).catch((error: unknown) => {
          if (error instanceof NotFoundError) notFound();
          throw error;
        })
      : Promise.resolve(null),
  ]);
  return (
    <>
      <PageHeader
        title="Responses"
        description="What customers submitted through your flows, received from 8x8 by webhook."
        actions={<FlowPicker flows={picker.flows} unattributed={picker.unattributed} selected={flowId} />}
      />
      {scope ? (
        <ResponsesScreen
          user={user}
          scope={scope}
          searchParams={params}
          action="/responses"
          hidden={{ flowId: flowId! }}
        />
      ) : (
        <EmptyState icon={<Inbox className="h-10 w-10" />} title="Choose a flow">
          {picker.flows.length === 0 && picker.unattributed === 0
            ? "No flows and no submissions yet. Submissions arrive by webhook as soon as customers complete a flow."
            : `Pick a flow above to see its submissions${picker.unattributed > 0 ? `, or the ${picker.unattributed} unattributed ones` : ""}.`}
        </EmptyState>
      )}
    </>
  );
}
