import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { ResponsesScreen } from "@/components/responses/responses-screen";
import { requirePageUser } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import { getResponsesScope } from "@/lib/responses";

export const metadata: Metadata = { title: "Flow responses" };

type Props = {
  params: Promise<{ flowId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function FlowResponsesPage({ params, searchParams }: Props) {
  const { flowId } = await params;
  const user = await requirePageUser("responses.read", `/flows/${flowId}/responses`);
  const scope = await getResponsesScope(flowId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (scope.kind !== "flow") notFound();
  return (
    <>
      <PageHeader
        title={`Responses: ${scope.name}`}
        description={
          <>
            What customers submitted through this flow.{" "}
            <Link href="/responses" className="text-brand-700 underline">
              All flows
            </Link>
          </>
        }
      />
      <ResponsesScreen
        user={user}
        scope={scope}
        searchParams={await searchParams}
        action={`/flows/${scope.id}/responses`}
        hidden={{}}
      />
    </>
  );
}
