"use client";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ChatBubble } from "@/components/templates/chat-bubble";
import { sendTemplateAction } from "@/lib/actions/sending";
import { checkTemplateValues, type TemplateSendInput } from "@/lib/sending";
import type { SendableTemplate } from "@/lib/sending/server";
import { bubbleFromComponents, issuesToFieldErrors, templateSendSlots } from "@/lib/templates";
import { RecipientsField } from "./recipients-field";
import { SendOutcomeList } from "./send-outcome";
import { useSendSubmit } from "./use-send-submit";

/** An approved template with its variables filled in, to one or more numbers; the bubble shows the result. */
export function SendTemplateForm({
  template,
  channelName,
  testNumbers,
  testersOnly,
}: {
  template: SendableTemplate;
  channelName: string;
  testNumbers: string[];
  testersOnly: boolean;
}) {
  const slots = useMemo(() => templateSendSlots(template.components), [template.components]);
  const [input, setInput] = useState<TemplateSendInput>({
    templateId: template.id,
    recipients: "",
    header: "",
    headerMediaUrl: slots.headerMedia?.sample ?? "",
    body: slots.body.map(() => ""),
    urlButtons: {},
  });
  const { submit, clearServerErrors, showErrors, serverErrors, formError, outcome, pending } =
    useSendSubmit(sendTemplateAction);

  const valueErrors = issuesToFieldErrors(checkTemplateValues(input, slots));
  const errorAt = (path: string) =>
    serverErrors[path]?.[0] ?? (showErrors ? valueErrors[path]?.[0] : undefined);
  const update = (next: Partial<TemplateSendInput>) => {
    setInput((current) => ({ ...current, ...next }));
    clearServerErrors();
  };

  const bubble = bubbleFromComponents(template.components, {
    header: input.header || undefined,
    headerMediaUrl: input.headerMediaUrl || undefined,
    body: input.body,
  });

  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_320px]">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(input, { allowedNumbers: testersOnly ? testNumbers : null, fieldErrors: valueErrors });
        }}
      >
        <RecipientsField
          value={input.recipients}
          onChange={(recipients) => update({ recipients })}
          testNumbers={testNumbers}
          testersOnly={testersOnly}
          serverError={serverErrors.recipients?.[0]}
          showErrors={showErrors}
        />
        {slots.headerText ? (
          <Field id="send-header" label="Header {{1}}" error={errorAt("header")}>
            <Input
              id="send-header"
              value={input.header}
              onChange={(e) => update({ header: e.target.value })}
              placeholder={slots.headerText.sample}
            />
          </Field>
        ) : null}
        {slots.headerMedia ? (
          <Field
            id="send-header-media"
            label={`Header ${slots.headerMedia.format.toLowerCase()} link`}
            error={errorAt("headerMediaUrl")}
          >
            <Input
              id="send-header-media"
              value={input.headerMediaUrl}
              onChange={(e) => update({ headerMediaUrl: e.target.value })}
              placeholder="https://…"
            />
          </Field>
        ) : null}
        {slots.body.map((slot) => (
          <Field
            key={slot.n}
            id={`send-body-${slot.n}`}
            label={`Body {{${slot.n}}}`}
            error={errorAt(`body.${slot.n - 1}`)}
          >
            <Input
              id={`send-body-${slot.n}`}
              value={input.body[slot.n - 1] ?? ""}
              placeholder={slot.sample ? `e.g. ${slot.sample}` : undefined}
              onChange={(e) =>
                update({ body: input.body.map((v, i) => (i === slot.n - 1 ? e.target.value : v)) })
              }
            />
          </Field>
        ))}
        {slots.urlButtons.map((button) => (
          <Field
            key={button.index}
            id={`send-url-${button.index}`}
            label={`Link variable of “${button.text}”`}
            error={errorAt(`urlButtons.${button.index}`)}
          >
            <Input
              id={`send-url-${button.index}`}
              value={input.urlButtons[String(button.index)] ?? ""}
              placeholder={button.sample ? `e.g. ${button.sample}` : undefined}
              onChange={(e) =>
                update({ urlButtons: { ...input.urlButtons, [String(button.index)]: e.target.value } })
              }
            />
          </Field>
        ))}
        {formError ? <Notice tone="error">{formError}</Notice> : null}
        {outcome ? <SendOutcomeList outcome={outcome} /> : null}
        <div className="flex justify-end">
          <Button type="submit" disabled={pending}>
            {pending ? "Sending…" : testersOnly ? "Send test" : "Send template"}
          </Button>
        </div>
      </form>
      <ChatBubble model={bubble} businessName={channelName} />
    </div>
  );
}
