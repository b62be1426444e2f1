import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { TemplateBuilder } from "@/components/templates/template-builder";
import { requirePageUser } from "@/lib/auth";
import { getSelectedChannel } from "@/lib/channels";
import { templateRuleContext } from "@/lib/templates/server";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  await requirePageUser("templates.write", "/templates/new");
  const channel = await getSelectedChannel();
  if (!channel) {
    return (
      <EmptyState title="No WhatsApp channel yet">
        An admin adds the channel in{" "}
        <Link href="/settings" className="text-brand-700 font-medium underline">
          Settings
        </Link>
        ; then templates can be built for it.
      </EmptyState>
    );
  }
  const context = await templateRuleContext(channel.id);
  return (
    <>
      <PageHeader
        title="New message template"
        description={
          <>
            For <strong>{channel.name}</strong>. Build the message, check it in the chat preview, and submit
            it to WhatsApp for approval.
          </>
        }
      />
      <TemplateBuilder
        channel={{ id: channel.id, name: channel.name }}
        context={{
          existingTemplates: context.existingTemplates,
          recentlyDeleted: context.recentlyDeleted.map((d) => ({
            name: d.name,
            reusableAfter: d.reusableAfter.toISOString(),
          })),
          publishedFlows: context.publishedFlows,
        }}
      />
    </>
  );
}
