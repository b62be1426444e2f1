import type { Metadata } from "next";
import { MessageSquareText } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  await requirePageUser("templates.read", "/templates");
  return (
    <>
      <PageHeader title="Message templates" description="Templates with Flow buttons that open your flows, with their approval status and quality." />
      <EmptyState icon={<MessageSquareText className="h-10 w-10" />} title="Templates will be listed here">
        Build a template with a Flow button, preview it as a WhatsApp chat bubble, submit it for approval and follow its status.
      </EmptyState>
    </>
  );
}
