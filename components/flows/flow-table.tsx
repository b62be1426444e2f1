"use client";
import { format, formatDistanceToNow } from "date-fns";
import { Archive, Download, Eye, MessageSquareText, MoreVertical, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Table, Td, Th } from "@/components/ui/table";
import { deleteFlowAction, deprecateFlowAction } from "@/lib/actions/flows";
import { FlowStatusBadge } from "./flow-status-badge";

type Rule = { allowed: true } | { allowed: false; reason: string };

export type FlowTableRow = {
  id: string;
  name: string;
  status: "DRAFT" | "PUBLISHED" | "DEPRECATED";
  categories: string[];
  updatedAt: string;
  validationErrorCount: number;
  detailsPending: boolean;
  usedByTemplates: string[];
  rules: { edit: Rule; delete: Rule; deprecate: Rule };
};

/** What the signed-in role may do at all; the status rules come per row. */
export type FlowTablePermissions = {
  write: boolean;
  delete: boolean;
  deprecate: boolean;
  preview: boolean;
  responses: boolean;
};

const humanCategory = (category: string) =>
  category.charAt(0) + category.slice(1).toLowerCase().replace(/_/g, " ");

type Pending = { kind: "delete" | "deprecate"; row: FlowTableRow } | null;

export function FlowTable({
  rows,
  permissions,
}: {
  rows: FlowTableRow[];
  permissions: FlowTablePermissions;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(null);
  const [working, startWork] = useTransition();

  function confirm() {
    if (!pending) return;
    const { kind, row } = pending;
    startWork(async () => {
      const result =
        kind === "delete"
          ? await deleteFlowAction({ flowId: row.id })
          : await deprecateFlowAction({ flowId: row.id });
      if (result.ok) {
        toast.success(kind === "delete" ? `"${row.name}" was deleted.` : `"${row.name}" is now deprecated.`);
        setPending(null);
        router.refresh();
      } else {
        toast.error(result.error.message);
      }
    });
  }

  return (
    <Card>
      <Table aria-label="Flows">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Status</Th>
            <Th>Categories</Th>
            <Th>Last updated</Th>
            <Th className="w-12">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="flow-row"
              data-flow-name={row.name}
              data-flow-status={row.status}
              className="hover:bg-slate-50/60"
            >
              <Td>
                <Link
                  href={`/flows/${row.id}`}
                  className="hover:text-brand-700 font-medium text-slate-900 hover:underline"
                >
                  {row.name}
                </Link>
                <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                  {row.validationErrorCount > 0 ? (
                    <span className="text-red-600">
                      {row.validationErrorCount} validation error{row.validationErrorCount > 1 ? "s" : ""}
                    </span>
                  ) : null}
                  {row.usedByTemplates.length > 0 ? (
                    <span>Used by {row.usedByTemplates.join(", ")}</span>
                  ) : null}
                </div>
              </Td>
              <Td>
                <FlowStatusBadge status={row.status} />
              </Td>
              <Td className="text-slate-600">
                {row.detailsPending ? (
                  <span className="text-xs text-slate-400">Loading from 8x8…</span>
                ) : (
                  <div className="flex flex-wrap gap-1">
                    {row.categories.map((category) => (
                      <span
                        key={category}
                        className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
                      >
                        {humanCategory(category)}
                      </span>
                    ))}
                  </div>
                )}
              </Td>
              <Td className="whitespace-nowrap text-slate-600">
                <span title={format(new Date(row.updatedAt), "d MMM yyyy, HH:mm")} suppressHydrationWarning>
                  {formatDistanceToNow(new Date(row.updatedAt), { addSuffix: true })}
                </span>
              </Td>
              <Td className="text-right">
                <RowMenu row={row} permissions={permissions} onAsk={(kind) => setPending({ kind, row })} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <Dialog open={pending !== null} onOpenChange={(open) => (open ? null : setPending(null))}>
        {pending ? (
          <DialogContent
            title={
              pending.kind === "delete" ? `Delete "${pending.row.name}"?` : `Deprecate "${pending.row.name}"?`
            }
            description={
              pending.kind === "delete"
                ? "The draft is deleted at 8x8 and removed from Flowport. Deletion is permanent and cannot be undone."
                : "The flow stays viewable and exportable and its responses stay, but it is marked as no longer recommended for new messages. This cannot be undone."
            }
          >
            {pending.kind === "deprecate" && pending.row.usedByTemplates.length > 0 ? (
              <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                Templates still open this flow: {pending.row.usedByTemplates.join(", ")}. Point them at a new
                version.
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary" disabled={working}>
                  Cancel
                </Button>
              </DialogClose>
              <Button variant="danger" onClick={confirm} disabled={working}>
                {working ? "Working…" : pending.kind === "delete" ? "Delete flow" : "Deprecate flow"}
              </Button>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </Card>
  );
}

function DisabledReason({ rule }: { rule: Rule }) {
  return rule.allowed ? null : (
    <span className="block text-xs font-normal text-slate-400">{rule.reason}</span>
  );
}

function RowMenu({
  row,
  permissions,
  onAsk,
}: {
  row: FlowTableRow;
  permissions: FlowTablePermissions;
  onAsk: (kind: "delete" | "deprecate") => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${row.name}`}>
          <MoreVertical className="h-4 w-4" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-72">
        {permissions.write ? (
          <DropdownMenuItem disabled={!row.rules.edit.allowed} asChild={row.rules.edit.allowed}>
            {row.rules.edit.allowed ? (
              <Link href={`/flows/${row.id}/edit`}>
                <Pencil className="h-4 w-4" aria-hidden /> Edit
              </Link>
            ) : (
              <div className="items-start">
                <Pencil className="mt-0.5 h-4 w-4" aria-hidden />
                <span>
                  Edit <DisabledReason rule={row.rules.edit} />
                </span>
              </div>
            )}
          </DropdownMenuItem>
        ) : null}
        {permissions.preview ? (
          <DropdownMenuItem asChild>
            <Link href={`/flows/${row.id}/preview`}>
              <Eye className="h-4 w-4" aria-hidden /> Preview
            </Link>
          </DropdownMenuItem>
        ) : null}
        {permissions.responses ? (
          <DropdownMenuItem asChild>
            <Link href={`/flows/${row.id}/responses`}>
              <MessageSquareText className="h-4 w-4" aria-hidden /> View responses
            </Link>
          </DropdownMenuItem>
        ) : null}
        {row.detailsPending ? (
          <DropdownMenuItem disabled>
            <Download className="h-4 w-4" aria-hidden /> Export JSON (fetching it from 8x8…)
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem asChild>
            <a href={`/api/flows/${row.id}/export`} download>
              <Download className="h-4 w-4" aria-hidden /> Export JSON
            </a>
          </DropdownMenuItem>
        )}
        {permissions.deprecate && row.status === "PUBLISHED" ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onAsk("deprecate")}>
              <Archive className="h-4 w-4" aria-hidden /> Deprecate…
            </DropdownMenuItem>
          </>
        ) : null}
        {permissions.delete ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem
              disabled={!row.rules.delete.allowed}
              onSelect={() => onAsk("delete")}
              className={
                row.rules.delete.allowed ? "text-red-700 data-[highlighted]:bg-red-50" : "items-start"
              }
            >
              <Trash2 className={row.rules.delete.allowed ? "h-4 w-4" : "mt-0.5 h-4 w-4"} aria-hidden />
              <span>
                Delete… <DisabledReason rule={row.rules.delete} />
              </span>
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
