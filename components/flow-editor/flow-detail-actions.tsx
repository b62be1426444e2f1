"use client";
import { Archive, Download, Eye, FilePlus2, MessageSquareText, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { deleteFlowAction, deprecateFlowAction } from "@/lib/actions/flows";
import type { ActionResult } from "@/lib/actions/define-action";
import type { FlowStatus } from "@/lib/generated/prisma/enums";
import { PublishDialog } from "./publish-dialog";

export type FlowDetailActionsProps = {
  flow: {
    id: string;
    name: string;
    status: FlowStatus;
    templateCount: number;
    approvedTemplateCount: number;
    publishBlockers: string[];
  };
  permissions: { write: boolean; publish: boolean; delete: boolean; responses: boolean };
};

/** The actions a role may take on the flow in its status; testers get the read-only ones. */
export function FlowDetailActions({ flow, permissions }: FlowDetailActionsProps) {
  const router = useRouter();
  const draft = flow.status === "DRAFT";
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="flow-actions">
      {draft && permissions.write ? (
        <Button asChild>
          <Link href={`/flows/${flow.id}/edit`}>
            <Pencil aria-hidden className="size-4" /> Edit
          </Link>
        </Button>
      ) : null}
      {!draft && permissions.write ? (
        <Button asChild variant="secondary">
          <Link href={`/flows/new?from=${flow.id}`}>
            <FilePlus2 aria-hidden className="size-4" /> New version
          </Link>
        </Button>
      ) : null}
      <Button asChild variant="secondary">
        <Link href={`/flows/${flow.id}/preview`}>
          <Eye aria-hidden className="size-4" /> Preview
        </Link>
      </Button>
      {permissions.responses ? (
        <Button asChild variant="secondary">
          <Link href={`/flows/${flow.id}/responses`}>
            <MessageSquareText aria-hidden className="size-4" /> Responses
          </Link>
        </Button>
      ) : null}
      <Button asChild variant="secondary">
        <a href={`/api/flows/${flow.id}/export`} download>
          <Download aria-hidden className="size-4" /> Export JSON
        </a>
      </Button>
      {draft && permissions.publish ? (
        <PublishDialog
          flowId={flow.id}
          flowName={flow.name}
          blockers={flow.publishBlockers}
          onPublished={() => {
            toast.success("Published. The flow is now live and cannot be edited.");
            router.refresh();
          }}
        />
      ) : null}
      {flow.status === "PUBLISHED" && permissions.publish ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary">
              <Archive aria-hidden className="size-4" /> Deprecate
            </Button>
          }
          title={`Deprecate “${flow.name}”?`}
          confirmLabel="Deprecate"
          run={() => deprecateFlowAction({ flowId: flow.id })}
          onDone={() => {
            toast.success("Deprecated. It stays viewable and exportable, and its responses stay.");
            router.refresh();
          }}
        >
          <p>A deprecated flow is no longer recommended for new messages. This cannot be undone.</p>
          {flow.approvedTemplateCount > 0 ? (
            <Notice tone="warning">
              {flow.approvedTemplateCount} approved{" "}
              {flow.approvedTemplateCount === 1 ? "template still uses" : "templates still use"} this flow.
              Create them again against a new version so customers keep getting a current flow.
            </Notice>
          ) : null}
        </ConfirmDialog>
      ) : null}
      {draft && permissions.delete ? (
        flow.templateCount > 0 ? (
          <Button
            variant="secondary"
            disabled
            title={`Used by ${flow.templateCount} template(s): remove them first.`}
          >
            <Trash2 aria-hidden className="size-4" /> Delete
          </Button>
        ) : (
          <ConfirmDialog
            trigger={
              <Button variant="danger">
                <Trash2 aria-hidden className="size-4" /> Delete
              </Button>
            }
            title={`Delete “${flow.name}”?`}
            confirmLabel="Delete permanently"
            danger
            run={() => deleteFlowAction({ flowId: flow.id })}
            onDone={() => {
              toast.success(`Deleted “${flow.name}”.`);
              router.push("/flows");
            }}
          >
            <p>
              Deletion is permanent and cannot be undone: the draft is removed at 8x8 and here, with its
              history.
            </p>
          </ConfirmDialog>
        )
      ) : null}
    </div>
  );
}

function ConfirmDialog({
  trigger,
  title,
  confirmLabel,
  danger = false,
  run,
  onDone,
  children,
}: {
  trigger: ReactNode;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  run: () => Promise<ActionResult<unknown>>;
  onDone: () => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title}>
        <div className="space-y-4 text-sm text-slate-700">
          {children}
          {error ? <Notice tone="error">{error}</Notice> : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button
              variant={danger ? "danger" : "primary"}
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await run();
                  if (result.ok) {
                    setOpen(false);
                    onDone();
                  } else setError(result.error.message);
                })
              }
            >
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
