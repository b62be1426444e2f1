import type { Metadata } from "next";
import { MessageSquareText, Plus } from "lucide-react";
import Link from "next/link";
import { TemplateFilters, TemplatesTable } from "@/components/templates/templates-table";
import { TemplateSyncNotice } from "@/components/templates/template-sync-notice";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can, requirePageUser } from "@/lib/auth";
import { getSelectedChannel } from "@/lib/channels";
import {
  getTemplateSyncState,
  isTemplateCacheStale,
  listTemplates,
  syncTemplatesIfStale,
} from "@/lib/templates/server";

export const metadata: Metadata = { title: "Templates" };

type SearchParams = { status?: string; category?: string; q?: string };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("templates.read", "/templates");
  const params = await searchParams;
  const channel = await getSelectedChannel();
  const canWrite = can(user, "templates.write");
  const header = (
    <PageHeader
      title="Message templates"
      description={
        channel
          ? `${channel.name}: templates with Flow buttons open your flows from a business-initiated message. Statuses come from 8x8 by webhook and by sync.`
          : "Templates with Flow buttons open your flows from a business-initiated message. Statuses come from 8x8 by webhook and by sync."
      }
      actions={
        channel && canWrite ? (
          <Button asChild>
            <Link href="/templates/new">
              <Plus className="size-4" aria-hidden /> New template
            </Link>
          </Button>
        ) : null
      }
    />
  );
  if (!channel) {
    return (
      <>
        {header}
        <EmptyState icon={<MessageSquareText className="h-10 w-10" />} title="No WhatsApp channel yet">
          An admin adds the 8x8 WhatsApp channel in Settings; its templates then appear here.
        </EmptyState>
      </>
    );
  }
  const syncState = await getTemplateSyncState(channel.id);
  await syncTemplatesIfStale(channel.id, syncState?.updatedAt ?? null);
  const filtered = Boolean(params.status || params.category || params.q);
  const templates = await listTemplates(channel.id, {
    status: params.status,
    category: params.category,
    search: params.q,
  });
  return (
    <>
      {header}
      <TemplateSyncNotice
        channelId={channel.id}
        lastSyncedAt={syncState?.lastSyncedAt?.toISOString() ?? null}
        lastError={syncState?.lastError ?? null}
        stale={isTemplateCacheStale(syncState?.lastSyncedAt)}
      />
      <TemplateFilters total={templates.length} />
      {templates.length === 0 ? (
        <EmptyState
          icon={<MessageSquareText className="h-10 w-10" />}
          title={filtered ? "No template matches these filters" : "No templates on this channel yet"}
        >
          {filtered
            ? "Clear a filter to see more."
            : "Build one with a Flow button: it is how most customers first open a flow."}
        </EmptyState>
      ) : (
        <TemplatesTable
          canDelete={canWrite}
          templates={templates.map((t) => ({
            id: t.id,
            name: t.name,
            language: t.language,
            category: t.category,
            status: t.status,
            rejectionReason: t.rejectionReason,
            qualityScore: t.qualityScore,
            flows: t.flows,
            updatedAt: t.updatedAt.toISOString(),
          }))}
        />
      )}
    </>
  );
}
