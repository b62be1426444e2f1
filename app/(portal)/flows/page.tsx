import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Radio, Workflow } from "lucide-react";
import { FlowFilters } from "@/components/flows/flow-filters";
import { FlowTable, type FlowTableRow } from "@/components/flows/flow-table";
import { SyncStatus } from "@/components/flows/sync-status";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can, requirePageUser } from "@/lib/auth";
import { getSelectedChannel } from "@/lib/channels";
import {
  canDelete,
  canDeprecate,
  canEdit,
  countFlowsByStatus,
  FLOW_SORTS,
  listFlows,
  syncFlowsIfStale,
  type FlowSort,
  type FlowStatus,
} from "@/lib/flows";

export const metadata: Metadata = { title: "Flows" };

const PAGE_SIZE = 50;
const STATUSES = new Set<string>(["DRAFT", "PUBLISHED", "DEPRECATED"]);

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function FlowsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("flows.read", "/flows");
  const channel = await getSelectedChannel();
  if (!channel) {
    return (
      <>
        <PageHeader title="WhatsApp Flows" />
        <EmptyState icon={<Radio className="h-10 w-10" />} title="No WhatsApp channel is connected yet">
          {can(user, "settings.manage") ? (
            <>
              8x8 cannot list your channels, so add them by id in{" "}
              <Link href="/settings" className="text-brand-700 underline">
                Settings
              </Link>
              ; their flows appear here.
            </>
          ) : (
            "An admin adds the 8x8 channels in Settings; their flows appear here."
          )}
        </EmptyState>
      </>
    );
  }

  const params = await searchParams;
  const search = first(params.q)?.slice(0, 200) ?? "";
  const statusParam = first(params.status);
  const status = statusParam && STATUSES.has(statusParam) ? (statusParam as FlowStatus) : undefined;
  const sortParam = first(params.sort);
  const sort = FLOW_SORTS.includes(sortParam as FlowSort) ? (sortParam as FlowSort) : "updated_desc";
  const page = Math.max(1, Number.parseInt(first(params.page) ?? "1", 10) || 1);

  // The cache answers now; a sync older than a minute is refreshed in the background.
  const [syncQueued, flows, counts] = await Promise.all([
    syncFlowsIfStale(channel),
    listFlows(channel.id, { search, status, sort }),
    countFlowsByStatus(channel.id),
  ]);
  const pageCount = Math.max(1, Math.ceil(flows.length / PAGE_SIZE));
  const shown = flows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const rows: FlowTableRow[] = shown.map((flow) => ({
    id: flow.id,
    name: flow.name,
    status: flow.status,
    categories: flow.categories,
    updatedAt: flow.updatedAt.toISOString(),
    validationErrorCount: flow.validationErrorCount,
    detailsPending: flow.detailsPending,
    usedByTemplates: flow.usedByTemplates,
    rules: {
      edit: canEdit(flow.status),
      delete: canDelete(flow.status, flow.usedByTemplates),
      deprecate: canDeprecate(flow.status),
    },
  }));
  const total = counts.DRAFT + counts.PUBLISHED + counts.DEPRECATED;
  const pageHref = (n: number) => {
    const next = new URLSearchParams(
      Object.entries({
        q: search,
        status: status ?? "",
        sort: sort === "updated_desc" ? "" : sort,
        page: n > 1 ? String(n) : "",
      }).filter(([, v]) => v),
    );
    return `/flows${next.size ? `?${next}` : ""}`;
  };

  return (
    <>
      <PageHeader
        title="WhatsApp Flows"
        description={
          <>
            Flows of <strong className="font-medium text-slate-800">{channel.name}</strong>
            {channel.phoneNumber ? ` (${channel.phoneNumber})` : ""}: {counts.DRAFT} draft, {counts.PUBLISHED}{" "}
            published, {counts.DEPRECATED} deprecated.
          </>
        }
        actions={
          can(user, "flows.write") ? (
            <Button asChild>
              <Link href="/flows/new">
                <Plus className="h-4 w-4" aria-hidden /> Create flow
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="space-y-4">
        <SyncStatus
          channelId={channel.id}
          syncQueued={syncQueued}
          initial={{
            lastFlowSyncAt: channel.lastFlowSyncAt?.toISOString() ?? null,
            lastSyncAttemptAt: channel.lastSyncAttemptAt?.toISOString() ?? null,
            lastSyncError: channel.lastSyncError,
          }}
        />
        <FlowFilters counts={counts} />
        {total === 0 ? (
          <EmptyState icon={<Workflow className="h-10 w-10" />} title="This channel has no flows yet">
            {can(user, "flows.write")
              ? "Create one, or refresh if you just created it in 8x8 Connect."
              : "Flows created at 8x8 appear here after the next sync."}
          </EmptyState>
        ) : rows.length === 0 ? (
          <EmptyState title="No flow matches">Change the search or the status filter.</EmptyState>
        ) : (
          <>
            <FlowTable
              rows={rows}
              permissions={{
                write: can(user, "flows.write"),
                delete: can(user, "flows.delete"),
                deprecate: can(user, "flows.publish"),
                preview: can(user, "flows.preview"),
                responses: can(user, "responses.read"),
              }}
            />
            {pageCount > 1 ? (
              <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
                <span>
                  {(page - 1) * PAGE_SIZE + 1}–{Math.min(page * PAGE_SIZE, flows.length)} of {flows.length}{" "}
                  flows
                </span>
                <div className="flex gap-2">
                  {page > 1 ? (
                    <Button variant="secondary" size="sm" asChild>
                      <Link href={pageHref(page - 1)}>Previous</Link>
                    </Button>
                  ) : null}
                  {page < pageCount ? (
                    <Button variant="secondary" size="sm" asChild>
                      <Link href={pageHref(page + 1)}>Next</Link>
                    </Button>
                  ) : null}
                </div>
              </nav>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
