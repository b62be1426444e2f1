"use client";
import { FilePlus2, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { createFlowAction } from "@/lib/actions/authoring";
import { BLANK_FLOW_JSON } from "@/lib/authoring/blank-flow";
import { describeSyntaxError, type FlowCategory } from "@/lib/authoring/schemas";
import type { FieldErrors } from "@/lib/errors";
import { ExampleGallery, type GalleryExample } from "./example-gallery";
import { FlowDetailsFields, type FlowDetailsValue } from "./flow-details-fields";
import { FlowWorkspace } from "./flow-workspace";
import { clearLocalDraft, localDraftKey, readLocalDraft, writeLocalDraft } from "./local-draft";
import { useEditorText } from "./use-editor-text";
import { useLiveValidation } from "./use-live-validation";
import { useUnsavedChangesGuard } from "./use-unsaved-changes-guard";

export type CreateFlowFormProps = {
  channels: { id: string; name: string }[];
  examples: GalleryExample[];
  /** "New version" of a published or deprecated flow: its JSON and details, on its channel. */
  previousVersion: {
    id: string;
    name: string;
    channelId: string;
    categories: string[];
    endpointUri: string | null;
    flowJson: string;
  } | null;
};

const MAX_UPLOAD_BYTES = 1_000_000;

export function CreateFlowForm({ channels, examples, previousVersion }: CreateFlowFormProps) {
  const router = useRouter();
  const draftKey = localDraftKey(previousVersion ? `new-version-of:${previousVersion.id}` : "new");
  const initial = {
    channelId: previousVersion?.channelId ?? (channels.length === 1 ? (channels[0]?.id ?? "") : ""),
    details: previousVersion
      ? {
          name: `${previousVersion.name} (new version)`,
          categories: previousVersion.categories,
          endpointUri: previousVersion.endpointUri ?? "",
        }
      : { name: "", categories: ["OTHER"], endpointUri: "" },
    flowJson: previousVersion?.flowJson ?? BLANK_FLOW_JSON,
  };
  const [restored] = useState(() => readLocalDraft(draftKey));
  const [channelId, setChannelId] = useState(initial.channelId);
  const [details, setDetails] = useState<FlowDetailsValue>(
    restored
      ? { name: restored.name, categories: restored.categories, endpointUri: restored.endpointUri }
      : initial.details,
  );
  const { text, externalEdit, setTyped, replace } = useEditorText(restored?.flowJson ?? initial.flowJson);
  const [showRestoredNotice, setShowRestoredNotice] = useState(restored !== null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [creating, startCreating] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);

  const dirty =
    text !== initial.flowJson ||
    details.name !== initial.details.name ||
    details.endpointUri !== initial.details.endpointUri;
  const allowLeaving = useUnsavedChangesGuard(dirty);
  const live = useLiveValidation(text, details.endpointUri.trim() !== "");

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(
      () => writeLocalDraft(draftKey, { flowJson: text, ...details, baseRevision: null }),
      400,
    );
    return () => clearTimeout(timer);
  }, [dirty, draftKey, text, details]);

  function replaceText(next: string, what: string) {
    if (
      text !== initial.flowJson &&
      text !== next &&
      !window.confirm(`Replace the text in the editor with ${what}?`)
    )
      return;
    replace(next);
  }

  async function onUpload(file: File) {
    if (file.size > MAX_UPLOAD_BYTES) {
      setFormError(`${file.name} is larger than 1 MB; Flow JSON should stay under 100 KB.`);
      return;
    }
    setFormError(null);
    replaceText(await file.text(), file.name);
  }

  function create() {
    const errors: FieldErrors = {};
    if (!channelId) errors.channelId = ["Choose a channel."];
    if (!details.name.trim()) errors.name = ["Enter a flow name."];
    if (details.categories.length === 0) errors.categories = ["Choose at least one category."];
    const syntaxError = describeSyntaxError(text);
    setFieldErrors(errors);
    // Nothing is sent while the text is not JSON (F-EDITOR-6): 8x8 would only answer "Invalid flowJson".
    setFormError(
      syntaxError
        ? `The Flow JSON does not parse (${syntaxError}). Fix it before saving; nothing was sent to 8x8.`
        : null,
    );
    if (Object.keys(errors).length > 0 || syntaxError) return;

    startCreating(async () => {
      const result = await createFlowAction({
        channelId,
        ...details,
        categories: details.categories as FlowCategory[],
        flowJson: text,
        ...(previousVersion ? { previousVersionId: previousVersion.id } : {}),
      });
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors ?? {});
        setFormError(`${result.error.message} Your text is kept here and in this browser.`);
        return;
      }
      clearLocalDraft(draftKey);
      allowLeaving();
      const count = result.data.validationErrorCount;
      if (count > 0)
        toast.warning(`Draft created. 8x8 reported ${count} validation ${count === 1 ? "error" : "errors"}.`);
      else toast.success("Draft created.");
      router.push(`/flows/${result.data.id}/edit`);
    });
  }

  return (
    <div className="flex flex-col gap-5">
      {previousVersion ? (
        <Notice tone="info">
          New version of <strong>{previousVersion.name}</strong>. Saving creates a new draft with its own Flow
          ID; the published flow stays as it is. Templates must then be created for the new Flow ID.
        </Notice>
      ) : null}
      {showRestoredNotice && restored ? (
        <Notice tone="warning" className="flex flex-wrap items-center gap-3">
          <span>
            Restored the flow you had not saved yet ({new Date(restored.savedAt).toLocaleString()}).
          </span>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              replace(initial.flowJson);
              setDetails(initial.details);
              clearLocalDraft(draftKey);
              setShowRestoredNotice(false);
            }}
          >
            Start over
          </Button>
        </Notice>
      ) : null}
      {channels.length === 0 ? (
        <Notice tone="warning">No WhatsApp channel is set up yet. An admin adds channels in Settings.</Notice>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <Field
          id="flow-channel"
          label="Channel"
          error={fieldErrors.channelId?.[0]}
          hint="The WhatsApp Business Account the flow belongs to."
        >
          <NativeSelect
            id="flow-channel"
            value={channelId}
            disabled={previousVersion !== null}
            aria-invalid={fieldErrors.channelId ? true : undefined}
            onChange={(event) => setChannelId(event.target.value)}
          >
            <option value="">Choose a channel…</option>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <FlowDetailsFields value={details} onChange={setDetails} errors={fieldErrors} />

      <div className="flex flex-wrap items-center gap-2">
        <span className="mr-1 text-sm font-medium text-slate-700">Starting point</span>
        <Button variant="secondary" onClick={() => replaceText(BLANK_FLOW_JSON, "a blank flow")}>
          <FilePlus2 aria-hidden className="size-4" /> Blank
        </Button>
        <ExampleGallery
          examples={examples}
          onChoose={(example) => replaceText(example.flowJson, `the example “${example.title}”`)}
        />
        <Button variant="secondary" onClick={() => fileInput.current?.click()}>
          <Upload aria-hidden className="size-4" /> Upload .json
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          aria-label="Upload a Flow JSON file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void onUpload(file);
          }}
        />
        <Button className="ml-auto" onClick={create} disabled={creating || channels.length === 0}>
          {creating ? "Saving…" : "Save draft"}
        </Button>
      </div>
      {formError ? (
        <Notice tone="error">
          <span data-testid="create-error">{formError}</span>
        </Notice>
      ) : null}
      {fieldErrors.flowJson ? <Notice tone="error">{fieldErrors.flowJson.join(" ")}</Notice> : null}

      <FlowWorkspace
        text={text}
        onTextChange={setTyped}
        externalEdit={externalEdit}
        live={live}
        onSave={create}
      />
    </div>
  );
}
