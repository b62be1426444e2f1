import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateFlowIsland } from "@/components/flow-editor/islands";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listExamples } from "@/lib/examples";

export const metadata: Metadata = { title: "Create a WhatsApp Flow" };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function NewFlowPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const { from } = await searchParams;
  await requirePageUser(
    "flows.write",
    `/flows/new${typeof from === "string" ? `?from=${encodeURIComponent(from)}` : ""}`,
  );
  const db = getDb();
  const channels = await db.channel.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });

  let previousVersion = null;
  if (typeof from === "string") {
    const source = uuidPattern.test(from)
      ? await db.flow.findUnique({
          where: { id: from },
          select: {
            id: true,
            name: true,
            channelId: true,
            categories: true,
            endpointUri: true,
            flowJson: true,
            status: true,
          },
        })
      : null;
    if (!source || source.status === "DRAFT") notFound();
    previousVersion = { ...source, flowJson: source.flowJson ?? "" };
  }

  const examples = listExamples()
    .filter((example) => example.valid)
    .map((example) => ({
      slug: example.slug,
      title: example.title,
      description: example.description,
      origin: example.origin.label,
      version: example.version,
      screens: example.screens,
      retired: example.retired,
      flowJson: example.flowJson,
    }));

  return (
    <>
      <PageHeader
        title={previousVersion ? `New version of ${previousVersion.name}` : "Create a WhatsApp Flow"}
        description="Choose the channel and a name, start from a blank flow, an example or a file, and watch the preview as you type. Nothing is sent to 8x8 until you save."
      />
      <CreateFlowIsland channels={channels} examples={examples} previousVersion={previousVersion} />
    </>
  );
}
