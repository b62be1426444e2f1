"use client";
import { useQueryClient } from "@tanstack/react-query";
import { timeAgo } from "@/components/ui/format-date";
import { Download, Eye, Save } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { listFlowRevisionsAction, saveFlowAction } from "@/lib/actions/authoring";
import type { EditableFlow } from "@/lib/authoring";
import { publishBlockersOf } from "@/lib/authoring/publish-blockers";
import type { FlowCategory } from "@/lib/authoring/schemas";
import type { FieldErrors } from "@/lib/errors";
import type { FlowJsonProblem } from "@/lib/flow-json";
import { FlowDetailsFields, type FlowDetailsValue } from "./flow-details-fields";
import { FlowWorkspace } from "./flow-workspace";
import { HistoryButton, HistoryDialog, historyKeys } from "./history-dialog";
import {
  clearLocalDraft,
  localDraftKey,
  readLocalDraft,
  writeLocalDraft,
  type LocalDraft,
} from "./local-draft";
import { PublishDialog } from "./publish-dialog";
import { useEditorText } from "./use-editor-text";
import { useLiveValidation } from "./use-live-validation";
import { useUnsavedChangesGuard } from "./use-unsaved-changes-guard";

type SavedState = {
  revision: number;
  flowJson: string;
  details: FlowDetailsValue;
  remoteProblems: FlowJsonProblem[];
};

export type FlowEditorProps = { flow: EditableFlow; canWrite: boolean; canPublish: boolean };

const sameDetails = (a: FlowDetailsValue, b: FlowDetailsValue) =>
  a.name === b.name &&
  a.endpointUri.trim() === b.endpointUri.trim() &&
  [...a.categories].sort().join() === [...b.categories].sort().join();

function detailsOf(flow: EditableFlow): FlowDetailsValue {
  return {
    name: flow.name,
    categories: flow.categories.length > 0 ? flow.categories : ["OTHER"],
    endpointUri: flow.endpointUri ?? "",
  };
}

/** An unsaved copy from an earlier visit, if it differs from what the server has. */
function initialDraft(flow: EditableFlow, editable: boolean): LocalDraft | null {
  if (!editable) return null;
  const draft = readLocalDraft(localDraftKey(flow.id));
  if (!draft) return null;
  const differs = draft.flowJson !== flow.flowJson || !sameDetails(draft, detailsOf(flow));
  if (!differs) clearLocalDraft(localDraftKey(flow.id));
  return differs ? draft : null;
}

/** The edit page: details, Monaco with live problems and preview, save with conflict detection, history, publish. */
export function FlowEditor({ flow, canWrite, canPublish }: FlowEditorProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const editable = canWrite && flow.status === "DRAFT";
  const draftKey = localDraftKey(flow.id);
  const [restored] = useState(() => initialDraft(flow, editable));
  const [saved, setSaved] = useState<SavedState>({
    revision: flow.revision,
    flowJson: flow.flowJson,
    details: detailsOf(flow),
    remoteProblems: flow.remoteProblems,
  });
  const {
    text,
    externalEdit,
    setTyped,
    replace: replaceText,
  } = useEditorText(restored?.flowJson ?? flow.flowJson);
  const [details, setDetails] = useState<FlowDetailsValue>(
    restored
      ? { name: restored.name, categories: restored.categories, endpointUri: restored.endpointUri }
      : detailsOf(flow),
  );
  const [showRestoredNotice, setShowRestoredNotice] = useState(restored !== null);
  const [restoredFromRevision, setRestoredFromRevision] = useState<number | undefined>();
  const [failure, setFailure] = useState<{ kind: "conflict" | "error"; message: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [history, setHistory] = useState<{ open: boolean; revision: number | null }>({
    open: false,
    revision: null,
  });
  const [saving, startSaving] = useTransition();

  const dirty = text !== saved.flowJson || !sameDetails(details, saved.details);
  const live = useLiveValidation(text, details.endpointUri.trim() !== "");
  // 8x8's positions refer to the text it stored: drop its problems once the text differs.
  const remoteProblems = text === saved.flowJson ? saved.remoteProblems : [];
  const allowLeaving = useUnsavedChangesGuard(dirty);
  const publishBlockers = useMemo(
    () => publishBlockersOf(saved.flowJson, saved.details.endpointUri.trim() !== "", saved.remoteProblems),
    [saved],
  );

  useEffect(() => {
    if (!editable) return;
    if (!dirty) {
      clearLocalDraft(draftKey);
      return;
    }
    const timer = setTimeout(
      () => writeLocalDraft(draftKey, { flowJson: text, ...details, baseRevision: saved.revision }),
      400,
    );
    return () => clearTimeout(timer);
  }, [editable, dirty, draftKey, text, details, saved.revision]);

  const save = useCallback(
    (baseRevision: number = saved.revision) => {
      if (!editable || saving) return;
      setFailure(null);
      setFieldErrors({});
      // The safety copy is written now, not after the debounce: the request may fail or the tab may close.
      writeLocalDraft(draftKey, { flowJson: text, ...details, baseRevision });
      startSaving(async () => {
        const result = await saveFlowAction({
          flowId: flow.id,
          baseRevision,
          flowJson: text,
          ...details,
          categories: details.categories as FlowCategory[],
          restoredFromRevision,
        });
        if (!result.ok) {
          setFieldErrors(result.error.fieldErrors ?? {});
          setFailure({
            kind: result.error.code === "stale_revision" ? "conflict" : "error",
            message: result.error.message,
          });
          return;
        }
        const { revision, validationErrors } = result.data;
        setSaved({ revision, flowJson: text, details, remoteProblems: validationErrors });
        setRestoredFromRevision(undefined);
        setShowRestoredNotice(false);
        clearLocalDraft(draftKey);
        void queryClient.invalidateQueries({ queryKey: historyKeys.list(flow.id) });
        if (validationErrors.length > 0)
          toast.warning(
            `Saved revision ${revision}. 8x8 reported ${validationErrors.length} validation ${validationErrors.length === 1 ? "error" : "errors"}.`,
          );
        else toast.success(`Saved revision ${revision}.`);
        router.refresh();
      });
    },
    [
      editable,
      saving,
      draftKey,
      text,
      details,
      flow.id,
      restoredFromRevision,
      saved.revision,
      queryClient,
      router,
    ],
  );

  // Ctrl/Cmd+S anywhere on the page (Monaco handles it itself while focused).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        save();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [save]);

  async function latestRevisionNumber(): Promise<number | null> {
    const result = await listFlowRevisionsAction({ flowId: flow.id });
    return result.ok ? (result.data[0]?.number ?? null) : null;
  }

  async function compareWithTheirs() {
    await queryClient.invalidateQueries({ queryKey: historyKeys.list(flow.id) });
    setHistory({ open: true, revision: await latestRevisionNumber() });
  }

  async function saveOverTheirs() {
    const latest = await latestRevisionNumber();
    if (latest !== null) save(latest);
  }

  function takeTheirs() {
    // The user chose to drop their text: reload the stored flow without asking again.
    clearLocalDraft(draftKey);
    allowLeaving();
    window.location.reload();
  }

  const readOnlyReason = !canWrite
    ? "You can view this flow. Editing needs the Marketer or Admin role."
    : flow.status !== "DRAFT"
      ? `This flow is ${flow.status === "PUBLISHED" ? "published" : "deprecated"} and cannot be edited (a Meta/WhatsApp restriction). Create a new version to change it.`
      : null;

  return (
    <div className="flex flex-col gap-4">
      {readOnlyReason ? (
        <Notice tone="info" className="flex flex-wrap items-center gap-3">
          <span>{readOnlyReason}</span>
          {canWrite && flow.status !== "DRAFT" ? (
            <Link href={`/flows/new?from=${flow.id}`} className="font-medium text-sky-800 underline">
              New version
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {showRestoredNotice && restored ? (
        <Notice tone="warning" className="flex flex-wrap items-center gap-3">
          <span>
            Restored your unsaved changes from {timeAgo(new Date(restored.savedAt))}
            {restored.baseRevision !== null && restored.baseRevision !== flow.revision
              ? ` (made on revision ${restored.baseRevision}; the flow is now at revision ${flow.revision})`
              : ""}
            .
          </span>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              replaceText(saved.flowJson);
              setDetails(saved.details);
              clearLocalDraft(draftKey);
              setShowRestoredNotice(false);
            }}
          >
            Discard them
          </Button>
        </Notice>
      ) : null}
      {failure ? (
        <Notice tone="error" className="flex flex-wrap items-center gap-3">
          <span className="min-w-0 flex-1" data-testid="save-failure">
            {failure.message}
            {failure.kind === "error" ? " Your text is kept here and in this browser." : ""}
          </span>
          {failure.kind === "conflict" ? (
            <span className="flex flex-wrap gap-2">
              <Button variant="secondary" size="sm" onClick={() => void compareWithTheirs()}>
                See their change
              </Button>
              <Button variant="secondary" size="sm" onClick={takeTheirs}>
                Take theirs
              </Button>
              <Button variant="danger" size="sm" onClick={() => void saveOverTheirs()}>
                Save mine over theirs
              </Button>
            </span>
          ) : null}
        </Notice>
      ) : null}

      <FlowDetailsFields value={details} onChange={setDetails} errors={fieldErrors} disabled={!editable} />

      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600" data-testid="save-state">
          {dirty ? "Unsaved changes" : `Saved · revision ${saved.revision}`}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <Button variant="secondary" asChild>
            <Link href={`/flows/${flow.id}/preview`}>
              <Eye aria-hidden className="size-4" /> Full preview
            </Link>
          </Button>
          <Button variant="secondary" asChild>
            <a href={`/api/flows/${flow.id}/export`} download>
              <Download aria-hidden className="size-4" /> Export JSON
            </a>
          </Button>
          {editable ? (
            <Button onClick={() => save()} disabled={saving || !dirty} title="Save (Ctrl+S)">
              <Save aria-hidden className="size-4" /> {saving ? "Saving…" : "Save"}
            </Button>
          ) : null}
          {editable && canPublish ? (
            <PublishDialog
              flowId={flow.id}
              flowName={saved.details.name}
              blockers={publishBlockers}
              unsavedChanges={dirty}
              onPublished={() => {
                toast.success("Published. The flow is now live and cannot be edited.");
                router.push(`/flows/${flow.id}`);
                router.refresh();
              }}
            />
          ) : null}
        </div>
      </div>

      <FlowWorkspace
        text={text}
        onTextChange={setTyped}
        externalEdit={externalEdit}
        live={live}
        readOnly={!editable}
        remoteProblems={remoteProblems}
        onSave={() => save()}
        editorActions={<HistoryButton onClick={() => setHistory({ open: true, revision: null })} />}
      />

      <HistoryDialog
        flowId={flow.id}
        open={history.open}
        onOpenChange={(open) => setHistory((current) => ({ ...current, open }))}
        initialRevision={history.revision}
        currentText={text}
        canRestore={editable}
        onRestore={(revision) => {
          replaceText(revision.flowJson);
          setRestoredFromRevision(revision.number);
          toast.info(`Revision ${revision.number} is in the editor. Save to keep it.`);
        }}
      />
    </div>
  );
}
