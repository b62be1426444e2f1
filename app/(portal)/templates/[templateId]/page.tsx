import type { Metadata } from "next";
import { format } from "date-fns";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SendLogTable } from "@/components/sending/send-log-table";
import { QualityBadge, RejectionReason, TemplateStatusBadge } from "@/components/templates/status-badges";
import { PendingStatusFollower, TemplateActions } from "@/components/templates/template-actions";
import { TemplatePreview } from "@/components/templates/template-preview";
import { Card, PageHeader } from "@/components/ui/card";
import { can, requirePageUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { isExpectedError } from "@/lib/errors";
import { sendsForTemplate } from "@/lib/sending/server";
import { CATEGORY_GUIDANCE, languageLabel, statusInfo } from "@/lib/templates";
import { getTemplate, type TemplateRow } from "@/lib/templates/server";

export const metadata: Metadata = { title: "Template" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadTemplate(templateId: string): Promise<TemplateRow> {
  if (!UUID.test(templateId)) notFound();
  try {
    return await getTemplate(templateId);
  } catch (error) {
    if (isExpectedError(error) && error.status === 404) notFound();
    throw error;
  }
}

export default async function TemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const user = await requirePageUser("templates.read", `/templates/${templateId}`);
  const template = await loadTemplate(templateId);
  const channel = await getDb().channel.findUniqueOrThrow({
    where: { id: template.channelId },
    select: { name: true, testNumbers: true },
  });
  const siblings = await getDb().template.findMany({
    where: { channelId: template.channelId, name: template.name, NOT: { id: template.id } },
    select: { language: true },
  });
  const log = await sendsForTemplate(user, template.id);
  const status = statusInfo(template.status);
  const canSend = template.status === "APPROVED" && can(user, "messages.testSend");

  return (
    <>
      {template.status === "PENDING" ? <PendingStatusFollower /> : null}
      <p className="mb-2 text-sm">
        <Link href="/templates" className="text-brand-700 hover:underline">
          ← Templates
        </Link>
      </p>
      <PageHeader
        title={template.name}
        description={`${languageLabel(template.language)} · ${CATEGORY_GUIDANCE[template.category as keyof typeof CATEGORY_GUIDANCE]?.label ?? template.category} · ${channel.name}`}
        actions={
          <TemplateActions
            template={{
              id: template.id,
              name: template.name,
              language: template.language,
              components: template.components,
            }}
            otherLanguages={siblings.map((s) => s.language)}
            canDelete={can(user, "templates.write")}
            send={
              canSend
                ? {
                    channelName: channel.name,
                    testNumbers: channel.testNumbers,
                    testersOnly: !can(user, "messages.send"),
                  }
                : null
            }
          />
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
        <div className="space-y-6">
          <Card className="space-y-4 p-5">
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">Status</dt>
                <dd className="mt-1 space-y-1">
                  <TemplateStatusBadge status={template.status} />
                  <p className="text-slate-600">{status.meaning}</p>
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Quality</dt>
                <dd className="mt-1">
                  <QualityBadge score={template.qualityScore} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Flow button opens</dt>
                <dd className="mt-1">
                  {template.flows.length === 0 ? "No Flow button" : null}
                  {template.flows.map((f) =>
                    f.id ? (
                      <Link
                        key={f.externalId}
                        href={`/flows/${f.id}`}
                        className="text-brand-700 block hover:underline"
                      >
                        {f.name} <span className="text-xs text-slate-500">({f.status?.toLowerCase()})</span>
                      </Link>
                    ) : (
                      <span key={f.externalId} className="block">
                        Flow {f.externalId} (not in Flowport)
                      </span>
                    ),
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Submitted · last read from 8x8</dt>
                <dd className="mt-1 text-slate-700">
                  {format(template.createdAt, "d MMM yyyy, HH:mm")} ·{" "}
                  {template.lastSyncedAt ? format(template.lastSyncedAt, "d MMM, HH:mm") : "not yet"}
                </dd>
              </div>
            </dl>
            {template.status === "REJECTED" ? (
              <div className="rounded-md border border-red-200 bg-red-50 p-3">
                <p className="mb-1 text-sm font-medium text-red-900">Why it was rejected</p>
                <RejectionReason reason={template.rejectionReason} />
              </div>
            ) : null}
            {template.status === "PENDING" ? (
              <p className="text-sm text-slate-600">
                This page follows the review: the status changes here as soon as 8x8 reports it.
              </p>
            ) : null}
          </Card>
          <section className="space-y-2">
            <h2 className="text-base font-semibold text-slate-900">Send log</h2>
            <SendLogTable log={log} show="template" />
          </section>
        </div>
        <aside aria-label="Preview">
          <TemplatePreview
            components={template.components}
            businessName={channel.name}
            flows={template.flows}
          />
        </aside>
      </div>
    </>
  );
}
