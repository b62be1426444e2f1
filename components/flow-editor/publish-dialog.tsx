"use client";
import { Rocket } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { publishFlowAction } from "@/lib/actions/authoring";

export type PublishDialogProps = {
  flowId: string;
  flowName: string;
  /** What keeps the stored draft from being published (publishBlockers / publishBlockersOf). */
  blockers: string[];
  /** Unsaved edits in the editor: they would not be published. */
  unsavedChanges?: boolean;
  onPublished: () => void;
  triggerLabel?: string;
};

/** F-PUB-1: the immutability warning and an explicit confirmation; refused while the draft has errors. */
export function PublishDialog({
  flowId,
  flowName,
  blockers,
  unsavedChanges = false,
  onPublished,
  triggerLabel = "Publish",
}: PublishDialogProps) {
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; details: string[] } | null>(null);
  const [pending, startTransition] = useTransition();

  function publish() {
    setRefusal(null);
    startTransition(async () => {
      const result = await publishFlowAction({ flowId });
      if (result.ok) {
        setOpen(false);
        onPublished();
      } else {
        setRefusal({ message: result.error.message, details: result.error.fieldErrors?.flowJson ?? [] });
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setConfirmed(false);
        setRefusal(null);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Rocket aria-hidden className="size-4" /> {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent title={`Publish “${flowName}”?`} className="max-w-xl">
        <div className="space-y-4 text-sm text-slate-700">
          <Notice tone="warning">
            Once published, the Flow becomes live and <strong>cannot be edited</strong>. This is a
            Meta/WhatsApp restriction to ensure consistency for users.
          </Notice>
          <p>
            Publish when you&apos;re confident the Flow is ready for production use. To change it later, you
            create a new version.
          </p>
          {unsavedChanges ? (
            <Notice tone="error">
              You have unsaved changes. Save them first: only the saved draft is published.
            </Notice>
          ) : null}
          {blockers.length > 0 ? (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
              <p className="font-medium">
                This draft has {blockers.length} validation {blockers.length === 1 ? "error" : "errors"} and
                cannot be published:
              </p>
              <ul
                className="mt-2 max-h-40 list-disc space-y-1 overflow-y-auto pl-5"
                data-testid="publish-blockers"
              >
                {blockers.map((blocker, index) => (
                  <li key={index}>{blocker}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {refusal ? (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
              <p className="font-medium">{refusal.message}</p>
              {refusal.details.length > 0 ? (
                <ul className="mt-2 max-h-40 list-disc space-y-1 overflow-y-auto pl-5">
                  {refusal.details.map((detail, index) => (
                    <li key={index}>{detail}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            <span>I understand that the published flow cannot be edited.</span>
          </label>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button
              onClick={publish}
              disabled={!confirmed || pending || blockers.length > 0 || unsavedChanges}
            >
              {pending ? "Publishing…" : "Publish"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
