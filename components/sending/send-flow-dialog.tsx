"use client";
import { Send } from "lucide-react";
import { Tabs } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { ChatBubble } from "@/components/templates/chat-bubble";
import { CountedField } from "@/components/templates/counted-field";
import { sendFlowAction } from "@/lib/actions/sending";
import { checkInteractiveContent, SEND_LIMITS, type InteractiveSendInput } from "@/lib/sending";
import type { SendFlowDialogData } from "@/lib/sending/server";
import { issuesToFieldErrors } from "@/lib/templates";
import { RecipientsField } from "./recipients-field";
import { SendOutcomeList } from "./send-outcome";
import { SendTemplateForm } from "./send-template-form";
import { useSendSubmit } from "./use-send-submit";

export type SendFlowDialogProps = SendFlowDialogData;

/** The flow page's "Send" entry point: the flow as an interactive message, or an approved template that opens it. */
export function SendFlowDialog(props: SendFlowDialogProps) {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState(
    props.flow.status === "DEPRECATED" && props.templates.length > 0 ? "template" : "interactive",
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Send className="size-4" aria-hidden /> {props.testersOnly ? "Send test" : "Send"}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Send “${props.flow.name}”`}
        description="Every send is recorded in the flow's send log, so responses are attributed to it."
        className="max-h-[92vh] max-w-4xl overflow-y-auto"
      >
        <Tabs.Root value={tab} onValueChange={setTab}>
          <Tabs.List className="mb-4 flex gap-1 border-b border-slate-200" aria-label="What to send">
            {[
              { value: "interactive", label: "Flow message" },
              { value: "template", label: `Template (${props.templates.length})` },
            ].map((t) => (
              <Tabs.Trigger
                key={t.value}
                value={t.value}
                className={cn(
                  "-mb-px border-b-2 px-3 py-2 text-sm",
                  tab === t.value
                    ? "border-brand-600 text-brand-700 font-medium"
                    : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {t.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Tabs.Content value="interactive">
            <InteractiveFlowForm {...props} />
          </Tabs.Content>
          <Tabs.Content value="template">
            <TemplateChooser {...props} />
          </Tabs.Content>
        </Tabs.Root>
      </DialogContent>
    </Dialog>
  );
}

function TemplateChooser({ templates, channel, testersOnly }: SendFlowDialogProps) {
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const template = templates.find((t) => t.id === templateId);
  if (templates.length === 0) {
    return (
      <Notice tone="info">
        No approved template opens this flow yet. Build one under Templates with a Flow button: templates are
        the way to reach people outside the 24-hour window.
      </Notice>
    );
  }
  return (
    <div className="space-y-4">
      <Field id="send-template" label="Approved template">
        <NativeSelect id="send-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} · {t.language}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {template ? (
        <SendTemplateForm
          key={template.id}
          template={template}
          channelName={channel.name}
          testNumbers={channel.testNumbers}
          testersOnly={testersOnly}
        />
      ) : null}
    </div>
  );
}

function InteractiveFlowForm({ flow, channel, testersOnly }: SendFlowDialogProps) {
  const [input, setInput] = useState<InteractiveSendInput>({
    flowId: flow.id,
    recipients: "",
    headerText: "",
    bodyText: "",
    footerText: "",
    cta: "",
    startScreen: "",
    initialData: "",
  });
  const { submit, clearServerErrors, showErrors, serverErrors, formError, outcome, pending } =
    useSendSubmit(sendFlowAction);

  if (flow.status === "DEPRECATED") {
    return (
      <Notice tone="warning">
        This flow is deprecated: customers may not be able to open it, so it is not sent as a flow message.
        Send its newer version instead.
      </Notice>
    );
  }

  const contentErrors = issuesToFieldErrors(checkInteractiveContent(input, flow.screenIds));
  const errorAt = (path: string) =>
    serverErrors[path]?.[0] ??
    (showErrors || (input[path as keyof InteractiveSendInput] ?? "") !== ""
      ? contentErrors[path]?.[0]
      : undefined);
  const update = (next: Partial<InteractiveSendInput>) => {
    setInput((current) => ({ ...current, ...next }));
    clearServerErrors();
  };

  const startScreen = input.startScreen || flow.entryScreen || undefined;
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_320px]">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(input, {
            allowedNumbers: testersOnly ? channel.testNumbers : null,
            fieldErrors: contentErrors,
          });
        }}
      >
        {flow.status === "DRAFT" ? (
          <Notice tone="warning">This flow is not published: it is sent in draft mode, for testing.</Notice>
        ) : null}
        <p className="text-sm text-slate-600">
          A flow message reaches only people who wrote to the channel in the last 24 hours; use a template to
          start a conversation.
        </p>
        <RecipientsField
          value={input.recipients}
          onChange={(recipients) => update({ recipients })}
          testNumbers={channel.testNumbers}
          testersOnly={testersOnly}
          serverError={serverErrors.recipients?.[0]}
          showErrors={showErrors}
        />
        <CountedField
          id="send-flow-header"
          label="Header"
          value={input.headerText}
          max={SEND_LIMITS.headerMax}
          error={errorAt("headerText")}
        >
          <Input
            id="send-flow-header"
            value={input.headerText}
            onChange={(e) => update({ headerText: e.target.value })}
            placeholder="Optional"
          />
        </CountedField>
        <CountedField
          id="send-flow-body"
          label="Message"
          value={input.bodyText}
          max={SEND_LIMITS.bodyMax}
          error={errorAt("bodyText")}
        >
          <Textarea
            id="send-flow-body"
            rows={3}
            value={input.bodyText}
            onChange={(e) => update({ bodyText: e.target.value })}
            placeholder="Please choose a time for your visit."
          />
        </CountedField>
        <div className="grid gap-4 sm:grid-cols-2">
          <CountedField
            id="send-flow-footer"
            label="Footer"
            value={input.footerText}
            max={SEND_LIMITS.footerMax}
            error={errorAt("footerText")}
          >
            <Input
              id="send-flow-footer"
              value={input.footerText}
              onChange={(e) => update({ footerText: e.target.value })}
              placeholder="Optional"
            />
          </CountedField>
          <CountedField
            id="send-flow-cta"
            label="Button text"
            value={input.cta}
            max={SEND_LIMITS.ctaMax}
            error={errorAt("cta")}
            hint="Opens the flow; no emoji."
          >
            <Input
              id="send-flow-cta"
              value={input.cta}
              onChange={(e) => update({ cta: e.target.value })}
              placeholder="Book now"
            />
          </CountedField>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="send-flow-screen" label="Opens on screen" error={errorAt("startScreen")}>
            <NativeSelect
              id="send-flow-screen"
              value={input.startScreen}
              onChange={(e) => update({ startScreen: e.target.value })}
            >
              <option value="">
                {flow.entryScreen ? `First screen (${flow.entryScreen})` : "First screen"}
              </option>
              {flow.screenIds.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field
            id="send-flow-data"
            label="Data for that screen (JSON)"
            error={errorAt("initialData")}
            hint="Optional; fills the screen's ${data.…} values."
          >
            <Textarea
              id="send-flow-data"
              rows={2}
              className="font-mono text-xs"
              value={input.initialData}
              onChange={(e) => update({ initialData: e.target.value })}
              placeholder='{"customer_name": "Jane"}'
            />
          </Field>
        </div>
        {formError ? <Notice tone="error">{formError}</Notice> : null}
        {outcome ? <SendOutcomeList outcome={outcome} /> : null}
        <div className="flex justify-end">
          <Button type="submit" disabled={pending}>
            {pending ? "Sending…" : testersOnly ? "Send test" : "Send flow"}
          </Button>
        </div>
      </form>
      <ChatBubble
        businessName={channel.name}
        model={{
          header: input.headerText.trim() ? { kind: "text", text: input.headerText } : null,
          body: input.bodyText,
          footer: input.footerText.trim() || null,
          buttons: [{ type: "FLOW", text: input.cta, flow: { externalId: flow.id, startScreen } }],
        }}
      />
    </div>
  );
}
