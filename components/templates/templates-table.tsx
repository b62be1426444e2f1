"use client";
import { timeAgo } from "@/components/ui/format-date";
import { Trash2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input, NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { deleteTemplateAction } from "@/lib/actions/templates";
import {
  CATEGORY_GUIDANCE,
  languageLabel,
  STATUS_INFO,
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
} from "@/lib/templates";
import { QualityBadge, RejectionReason, TemplateStatusBadge } from "./status-badges";

export type TemplateListItem = {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  rejectionReason: string | null;
  qualityScore: string;
  flows: { externalId: string; id: string | null; name: string | null }[];
  updatedAt: string;
};

export function TemplateFilters({ total }: { total: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`);
  };
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <Input
        aria-label="Search templates by name"
        placeholder="Search by name"
        defaultValue={params.get("q") ?? ""}
        onChange={(e) => set("q", e.target.value)}
        className="w-56"
      />
      <NativeSelect
        aria-label="Filter by status"
        value={params.get("status") ?? ""}
        onChange={(e) => set("status", e.target.value)}
        className="w-40"
      >
        <option value="">All statuses</option>
        {TEMPLATE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_INFO[s].label}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Filter by category"
        value={params.get("category") ?? ""}
        onChange={(e) => set("category", e.target.value)}
        className="w-44"
      >
        <option value="">All categories</option>
        {TEMPLATE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_GUIDANCE[c].label}
          </option>
        ))}
      </NativeSelect>
      <span className="text-sm text-slate-500">
        {total} template{total === 1 ? "" : "s"}
      </span>
    </div>
  );
}

export function TemplatesTable({
  templates,
  canDelete,
}: {
  templates: TemplateListItem[];
  canDelete: boolean;
}) {
  const [deleting, setDeleting] = useState<TemplateListItem | null>(null);
  return (
    <Card>
      <Table aria-label="Templates">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Category</Th>
            <Th>Status</Th>
            <Th>Quality</Th>
            <Th>Flow button opens</Th>
            <Th>Updated</Th>
            {canDelete ? <Th className="text-right">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.id} data-testid={`template-row-${t.name}`}>
              <Td>
                <Link
                  href={`/templates/${t.id}`}
                  className="hover:text-brand-700 font-medium text-slate-900 hover:underline"
                >
                  {t.name}
                </Link>
                <div className="text-xs text-slate-500">{languageLabel(t.language)}</div>
              </Td>
              <Td className="text-sm">
                {CATEGORY_GUIDANCE[t.category as keyof typeof CATEGORY_GUIDANCE]?.label ?? t.category}
              </Td>
              <Td className="max-w-64">
                <TemplateStatusBadge status={t.status} />
                {t.status === "REJECTED" ? <RejectionReason reason={t.rejectionReason} /> : null}
              </Td>
              <Td>
                <QualityBadge score={t.qualityScore} />
              </Td>
              <Td className="text-sm">
                {t.flows.length === 0 ? <span className="text-slate-400">—</span> : null}
                {t.flows.map((f) =>
                  f.id ? (
                    <Link
                      key={f.externalId}
                      href={`/flows/${f.id}`}
                      className="text-brand-700 block hover:underline"
                    >
                      {f.name}
                    </Link>
                  ) : (
                    <span
                      key={f.externalId}
                      className="block text-slate-500"
                      title="This flow is not in Flowport's cache"
                    >
                      Flow {f.externalId}
                    </span>
                  ),
                )}
              </Td>
              <Td className="text-sm whitespace-nowrap text-slate-600">{timeAgo(new Date(t.updatedAt))}</Td>
              {canDelete ? (
                <Td className="text-right">
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={`Delete ${t.name}`}
                    onClick={() => setDeleting(t)}
                  >
                    <Trash2 className="size-4" />
                  </Button>
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      <DeleteTemplateDialog
        template={deleting}
        otherLanguages={
          deleting
            ? templates.filter((t) => t.name === deleting.name && t.id !== deleting.id).map((t) => t.language)
            : []
        }
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}

export function DeleteTemplateDialog({
  template,
  otherLanguages,
  onClose,
  onDeleted,
}: {
  template: { id: string; name: string; language: string } | null;
  otherLanguages: string[];
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function confirm() {
    if (!template) return;
    startTransition(async () => {
      const result = await deleteTemplateAction({ templateId: template.id });
      if (result.ok) {
        toast.success(`“${result.data.name}” was deleted.`);
        onClose();
        if (onDeleted) onDeleted();
        else router.refresh();
      } else {
        toast.error(result.error.message);
      }
    });
  }
  return (
    <Dialog open={template !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={template ? `Delete “${template.name}”?` : "Delete template"}
        description="8x8 deletes the template at WhatsApp; messages already sent are not affected."
      >
        <div className="space-y-3 text-sm text-slate-700">
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
            WhatsApp blocks the name <strong>{template?.name}</strong> for <strong>30 days</strong> after
            deletion: a new template cannot use it until then.
          </p>
          {otherLanguages.length > 0 ? (
            <p>
              8x8 deletes by name, so the {otherLanguages.map(languageLabel).join(", ")} version
              {otherLanguages.length === 1 ? "" : "s"} will be deleted too.
            </p>
          ) : null}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="danger" onClick={confirm} disabled={pending}>
              {pending ? "Deleting…" : "Delete template"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
