"use client";
import { useQuery } from "@tanstack/react-query";
import { timeAgo } from "@/components/ui/format-date";
import { History, RotateCcw } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { getFlowRevisionAction, listFlowRevisionsAction } from "@/lib/actions/authoring";
import type { ActionResult } from "@/lib/actions/define-action";
import { EditorLoading } from "./editor-loading";

const FlowDiffEditor = dynamic(() => import("./flow-diff-editor"), {
  ssr: false,
  loading: () => <EditorLoading />,
});

export const historyKeys = {
  list: (flowId: string) => ["flow-revisions", flowId] as const,
  revision: (flowId: string, number: number) => ["flow-revisions", flowId, number] as const,
};

async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

export type HistoryDialogProps = {
  flowId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  currentText: string;
  /** Revision to select when opened (e.g. the one that caused a conflict); the newest otherwise. */
  initialRevision?: number | null;
  canRestore: boolean;
  onRestore: (revision: { number: number; flowJson: string }) => void;
};

/** Every saved revision, a side-by-side diff against the editor's text, and "restore into editor". */
export function HistoryDialog({
  flowId,
  open,
  onOpenChange,
  currentText,
  initialRevision,
  canRestore,
  onRestore,
}: HistoryDialogProps) {
  const [picked, setPicked] = useState<number | null>(null);
  const revisions = useQuery({
    queryKey: historyKeys.list(flowId),
    queryFn: () => unwrap(listFlowRevisionsAction({ flowId })),
    enabled: open,
    staleTime: 0,
  });
  const selected = picked ?? initialRevision ?? revisions.data?.[0]?.number ?? null;
  const revision = useQuery({
    queryKey: historyKeys.revision(flowId, selected ?? -1),
    queryFn: () => unwrap(getFlowRevisionAction({ flowId, number: selected ?? 0 })),
    enabled: open && selected !== null,
    staleTime: Infinity,
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setPicked(null);
      }}
    >
      <DialogContent
        title="History"
        description="Every save is kept. Compare a revision (left) with the text in the editor (right)."
        className="flex h-[85vh] max-w-[min(1400px,calc(100vw-2rem))] flex-col"
      >
        <div className="flex h-[calc(85vh-7rem)] gap-4">
          <ol className="w-64 shrink-0 space-y-1 overflow-y-auto pr-1" aria-label="Revisions">
            {revisions.isPending ? <li className="text-sm text-slate-500">Loading…</li> : null}
            {revisions.error ? (
              <li>
                <Notice tone="error">{revisions.error.message}</Notice>
              </li>
            ) : null}
            {revisions.data?.map((item) => (
              <li key={item.number}>
                <button
                  type="button"
                  onClick={() => setPicked(item.number)}
                  aria-current={item.number === selected ? "true" : undefined}
                  className={cn(
                    "w-full rounded-md border px-3 py-2 text-left text-sm",
                    item.number === selected
                      ? "border-brand-600 bg-brand-50"
                      : "border-slate-200 hover:bg-slate-50",
                  )}
                >
                  <span className="block font-medium text-slate-900">Revision {item.number}</span>
                  <span className="block text-xs text-slate-600">{item.authorEmail ?? "unknown author"}</span>
                  <span
                    className="block text-xs text-slate-500"
                    title={new Date(item.createdAt).toLocaleString()}
                  >
                    {timeAgo(new Date(item.createdAt))} · {(item.characters / 1000).toFixed(1)} KB
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <div className="flex items-center gap-2 text-sm">
              <span className="font-medium text-slate-700">
                {selected !== null ? `Revision ${selected}` : "No revision"}
              </span>
              <span className="text-slate-400">→</span>
              <span className="font-medium text-slate-700">Editor</span>
              {canRestore ? (
                <Button
                  className="ml-auto"
                  variant="secondary"
                  size="sm"
                  disabled={!revision.data}
                  onClick={() => {
                    if (!revision.data) return;
                    onRestore(revision.data);
                    onOpenChange(false);
                  }}
                >
                  <RotateCcw aria-hidden className="size-4" /> Restore into editor
                </Button>
              ) : null}
            </div>
            <div
              className="min-h-0 flex-1 overflow-hidden rounded-md border border-slate-200"
              data-testid="history-diff"
            >
              {revision.error ? <Notice tone="error">{revision.error.message}</Notice> : null}
              {revision.data ? (
                <FlowDiffEditor original={revision.data.flowJson} modified={currentText} />
              ) : (
                <EditorLoading />
              )}
            </div>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

export function HistoryButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" onClick={onClick}>
      <History aria-hidden className="size-4" /> History
    </Button>
  );
}
