"use client";
import { ArrowDown, ArrowUp, Eye, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import {
  FIRST_ENTRY_SCREEN,
  TEMPLATE_LIMITS,
  type ButtonDraft,
  type ButtonType,
  type FlowButtonOption,
} from "@/lib/templates";
import { CountedField } from "./counted-field";
import { SearchableSelect } from "./searchable-select";

const NEW_BUTTON: Record<ButtonType, ButtonDraft> = {
  FLOW: { type: "FLOW", text: "", flowId: "", flowAction: "navigate", navigateScreen: FIRST_ENTRY_SCREEN },
  QUICK_REPLY: { type: "QUICK_REPLY", text: "" },
  URL: { type: "URL", text: "", url: "", example: "" },
  PHONE_NUMBER: { type: "PHONE_NUMBER", text: "", phoneNumber: "" },
};

const BUTTON_KINDS: { type: ButtonType; label: string; max: number }[] = [
  { type: "FLOW", label: "Flow button", max: TEMPLATE_LIMITS.flowButtonsMax },
  { type: "QUICK_REPLY", label: "Quick reply", max: TEMPLATE_LIMITS.quickRepliesMax },
  { type: "URL", label: "Visit website (URL)", max: TEMPLATE_LIMITS.urlButtonsMax },
  { type: "PHONE_NUMBER", label: "Call phone number", max: TEMPLATE_LIMITS.phoneButtonsMax },
];

const KIND_LABEL: Record<ButtonType, string> = {
  FLOW: "Flow",
  QUICK_REPLY: "Quick reply",
  URL: "URL",
  PHONE_NUMBER: "Phone",
};

export function ButtonsEditor({
  buttons,
  flows,
  errors,
  onChange,
  onPreviewFlow,
  disabled,
}: {
  buttons: ButtonDraft[];
  flows: FlowButtonOption[];
  errors: (path: string) => string | undefined;
  onChange: (buttons: ButtonDraft[]) => void;
  onPreviewFlow: (flow: FlowButtonOption, startScreen: string | undefined) => void;
  disabled: boolean;
}) {
  const update = (index: number, button: ButtonDraft) =>
    onChange(buttons.map((b, i) => (i === index ? button : b)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...buttons];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
  };
  const full = buttons.length >= TEMPLATE_LIMITS.buttonsMax;

  return (
    <div className="space-y-3">
      {buttons.length === 0 ? (
        <p className="text-sm text-slate-500">
          No buttons yet. A Flow button opens one of this channel&apos;s published flows.
        </p>
      ) : null}
      {buttons.map((button, index) => {
        const prefix = `buttons.${index}`;
        const textError = errors(`${prefix}.text`);
        return (
          <div
            key={index}
            className="rounded-md border border-slate-200 bg-slate-50/60 p-3"
            data-testid={`button-editor-${index}`}
          >
            <div className="mb-2 flex items-center justify-between">
              <span className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
                {index + 1}. {KIND_LABEL[button.type]} button
              </span>
              <div className="flex items-center gap-1">
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Move button ${index + 1} up`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <ArrowUp className="size-4" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Move button ${index + 1} down`}
                  disabled={index === buttons.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDown className="size-4" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove button ${index + 1}`}
                  onClick={() => onChange(buttons.filter((_, i) => i !== index))}
                >
                  <Trash2 className="size-4" />
                </Button>
              </div>
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <CountedField
                id={`${prefix}.text`}
                label="Button text"
                value={button.text}
                max={TEMPLATE_LIMITS.buttonTextMax}
                error={textError}
                hint={`Up to ${TEMPLATE_LIMITS.buttonTextMax} characters: 8x8's API refuses more, although its guide says ${TEMPLATE_LIMITS.buttonTextGuideMax}.`}
              >
                <Input
                  id={`${prefix}.text`}
                  value={button.text}
                  onChange={(e) => update(index, { ...button, text: e.target.value })}
                  placeholder={
                    button.type === "FLOW"
                      ? "Book appointment"
                      : button.type === "QUICK_REPLY"
                        ? "Not now"
                        : button.type === "URL"
                          ? "Track order"
                          : "Call us"
                  }
                  aria-invalid={!!textError}
                />
              </CountedField>
              {button.type === "FLOW" ? (
                <FlowFields
                  button={button}
                  index={index}
                  flows={flows}
                  errors={errors}
                  onChange={(b) => update(index, b)}
                  onPreviewFlow={onPreviewFlow}
                />
              ) : null}
              {button.type === "URL" ? (
                <>
                  <Field
                    id={`${prefix}.url`}
                    label="Link"
                    error={errors(`${prefix}.url`)}
                    hint="HTTPS; may end with {{1}} for a per-customer part."
                  >
                    <Input
                      id={`${prefix}.url`}
                      value={button.url}
                      onChange={(e) => update(index, { ...button, url: e.target.value })}
                      placeholder="https://example.com/orders/{{1}}"
                      aria-invalid={!!errors(`${prefix}.url`)}
                    />
                  </Field>
                  {button.url.includes("{{1}}") ? (
                    <Field
                      id={`${prefix}.example`}
                      label="Sample for {{1}}"
                      error={errors(`${prefix}.example`)}
                    >
                      <Input
                        id={`${prefix}.example`}
                        value={button.example}
                        onChange={(e) => update(index, { ...button, example: e.target.value })}
                        placeholder="order-1234"
                        aria-invalid={!!errors(`${prefix}.example`)}
                      />
                    </Field>
                  ) : null}
                </>
              ) : null}
              {button.type === "PHONE_NUMBER" ? (
                <Field
                  id={`${prefix}.phoneNumber`}
                  label="Phone number"
                  error={errors(`${prefix}.phoneNumber`)}
                  hint="International format, e.g. +44 20 7946 0958."
                >
                  <Input
                    id={`${prefix}.phoneNumber`}
                    value={button.phoneNumber}
                    onChange={(e) => update(index, { ...button, phoneNumber: e.target.value })}
                    placeholder="+44 20 7946 0958"
                    aria-invalid={!!errors(`${prefix}.phoneNumber`)}
                  />
                </Field>
              ) : null}
            </div>
          </div>
        );
      })}
      {errors("buttons") ? (
        <p role="alert" className="text-sm text-red-600">
          {errors("buttons")}
        </p>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm" disabled={full || disabled}>
            <Plus className="size-4" aria-hidden /> Add button
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          {BUTTON_KINDS.map((kind) => {
            const used = buttons.filter((b) => b.type === kind.type).length;
            return (
              <DropdownMenuItem
                key={kind.type}
                disabled={used >= kind.max}
                onSelect={() => onChange([...buttons, NEW_BUTTON[kind.type]])}
              >
                {kind.label}
                <span className="ml-auto text-xs text-slate-400">
                  {used}/{kind.max}
                </span>
              </DropdownMenuItem>
            );
          })}
        </DropdownMenuContent>
      </DropdownMenu>
      {full ? (
        <p className="text-xs text-slate-500">WhatsApp allows {TEMPLATE_LIMITS.buttonsMax} buttons in all.</p>
      ) : null}
    </div>
  );
}

function FlowFields({
  button,
  index,
  flows,
  errors,
  onChange,
  onPreviewFlow,
}: {
  button: Extract<ButtonDraft, { type: "FLOW" }>;
  index: number;
  flows: FlowButtonOption[];
  errors: (path: string) => string | undefined;
  onChange: (button: ButtonDraft) => void;
  onPreviewFlow: (flow: FlowButtonOption, startScreen: string | undefined) => void;
}) {
  const prefix = `buttons.${index}`;
  const flow = flows.find((f) => f.externalId === button.flowId);
  return (
    <>
      <Field
        id={`${prefix}.flowId`}
        label="Flow"
        error={errors(`${prefix}.flowId`)}
        hint={
          flows.length === 0
            ? "This channel has no published flow yet: publish one first."
            : "Only this channel's published flows can be opened from a template."
        }
      >
        <SearchableSelect
          id={`${prefix}.flowId`}
          value={button.flowId}
          options={flows.map((f) => ({ value: f.externalId, label: f.name, detail: f.externalId }))}
          onChange={(flowId) =>
            onChange({ ...button, flowId, navigateScreen: FIRST_ENTRY_SCREEN, flowAction: "navigate" })
          }
          placeholder="Choose a published flow"
          searchPlaceholder="Search flows"
          emptyText="No published flow matches."
          invalid={!!errors(`${prefix}.flowId`)}
        />
      </Field>
      <Field
        id={`${prefix}.flowAction`}
        label="When tapped"
        error={errors(`${prefix}.flowAction`)}
        hint="Data exchange asks the flow's endpoint for the first screen's data."
      >
        <NativeSelect
          id={`${prefix}.flowAction`}
          value={button.flowAction}
          onChange={(e) =>
            onChange({ ...button, flowAction: e.target.value as "navigate" | "data_exchange" })
          }
          aria-invalid={!!errors(`${prefix}.flowAction`)}
        >
          <option value="navigate">Navigate to a screen</option>
          <option value="data_exchange">Data exchange with the endpoint</option>
        </NativeSelect>
      </Field>
      {button.flowAction === "navigate" ? (
        <Field
          id={`${prefix}.navigateScreen`}
          label="Opens on screen"
          error={errors(`${prefix}.navigateScreen`)}
        >
          <NativeSelect
            id={`${prefix}.navigateScreen`}
            value={button.navigateScreen}
            onChange={(e) => onChange({ ...button, navigateScreen: e.target.value })}
            disabled={!flow}
            aria-invalid={!!errors(`${prefix}.navigateScreen`)}
          >
            <option value={FIRST_ENTRY_SCREEN}>First screen (FIRST_ENTRY_SCREEN)</option>
            {flow?.screenIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      {flow ? (
        <div className="flex items-end">
          <Button
            variant="ghost"
            size="sm"
            onClick={() =>
              onPreviewFlow(
                flow,
                button.flowAction === "navigate" && button.navigateScreen !== FIRST_ENTRY_SCREEN
                  ? button.navigateScreen
                  : undefined,
              )
            }
          >
            <Eye className="size-4" aria-hidden /> Preview “{flow.name}”
          </Button>
        </div>
      ) : null}
    </>
  );
}
