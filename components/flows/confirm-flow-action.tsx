"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { deleteFlowAction, deprecateFlowAction } from "@/lib/actions/flows";
import type { FlowAction, FlowTableRow } from "./flow-table";

/** Asks before deleting or deprecating a flow, then does it; loaded when a row's menu asks for it. */
export function ConfirmFlowAction({
  kind,
  row,
  onClose,
}: {
  kind: FlowAction;
  row: FlowTableRow;
  onClose: () => void;
}) {
  const router = useRouter();
  const [working, startWork] = useTransition();

  function confirm() {
    startWork(async () => {
      const result =
        kind === "delete"
          ? await deleteFlowAction({ flowId: row.id })
          : await deprecateFlowAction({ flowId: row.id });
      if (result.ok) {
        toast.success(kind === "delete" ? `"${row.name}" was deleted.` : `"${row.name}" is now deprecated.`);
        onClose();
        router.refresh();
      } else {
        toast.error(result.error.message);
      }
    });
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent
        title={kind === "delete" ? `Delete "${row.name}"?` : `Deprecate "${row.name}"?`}
        description={
          kind === "delete"
            ? "The draft is deleted at 8x8 and removed from Flowport. Deletion is permanent and cannot be undone."
            : "The flow stays viewable and exportable and its responses stay, but it is marked as no longer recommended for new messages. This cannot be undone."
        }
      >
        {kind === "deprecate" && row.usedByTemplates.length > 0 ? (
          <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Templates still open this flow: {row.usedByTemplates.join(", ")}. Point them at a new version.
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary" disabled={working}>
              Cancel
            </Button>
          </DialogClose>
          <Button variant="danger" onClick={confirm} disabled={working}>
            {working ? "Working…" : kind === "delete" ? "Delete flow" : "Deprecate flow"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
