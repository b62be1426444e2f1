import type { HeaderMediaFormat } from "./limits";
import { FIRST_ENTRY_SCREEN, type ButtonDraft, type TemplateCategory, type TemplateDraft } from "./rules";
import { scanVariables } from "./variables";

/**
 * The body of `POST /api/v1/accounts/:accountId/channels/:channelId/templates` (8x8-api §3.2), built
 * exactly as documented: schema casing for enums (`Image`, `QUICK_REPLY`), `examples` on components,
 * `example` on buttons, and optional fields left out when they would only repeat 8x8's default, so a
 * plain Flow button is `{"type":"FLOW","text":"<label>","flowId":"<id>"}` (AT-TPL-4).
 */
export type ApiTemplateButton =
  | { type: "FLOW"; text: string; flowId: string; flowAction?: "data_exchange"; navigateScreen?: string }
  | { type: "QUICK_REPLY"; text: string }
  | { type: "URL"; text: string; url: string; example?: string[] }
  | { type: "PHONE_NUMBER"; text: string; phoneNumber: string };

export type ApiTemplateComponent =
  | { type: "HEADER"; format: "Text"; text: string; examples?: string[] }
  | { type: "HEADER"; format: "Image" | "Video" | "Document"; examples: string[] }
  | { type: "BODY"; text: string; examples?: string[] }
  | { type: "FOOTER"; text: string }
  | { type: "BUTTONS"; buttons: ApiTemplateButton[] };

export type TemplateCreateRequest = {
  language: string;
  name: string;
  category: TemplateCategory;
  components: ApiTemplateComponent[];
  allow_category_change?: false;
};

const mediaFormat: Record<HeaderMediaFormat, "Image" | "Video" | "Document"> = {
  IMAGE: "Image",
  VIDEO: "Video",
  DOCUMENT: "Document",
};

function toApiButton(button: ButtonDraft): ApiTemplateButton {
  const text = button.text.trim();
  switch (button.type) {
    case "FLOW": {
      const flowButton: ApiTemplateButton = { type: "FLOW", text, flowId: button.flowId };
      if (button.flowAction === "data_exchange") return { ...flowButton, flowAction: "data_exchange" };
      if (button.navigateScreen && button.navigateScreen !== FIRST_ENTRY_SCREEN)
        return { ...flowButton, navigateScreen: button.navigateScreen };
      return flowButton;
    }
    case "QUICK_REPLY":
      return { type: "QUICK_REPLY", text };
    case "URL": {
      const url = button.url.trim();
      return scanVariables(url).count > 0
        ? { type: "URL", text, url, example: [button.example.trim()] }
        : { type: "URL", text, url };
    }
    case "PHONE_NUMBER":
      return { type: "PHONE_NUMBER", text, phoneNumber: button.phoneNumber.replace(/[^\d+]/g, "") };
  }
}

/** Call only with a draft that passed checkTemplateDraft. */
export function toTemplateCreateRequest(draft: TemplateDraft): TemplateCreateRequest {
  const components: ApiTemplateComponent[] = [];
  const { header } = draft;
  if (header.format === "TEXT") {
    const text = header.text.trim();
    components.push(
      scanVariables(text).count > 0
        ? { type: "HEADER", format: "Text", text, examples: [header.example.trim()] }
        : { type: "HEADER", format: "Text", text },
    );
  } else if (header.format !== "NONE") {
    components.push({
      type: "HEADER",
      format: mediaFormat[header.format],
      examples: [header.mediaUrl.trim()],
    });
  }
  const bodyText = draft.body.text.trim();
  const variableCount = scanVariables(bodyText).count;
  components.push(
    variableCount > 0
      ? {
          type: "BODY",
          text: bodyText,
          examples: draft.body.examples.slice(0, variableCount).map((value) => value.trim()),
        }
      : { type: "BODY", text: bodyText },
  );
  if (draft.footer.trim()) components.push({ type: "FOOTER", text: draft.footer.trim() });
  if (draft.buttons.length > 0) components.push({ type: "BUTTONS", buttons: draft.buttons.map(toApiButton) });
  return {
    language: draft.language,
    name: draft.name,
    category: draft.category,
    components,
    ...(draft.allowCategoryChange ? {} : { allow_category_change: false as const }),
  };
}
