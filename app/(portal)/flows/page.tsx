import type { Metadata } from "next";
import { Workflow } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Flows" };

export default async function FlowsPage() {
  await requirePageUser("flows.read", "/flows");
  return (
    <>
      <PageHeader title="WhatsApp Flows" description="The flows of the selected WhatsApp channel, with their status, categories and last change." />
      <EmptyState icon={<Workflow className="h-10 w-10" />} title="Your flows will be listed here">
        Flowport keeps a copy of every flow of your 8x8 channel: search, filter by status, open the editor with its live preview,
        publish, deprecate and export. Connect a channel in Settings to see them.
      </EmptyState>
    </>
  );
}
