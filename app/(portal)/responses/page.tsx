import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Responses" };

export default async function ResponsesPage() {
  await requirePageUser("responses.read", "/responses");
  return (
    <>
      <PageHeader title="Responses" description="What customers submitted through your flows, received from 8x8 by webhook." />
      <EmptyState icon={<Inbox className="h-10 w-10" />} title="Submissions will appear here">
        Every completed flow arrives as a webhook and is stored here: filter by date and channel, open the details, and export
        CSV. Phone numbers and values are masked for users without log access.
      </EmptyState>
    </>
  );
}
