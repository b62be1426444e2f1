import { dateTime } from "@/components/ui/format-date";
import { AlertTriangle, CheckCircle2, XCircle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { FlowDetailActions } from "@/components/flow-editor/flow-detail-actions";
import { FlowStatusBadge } from "@/components/flow-editor/flow-status-badge";
import { FlowSendLog } from "@/components/sending/flow-send-log";
import { SendFlowButton } from "@/components/sending/send-flow-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { can, requirePageUser } from "@/lib/auth";
import { getFlowOverview, type LineageEntry } from "@/lib/authoring";
import { categoryLabels, type FlowCategory } from "@/lib/authoring/schemas";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Flow details" };

const when = (iso: string | null) => (iso ? dateTime(new Date(iso)) : "—");

export default async function FlowDetailPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const user = await requirePageUser("flows.read", `/flows/${flowId}`);
  const flow = await getFlowOverview(flowId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { validation } = flow;
  const errorCount = validation.errors + validation.remoteErrors;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <Link href="/flows" className="text-sm text-slate-600 hover:text-slate-900">
            ← All flows
          </Link>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900">{flow.name}</h1>
            <span data-testid="flow-status">
              <FlowStatusBadge status={flow.status} />
            </span>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SendFlowButton flowId={flow.id} />
          <FlowDetailActions
            flow={{
              id: flow.id,
              name: flow.name,
              status: flow.status,
              templateCount: flow.templates.length,
              approvedTemplateCount: flow.approvedTemplateCount,
              publishBlockers: flow.publishBlockers,
            }}
            permissions={{
              write: can(user, "flows.write"),
              publish: can(user, "flows.publish"),
              delete: can(user, "flows.delete"),
              responses: can(user, "responses.read"),
            }}
          />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-5 lg:col-span-2">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Details</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Item label="Flow ID (8x8)">
              <code className="font-mono text-xs">{flow.externalId}</code>
            </Item>
            <Item label="Flowport ID">
              <code className="font-mono text-xs">{flow.id}</code>
            </Item>
            <Item label="Channel">
              {flow.channel.name}{" "}
              <span className="font-mono text-xs text-slate-500">({flow.channel.externalId})</span>
            </Item>
            <Item label="Categories">
              <span className="flex flex-wrap gap-1">
                {flow.categories.map((category) => (
                  <Badge key={category}>{categoryLabels[category as FlowCategory] ?? category}</Badge>
                ))}
              </span>
            </Item>
            <Item label="Endpoint URI">
              {flow.endpointUri ? <span className="break-all">{flow.endpointUri}</span> : "None"}
            </Item>
            <Item label="Flow JSON version">{flow.flowJsonVersion ?? "—"}</Item>
            <Item label="Created">{when(flow.createdAt)}</Item>
            <Item label="Last saved">
              {when(flow.updatedAt)} · revision {flow.revision}
            </Item>
            {flow.publishedAt ? <Item label="Published">{when(flow.publishedAt)}</Item> : null}
            {flow.deprecatedAt ? <Item label="Deprecated">{when(flow.deprecatedAt)}</Item> : null}
          </dl>
        </Card>

        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Validation</h2>
          <div data-testid="validation-state" className="space-y-2 text-sm">
            {!validation.hasText ? (
              <p className="text-slate-600">Flowport has no copy of this flow&apos;s JSON yet.</p>
            ) : errorCount > 0 ? (
              <p className="flex items-center gap-2 text-red-700">
                <XCircle aria-hidden className="size-4" /> {errorCount}{" "}
                {errorCount === 1 ? "error" : "errors"}
                {validation.remoteErrors > 0 ? ` (${validation.remoteErrors} reported by 8x8)` : ""}
              </p>
            ) : (
              <p className="flex items-center gap-2 text-emerald-700">
                <CheckCircle2 aria-hidden className="size-4" /> No errors
              </p>
            )}
            {validation.warnings > 0 ? (
              <p className="flex items-center gap-2 text-amber-700">
                <AlertTriangle aria-hidden className="size-4" /> {validation.warnings}{" "}
                {validation.warnings === 1 ? "warning" : "warnings"}
              </p>
            ) : null}
            <Link
              href={`/flows/${flow.id}/edit`}
              className="text-brand-700 inline-block text-sm font-medium hover:underline"
            >
              {flow.status === "DRAFT" && can(user, "flows.write")
                ? "Open in the editor"
                : "View the Flow JSON"}
            </Link>
          </div>
          <h2 className="mt-6 mb-2 text-sm font-semibold text-slate-900">Responses</h2>
          <p className="text-sm text-slate-700" data-testid="response-count">
            {flow.responseCount} {flow.responseCount === 1 ? "response" : "responses"}
          </p>
          {can(user, "responses.read") ? (
            <Link
              href={`/flows/${flow.id}/responses`}
              className="text-brand-700 text-sm font-medium hover:underline"
            >
              View responses
            </Link>
          ) : null}
        </Card>

        <Card className="p-5 lg:col-span-2">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Versions</h2>
          <Lineage current={flow} previous={flow.previousVersions} next={flow.nextVersions} />
        </Card>

        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Templates using this flow</h2>
          {flow.templates.length === 0 ? (
            <p className="text-sm text-slate-600">No template opens this flow.</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="flow-templates">
              {flow.templates.map((template) => (
                <li key={template.id} className="flex items-center justify-between gap-2">
                  <span>
                    {template.name} <span className="text-xs text-slate-500">({template.language})</span>
                  </span>
                  <Badge
                    tone={
                      template.status === "APPROVED"
                        ? "green"
                        : template.status === "REJECTED"
                          ? "red"
                          : "neutral"
                    }
                  >
                    {template.status.toLowerCase()}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-5 lg:col-span-3">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Sent to people</h2>
          <FlowSendLog flowId={flow.id} />
        </Card>
      </div>
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}

function Lineage({
  current,
  previous,
  next,
}: {
  current: LineageEntry | { id: string; name: string; status: LineageEntry["status"]; externalId: string };
  previous: LineageEntry[];
  next: LineageEntry[];
}) {
  if (previous.length === 0 && next.length === 0)
    return <p className="text-sm text-slate-600">This is the only version of this flow.</p>;
  const entries = [
    ...previous.map((e) => ({ ...e, role: "older" })),
    { ...current, role: "this" },
    ...next.map((e) => ({ ...e, role: "newer" })),
  ];
  return (
    <ol className="space-y-2 text-sm" data-testid="flow-lineage">
      {entries.map((entry, index) => (
        <li key={entry.id} className="flex items-center gap-2">
          <span className="w-6 text-right text-xs text-slate-400">v{index + 1}</span>
          {entry.role === "this" ? (
            <span className="font-medium text-slate-900">{entry.name} (this flow)</span>
          ) : (
            <Link href={`/flows/${entry.id}`} className="text-brand-700 font-medium hover:underline">
              {entry.name}
            </Link>
          )}
          <FlowStatusBadge status={entry.status} />
          <code className="font-mono text-xs text-slate-500">{entry.externalId}</code>
        </li>
      ))}
    </ol>
  );
}
