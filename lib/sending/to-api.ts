import type { TemplateSendSlots } from "@/lib/templates/components";

/**
 * Bodies of `POST /api/v1/subaccounts/{subAccountId}/messages` (8x8-api §4.1), one per recipient,
 * spelled as 8x8's examples spell them: `"type":"template"` with lower-case component types and the
 * button `index` as the examples give it, `"type":"Interactive"` for flow messages.
 */
export type MessageRequest = { user: { msisdn: string }; type: string; content: Record<string, unknown> };

export type TemplateSendValues = {
  header?: string;
  headerMediaUrl?: string;
  body: string[];
  /** URL button link variables by button index. */
  urlButtons: Record<number, string>;
};

const mediaParameter = { IMAGE: "image", VIDEO: "video", DOCUMENT: "document" } as const;

export function buildTemplateMessage(input: {
  msisdn: string;
  template: { name: string; language: string };
  slots: TemplateSendSlots;
  values: TemplateSendValues;
  /** Minted per send; 8x8 documents no flow_token for templates, so it travels where Meta reads it. */
  flowToken: string | null;
}): MessageRequest {
  const { slots, values } = input;
  const components: Record<string, unknown>[] = [];
  if (slots.headerText)
    components.push({ type: "header", parameters: [{ type: "text", text: values.header ?? "" }] });
  if (slots.headerMedia)
    components.push({
      type: "header",
      parameters: [{ type: mediaParameter[slots.headerMedia.format], url: values.headerMediaUrl ?? "" }],
    });
  if (slots.body.length > 0)
    components.push({
      type: "body",
      parameters: slots.body.map((slot) => ({ type: "text", text: values.body[slot.n - 1] ?? "" })),
    });
  for (const button of slots.urlButtons) {
    components.push({
      type: "button",
      index: String(button.index),
      subType: "url",
      parameters: [{ type: "text", text: values.urlButtons[button.index] ?? "" }],
    });
  }
  for (const index of slots.flowButtonIndexes) {
    components.push({
      type: "button",
      subType: "flow",
      index,
      parameters: [
        input.flowToken ? { type: "action", action: { flow_token: input.flowToken } } : { type: "action" },
      ],
    });
  }
  return {
    user: { msisdn: input.msisdn },
    type: "template",
    content: { template: { language: input.template.language, name: input.template.name, components } },
  };
}

export type InteractiveFlowContent = {
  headerText: string;
  bodyText: string;
  footerText: string;
  cta: string;
};

export function buildInteractiveFlowMessage(input: {
  msisdn: string;
  flowExternalId: string;
  content: InteractiveFlowContent;
  flowToken: string;
  /** Unpublished flows are sent in draft mode, for testing. */
  draft: boolean;
  flowActionData: { screen: string; data?: Record<string, unknown> } | null;
}): MessageRequest {
  const { content } = input;
  const parameters: Record<string, unknown> = {
    flowId: input.flowExternalId,
    flowCta: content.cta.trim(),
    flowToken: input.flowToken,
  };
  if (input.draft) parameters.mode = "draft";
  if (input.flowActionData) {
    const { screen, data } = input.flowActionData;
    parameters.flowActionData = data && Object.keys(data).length > 0 ? { screen, data } : { screen };
  }
  const interactive: Record<string, unknown> = { type: "flow" };
  if (content.headerText.trim()) interactive.header = { type: "text", text: content.headerText.trim() };
  interactive.body = { text: content.bodyText.trim() };
  if (content.footerText.trim()) interactive.footer = { text: content.footerText.trim() };
  interactive.action = { parameters };
  return { user: { msisdn: input.msisdn }, type: "Interactive", content: { interactive } };
}
