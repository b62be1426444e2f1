"use client";
import { Upload, Variable } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, Notice } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { submitTemplateAction, uploadHeaderMediaAction } from "@/lib/actions/templates";
import {
  bubbleFromDraft,
  CATEGORY_GUIDANCE,
  checkHeaderMediaFile,
  checkTemplateDraft,
  emptyTemplateDraft,
  HEADER_MEDIA_LIMITS,
  issuesToFieldErrors,
  scanVariables,
  TEMPLATE_CATEGORIES,
  TEMPLATE_LIMITS,
  WHATSAPP_LANGUAGES,
  type FlowButtonOption,
  type HeaderFormat,
  type TemplateDraft,
  type TemplateRuleContext,
} from "@/lib/templates";
import { ButtonsEditor } from "./buttons-editor";
import { ChatBubble } from "./chat-bubble";
import { CountedField } from "./counted-field";
import { FlowPreviewDialog, type FlowToPreview } from "./flow-preview-dialog";
import { SearchableSelect } from "./searchable-select";

export type BuilderContext = Omit<TemplateRuleContext, "recentlyDeleted" | "publishedFlows"> & {
  recentlyDeleted: { name: string; reusableAfter: string }[];
  publishedFlows: FlowButtonOption[];
};

const HEADER_CHOICES: { value: HeaderFormat; label: string }[] = [
  { value: "NONE", label: "None" },
  { value: "TEXT", label: "Text" },
  { value: "IMAGE", label: "Image" },
  { value: "VIDEO", label: "Video" },
  { value: "DOCUMENT", label: "Document" },
];

const LANGUAGE_OPTIONS = WHATSAPP_LANGUAGES.map((l) => ({ value: l.code, label: l.name, detail: l.code }));

/**
 * The template builder: every rule checked as the user types (reasons under the fields they concern,
 * shown once a field was touched, all of them after a submit attempt), and the chat bubble beside it.
 */
export function TemplateBuilder({
  channel,
  context,
}: {
  channel: { id: string; name: string };
  context: BuilderContext;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<TemplateDraft>(() => emptyTemplateDraft(channel.id));
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [previewFlow, setPreviewFlow] = useState<FlowToPreview | null>(null);
  const [uploading, setUploading] = useState(false);
  const [pending, startTransition] = useTransition();
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const ruleContext = useMemo<TemplateRuleContext>(
    () => ({
      ...context,
      recentlyDeleted: context.recentlyDeleted.map((d) => ({
        name: d.name,
        reusableAfter: new Date(d.reusableAfter),
      })),
    }),
    [context],
  );
  const liveErrors = useMemo(
    () => issuesToFieldErrors(checkTemplateDraft(draft, ruleContext)),
    [draft, ruleContext],
  );
  const errorAt = (path: string): string | undefined => {
    const server = serverErrors[path]?.[0];
    if (server) return server;
    const visible =
      showAll || [...touched].some((t) => path === t || path.startsWith(`${t}.`) || t.startsWith(`${path}.`));
    return visible ? liveErrors[path]?.[0] : undefined;
  };

  function change(path: string, next: TemplateDraft) {
    setDraft(next);
    setTouched((current) => (current.has(path) ? current : new Set(current).add(path)));
    if (Object.keys(serverErrors).length > 0) setServerErrors({});
  }

  const bodyVariables = scanVariables(draft.body.text);
  const headerHasVariable = draft.header.format === "TEXT" && scanVariables(draft.header.text).count > 0;

  function insertVariable() {
    const textarea = bodyRef.current;
    const text = draft.body.text;
    const at = textarea?.selectionStart ?? text.length;
    const placeholder = `{{${bodyVariables.count + 1}}}`;
    change("body.text", {
      ...draft,
      body: {
        ...draft.body,
        text: text.slice(0, at) + placeholder + text.slice(textarea?.selectionEnd ?? at),
      },
    });
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(at + placeholder.length, at + placeholder.length);
    });
  }

  async function upload(file: File) {
    if (draft.header.format === "NONE" || draft.header.format === "TEXT") return;
    const format = draft.header.format;
    const problem = checkHeaderMediaFile(format, file);
    if (problem) {
      setServerErrors({ "header.mediaUrl": [problem] });
      return;
    }
    setUploading(true);
    const form = new FormData();
    form.set("format", format);
    form.set("file", file);
    const result = await uploadHeaderMediaAction(form);
    setUploading(false);
    if (result.ok) {
      change("header.mediaUrl", { ...draft, header: { ...draft.header, mediaUrl: result.data.url } });
      toast.success(`${result.data.fileName} uploaded to 8x8's media hosting.`);
    } else {
      setServerErrors({ "header.mediaUrl": [result.error.message] });
    }
  }

  function submit() {
    setShowAll(true);
    setFormError(null);
    if (Object.keys(liveErrors).length > 0) {
      setFormError("Fix the highlighted fields before submitting.");
      return;
    }
    startTransition(async () => {
      const result = await submitTemplateAction(draft);
      if (result.ok) {
        toast.success(`“${result.data.name}” was submitted for WhatsApp approval.`);
        router.push(`/templates/${result.data.id}`);
      } else {
        setServerErrors(result.error.fieldErrors ?? {});
        setFormError(result.error.message);
      }
    });
  }

  const header = draft.header;
  const mediaLimits =
    header.format !== "NONE" && header.format !== "TEXT" ? HEADER_MEDIA_LIMITS[header.format] : null;
  const category = CATEGORY_GUIDANCE[draft.category];

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
      <form
        className="space-y-5"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Card className="space-y-4 p-5">
          <h2 className="text-base font-semibold text-slate-900">Basics</h2>
          <CountedField
            id="name"
            label="Template name"
            value={draft.name}
            max={TEMPLATE_LIMITS.nameMax}
            error={errorAt("name")}
            hint="Lowercase letters, digits and underscores, e.g. appointment_booking_v1. Unique per language; a deleted name is blocked for 30 days."
          >
            <Input
              id="name"
              value={draft.name}
              onChange={(e) => change("name", { ...draft, name: e.target.value })}
              placeholder="appointment_booking_v1"
              autoComplete="off"
              aria-invalid={!!errorAt("name")}
            />
          </CountedField>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="category" label="Category" error={errorAt("category")}>
              <div
                role="radiogroup"
                aria-label="Category"
                className="flex gap-1 rounded-md border border-slate-300 p-0.5"
              >
                {TEMPLATE_CATEGORIES.map((value) => (
                  <button
                    key={value}
                    type="button"
                    role="radio"
                    aria-checked={draft.category === value}
                    onClick={() => change("category", { ...draft, category: value })}
                    className={cn(
                      "flex-1 rounded px-2 py-1.5 text-sm",
                      draft.category === value
                        ? "bg-brand-600 font-medium text-white"
                        : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    {CATEGORY_GUIDANCE[value].label}
                  </button>
                ))}
              </div>
            </Field>
            <Field id="language" label="Language" error={errorAt("language")}>
              <SearchableSelect
                id="language"
                value={draft.language}
                options={LANGUAGE_OPTIONS}
                onChange={(language) => change("language", { ...draft, language })}
                placeholder="Choose a language"
                searchPlaceholder="Search languages"
                emptyText="No WhatsApp language matches."
                invalid={!!errorAt("language")}
              />
            </Field>
          </div>
          <p
            className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700"
            data-testid="category-guidance"
          >
            <strong>{category.label}:</strong> {category.guidance} Choose the category that fits the content
            to avoid rejection.
          </p>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="accent-brand-600 size-4"
              checked={draft.allowCategoryChange}
              onChange={(e) =>
                change("allowCategoryChange", { ...draft, allowCategoryChange: e.target.checked })
              }
            />
            Let WhatsApp change the category if it disagrees (instead of rejecting the template)
          </label>
        </Card>

        <Card className="space-y-4 p-5">
          <h2 className="text-base font-semibold text-slate-900">
            Header <span className="text-sm font-normal text-slate-500">optional</span>
          </h2>
          <div role="radiogroup" aria-label="Header type" className="flex flex-wrap gap-1">
            {HEADER_CHOICES.map((choice) => (
              <button
                key={choice.value}
                type="button"
                role="radio"
                aria-checked={header.format === choice.value}
                onClick={() =>
                  change("header.format", { ...draft, header: { ...header, format: choice.value } })
                }
                className={cn(
                  "rounded-full border px-3 py-1 text-sm",
                  header.format === choice.value
                    ? "border-brand-600 bg-brand-50 text-brand-700 font-medium"
                    : "border-slate-300 text-slate-700 hover:bg-slate-50",
                )}
              >
                {choice.label}
              </button>
            ))}
          </div>
          {errorAt("header.format") ? (
            <p role="alert" className="text-sm text-red-600">
              {errorAt("header.format")}
            </p>
          ) : null}
          {header.format === "TEXT" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <CountedField
                id="header.text"
                label="Header text"
                value={header.text}
                max={TEMPLATE_LIMITS.headerTextMax}
                error={errorAt("header.text")}
                hint="One line; may hold one variable, {{1}}."
              >
                <Input
                  id="header.text"
                  value={header.text}
                  onChange={(e) =>
                    change("header.text", { ...draft, header: { ...header, text: e.target.value } })
                  }
                  aria-invalid={!!errorAt("header.text")}
                />
              </CountedField>
              {headerHasVariable ? (
                <Field id="header.example" label="Sample for {{1}}" error={errorAt("header.example")}>
                  <Input
                    id="header.example"
                    value={header.example}
                    onChange={(e) =>
                      change("header.example", { ...draft, header: { ...header, example: e.target.value } })
                    }
                    aria-invalid={!!errorAt("header.example")}
                  />
                </Field>
              ) : null}
            </div>
          ) : null}
          {mediaLimits ? (
            <Field
              id="header.mediaUrl"
              label="Sample media"
              error={errorAt("header.mediaUrl")}
              hint={`${mediaLimits.label}. Upload it to 8x8's media hosting or link a public HTTPS file.`}
            >
              <div className="flex gap-2">
                <Input
                  id="header.mediaUrl"
                  value={header.mediaUrl}
                  onChange={(e) =>
                    change("header.mediaUrl", { ...draft, header: { ...header, mediaUrl: e.target.value } })
                  }
                  placeholder="https://…"
                  aria-invalid={!!errorAt("header.mediaUrl")}
                />
                <Button variant="secondary" asChild>
                  <label className={cn("cursor-pointer", uploading && "pointer-events-none opacity-60")}>
                    <Upload className="size-4" aria-hidden /> {uploading ? "Uploading…" : "Upload"}
                    <input
                      type="file"
                      className="sr-only"
                      accept={[...mediaLimits.mimeTypes, ...mediaLimits.extensions.map((e) => `.${e}`)].join(
                        ",",
                      )}
                      onChange={(e) => {
                        const file = e.target.files?.[0];
                        e.target.value = "";
                        if (file) void upload(file);
                      }}
                    />
                  </label>
                </Button>
              </div>
            </Field>
          ) : null}
        </Card>

        <Card className="space-y-4 p-5">
          <div className="flex items-center justify-between">
            <h2 className="text-base font-semibold text-slate-900">Body</h2>
            <Button variant="ghost" size="sm" onClick={insertVariable}>
              <Variable className="size-4" aria-hidden /> Add variable
            </Button>
          </div>
          <CountedField
            id="body.text"
            label="Message"
            value={draft.body.text}
            max={TEMPLATE_LIMITS.bodyMax}
            error={errorAt("body.text")}
            hint="Say what the flow is for. Variables {{1}}, {{2}}… are filled per customer; *bold*, _italic_ and ~strike~ work as in WhatsApp."
          >
            <Textarea
              ref={bodyRef}
              id="body.text"
              rows={5}
              value={draft.body.text}
              onChange={(e) =>
                change("body.text", { ...draft, body: { ...draft.body, text: e.target.value } })
              }
              placeholder="Hi {{1}}, your appointment on {{2}} is coming up. Need to reschedule?"
              aria-invalid={!!errorAt("body.text")}
            />
          </CountedField>
          {bodyVariables.count > 0 &&
          bodyVariables.missing.length === 0 &&
          bodyVariables.malformed.length === 0 ? (
            <div className="grid gap-3 sm:grid-cols-2" aria-label="Sample values">
              {Array.from({ length: bodyVariables.count }, (_, i) => (
                <Field
                  key={i}
                  id={`body.examples.${i}`}
                  label={`Sample for {{${i + 1}}}`}
                  error={errorAt(`body.examples.${i}`)}
                >
                  <Input
                    id={`body.examples.${i}`}
                    value={draft.body.examples[i] ?? ""}
                    onChange={(e) => {
                      const examples = Array.from(
                        { length: Math.max(draft.body.examples.length, bodyVariables.count) },
                        (_, j) => draft.body.examples[j] ?? "",
                      );
                      examples[i] = e.target.value;
                      change(`body.examples.${i}`, { ...draft, body: { ...draft.body, examples } });
                    }}
                    aria-invalid={!!errorAt(`body.examples.${i}`)}
                  />
                </Field>
              ))}
            </div>
          ) : null}
          <CountedField
            id="footer"
            label={
              <>
                Footer <span className="font-normal text-slate-500">optional</span>
              </>
            }
            value={draft.footer}
            max={TEMPLATE_LIMITS.footerMax}
            error={errorAt("footer")}
          >
            <Input
              id="footer"
              value={draft.footer}
              onChange={(e) => change("footer", { ...draft, footer: e.target.value })}
              placeholder="Reply STOP to opt out"
              aria-invalid={!!errorAt("footer")}
            />
          </CountedField>
        </Card>

        <Card className="space-y-4 p-5">
          <h2 className="text-base font-semibold text-slate-900">Buttons</h2>
          <ButtonsEditor
            buttons={draft.buttons}
            flows={context.publishedFlows}
            errors={errorAt}
            disabled={pending}
            onChange={(buttons) => change("buttons", { ...draft, buttons })}
            onPreviewFlow={(flow, startScreen) =>
              setPreviewFlow({ flowId: flow.id, name: flow.name, startScreen })
            }
          />
        </Card>

        {formError ? <Notice tone="error">{formError}</Notice> : null}
        <div className="flex items-center justify-end gap-3">
          <p className="text-sm text-slate-500">Meta usually reviews within 24 hours (up to 48).</p>
          <Button type="submit" disabled={pending || uploading}>
            {pending ? "Submitting…" : "Submit for approval"}
          </Button>
        </div>
      </form>

      <aside className="space-y-4 lg:sticky lg:top-20" aria-label="Preview">
        <ChatBubble
          model={bubbleFromDraft(draft)}
          businessName={channel.name}
          onOpenFlow={(target) => {
            const flow = context.publishedFlows.find((f) => f.externalId === target.externalId);
            if (flow) setPreviewFlow({ flowId: flow.id, name: flow.name, startScreen: target.startScreen });
          }}
        />
        <p className="text-xs text-slate-500">
          Samples fill the variables. Tap the Flow button to open the flow as the customer will see it.
        </p>
        <Card className="p-4 text-sm text-slate-700">
          <h3 className="mb-2 font-semibold text-slate-900">Approval tips</h3>
          <ul className="list-disc space-y-1 pl-5">
            <li>Use clear, professional language in the body.</li>
            <li>Keep promotional content out of Utility templates.</li>
            <li>Match the button text to the message and to the flow&apos;s first screen.</li>
            <li>Give realistic samples: reviewers read the message with them.</li>
          </ul>
        </Card>
      </aside>
      <FlowPreviewDialog flow={previewFlow} onClose={() => setPreviewFlow(null)} />
    </div>
  );
}
